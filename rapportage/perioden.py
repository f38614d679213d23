"""Which summary rows cover a period: year and quarter rows where they fit, month rows for
the rest.

`Telling` holds every figure per month and, summed by the refresh, per quarter and per
year (`Telling.maanden`). A dashboard for a year then reads one row per cell instead of
twelve: at 1M aanvragen its SQL went from ~220 to ~35 ms (docs/benchmarks.md).
"""

import datetime

from django.db.models import Q

from rapportage.models import Telling

D = Telling.Duur


def _plus_maanden(dag: datetime.date, n: int) -> datetime.date:
    m = dag.month - 1 + n
    return dag.replace(year=dag.year + m // 12, month=m % 12 + 1)


def blokken(van: datetime.date, tot: datetime.date) -> list[tuple[int, datetime.date]]:
    """(maanden, first month) of the fewest rows that cover the months of van..tot once."""
    dag, laatste = van.replace(day=1), tot.replace(day=1)
    uit = []
    while dag <= laatste:
        for duur in (D.JAAR, D.KWARTAAL, D.MAAND):
            if (dag.month - 1) % duur == 0 and _plus_maanden(dag, duur - 1) <= laatste:
                uit.append((int(duur), dag))
                dag = _plus_maanden(dag, duur)
                break
    return uit


def over(van: datetime.date, tot: datetime.date) -> Q:
    """The rows of the months van..tot (any day of those months), each month counted once.
    An empty period selects nothing."""
    per_duur: dict[int, list] = {}
    for duur, dag in blokken(van, tot):
        per_duur.setdefault(duur, []).append(dag)
    q = Q(pk__in=[])
    for duur, dagen in per_duur.items():
        q |= Q(maanden=duur, maand__in=dagen)
    return q
