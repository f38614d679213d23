"""The consulent sees the beoordelaar's aanvulling question and the hersteltermijn on the
plan (read from the event log: loopbaangesprekken does not import cheques)."""


import pytest
from django.urls import reverse
from django.utils.formats import date_format

from cheques import services
from tests.cheques.factories import VOLDAAN
from tests.tijd import werkdag_na

pytestmark = pytest.mark.django_db


def test_consulent_ziet_vraag_en_hersteltermijn(client_als, medewerkers, maak_plan, periode):
    plan = maak_plan(toets_snapshot={"uitslag": VOLDAAN})  # as the scholingsplan stores it
    tot = werkdag_na(dagen=14)  # a weekend day would move on (Algemene termijnenwet)
    services.vraag_aanvulling(plan=plan, door=medewerkers["beoordelaar"],
                              omschrijving="Stuur de getekende werkgeversverklaring.",
                              hersteltermijn_tot=tot)
    c = client_als("consulent_lwl")
    for url in (reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk}),
                reverse("loopbaangesprekken:scholingsplan-bewerken", kwargs={"pk": plan.pk})):
        html = c.get(url).content.decode()
        assert "Aanvulling gevraagd door gemeente Enschede" in html
        assert "Stuur de getekende werkgeversverklaring." in html
        assert f"Hersteltermijn tot en met {date_format(tot, 'j F Y')}" in html
