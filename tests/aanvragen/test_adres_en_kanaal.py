"""The aanmelding records street and city for the letters' address block, and whether the
resident accepts decisions electronically (Awb 2:14)."""

import pytest

from aanvragen.models import Aanvraag
from tests.aanvragen.factories import AanvraagFactory
from tests.aanvragen.test_aanmelden import aanmelden, fout_bij

pytestmark = pytest.mark.django_db


def test_adres_en_keuze_voor_post_opgeslagen(client):
    aanmelden(client, straat="Oude Markt", woonplaats="Enschede", besluiten_elektronisch="nee")
    aanvraag = Aanvraag.objects.get()
    assert (aanvraag.straat, aanvraag.woonplaats) == ("Oude Markt", "Enschede")
    assert aanvraag.besluiten_elektronisch is False
    assert aanvraag.adresregels == ["Inge de Vries", "Oude Markt 12", "7511 AB  ENSCHEDE"]


@pytest.mark.parametrize(("veld", "melding"), [
    ("straat", "Vul de straat in"), ("woonplaats", "Vul uw woonplaats in"),
    ("besluiten_elektronisch", "Kies hoe u onze besluiten wilt ontvangen")])
def test_verplicht_met_duidelijke_melding(client, veld, melding):
    r = aanmelden(client, **{veld: None})
    assert r.status_code == 200
    assert melding in fout_bij(r, veld)
    assert not Aanvraag.objects.exists()


def test_oude_aanvraag_zonder_woonplaats_valt_terug_op_gemeente():
    aanvraag = AanvraagFactory(straat="", woonplaats="", toevoeging="A")
    assert aanvraag.adresregels[1:] == ["1 A", "7511 AB  ENSCHEDE"]
