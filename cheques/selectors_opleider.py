"""Reads of the opleider portal: the cheques of ONE opleider, and of the holder only the
initials and surname (never an address, e-mail, BSN or the case itself)."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils import timezone

from cheques.documenten import voorletters
from cheques.models import Betaling, Cheque

# a cheque that is still to be used and expires within this many days is flagged
BIJNA_VERLOPEN_DAGEN = 30


@dataclass(frozen=True)
class Chequeregel:
    nummer: str
    houder: str
    opleiding: str
    start: date
    eind: date
    bedrag: Decimal
    geldig_tot: date
    status: str
    betalingen: tuple
    verloopt_binnenkort: bool
    vastgesteld_bedrag: Decimal | None = None
    vastgesteld_op: date | None = None

    @property
    def betaald(self) -> Decimal:
        return sum((b.bedrag for b in self.betalingen), Decimal("0"))


def cheques_van(opleider, *, zoek: str = ""):
    """The cheques issued for `opleider`'s trainings, newest first; `zoek` matches the
    cheque number, the holder's surname or the training."""
    qs = (Cheque.objects.filter(opleider=opleider)
          .select_related("beschikking__plan__aanvraag")
          .only("nummer", "bedrag", "geldig_tot", "status", "uitgegeven_op",
                "vastgesteld_bedrag", "vastgesteld_op",
                "beschikking__plan__opleiding_naam", "beschikking__plan__startdatum",
                "beschikking__plan__einddatum", "beschikking__plan__aanvraag__voornaam",
                "beschikking__plan__aanvraag__achternaam")
          .prefetch_related(Prefetch("betalingen", queryset=Betaling.objects.only(
              "cheque_id", "bedrag", "betaald_op", "batch", "soort").order_by("betaald_op")))
          .order_by("-uitgegeven_op", "-id"))
    zoek = zoek.strip()
    if zoek:
        qs = qs.filter(Q(nummer__icontains=zoek)
                       | Q(beschikking__plan__aanvraag__achternaam__icontains=zoek)
                       | Q(beschikking__plan__opleiding_naam__icontains=zoek))
    return qs


def cheque_van(opleider, nummer: str) -> Chequeregel | None:
    """One cheque of `opleider` by its number; None for another opleider's (a 404)."""
    cheque = cheques_van(opleider).filter(nummer=nummer).first()
    return als_regel(cheque) if cheque else None


def als_regel(cheque: Cheque, *, vandaag: date | None = None) -> Chequeregel:
    vandaag = vandaag or timezone.localdate()
    plan = cheque.beschikking.plan
    aanvraag = plan.aanvraag
    return Chequeregel(
        nummer=cheque.nummer, houder=f"{voorletters(aanvraag.voornaam)} {aanvraag.achternaam}",
        opleiding=plan.opleiding_naam, start=plan.startdatum, eind=plan.einddatum,
        bedrag=cheque.bedrag, geldig_tot=cheque.geldig_tot,
        status=str(cheque.get_status_display()), betalingen=tuple(cheque.betalingen.all()),
        verloopt_binnenkort=(cheque.status == Cheque.Status.UITGEGEVEN
                             and vandaag <= cheque.geldig_tot
                             <= vandaag + timedelta(days=BIJNA_VERLOPEN_DAGEN)),
        vastgesteld_bedrag=cheque.vastgesteld_bedrag, vastgesteld_op=cheque.vastgesteld_op)
