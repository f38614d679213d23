"""The one Dutch money field: what people type, what is refused, how an amount shows."""

from decimal import Decimal

import pytest
from django import forms

from tfvv.formvelden import Bedragveld


class Formulier(forms.Form):
    bedrag = Bedragveld(min_value=Decimal("0.01"))


@pytest.mark.parametrize(("invoer", "bedrag"), [
    ("4200,50", "4200.50"),
    ("4.200,50", "4200.50"),
    ("4200.50", "4200.50"),
    ("€ 4.200,50", "4200.50"),
    ("€4200", "4200"),
    ("  4200,5 ", "4200.5"),
    ("1.234.567,89", "1234567.89"),
    ("1.234.567", "1234567"),
    ("4,20", "4.20"),
    ("0,01", "0.01"),
    ("4,200.50", "4200.50"),
    ("4200 EUR", "4200"),
])
def test_geldige_invoer(invoer, bedrag):
    form = Formulier({"bedrag": invoer})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["bedrag"] == Decimal(bedrag)


@pytest.mark.parametrize(("invoer", "melding"), [
    ("4.200", "niet eenduidig"),
    ("4,200", "niet eenduidig"),
    ("1,234,567", "niet eenduidig"),
    ("vierhonderd", "Vul een bedrag in euro's in"),
    ("4.20.0,5", "Vul een bedrag in euro's in"),
    ("12,3,4.5", "Vul een bedrag in euro's in"),
    (",50", "Vul een bedrag in euro's in"),
    ("4200,", "Vul een bedrag in euro's in"),
    ("4200,505", "niet eenduidig"),
    ("4200,5055", "2 cijfers achter de komma"),
    ("0", "ten minste € 0,01"),
    ("-5", "ten minste € 0,01"),
    ("=1+1", "Vul een bedrag in euro's in"),
])
def test_ongeldige_invoer_met_nederlandse_melding(invoer, melding):
    form = Formulier({"bedrag": invoer})
    assert not form.is_valid()
    assert melding in " ".join(form.errors["bedrag"])
    assert f'value="{invoer}"' in str(form["bedrag"]) or invoer.strip() != invoer


@pytest.mark.parametrize(("waarde", "getoond"), [
    (Decimal("4200.5"), "4.200,50"), (Decimal("1500"), "1.500,00"), (Decimal("0.5"), "0,50"),
])
def test_beginwaarde_in_nederlandse_notatie(waarde, getoond):
    html = str(Formulier(initial={"bedrag": waarde})["bedrag"])
    assert f'value="{getoond}"' in html
    assert 'type="text"' in html and 'inputmode="decimal"' in html
