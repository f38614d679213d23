"""Small portable SQL expressions for the set-based refresh (PostgreSQL and SQLite)."""

from django.db.models import DateField, Func, IntegerField
from django.db.models.functions import Cast, Trunc


def maand(veld):
    """First day of the month of a date or datetime field (datetimes in the current zone)."""
    return Cast(Trunc(veld, "month"), DateField())


class DagenTussen(Func):
    """Whole calendar days from `begin` to `eind`: DagenTussen(eind, begin)."""

    arity = 2
    output_field = IntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(CAST(%(expressions)s AS date))",
                           arg_joiner=" AS date) - CAST(", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection,
                           template="CAST(julianday(date(%(expressions)s)) AS INTEGER)",
                           arg_joiner=")) - julianday(date(", **extra)
