from smtplib import SMTPException

from celery import shared_task

from loopbaangesprekken import uitnodiging
from loopbaangesprekken.services import toezegging, toezegging_herinnering
from tfvv.outbox import outbox_taak


@outbox_taak(acks_late=True, autoretry_for=(SMTPException, OSError), retry_backoff=30,
             retry_backoff_max=1800, max_retries=8)
def verstuur_gespreksmail(*, gesprek_id: int, soort: str) -> None:
    """Invitation, change or cancellation of a gesprek, with the .ics, to the resident."""
    uitnodiging.verstuur(gesprek_id, soort)


@outbox_taak(acks_late=True, autoretry_for=(SMTPException, OSError), retry_backoff=30,
             retry_backoff_max=1800, max_retries=8)
def mail_toezeggingsverzoek(*, verzoek_id: int) -> None:
    """The single-use link to the party of a co-financing line (made here, never stored)."""
    toezegging.mail_verzoek(verzoek_id=verzoek_id)


@outbox_taak(acks_late=True, autoretry_for=(SMTPException, OSError), retry_backoff=30,
             retry_backoff_max=1800, max_retries=8)
def mail_toezeggingsherinnering(*, verzoek_id: int) -> None:
    """The reminder to the party, with a fresh link (made here, never stored)."""
    toezegging.mail_verzoek(verzoek_id=verzoek_id, herinnering=True)


@shared_task
def herinner_toezeggingen() -> dict[str, int]:
    """Beat, daily: reminders to co-financing parties, meldingen of expired links."""
    return toezegging_herinnering.dagelijks()
