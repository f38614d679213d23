"""Reference data of the scholingsplan on the beheer pages of the functioneel beheerder;
the admin shows it read-only (changes go through the services, the IBAN with four-eyes)."""

import pytest
from django.urls import reverse

from loopbaangesprekken.models import Opleider

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["opleider", "kansberoepenlijst"])
def test_admin_alleen_lezen_voor_beheerder(client_als, model):
    c = client_als("beheerder")
    assert c.get(reverse(f"admin:loopbaangesprekken_{model}_changelist")).status_code == 200
    assert c.get(reverse(f"admin:loopbaangesprekken_{model}_add")).status_code == 403


@pytest.mark.parametrize("rol", ["consulent_lwl", "beoordelaar", "financieel", "adviesgroep"])
def test_andere_rollen_niet(client_als, rol):
    response = client_als(rol).get(reverse("admin:loopbaangesprekken_opleider_changelist"))
    assert response.status_code in (302, 403)
    assert client_als(rol).get(reverse("referentiebeheer:opleiders")).status_code == 403


def test_opleider_en_erkenning_op_beheerpagina(client_als):
    c = client_als("beheerder")
    response = c.post(reverse("referentiebeheer:opleider-nieuw"),
                      {"naam": "Techniek Academie", "kvk_nummer": "1234", "actief": "on"})
    assert response.status_code == 400
    assert "Een KvK-nummer heeft acht cijfers." in response.content.decode()
    assert not Opleider.objects.exists()
    response = c.post(reverse("referentiebeheer:opleider-nieuw"),
                      {"naam": "Techniek Academie", "kvk_nummer": "12345678", "actief": "on"})
    opleider = Opleider.objects.get()
    assert response.status_code == 302 and opleider.iban == ""
    url = reverse("referentiebeheer:erkenning-nieuw", kwargs={"pk": opleider.pk})
    response = c.post(url, {"soort": "nrto", "geldig_van": "2024-01-01",
                            "geldig_tot": "2023-01-01", "gecontroleerd_op": "2024-01-02"})
    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum." in response.content.decode()
    response = c.post(url, {"soort": "nrto", "geldig_van": "2024-01-01",
                            "gecontroleerd_op": "2024-01-02"})
    assert response.status_code == 302
    assert opleider.erkenningen.get().soort == "nrto"
