"""Table cells and tables of the dashboard, with small-number suppression.

Suppression (`verberg`): a count from 1 to 4 is shown as "<5" (primary). When a table
shows a total, the total minus the shown cells is the sum of the hidden ones; with what a
reader knows of each hidden cell (1 to 4, or at least 5 for a complementary one), that sum
must not pin a small cell down to one value (`onbepaald`). Until it does not, one more
cell is suppressed (complementary): the smallest non-zero cell that is enough on its own,
else the smallest, and again. So a lone small cell is never recoverable from the total,
and neither are, say, seven hidden cells that add up to 7 (each would be 1). Figures
derived from a suppressed count (shares, rates per 1,000, amounts, averages,
percentiles) are suppressed with it; a total below 5 is suppressed.

A count hidden to protect another cell shows "x", not "<5" (it may be large), and so does
a suppressed derived figure: a median of "<5" days would read as a value and say something
it should not. Filtered views hide more (rapportage.afscherming), also with "x".
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


def onbepaald(aantallen: list[int], verborgen: list[bool]) -> bool:
    """Whether every hidden small cell can still be at least two values, for a reader who
    knows the total, the shown cells, and which hidden cells are small (1 to DREMPEL - 1)
    and which are complementary (DREMPEL or more): the bounds of one cell are what the
    others' bounds leave of the hidden sum."""
    weg = [n for n, v in zip(aantallen, verborgen, strict=True) if v]
    som = sum(weg)
    grenzen = [(1, DREMPEL - 1) if is_klein(n) else (DREMPEL, som) for n in weg]
    laag, hoog = sum(g[0] for g in grenzen), sum(g[1] for g in grenzen)
    return all(min(bo, som - (laag - lo)) - max(lo, som - (hoog - bo)) >= 1
               for n, (lo, bo) in zip(weg, grenzen, strict=True) if is_klein(n))


def verberg(aantallen: list[int], met_totaal: bool = True) -> list[bool]:
    """Which cells of one column to suppress (see module docstring)."""
    verborgen = [is_klein(n) for n in aantallen]
    while met_totaal and any(verborgen) and not onbepaald(aantallen, verborgen):
        over = sorted((n, i) for i, n in enumerate(aantallen) if n > 0 and not verborgen[i])
        if not over:  # every cell hidden already: nothing more a column can do
            break
        genoeg = next((i for _n, i in over if onbepaald(
            aantallen, [v or j == i for j, v in enumerate(verborgen)])), over[0][1])
        verborgen[genoeg] = True
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
    """A count; "<5" when it is 1 to 4, "x" when it is hidden to protect another cell
    (complementary, or across filters): such a count may be large, and "<5" would misstate
    it. The suppression assumes a reader can tell the two apart (`onbepaald`)."""
    if is_klein(n):
        return VERBORGEN
    if verborgen:
        return AFGESCHERMD
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
