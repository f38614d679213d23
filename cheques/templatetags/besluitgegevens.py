"""Reading the facts stored in a Vervolgbesluit's `gegevens` (JSON: dates and amounts as text):
`{% load besluitgegevens %}{{ besluit.gegevens.nieuw.startdatum|als_datum|date:"j F Y" }}`."""

import datetime
from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def als_datum(waarde):
    """"2026-09-01" -> date(2026, 9, 1); anything else unchanged."""
    try:
        return datetime.date.fromisoformat(str(waarde))
    except ValueError:
        return waarde


@register.filter
def als_bedrag(waarde) -> Decimal:
    """"150.00" -> Decimal("150.00"); empty or not a number -> 0 (for comparisons)."""
    try:
        return Decimal(str(waarde))
    except (InvalidOperation, ValueError):
        return Decimal("0")
