"""Age bands of the dashboards, and the band in SQL for the set-based refresh."""

from django.db.models import Case, CharField, IntegerField, Value, When
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import GreaterThan, LessThanOrEqual

# (label, lowest age, highest age)
LEEFTIJDSKLASSEN = (
    ("jonger dan 18", 0, 17), ("18-24", 18, 24), ("25-34", 25, 34), ("35-44", 35, 44),
    ("45-54", 45, 54), ("55-64", 55, 64), ("65 en ouder", 65, 200),
)


def leeftijdsklasse_sql(geboortedatum: str, peildatum: str):
    """The band of the age in whole years on `peildatum` (field paths), computed in SQL."""
    jarig_later = GreaterThan(ExtractMonth(geboortedatum) * 100 + ExtractDay(geboortedatum),
                              ExtractMonth(peildatum) * 100 + ExtractDay(peildatum))
    leeftijd = (ExtractYear(peildatum) - ExtractYear(geboortedatum)
                - Case(When(jarig_later, then=Value(1)), default=Value(0),
                       output_field=IntegerField()))
    return Case(*[When(LessThanOrEqual(leeftijd, hoog), then=Value(label))
                  for label, _, hoog in LEEFTIJDSKLASSEN], output_field=CharField())
