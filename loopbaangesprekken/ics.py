"""The calendar attachment (.ics, RFC 5545) of a gesprek invitation, built with icalendar.

One UID per gesprek; a reschedule raises SEQUENCE so calendar programs update the
appointment, a cancellation sends METHOD:CANCEL with STATUS:CANCELLED.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from loopbaangesprekken.models import Gesprek
from tfvv.tekst import mailveilig

DUUR = datetime.timedelta(minutes=60)
PRODID = "-//Twents Fonds voor Vakmanschap//Loopbaangesprekken//NL"
DOMEIN = "twentsfonds.example"


def uid(gesprek: Gesprek) -> str:
    return f"loopbaangesprek-{gesprek.pk}@{DOMEIN}"


def plaats(gesprek: Gesprek) -> str:
    if gesprek.vorm == Gesprek.Vorm.OP_LOCATIE:
        return mailveilig(gesprek.locatie)  # typed text, shown in a mail and a calendar
    return str(gesprek.get_vorm_display()).capitalize()


def agenda(gesprek: Gesprek, *, geannuleerd: bool = False) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if geannuleerd else "REQUEST")

    event = Event()
    event.add("uid", uid(gesprek))
    event.add("sequence", gesprek.agenda_volgnummer)
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    start = gesprek.gepland_op.astimezone(datetime.UTC)
    event.add("dtstart", start)
    event.add("dtend", start + DUUR)
    event.add("summary", "Loopbaangesprek Twents Fonds voor Vakmanschap")
    event.add("location", vText(plaats(gesprek)))
    event.add("description", beschrijving(gesprek))
    event.add("status", "CANCELLED" if geannuleerd else "CONFIRMED")
    organisator = vCalAddress(f"mailto:{_afzenderadres()}")
    organisator.params["cn"] = vText("Twents Fonds voor Vakmanschap")
    event.add("organizer", organisator)
    cal.add_component(event)
    return cal.to_ical()


def beschrijving(gesprek: Gesprek) -> str:
    regels = [
        f"Loopbaangesprek ({gesprek.get_vorm_display()}) met "
        f"{gesprek.consulent.get_full_name()} van {gesprek.aanvraag.get_loket_display()}.",
        f"Uw referentie: {gesprek.aanvraag.referentie}.",
    ]
    return "\n".join(regels)


def _afzenderadres() -> str:
    afzender = settings.DEFAULT_FROM_EMAIL
    return afzender.split("<")[-1].rstrip(">").strip()
