"""The public results page (no login, open data; docs/uitkomsten.md): per calendar year of
the programme the cheques and LLO-gesprekken against the business plan's targets, and the
completion rate. Fund-wide figures from the summary tables, one query; small numbers
suppressed as everywhere (`rapportage.tabellen`)."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from rapportage.models import Telling
from rapportage.selectors import DOELEN, PROGRAMMA_TOT, PROGRAMMA_VAN
from rapportage.tabellen import Tabel, aantal, decimaal, procent, tekst, verberg


def _verwacht(jaar: int, per_jaar: int, vandaag: datetime.date) -> Decimal:
    """The target of the year, pro rata for the running year."""
    begin, eind = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    if vandaag >= eind:
        return Decimal(per_jaar)
    verstreken = Decimal((vandaag - begin).days + 1)
    return Decimal(per_jaar) * verstreken / Decimal((eind - begin).days + 1)


def resultaten(vandaag: datetime.date) -> Tabel:
    rijen = (Telling.objects
             .filter(niveau=Telling.Niveau.TOTAAL, dimensie__in=(*DOELEN, "voltooid"),
                     maand__gte=PROGRAMMA_VAN, maand__lte=min(vandaag, PROGRAMMA_TOT))
             .annotate(jaar=ExtractYear("maand")).values("jaar", "dimensie", "waarde")
             .annotate(n=Sum("aantal")).order_by())
    per_jaar: dict = defaultdict(lambda: defaultdict(int))
    for r in rijen:
        sleutel = r["dimensie"] if r["dimensie"] in DOELEN else f"voltooid_{r['waarde']}"
        per_jaar[r["jaar"]][sleutel] += r["n"]
    tabel = Tabel("resultaten", "Resultaten per jaar", [
        "Jaar", "Cheques", "Doel cheques", "Cheques als % van doel", "LLO-gesprekken",
        "Doel gesprekken", "Gesprekken als % van doel", "Afrondingen", "Voltooid"],
        toelichting="Doel voor het lopende jaar: naar rato van de verstreken dagen. "
                    "De toelichting staat onder de tabel.")
    for jaar in range(PROGRAMMA_VAN.year, min(vandaag, PROGRAMMA_TOT).year + 1):
        cijfers = per_jaar[jaar]
        rij = [tekst(jaar)]
        for dimensie in DOELEN:
            n, doel = cijfers[dimensie], _verwacht(jaar, DOELEN[dimensie][1], vandaag)
            rij += [aantal(n), decimaal(doel, 0), procent(n, doel, verborgen=0 < n < 5)]
        ja, nee = cijfers["voltooid_ja"], cijfers["voltooid_nee"]
        rij += [aantal(ja + nee), procent(ja, ja + nee, verborgen=any(verberg([ja, nee])))]
        tabel.rijen.append(rij)
    return tabel
