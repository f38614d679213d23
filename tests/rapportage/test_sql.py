"""The set-based SQL helpers count days as people in Twente do (Europe/Amsterdam)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Value

from aanvragen.models import Aanvraag
from rapportage.sql import DagenTussen
from tests.aanvragen.factories import AanvraagFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize("uur,minuut", [(0, 30), (1, 59), (12, 0), (23, 59)])
def test_dagen_tussen_telt_de_datum_in_nederland(uur, minuut):
    """Received at 00:30 on 3 March (23:30 UTC on 2 March) is 7 days before 10 March."""
    aanvraag = AanvraagFactory()
    ontvangen = datetime.datetime(2026, 3, 3, uur, minuut, tzinfo=AMSTERDAM)
    Aanvraag.objects.filter(pk=aanvraag.pk).update(ontvangen_op=ontvangen)
    dagen = (Aanvraag.objects.filter(pk=aanvraag.pk)
             .annotate(d=DagenTussen(Value(datetime.date(2026, 3, 10)), "ontvangen_op"))
             .values_list("d", flat=True).get())
    assert dagen == 7


def test_dagen_tussen_twee_momenten_over_de_zomertijd():
    aanvraag = AanvraagFactory()
    Aanvraag.objects.filter(pk=aanvraag.pk).update(
        ontvangen_op=datetime.datetime(2026, 3, 28, 0, 15, tzinfo=AMSTERDAM),
        privacy_akkoord_op=datetime.datetime(2026, 3, 30, 0, 15, tzinfo=AMSTERDAM))
    dagen = (Aanvraag.objects.filter(pk=aanvraag.pk)
             .annotate(d=DagenTussen("privacy_akkoord_op", "ontvangen_op"))
             .values_list("d", flat=True).get())
    assert dagen == 2
