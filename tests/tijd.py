"""Moments for tests that count calendar days.

`timezone.now() - n * timedelta(days=1)` lands on the wrong local date when the span
crosses a daylight-saving change and the test runs between 23:00 and midnight; midday
on a local date never does.
"""

import datetime

from django.utils import timezone


def middag(datum: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(datum, datetime.time(12),
                                     tzinfo=timezone.get_current_timezone())


def dagen_geleden(dagen: int) -> datetime.datetime:
    return middag(timezone.localdate() - datetime.timedelta(days=dagen))


def werkdag_na(dag: datetime.date | None = None, dagen: int = 1) -> datetime.date:
    """The first working day (tfvv.termijnen.is_werkdag) at least `dagen` after `dag`
    (default today): gesprekken are planned on working days only."""
    from tfvv.termijnen import is_werkdag

    dag = (dag or timezone.localdate()) + datetime.timedelta(days=dagen)
    while not is_werkdag(dag):
        dag += datetime.timedelta(days=1)
    return dag
