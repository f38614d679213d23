"""Form fields shared by every app: money typed the Dutch way (or the English way).

`Bedragveld` accepts "4200,50", "4.200,50", "4200.50" and "€ 4.200,50", refuses what
could mean two things ("4.200": four thousand two hundred, or four point two?) with a
Dutch message, and shows a stored amount as "4.200,50". Use it for every money field.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tfvv.templatetags.bedragen import euro

# digits in groups of three after the first group: 1.234.567 or 1,234,567
_GROEPEN = {".": re.compile(r"^\d{1,3}(\.\d{3})+$"), ",": re.compile(r"^\d{1,3}(,\d{3})+$")}


class OnduidelijkBedrag(ValueError):
    """The text could mean two different amounts."""


def lees_bedrag(tekst: str) -> Decimal:
    """Dutch or English notation -> Decimal; ValueError when it is no amount,
    OnduidelijkBedrag when it could be read two ways."""
    schoon = re.sub(r"[\s\u00a0\u202f]|€|(?i:eur)", "", tekst)
    teken = ""
    if schoon[:1] in "+-":
        teken, schoon = schoon[:1].replace("+", ""), schoon[1:]
    if not schoon or not re.fullmatch(r"[\d.,]+", schoon) or not schoon[0].isdigit():
        raise ValueError(tekst)
    punten, kommas = schoon.count("."), schoon.count(",")
    if punten and kommas:
        decimaal = "," if schoon.rfind(",") > schoon.rfind(".") else "."
        duizend = "." if decimaal == "," else ","
        geheel, _sep, breuk = schoon.rpartition(decimaal)
        if not _GROEPEN[duizend].match(geheel) or not breuk.isdigit():
            raise ValueError(tekst)
        getal = geheel.replace(duizend, "") + "." + breuk
    elif kommas or punten:
        sep = "," if kommas else "."
        geheel, _sep, breuk = schoon.rpartition(sep)
        if kommas + punten > 1:
            # only thousands separators: 1.234.567 (1,234,567 is English and refused)
            if sep == "." and _GROEPEN["."].match(schoon):
                getal = schoon.replace(".", "")
            else:
                raise OnduidelijkBedrag(tekst)
        elif len(breuk) == 3:
            raise OnduidelijkBedrag(tekst)  # 4.200 or 4,200: thousands or decimals?
        elif not geheel or not breuk:
            raise ValueError(tekst)
        else:
            getal = geheel + "." + breuk
    else:
        getal = schoon
    try:
        return Decimal(teken + getal)
    except InvalidOperation as e:
        raise ValueError(tekst) from e


def bedrag_tekst(waarde) -> str:
    """Decimal("4200.5") -> "4.200,50" (the euro notation without the sign)."""
    return euro(waarde).removeprefix("€ ")


class BedragInvoer(forms.TextInput):
    """A text input (type=number cannot hold a comma) that shows an amount as 4.200,50;
    what a person typed comes back as typed."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, (Decimal, int, float)):
            return bedrag_tekst(value)
        return super().format_value(value)


class Bedragveld(forms.DecimalField):
    widget = BedragInvoer
    default_error_messages = {
        "invalid": _("Vul een bedrag in euro's in, bijvoorbeeld 4.200,50."),
        "onduidelijk": _("Dit bedrag is niet eenduidig. Schrijf het met een komma voor de "
                         "centen, bijvoorbeeld 4.200,00 of 4,20."),
    }

    def __init__(self, *, max_digits=9, decimal_places=2, **kwargs):
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)
        # the limits in euro notation ("€ 0,01"), not Django's "0.01"
        if self.min_value is not None:
            self.error_messages["min_value"] = _("Het bedrag moet ten minste %(grens)s zijn.") % {
                "grens": euro(self.min_value)}
        if self.max_value is not None:
            self.error_messages["max_value"] = _("Het bedrag mag ten hoogste %(grens)s zijn.") % {
                "grens": euro(self.max_value)}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return lees_bedrag(str(value))
        except OnduidelijkBedrag as e:
            raise ValidationError(self.error_messages["onduidelijk"], code="onduidelijk") from e
        except ValueError as e:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from e

    def widget_attrs(self, widget):
        # no step/min/max attributes: they belong to type=number
        return forms.Field.widget_attrs(self, widget)


class DatumInvoer(forms.DateInput):
    """A native date picker: its value must be yyyy-mm-dd whatever the locale (a Dutch
    "04-12-2026" in an <input type=date> shows as empty)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class Datumveld(forms.DateField):
    """A date typed as 04-12-2026 (dd-mm-jjjj, also with / or a two-digit year) or sent
    by the date picker as 2026-12-04."""

    widget = DatumInvoer
    input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y", "%d/%m/%y"]
    default_error_messages = {
        "invalid": _("Vul een geldige datum in, bijvoorbeeld 04-12-2026."),
    }


def keuzetekst(veld: forms.Field, tekst) -> None:
    """Replace Django's "---------" of a select with a meaningful Dutch placeholder
    ("— kies een opleider —")."""
    if isinstance(veld, forms.ModelChoiceField):
        veld.empty_label = tekst
    elif isinstance(veld, forms.ChoiceField):
        keuzes = list(veld.choices)
        if keuzes and keuzes[0][0] in ("", None):
            veld.choices = [("", tekst), *keuzes[1:]]
