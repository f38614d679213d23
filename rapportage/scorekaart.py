"""The opleider scorecard for the project office (docs/uitkomsten.md, "Scorekaart opleiders").

Per opleider, over the cheques issued since the start of the programme (a cohort: their
afrondingen and questionnaires belong to them whenever recorded): number of cheques, the
granted amount and the share of the fund's spending, the average cheque amount against the
median of the opleiders, the completion rate and the outcome at 6 months (working, of those
who answered, with the response). Three queries, whatever the number of cheques or
opleiders.

Price per study hour: the scholingsplan holds no study hours (only start and end date), so
the scorecard shows the price per cheque only.

Market-behaviour signals (business plan ch. 02, "scheefgroei in het aantal verleende
vouchers en de verdeling van kosten"): an opleider whose share of the cheques or of the
spending is at least SCHEEFGROEI_FACTOR times the median share of all opleiders and at least
SCHEEFGROEI_MINIMUM; an average cheque amount of at least PRIJS_FACTOR times the median.
Only a row with 5 or more cheques gets a signal (its figures are shown).

Suppression as on the dashboard (rapportage.tabellen): a count of 1 to 4 is "<5" (with a
complement, as the table has a total); a share, amount, average or rate of such a group is
"x"; a rate rests on its own group (afrondingen, sent or answered questionnaires) and is
"x" when that group is under 5.
"""

import statistics
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum
from django.db.models.functions import Coalesce

from cheques.models import Afronding, Cheque
from rapportage.models import Vervolgmeting
from rapportage.samenvatting_uitkomsten import VOLTOOID, WERKEND, afrondingsklasse
from rapportage.selectors import PROGRAMMA_VAN
from rapportage.tabellen import LEEG, Tabel, aantal, bedrag, is_klein, procent, tekst, verberg

SCHEEFGROEI_FACTOR = Decimal(3)  # share >= 3 x the median share of the opleiders
SCHEEFGROEI_MINIMUM = Decimal("0.10")  # ... and at least 10 % of the whole
PRIJS_FACTOR = Decimal("1.5")  # average cheque amount >= 150 % of the median

BEDRAG = DecimalField(max_digits=14, decimal_places=2)
# Spending: the vastgesteld amount once settled, else the granted one; a vervallen or
# ingetrokken cheque released its budget and spends nothing.
NIET_BESTEED = (Cheque.Status.VERVALLEN, Cheque.Status.INGETROKKEN)
KOLOMMEN = [
    "Opleider", "Cheques", "Aandeel cheques", "Uitgaven", "Aandeel uitgaven",
    "Gemiddeld chequebedrag", "Gemiddeld als % van de mediaan", "Afrondingen", "Voltooid",
    "Vragenlijsten na 6 maanden verstuurd", "Respons", "Werkend na 6 maanden", "Signalen",
]
SIGNAAL_CHEQUES = "aandeel cheques ver boven de anderen"
SIGNAAL_UITGAVEN = "aandeel uitgaven ver boven de anderen"
SIGNAAL_PRIJS = "chequebedrag ver boven de mediaan"


@dataclass
class Rij:
    naam: str
    cheques: int = 0
    verleend: Decimal = Decimal(0)
    uitgaven: Decimal = Decimal(0)
    afrondingen: int = 0
    voltooid: int = 0
    verstuurd: int = 0
    beantwoord: int = 0
    werkend: int = 0

    @property
    def gemiddeld(self) -> Decimal | None:
        return self.verleend / self.cheques if self.cheques else None


@dataclass
class Scorekaart:
    tabel: Tabel
    mediaan_bedrag: Decimal | None
    signalen: dict[str, list[str]]  # opleider -> signals (only rows shown)


def _rijen() -> dict[int, Rij]:
    cheques = Cheque.objects.filter(uitgegeven_op__gte=PROGRAMMA_VAN)
    besteed = Coalesce("vastgesteld_bedrag", "bedrag", output_field=BEDRAG)
    rijen: dict[int, Rij] = {}
    for r in (cheques.values("opleider_id", "opleider__naam")
              .annotate(n=Count("pk"), verleend=Sum("bedrag"),
                        uitgaven=Coalesce(Sum(besteed, filter=~Q(status__in=NIET_BESTEED)),
                                          Decimal(0), output_field=BEDRAG))
              .order_by()):
        rijen[r["opleider_id"]] = Rij(r["opleider__naam"], r["n"], r["verleend"],
                                      r["uitgaven"])
    for r in (Afronding.objects.filter(cheque__uitgegeven_op__gte=PROGRAMMA_VAN)
              .annotate(klasse=afrondingsklasse()).values("cheque__opleider_id")
              .annotate(n=Count("pk"), ja=Count("pk", filter=Q(klasse__in=VOLTOOID)))
              .order_by()):
        rij = rijen[r["cheque__opleider_id"]]
        rij.afrondingen, rij.voltooid = r["n"], r["ja"]
    for r in (Vervolgmeting.objects
              .filter(cheque__uitgegeven_op__gte=PROGRAMMA_VAN,
                      moment=Vervolgmeting.Moment.ZES_MAANDEN, verstuurd_op__isnull=False)
              .values("cheque__opleider_id")
              .annotate(n=Count("pk"), ja=Count("pk", filter=Q(ingevuld_op__isnull=False)),
                        werk=Count("pk", filter=Q(ingevuld_op__isnull=False,
                                                  werksituatie__in=WERKEND)))
              .order_by()):
        rij = rijen[r["cheque__opleider_id"]]
        rij.verstuurd, rij.beantwoord, rij.werkend = r["n"], r["ja"], r["werk"]
    return rijen


def _scheef(deel, geheel, mediaan_aandeel) -> bool:
    if not geheel or mediaan_aandeel is None:
        return False
    aandeel = Decimal(deel) / Decimal(geheel)
    return aandeel >= SCHEEFGROEI_MINIMUM and aandeel >= SCHEEFGROEI_FACTOR * mediaan_aandeel


def _mediaan(waarden) -> Decimal | None:
    waarden = [Decimal(w) for w in waarden]
    return statistics.median(waarden) if waarden else None


def scorekaart() -> Scorekaart:
    rijen = sorted(_rijen().values(), key=lambda r: (-r.cheques, r.naam))
    tot = Rij("Alle opleiders")
    for r in rijen:
        for veld in ("cheques", "verleend", "uitgaven", "afrondingen", "voltooid", "verstuurd",
                     "beantwoord", "werkend"):
            setattr(tot, veld, getattr(tot, veld) + getattr(r, veld))
    weg = verberg([r.cheques for r in rijen])
    weg_afr = verberg([r.afrondingen for r in rijen])
    weg_verstuurd = verberg([r.verstuurd for r in rijen])
    # medians over all opleiders for the shares; over the shown rows for the amount (an
    # amount of fewer than 5 cheques stays hidden, also inside a median)
    mediaan_cheques = _mediaan(Decimal(r.cheques) / tot.cheques for r in rijen if tot.cheques)
    mediaan_uitgaven = _mediaan(r.uitgaven / tot.uitgaven for r in rijen if tot.uitgaven)
    mediaan_bedrag = _mediaan(r.gemiddeld for r, w in zip(rijen, weg, strict=True) if not w)

    tabel = Tabel(
        "scorekaart", "Scorekaart opleiders", KOLOMMEN,
        toelichting=(
            "Cheques uitgegeven vanaf 1 januari 2023, met hun afrondingen en vragenlijsten. "
            "Uitgaven: het vastgestelde bedrag, of het verleende zolang niet vastgesteld; "
            "vervallen en ingetrokken cheques tellen niet mee. Mediaan: van het gemiddelde "
            "chequebedrag van de opleiders met 5 of meer cheques"
            + (f" ({bedrag(mediaan_bedrag).tekst})." if mediaan_bedrag is not None else ".")
            + " Prijs per studie-uur: het scholingsplan legt geen studie-uren vast."))
    signalen: dict[str, list[str]] = {}
    for r, w, w_afr, w_verstuurd in zip(rijen, weg, weg_afr, weg_verstuurd, strict=True):
        eigen = []
        if not w:
            if _scheef(r.cheques, tot.cheques, mediaan_cheques):
                eigen.append(SIGNAAL_CHEQUES)
            if _scheef(r.uitgaven, tot.uitgaven, mediaan_uitgaven):
                eigen.append(SIGNAAL_UITGAVEN)
            if mediaan_bedrag and r.gemiddeld >= PRIJS_FACTOR * mediaan_bedrag:
                eigen.append(SIGNAAL_PRIJS)
        if eigen:
            signalen[r.naam] = eigen
        tabel.rijen.append(_cellen(r, w, w_afr, w_verstuurd, tot, mediaan_bedrag)
                           + [tekst("; ".join(eigen))])
    tabel.totaal = _cellen(tot, is_klein(tot.cheques), is_klein(tot.afrondingen),
                           is_klein(tot.verstuurd), tot, mediaan_bedrag) + [LEEG]
    return Scorekaart(tabel, mediaan_bedrag, signalen)


def _cellen(r: Rij, weg: bool, weg_afr: bool, weg_verstuurd: bool, tot: Rij,
            mediaan_bedrag) -> list:
    return [
        tekst(r.naam), aantal(r.cheques, weg),
        procent(r.cheques, tot.cheques, verborgen=weg),
        bedrag(r.uitgaven, verborgen=weg), procent(r.uitgaven, tot.uitgaven, verborgen=weg),
        bedrag(r.gemiddeld, verborgen=weg) if r.cheques else LEEG,
        procent(r.gemiddeld, mediaan_bedrag, verborgen=weg) if r.cheques else LEEG,
        aantal(r.afrondingen, weg_afr),
        procent(r.voltooid, r.afrondingen, verborgen=weg_afr),
        aantal(r.verstuurd, weg_verstuurd),
        procent(r.beantwoord, r.verstuurd, verborgen=weg_verstuurd),
        procent(r.werkend, r.beantwoord, verborgen=weg_verstuurd or is_klein(r.beantwoord)),
    ]

