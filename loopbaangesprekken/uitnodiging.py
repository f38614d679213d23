"""E-mail to the resident about a planned, moved or cancelled gesprek, with the .ics."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from loopbaangesprekken import ics
from loopbaangesprekken.models import Gesprek

ONDERWERP = {
    "uitnodiging": "Uitnodiging loopbaangesprek Twents Fonds voor Vakmanschap",
    "verplaatst": "Uw loopbaangesprek is verplaatst",
    "geannuleerd": "Uw loopbaangesprek is geannuleerd",
}


def bericht(gesprek: Gesprek, soort: str) -> EmailMessage:
    """The message for `soort` (uitnodiging / verplaatst / geannuleerd), not yet sent."""
    geannuleerd = soort == "geannuleerd"
    tekst = render_to_string("loopbaangesprekken/mail/gesprek.txt", {
        "soort": soort,
        "gesprek": gesprek,
        "aanvraag": gesprek.aanvraag,
        "moment": timezone.localtime(gesprek.gepland_op),
        "plaats": ics.plaats(gesprek),
    })
    antwoord = [gesprek.consulent.email] if gesprek.consulent.email else []
    mail = EmailMessage(subject=ONDERWERP[soort], body=tekst, to=[gesprek.aanvraag.email],
                        reply_to=antwoord)
    methode = "CANCEL" if geannuleerd else "REQUEST"
    mail.attach("loopbaangesprek.ics", ics.agenda(gesprek, geannuleerd=geannuleerd),
                f"text/calendar; charset=utf-8; method={methode}")
    return mail


def verstuur(gesprek_id: int, soort: str) -> None:
    gesprek = Gesprek.objects.select_related("aanvraag", "consulent").get(pk=gesprek_id)
    bericht(gesprek, soort).send()
