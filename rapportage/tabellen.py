"""Table cells and tables of the dashboard, with small-number suppression.

Suppression (`verberg`): a count from 1 to 4 is shown as "<5" (primary). When a table
shows a total and exactly one cell of a column is suppressed, the smallest other
non-zero cell of that column is suppressed too (complementary), so the total cannot be
used to recover it. Figures derived from a suppressed count (shares, rates per 1,000,
amounts, averages, percentiles) are suppressed with it; a total below 5 is suppressed.

A suppressed derived figure shows "x", not "<5": a median of "<5" days would read as a
value and say something it should not. Filtered views hide more (rapportage.afscherming),
also with "x", because such a count may be large.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

from tfvv.templatetags.bedragen import euro

DREMPEL = 5
ONDERDRUKT = "<5"
AFGESCHERMD_TEKEN = "x"


def is_klein(n: int) -> bool:
    return 0 < n < DREMPEL


def verberg(aantallen: list[int], met_totaal: bool = True) -> list[bool]:
    """Which cells of one column to suppress (see module docstring)."""
    verborgen = [is_klein(n) for n in aantallen]
    if met_totaal and sum(verborgen) == 1:
        overige = [(n, i) for i, n in enumerate(aantallen) if n > 0 and not verborgen[i]]
        if overige:
            verborgen[min(overige)[1]] = True
    return verborgen


@dataclass(frozen=True)
class Cel:
    """`waarde` is the number (None when suppressed or text), `tekst` what the page shows,
    `export` what CSV and XLSX contain."""

    waarde: object
    tekst: str
    export: str

    @property
    def onderdrukt(self) -> bool:
        return self.export in (ONDERDRUKT, AFGESCHERMD_TEKEN)


VERBORGEN = Cel(None, ONDERDRUKT, ONDERDRUKT)
AFGESCHERMD = Cel(None, AFGESCHERMD_TEKEN, AFGESCHERMD_TEKEN)
LEEG = Cel(None, "—", "")


def tekst(s) -> Cel:
    return Cel(None, str(s), str(s))


def aantal(n: int, verborgen: bool = False) -> Cel:
    if verborgen or is_klein(n):
        return VERBORGEN
    return Cel(n, number_format(n, 0, force_grouping=True), str(n))


def decimaal(d, plaatsen: int = 1, verborgen: bool = False, eenheid: str = "") -> Cel:
    if verborgen:
        return AFGESCHERMD
    if d is None:
        return LEEG
    d = Decimal(d).quantize(Decimal(1).scaleb(-plaatsen), rounding=ROUND_HALF_UP)
    return Cel(d, number_format(d, plaatsen, force_grouping=True) + eenheid, str(d))


def procent(teller, noemer, verborgen: bool = False) -> Cel:
    if verborgen:
        return AFGESCHERMD
    if not noemer:
        return LEEG
    return decimaal(Decimal(teller) * 100 / Decimal(noemer), 1, eenheid=" %")


def bedrag(d, verborgen: bool = False) -> Cel:
    if verborgen:
        return AFGESCHERMD
    d = Decimal(d or 0).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Cel(d, euro(d), str(d))


@dataclass
class Grafiek:
    """A horizontal bar chart of one column; `kolom` indexes the row cells."""

    titel: str
    kolom: int


@dataclass
class Tabel:
    sleutel: str
    titel: str
    kolommen: list[str]
    rijen: list[list[Cel]] = field(default_factory=list)
    totaal: list[Cel] | None = None
    toelichting: str = ""
    grafiek: Grafiek | None = None

    @property
    def alle_rijen(self) -> list[list[Cel]]:
        return self.rijen + ([self.totaal] if self.totaal else [])
