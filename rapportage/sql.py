"""Small portable SQL expressions for the set-based refresh (PostgreSQL and SQLite)."""

from django.db.models import DateField, DateTimeField, Func, IntegerField
from django.db.models.functions import Cast, Trunc, TruncDate


def maand(veld):
    """First day of the month of a date or datetime field (datetimes in the current zone)."""
    return Cast(Trunc(veld, "month"), DateField())


class DagenTussen(Func):
    """Whole calendar days from `begin` to `eind`: DagenTussen(eind, begin). A moment
    counts on its date in the current zone (PostgreSQL sessions run in UTC, so a bare
    cast would put 00:30 Amsterdam time on the day before)."""

    arity = 2
    output_field = IntegerField()

    def resolve_expression(self, *args, **kwargs):
        opgelost = super().resolve_expression(*args, **kwargs)
        opgelost.set_source_expressions([
            TruncDate(e) if isinstance(e._output_field_or_none, DateTimeField) else e
            for e in opgelost.get_source_expressions()])
        return opgelost

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(CAST(%(expressions)s AS date))",
                           arg_joiner=" AS date) - CAST(", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection,
                           template="CAST(julianday(date(%(expressions)s)) AS INTEGER)",
                           arg_joiner=")) - julianday(date(", **extra)
