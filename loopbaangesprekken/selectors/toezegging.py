"""What a co-financing party may see of a plan: the training and its share, never the
resident's file (only initials and surname, so the employer knows whom it concerns)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum

from loopbaangesprekken.models import Cofinancieringsregel


def initialen_en_achternaam(voornaam: str, achternaam: str) -> str:
    """'Anna Maria', 'de Vries' -> 'A.M. de Vries'."""
    initialen = "".join(f"{deel[0].upper()}." for deel in voornaam.split())
    return f"{initialen} {achternaam}".strip()


@dataclass(frozen=True)
class Toezeggingsinhoud:
    deelnemer: str
    opleiding: str
    opleider: str
    startdatum: date
    einddatum: date
    totale_kosten: Decimal
    partij: str
    bedrag: Decimal


def inhoud(regel: Cofinancieringsregel) -> Toezeggingsinhoud:
    """One query for the costs; the line comes with its plan, opleider and aanvraag."""
    plan = regel.plan
    kosten = plan.kosten.aggregate(s=Sum("bedrag"))["s"] or Decimal("0.00")
    return Toezeggingsinhoud(
        deelnemer=initialen_en_achternaam(plan.aanvraag.voornaam, plan.aanvraag.achternaam),
        opleiding=plan.opleiding_naam, opleider=plan.opleider.naam,
        startdatum=plan.startdatum, einddatum=plan.einddatum, totale_kosten=kosten,
        partij=str(regel.werkgever or regel.partij), bedrag=regel.bedrag)
