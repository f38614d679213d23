"""E-mail as an outbox side effect: planned in the transaction, sent by the worker,
retried with backoff while the mail server is down."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from tfvv.outbox import plan_taak


def plan_mail(*, aan: list[str], onderwerp: str, tekst: str, html: str = ""):
    """Send this e-mail after the current transaction commits (see tfvv.outbox)."""
    return plan_taak("tfvv.tasks.verstuur_mail", aan=list(aan), onderwerp=str(onderwerp),
                     tekst=str(tekst), html=str(html))


def verstuur(*, aan: list[str], onderwerp: str, tekst: str, html: str = "") -> int:
    bericht = EmailMultiAlternatives(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, aan)
    if html:
        bericht.attach_alternative(html, "text/html")
    return bericht.send(fail_silently=False)
