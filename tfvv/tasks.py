from smtplib import SMTPException

from celery import shared_task
from django.db import transaction

from tfvv import bewaartermijnen, herinneringen, mail, outbox
from tfvv.volgnummers import volgende


@shared_task
def werker_hartslag() -> int:
    """Beat sends this every minute; the worker counts it in the database, so
    `Volgnummer "werker-hartslag"` shows that broker, worker and database work together."""
    with transaction.atomic():
        return volgende("werker-hartslag")


@shared_task
def verwerk_outbox() -> int:
    """Beat: re-send side effects the broker or a worker lost (tfvv.outbox)."""
    return outbox.verwerk_outbox()


@outbox.outbox_taak(autoretry_for=(SMTPException, OSError), retry_backoff=30,
                    retry_backoff_max=1800, retry_jitter=True, max_retries=8)
def verstuur_mail(*, aan: list[str], onderwerp: str, tekst: str, html: str = "") -> int:
    """Send one e-mail; while the mail server is down, retried with growing pauses
    (30 s … 30 min), after that `verwerk_outbox` keeps offering it."""
    return mail.verstuur(aan=aan, onderwerp=onderwerp, tekst=tekst, html=html)


@shared_task
def pas_bewaartermijnen_toe() -> dict[str, int]:
    """Beat, nightly: anonymise records whose retention period has passed."""
    return bewaartermijnen.pas_toe()


@shared_task
def verstuur_dagelijkse_overzichten() -> int:
    """Beat, every morning: the daily overview for who chose it (tfvv.herinneringen)."""
    return herinneringen.verstuur_overzichten()


@shared_task
def waarschuw_termijnen() -> int:
    """Beat, every morning: meldingen of deadlines ending within 3 working days."""
    return herinneringen.waarschuw_termijnen()


@shared_task
def waarschuw_beheerders() -> int:
    """Beat, every morning: regeling or budget period ending within 3 months."""
    return herinneringen.waarschuw_beheerders()
