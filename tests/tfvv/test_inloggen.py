import time

import pytest
from django.urls import reverse

from tests.conftest import huidige_code
from tfvv.middleware import StaffSessionExpiryMiddleware
from tfvv.roles import STARTPAGINA, Rol

pytestmark = pytest.mark.django_db

WACHTWOORD = "Test-wachtwoord-123!"


def inloggen(client, user, code=None, wachtwoord=WACHTWOORD):
    return client.post(reverse("tfvv:inloggen-medewerker"), {
        "username": user.username, "password": wachtwoord,
        "code": code or huidige_code(user.totp_device),
    })


@pytest.mark.parametrize("sleutel,rol", [
    ("consulent_lwl", Rol.CONSULENT), ("beoordelaar", Rol.BEOORDELAAR),
    ("financieel", Rol.FINANCIEEL), ("adviesgroep", Rol.ADVIESGROEP),
    ("beheerder", Rol.BEHEERDER),
])
def test_elke_rol_landt_op_eigen_startpagina(client, medewerkers, sleutel, rol):
    response = inloggen(client, medewerkers[sleutel])
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response["Location"] == reverse(STARTPAGINA[rol])
    assert client.get(response["Location"]).status_code == 200


def test_verkeerde_code_weigert(client, medewerkers):
    response = inloggen(client, medewerkers["beoordelaar"], code="000000")
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wachtwoord_zonder_tweede_factor_geeft_geen_toegang(client, medewerkers):
    client.force_login(medewerkers["beoordelaar"],
                       backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse(STARTPAGINA[Rol.BEOORDELAAR]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tfvv:inloggen-medewerker"))


def test_blokkade_na_vijf_mislukte_pogingen(client, medewerkers):
    user = medewerkers["financieel"]
    for _ in range(5):
        inloggen(client, user, wachtwoord="fout-wachtwoord")
    response = inloggen(client, user)  # correct now, but locked out
    assert response.status_code == 429
    assert "geblokkeerd" in response.content.decode()


def test_verkeerde_code_telt_mee_voor_blokkade(client, medewerkers):
    user = medewerkers["financieel"]
    for _ in range(5):
        inloggen(client, user, code="123456")
    assert inloggen(client, user).status_code == 429


def test_andere_rol_krijgt_403(client_als):
    response = client_als("adviesgroep").get(reverse(STARTPAGINA[Rol.BEOORDELAAR]))
    assert response.status_code == 403


def test_anoniem_naar_inlogpagina(client):
    response = client.get(reverse(STARTPAGINA[Rol.BEOORDELAAR]))
    assert response.status_code == 302
    assert reverse("tfvv:inloggen-medewerker") in response["Location"]


def test_beheer_admin_vraagt_tweede_factor(client, medewerkers, client_als):
    response = client.get("/beheer/admin/")
    assert response.status_code == 302
    assert client_als("beheerder").get("/beheer/admin/").status_code == 200


def test_sessie_medewerker_verloopt_na_inactiviteit(client_als, settings):
    c = client_als("beoordelaar")
    session = c.session
    session[StaffSessionExpiryMiddleware.SLEUTEL] = int(time.time()) - 31 * 60
    session.save()
    response = c.get(reverse(STARTPAGINA[Rol.BEOORDELAAR]))
    assert response.status_code == 302
    assert "verlopen=1" in response["Location"]
