"""Suppression across the gemeente and loket filters, so differencing gives nothing away.

Suppressing 1 to 4 in each table on its own is not enough: a loket's "<5" followed from
the figure without loket filter minus the other loket's figure. A *filtered* view (a
gemeente, a loket or both) therefore shows a figure only when

1. the unfiltered view shows the same figure (so a cell hidden there, primarily or as
   complement, cannot be rebuilt from its filtered parts), and
2. none of the detail cells it is made of (gemeente × loket, the finest split the
   filters can make) holds 1 to 4.

Every figure a filtered view shows is then a sum of detail cells that are each 0 or at
least 5, and so is the difference of any two nested selections: no combination of the
dashboard's filters isolates a group of 1 to 4. A filtered table shows its total (and
shares, which give the total away) only when it shows all rows; otherwise the total
minus the shown rows would rebuild the hidden ones. The unfiltered view is unchanged.

Not covered: differencing between periods (docs/rapportage.md).
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from rapportage.tabellen import is_klein, verberg

Deel = Counter  # {(gemeente_id, loket): aantal}: the detail cells of one figure


def veilig(deel: Deel) -> bool:
    return not any(is_klein(n) for n in deel.values())


def toonbaar(delen: list[Deel], met_totaal: bool = True) -> list[bool]:
    """Per cell of one column of a filtered table: may it be shown (rules 1 and 2)."""
    ongefilterd = verberg([sum(d.values()) for d in delen], met_totaal)
    return [not weg and veilig(d) for weg, d in zip(ongefilterd, delen, strict=True)]


class Afscherming:
    """The detail cells of the period (all gemeenten and lokets, whatever the filter)."""

    def __init__(self, rijen: Iterable[tuple]):
        """`rijen`: (dimensie, waarde, gemeente_id, loket, n) per detail cell."""
        self._cellen: dict[str, dict[str, Deel]] = defaultdict(lambda: defaultdict(Counter))
        for dimensie, waarde, gemeente_id, loket, n in rijen:
            self._cellen[dimensie][waarde][(gemeente_id, loket)] += n

    def deel(self, dimensie: str, kies: Callable[[str], bool] | None = None) -> Deel:
        """The detail cells of the sum over the values `kies` accepts (all without)."""
        uit = Counter()
        for waarde, deel in self._cellen[dimensie].items():
            if kies is None or kies(waarde):
                uit.update(deel)
        return uit

    def per_waarde(self, dimensie: str, met_totaal: bool = True) -> dict[str, bool]:
        """{waarde: shown} for a breakdown of `dimensie` (one row per value)."""
        waarden = sorted(self._cellen[dimensie])
        delen = [self._cellen[dimensie][w] for w in waarden]
        return dict(zip(waarden, toonbaar(delen, met_totaal), strict=True))

    def per_gemeente(self, gemeenten: list, deel: Deel) -> list[bool]:
        """Shown per row of a table with one row per gemeente (None: unknown)."""
        delen = [Counter({k: n for k, n in deel.items() if k[0] == g}) for g in gemeenten]
        return toonbaar(delen)
