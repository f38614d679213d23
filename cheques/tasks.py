from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from cheques import documenten, services, vervolgbrieven
from cheques.services import dossierexport, opleideraccounts
from tfvv.outbox import outbox_taak

MAIL_OPNIEUW = {"autoretry_for": (OSError, SMTPException), "retry_backoff": True,
                "max_retries": 6, "acks_late": True}


@outbox_taak(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def maak_documenten(*, beschikking_id: int) -> None:
    """Render the beschikking (and cheque) PDFs and send the mails, once."""
    documenten.maak_documenten(beschikking_id=beschikking_id)


@shared_task(acks_late=True)
def laat_verlopen_cheques_vervallen() -> int:
    """Daily (beat): unused cheques past their expiry lapse."""
    return services.laat_verlopen_cheques_vervallen(vandaag=timezone.localdate())


@shared_task(acks_late=True)
def markeer_vast_te_stellen() -> int:
    """Daily (beat): declared cheques past their end date without a completion proof go on
    finance's worklist for an ambtshalve vaststelling."""
    return services.markeer_vast_te_stellen(vandaag=timezone.localdate())


@outbox_taak(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def maak_vervolgbrief(*, besluit_id: int) -> None:
    """Render the letter of a decision after the grant and tell the resident, once."""
    vervolgbrieven.maak_brief(besluit_id=besluit_id)


@outbox_taak(**MAIL_OPNIEUW)
def mail_opleiderlink(*, gebruiker_id: int, uitnodiging: bool = False) -> None:
    """The invitation or a login link of an opleider user (a new link each time)."""
    opleideraccounts.mail_link(gebruiker_id=gebruiker_id, uitnodiging=uitnodiging)


@outbox_taak(**MAIL_OPNIEUW)
def mail_opleiderlink_als_bekend(*, email: str) -> None:
    opleideraccounts.mail_link_als_bekend(email=email)


@outbox_taak(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def maak_dossierexport(*, export_id: int) -> None:
    """Build a large sample of dossiers for an auditor (docs/controle.md), once."""
    dossierexport.maak_export(export_id=export_id)


@shared_task(acks_late=True)
def ruim_dossierexports_op() -> int:
    """Hourly (beat): remove the zips whose download time is over."""
    return dossierexport.ruim_op()
