"""Money in Dutch notation: `{% load bedragen %}` then `{{ cheque.bedrag|euro }}`.

The one formatter of amounts for people (screens, PDFs, mails, explanations); machine
exports (CSV, XLSX) keep plain `1500.00`. Independent of the active locale, so a Celery
worker renders the same text as a web request.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template

register = template.Library()

CENT = Decimal("0.01")
_NAAR_NL = str.maketrans(",.", ".,")


@register.filter
def euro(bedrag) -> str:
    """Decimal("1500") -> "€ 1.500,00"; None or an empty value -> ""."""
    if bedrag is None or bedrag == "":
        return ""
    try:
        waarde = Decimal(str(bedrag)).quantize(CENT, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return ""
    return "€ " + f"{waarde:,.2f}".translate(_NAAR_NL)
