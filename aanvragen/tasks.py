"""Thin Celery tasks: each calls one service. Mail is retried when the mail server fails."""

from smtplib import SMTPException

from celery import shared_task

from aanvragen import services

MAIL_OPNIEUW = {"autoretry_for": (OSError, SMTPException), "retry_backoff": True,
                "max_retries": 6}


@shared_task(**MAIL_OPNIEUW)
def mail_ontvangstbevestiging(aanvraag_id: int) -> None:
    services.mail_ontvangstbevestiging(aanvraag_id=aanvraag_id)


@shared_task(**MAIL_OPNIEUW)
def mail_inloglink(gebruiker_id: int, al_aangemeld: bool = False) -> None:
    services.mail_inloglink(gebruiker_id=gebruiker_id, al_aangemeld=al_aangemeld)


@shared_task(**MAIL_OPNIEUW)
def mail_email_gewijzigd(aan: str) -> None:
    services.mail_email_gewijzigd(aan=aan)
