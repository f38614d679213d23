"""The resident's answers to the follow-up questionnaires in their AVG inzage export
(`aanvragen.inzage`)."""

from django.db.models import F

from aanvragen import inzage
from rapportage.models import Vervolgmeting


def vervolgvragenlijsten(referenties: dict) -> list[dict]:
    pad = "cheque__beschikking__plan__aanvraag_id"
    qs = (Vervolgmeting.objects.filter(**{f"{pad}__in": referenties})
          .annotate(aanvraag_ref=F(pad)).select_related("sector", "kansberoep").order_by("pk"))
    return [inzage.rij(m, aanvraag=referenties[m.aanvraag_ref], extra={
        "sector": str(m.sector) if m.sector else None,
        "beroep op de kansberoepenlijst": str(m.kansberoep) if m.kansberoep else None})
        for m in qs]


inzage.registreer("vervolgvragenlijsten", vervolgvragenlijsten)
