"""Deadlines by the Algemene termijnenwet (Atw).

A statutory deadline that would end on a Saturday, a Sunday or a generally recognised
holiday (Atw art. 1 and 3) is extended to the next day that is none of these. The Dutch
public holidays come from the maintained `holidays` package (Nieuwjaarsdag, Pasen,
Koningsdag, Bevrijdingsdag in every year, Hemelvaart, Pinksteren, Kerstmis); the Atw
lists Bevrijdingsdag every year, which `holidays` follows for the Netherlands since 1990
only in lustrum years, so it is added here for every year.

    from tfvv.termijnen import einde_termijn, bezwaartermijn_einde

    einde = bezwaartermijn_einde(verzonden_op)          # Awb 6:7/6:8, extended by the Atw
    einde = einde_termijn(datum + timedelta(weeks=8))   # any deadline that ends on a date
"""

import datetime
from functools import lru_cache

import holidays

BEZWAARTERMIJN = datetime.timedelta(weeks=6)


@lru_cache(maxsize=64)
def _feestdagen(jaar: int) -> frozenset[datetime.date]:
    kalender = holidays.country_holidays("NL", years=jaar, language="en_US")
    dagen = {dag for dag, naam in kalender.items() if naam != "Good Friday"}
    dagen.add(datetime.date(jaar, 5, 5))  # Atw art. 3 lid 1: Bevrijdingsdag, every year
    return frozenset(dagen)


def is_werkdag(dag: datetime.date) -> bool:
    """Not a Saturday, a Sunday or a holiday under Atw art. 3."""
    return dag.weekday() < 5 and dag not in _feestdagen(dag.year)


def einde_termijn(laatste_dag: datetime.date) -> datetime.date:
    """The day a deadline really ends: `laatste_dag`, or the next working day (Atw art. 1)."""
    dag = laatste_dag
    while not is_werkdag(dag):
        dag += datetime.timedelta(days=1)
    return dag


def bezwaartermijn_einde(bekendgemaakt_op: datetime.date) -> datetime.date:
    """Awb 6:7/6:8: six weeks from the day after bekendmaking, ending on that weekday,
    extended by the Atw. (Six weeks from the day after, inclusive, ends on the same
    weekday six weeks later.)"""
    return einde_termijn(bekendgemaakt_op + BEZWAARTERMIJN)


def werkdagen_verder(vandaag: datetime.date, werkdagen: int) -> datetime.date:
    """The day `werkdagen` working days after `vandaag` (no weekend day or Atw holiday
    counts): "ends within 3 working days" means on or before this day."""
    dag = vandaag
    for _n in range(werkdagen):
        dag += datetime.timedelta(days=1)
        while not is_werkdag(dag):
            dag += datetime.timedelta(days=1)
    return dag
