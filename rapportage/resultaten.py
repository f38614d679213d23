"""The public results page (no login, open data; docs/uitkomsten.md): per calendar year and
per quarter of the programme the cheques and LLO-gesprekken against the business plan's
targets, the outcomes per year, and a table per gemeente (`rapportage.resultaten_gemeenten`).
Figures from the summary tables; small numbers suppressed as everywhere
(`rapportage.tabellen`).

No differencing across the tables: the quarters add up to the year, the years and the
gemeenten to the programme total (which the gemeente table shows). So the years are
suppressed as a column with a total (a hidden year gets a complement), the quarters of a
year as a column with the year as total, and a hidden year keeps at least one hidden
quarter, or its quarters would add up to it (`verberg_binnen`). The outcome rates rest on
two parts each (completed or not, answered or not, working or not) and are hidden when one
part is 1 to 4; no outcome total is published, so the years stand on their own there.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum

from rapportage.models import Telling
from rapportage.resultaten_gemeenten import gemeenten
from rapportage.samenvatting_uitkomsten import WERKEND
from rapportage.selectors import DOELEN, PROGRAMMA_TOT, PROGRAMMA_VAN
from rapportage.tabellen import Tabel, aantal, decimaal, procent, tekst, verberg

ZES = "6_maanden"
DIMENSIES = (*DOELEN, "voltooid", f"respons_{ZES}", f"werk_{ZES}")
KWARTAAL_MAANDEN = 3


def verberg_binnen(aantallen: list[int], geheel_verborgen: bool) -> list[bool]:
    """`verberg` for the parts of a whole; when the whole is hidden, at least one non-zero
    part is hidden too, so the parts do not add up to it."""
    weg = verberg(aantallen)
    if geheel_verborgen and not any(w for w, n in zip(weg, aantallen, strict=True) if n):
        niet_nul = [(n, i) for i, n in enumerate(aantallen) if n]
        if niet_nul:
            weg[min(niet_nul)[1]] = True
    return weg


def _doel(per_jaar: int, begin: datetime.date, eind: datetime.date, lengte: Decimal,
          vandaag: datetime.date) -> Decimal:
    """The target of a year (lengte 1) or quarter (1/4), pro rata while it runs."""
    doel = Decimal(per_jaar) * lengte
    if vandaag >= eind:
        return doel
    return doel * Decimal((vandaag - begin).days + 1) / Decimal((eind - begin).days + 1)


def _kwartaal(maand: datetime.date) -> int:
    return (maand.month - 1) // KWARTAAL_MAANDEN + 1


def _kwartaal_grenzen(jaar: int, k: int) -> tuple[datetime.date, datetime.date]:
    begin = datetime.date(jaar, (k - 1) * KWARTAAL_MAANDEN + 1, 1)
    volgende = (datetime.date(jaar + 1, 1, 1) if k == 4
                else datetime.date(jaar, k * KWARTAAL_MAANDEN + 1, 1))
    return begin, volgende - datetime.timedelta(days=1)


def _per_maand(vandaag: datetime.date) -> dict:
    """{(jaar, kwartaal): {sleutel: aantal}}: one query on the fund-wide summary rows."""
    uit: dict = defaultdict(lambda: defaultdict(int))
    rijen = (Telling.objects
             .filter(niveau=Telling.Niveau.TOTAAL, dimensie__in=DIMENSIES,
                     maanden=Telling.Duur.MAAND, maand__gte=PROGRAMMA_VAN,
                     maand__lte=min(vandaag, PROGRAMMA_TOT))
             .values("maand", "dimensie", "waarde").annotate(n=Sum("aantal")).order_by())
    for r in rijen:
        dimensie, waarde = r["dimensie"], r["waarde"]
        if dimensie in DOELEN:
            sleutel = dimensie
        elif dimensie == "voltooid":
            sleutel = f"voltooid_{waarde}"
        elif dimensie.startswith("respons_"):
            sleutel = "beantwoord" if waarde == "beantwoord" else "niet_beantwoord"
        else:  # werk: "<route>|<werksituatie>"
            sleutel = "werkend" if waarde.split("|")[-1] in WERKEND else "niet_werkend"
        uit[(r["maand"].year, _kwartaal(r["maand"]))][sleutel] += r["n"]
    return uit


def _jaren(vandaag: datetime.date) -> list[int]:
    return list(range(PROGRAMMA_VAN.year, min(vandaag, PROGRAMMA_TOT).year + 1))


def _kwartalen(jaar: int, vandaag: datetime.date) -> list[int]:
    return [k for k in range(1, 5) if _kwartaal_grenzen(jaar, k)[0] <= vandaag]


def _doelkolommen(rij, n: int, weg: bool, doel: Decimal) -> None:
    rij += [aantal(n, weg), decimaal(doel, 0), procent(n, doel, verborgen=weg or 0 < n < 5)]


def resultaten(vandaag: datetime.date) -> dict[str, Tabel]:
    """The tables of the page in order, by key (the key names the CSV)."""
    cijfers = _per_maand(vandaag)
    jaren = _jaren(vandaag)
    per_jaar = {j: defaultdict(int) for j in jaren}
    for (jaar, _), waarden in cijfers.items():
        for sleutel, n in waarden.items():
            per_jaar[jaar][sleutel] += n
    doelkolommen = ["Cheques", "Doel cheques", "Cheques als % van doel", "LLO-gesprekken",
                    "Doel gesprekken", "Gesprekken als % van doel"]
    jaartabel = Tabel("resultaten", "Resultaten per jaar", ["Jaar", *doelkolommen],
                      toelichting="Doel voor het lopende jaar: naar rato van de verstreken "
                                  "dagen. De toelichting staat onder de tabellen.")
    kwartaaltabel = Tabel("kwartalen", "Resultaten per kwartaal", ["Kwartaal", *doelkolommen],
                          toelichting="Doel per kwartaal: een kwart van het doel per jaar; "
                                      "voor het lopende kwartaal naar rato van de dagen.")
    jaar_weg = {d: dict(zip(jaren, verberg([per_jaar[j][d] for j in jaren]), strict=True))
                for d in DOELEN}
    for jaar in jaren:
        rij = [tekst(jaar)]
        for d, (_, doel_per_jaar, _) in DOELEN.items():
            _doelkolommen(rij, per_jaar[jaar][d], jaar_weg[d][jaar],
                          _doel(doel_per_jaar, datetime.date(jaar, 1, 1),
                                datetime.date(jaar, 12, 31), Decimal(1), vandaag))
        jaartabel.rijen.append(rij)
        kwartalen = _kwartalen(jaar, vandaag)
        kwartaal_weg = {d: verberg_binnen([cijfers[(jaar, k)][d] for k in kwartalen],
                                          jaar_weg[d][jaar]) for d in DOELEN}
        for i, k in enumerate(kwartalen):
            begin, eind = _kwartaal_grenzen(jaar, k)
            rij = [tekst(f"{jaar} K{k}")]
            for d, (_, doel_per_jaar, _) in DOELEN.items():
                _doelkolommen(rij, cijfers[(jaar, k)][d], kwartaal_weg[d][i],
                              _doel(doel_per_jaar, begin, eind, Decimal("0.25"), vandaag))
            kwartaaltabel.rijen.append(rij)
    return {t.sleutel: t for t in (jaartabel, kwartaaltabel,
                                   _uitkomsten(jaren, per_jaar), gemeenten(vandaag))}


def _aandeel(ja: int, nee: int):
    """The share of `ja`, hidden when either part is 1 to 4 (the count of the whole is
    shown, so one part gives the other away)."""
    return procent(ja, ja + nee, verborgen=any(verberg([ja, nee])))


def _uitkomsten(jaren: list[int], per_jaar: dict) -> Tabel:
    tabel = Tabel("uitkomsten", "Uitkomsten per jaar", [
        "Jaar", "Afrondingen", "Voltooid", "Vragenlijsten na 6 maanden verstuurd", "Respons",
        "Antwoorden na 6 maanden", "Werkend na 6 maanden"],
        toelichting="Werkend: van wie de vragenlijst na 6 maanden beantwoordde. Lees dit "
                    "samen met de respons: wie niet antwoordt, kan een andere uitkomst hebben.")
    for jaar in jaren:
        c = per_jaar[jaar]
        ja, nee = c["voltooid_ja"], c["voltooid_nee"]
        beantwoord, niet = c["beantwoord"], c["niet_beantwoord"]
        werkend, niet_werkend = c["werkend"], c["niet_werkend"]
        tabel.rijen.append([
            tekst(jaar), aantal(ja + nee), _aandeel(ja, nee),
            aantal(beantwoord + niet), _aandeel(beantwoord, niet),
            aantal(werkend + niet_werkend), _aandeel(werkend, niet_werkend)])
    return tabel

