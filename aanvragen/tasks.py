"""Thin Celery tasks: each calls one service. They run through the outbox (planned in the
service's transaction) and are retried when the mail server fails."""

from smtplib import SMTPException

from aanvragen import services
from tfvv.outbox import outbox_taak

MAIL_OPNIEUW = {"autoretry_for": (OSError, SMTPException), "retry_backoff": True,
                "max_retries": 6, "acks_late": True}


@outbox_taak(**MAIL_OPNIEUW)
def mail_ontvangstbevestiging(*, aanvraag_id: int) -> None:
    services.mail_ontvangstbevestiging(aanvraag_id=aanvraag_id)


@outbox_taak(**MAIL_OPNIEUW)
def mail_inloglink(*, gebruiker_id: int, al_aangemeld: bool = False,
                   terug_naar: str = "") -> None:
    services.mail_inloglink(gebruiker_id=gebruiker_id, al_aangemeld=al_aangemeld,
                            terug_naar=terug_naar)


@outbox_taak(**MAIL_OPNIEUW)
def mail_email_gewijzigd(*, aan: str) -> None:
    services.mail_email_gewijzigd(aan=aan)


@outbox_taak(**MAIL_OPNIEUW)
def mail_inloglink_als_bekend(*, email: str, terug_naar: str = "") -> None:
    services.mail_inloglink_als_bekend(email=email, terug_naar=terug_naar)


@outbox_taak(**MAIL_OPNIEUW)
def mail_emailwijziging_bevestigen(*, wijziging_id: int) -> None:
    services.mail_emailwijziging_bevestigen(wijziging_id=wijziging_id)


@outbox_taak(**MAIL_OPNIEUW)
def mail_emailwijziging_aangevraagd(*, aan: str, nieuw: str) -> None:
    services.mail_emailwijziging_aangevraagd(aan=aan, nieuw=nieuw)
