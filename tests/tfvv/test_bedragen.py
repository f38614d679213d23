"""The one formatter of amounts for people: `{{ bedrag|euro }}` (tfvv/templatetags)."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from tfvv.templatetags.bedragen import euro


@pytest.mark.parametrize("invoer, verwacht", [
    (Decimal("1500"), "€ 1.500,00"),
    (Decimal("1500.00"), "€ 1.500,00"),
    (Decimal("1234567.5"), "€ 1.234.567,50"),
    (Decimal("999.99"), "€ 999,99"),
    (Decimal("0"), "€ 0,00"),
    (Decimal("0.005"), "€ 0,01"),  # half up, as on an invoice
    (Decimal("-2500.10"), "€ -2.500,10"),
    (250000, "€ 250.000,00"),
    ("1500.00", "€ 1.500,00"),
])
def test_nederlandse_notatie(invoer, verwacht):
    assert euro(invoer) == verwacht


@pytest.mark.parametrize("leeg", [None, "", "geen bedrag", object()])
def test_geen_bedrag_geeft_lege_tekst(leeg):
    assert euro(leeg) == ""


def test_filter_in_een_sjabloon():
    sjabloon = Template("{% load bedragen %}<td>{{ a|euro }}</td><td>{{ b|euro }}</td>")
    assert sjabloon.render(Context({"a": Decimal("2000.00"), "b": None})) == \
        "<td>€ 2.000,00</td><td></td>"
