"""Reading the facts stored in a Vervolgbesluit's `gegevens` (JSON: dates as ISO text):
`{% load besluitgegevens %}{{ besluit.gegevens.nieuw.startdatum|als_datum|date:"j F Y" }}`."""

import datetime

from django import template

register = template.Library()


@register.filter
def als_datum(waarde):
    """"2026-09-01" -> date(2026, 9, 1); anything else unchanged."""
    try:
        return datetime.date.fromisoformat(str(waarde))
    except ValueError:
        return waarde
