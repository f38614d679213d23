"""Reference data of the scholingsplan in the admin of the functioneel beheerder."""

import pytest
from django.urls import reverse

from loopbaangesprekken.models import Opleider

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["opleider", "sector", "kansberoepenlijst"])
def test_beheerder_ziet_referentiedata(client_als, model):
    for url in (f"admin:loopbaangesprekken_{model}_changelist",
                f"admin:loopbaangesprekken_{model}_add"):
        assert client_als("beheerder").get(reverse(url)).status_code == 200


@pytest.mark.parametrize("rol", ["consulent_lwl", "beoordelaar", "financieel", "adviesgroep"])
def test_andere_rollen_niet(client_als, rol):
    response = client_als(rol).get(reverse("admin:loopbaangesprekken_opleider_changelist"))
    assert response.status_code in (302, 403)


def opleider_data(iban):
    return {"naam": "Techniek Academie", "kvk_nummer": "12345678", "rio_code": "",
            "contactpersoon": "", "email": "", "telefoon": "", "iban": iban, "actief": "on",
            "erkenningen-TOTAL_FORMS": "1", "erkenningen-INITIAL_FORMS": "0",
            "erkenningen-0-soort": "nrto", "erkenningen-0-kenmerk": "",
            "erkenningen-0-geldig_van": "2024-01-01", "erkenningen-0-geldig_tot": "2023-01-01",
            "erkenningen-0-gecontroleerd_op": "2024-01-02"}


def test_opleider_met_ongeldige_iban_en_erkenning_wordt_geweigerd(client_als):
    response = client_als("beheerder").post(reverse("admin:loopbaangesprekken_opleider_add"),
                                            opleider_data("NL91 ABNA 0417 1643 01"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit IBAN klopt niet" in html
    assert "De einddatum ligt voor de begindatum." in html
    assert not Opleider.objects.exists()


def test_opleider_met_geldige_iban_genormaliseerd(client_als):
    data = opleider_data("nl91 abna 0417 1643 00")
    data["erkenningen-0-geldig_tot"] = ""
    response = client_als("beheerder").post(reverse("admin:loopbaangesprekken_opleider_add"),
                                            data)
    assert response.status_code == 302
    opleider = Opleider.objects.get()
    assert opleider.iban == "NL91ABNA0417164300"
    assert opleider.erkenningen.get().soort == "nrto"
