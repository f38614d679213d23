"""E-mail as an outbox side effect: planned in the transaction, sent by the worker,
retried with backoff while the mail server is down.

Every mail of the fund is built here: the subject is always one line without links
(tfvv.tekst.mailveilig), whatever a template or a name in it contained. Values typed by
people go into bodies through the template filters `mailveilig` and `citeer`.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from tfvv.outbox import plan_taak
from tfvv.tekst import mailveilig


def plan_mail(*, aan: list[str], onderwerp: str, tekst: str, html: str = ""):
    """Send this e-mail after the current transaction commits (see tfvv.outbox)."""
    return plan_taak("tfvv.tasks.verstuur_mail", aan=list(aan), onderwerp=mailveilig(onderwerp),
                     tekst=str(tekst), html=str(html))


def bericht(*, aan: list[str], onderwerp: str, tekst: str, html: str = "",
            **opties) -> EmailMultiAlternatives:
    """The message, not yet sent (`opties`: reply_to, …, as EmailMultiAlternatives takes)."""
    mail = EmailMultiAlternatives(mailveilig(onderwerp), str(tekst), settings.DEFAULT_FROM_EMAIL,
                                  list(aan), **opties)
    if html:
        mail.attach_alternative(html, "text/html")
    return mail


def verstuur(*, aan: list[str], onderwerp: str, tekst: str, html: str = "") -> int:
    return bericht(aan=aan, onderwerp=onderwerp, tekst=tekst, html=html).send(fail_silently=False)
