"""Step-up re-authentication (tfvv.stepup) and its use for user management in the admin."""

import time

import pytest
from django.contrib.auth.models import Group
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from tests.conftest import huidige_code
from tfvv import stepup

pytestmark = pytest.mark.django_db

BEVESTIGEN = "/medewerkers/bevestigen/"


def verloop(client):
    session = client.session
    session[stepup.SESSIE_SLEUTEL] = time.time() - 11 * 60
    session.save()


def test_inloggen_met_code_telt_als_verse_bevestiging(client, medewerkers):
    user = medewerkers["beheerder"]
    client.post(reverse("tfvv:inloggen-medewerker"), {
        "username": user.username, "password": "Test-wachtwoord-123!",
        "code": huidige_code(user.totp_device)})
    assert client.session[stepup.SESSIE_SLEUTEL] == pytest.approx(time.time(), abs=5)


@pytest.fixture
def client_technisch(db):
    """The user admin is for a technical superuser only (manage.py maak_technisch_beheerder)."""
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.conftest import log_in_als_medewerker
    from tfvv.models import Gebruiker

    user = Gebruiker.objects.create_superuser("technisch", "t@example.org", "Test-123-abc!")
    user.totp_device = TOTPDevice.objects.create(user=user, name="authenticator")
    return log_in_als_medewerker(Client(), user)


def test_gebruikersbeheer_vraagt_verse_code(client_technisch, medewerkers):
    c = client_technisch
    verloop(c)
    doel = medewerkers["adviesgroep"]
    url = reverse("admin:tfvv_gebruiker_change", args=[doel.pk])
    assert c.get(url).status_code == 200  # viewing needs no fresh code
    response = c.post(url, {"username": "gekaapt"})
    assert response.status_code == 302
    assert response["Location"].startswith(BEVESTIGEN)
    assert f"next={url.replace('/', '%2F')}" in response["Location"]
    doel.refresh_from_db()
    assert doel.username == "adviesgroep"


def test_rollen_wijzigen_vraagt_verse_code(client_als):
    c = client_als("beheerder")
    verloop(c)
    groep = Group.objects.get(name="adviesgroep")
    url = reverse("admin:auth_group_delete", args=[groep.pk])
    response = c.post(url, {"post": "yes"})
    assert response["Location"].startswith(BEVESTIGEN)
    assert Group.objects.filter(pk=groep.pk).exists()


def test_na_bevestigen_gaat_de_wijziging_door(client_technisch, medewerkers):
    from tfvv.models import Gebruiker

    c = client_technisch
    beheerder = Gebruiker.objects.get(username="technisch")
    beheerder.totp_device = beheerder.totpdevice_set.get()
    doel = medewerkers["adviesgroep"]
    url = reverse("admin:tfvv_gebruiker_change", args=[doel.pk])
    response = c.post(BEVESTIGEN, {"code": huidige_code(beheerder.totp_device), "next": url})
    assert response.status_code == 302
    assert response["Location"] == url
    response = c.post(url, {"username": "adviesgroep", "first_name": "Nieuw", "last_name": "X",
                            "email": "a@example.org", "organisatie": "adviesgroep",
                            "is_active": "on", "groups": [Group.objects.get(name="adviesgroep")
                                                          .pk],
                            "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00"})
    assert response.status_code == 302, response.content.decode()[:2000]
    doel.refresh_from_db()
    assert doel.first_name == "Nieuw"


def test_bevestiging_verloopt(client_als, medewerkers):
    c = client_als("beheerder")
    c.post(BEVESTIGEN, {"code": huidige_code(medewerkers["beheerder"].totp_device)})
    verloop(c)
    url = reverse("admin:tfvv_gebruiker_change", args=[medewerkers["adviesgroep"].pk])
    assert c.post(url, {"username": "x"})["Location"].startswith(BEVESTIGEN)


def test_verkeerde_code_geeft_melding_en_blijft(client_als):
    c = client_als("beoordelaar")
    verloop(c)
    response = c.post(BEVESTIGEN, {"code": "000000", "next": "/beoordeling/"})
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()
    assert c.session[stepup.SESSIE_SLEUTEL] < time.time() - 10 * 60  # not refreshed


def test_te_vaak_verkeerd_logt_uit(client_als, settings):
    c = client_als("beoordelaar")
    for _ in range(settings.TFVV_STEP_UP_MAX_POGINGEN - 1):
        assert c.post(BEVESTIGEN, {"code": "000000"}).status_code == 200
    response = c.post(BEVESTIGEN, {"code": "000000"})
    assert response["Location"] == "/medewerkers/inloggen/?bevestigen_mislukt=1"
    assert "_auth_user_id" not in c.session


def test_next_naar_andere_site_wordt_genegeerd(client_als, medewerkers):
    c = client_als("financieel")
    response = c.post(BEVESTIGEN, {"code": huidige_code(medewerkers["financieel"].totp_device),
                                   "next": "https://kwaadwillend.example/"})
    assert response["Location"] == reverse("tfvv:start")


def _request(rf, methode, user, sessie):
    request = getattr(rf, methode)("/gevoelig/")
    request.user = user
    request.session = sessie
    return request


@pytest.mark.parametrize("bij_openen,methode,verwacht", [
    (False, "get", 200), (False, "post", 302), (True, "get", 302), (True, "post", 302),
])
def test_decorator(medewerkers, bij_openen, methode, verwacht):
    @stepup.stap_op_vereist(bij_openen=bij_openen)
    def gevoelig(request):
        return HttpResponse("gedaan")

    request = _request(RequestFactory(), methode, medewerkers["beoordelaar"], {})
    response = gevoelig(request)
    assert response.status_code == verwacht
    if verwacht == 302 and methode == "get":
        assert response["Location"] == f"{BEVESTIGEN}?next=%2Fgevoelig%2F"
    elif verwacht == 302:  # a POST: the input is kept under a one-time key in `next`
        assert response["Location"].startswith(
            f"{BEVESTIGEN}?next=%2Fgevoelig%2F%3F{stepup.INVOER_PARAM}%3D")
    request = _request(RequestFactory(), methode, medewerkers["beoordelaar"],
                       {stepup.SESSIE_SLEUTEL: time.time()})
    assert gevoelig(request).status_code == 200


def test_mixin(medewerkers):
    from django.views import View

    class Gevoelig(stepup.StapOpVereistMixin, View):
        def post(self, request):
            return HttpResponse("gedaan")

    request = _request(RequestFactory(), "post", medewerkers["beoordelaar"], {})
    assert Gevoelig.as_view()(request).status_code == 302
    request.session[stepup.SESSIE_SLEUTEL] = time.time()
    assert Gevoelig.as_view()(request).status_code == 200


@pytest.mark.parametrize("naam", ["eigen", "van_een_ander"])
def test_wachtwoord_wijzigen_in_beheer_vraagt_verse_code(client_als, client_technisch,
                                                        medewerkers, naam):
    # one's own password: any staff member; another's: the technical superuser only
    c = client_als("beheerder") if naam == "eigen" else client_technisch
    verloop(c)
    beheerder = medewerkers["beheerder"]
    if naam == "eigen":
        url = reverse("admin:password_change")
        gegevens = {"old_password": "Test-wachtwoord-123!", "new_password1": "Gekaapt-wachtwoord-9",
                    "new_password2": "Gekaapt-wachtwoord-9"}
        doel = beheerder
    else:
        doel = medewerkers["adviesgroep"]
        url = reverse("admin:auth_user_password_change", args=[doel.pk])
        gegevens = {"password1": "Gekaapt-wachtwoord-9", "password2": "Gekaapt-wachtwoord-9",
                    "usable_password": "true"}
    assert c.get(url).status_code == 200
    response = c.post(url, gegevens)
    assert response["Location"].startswith(BEVESTIGEN)
    doel.refresh_from_db()
    assert not doel.check_password("Gekaapt-wachtwoord-9")


def _na_bevestigen(medewerkers):
    """A sensitive view that records what reaches it; a POST was sent to the step-up page
    and the code entered. Returns (open(path), what the view received, the return path)."""
    from urllib.parse import parse_qs, urlsplit

    ontvangen = []

    @stepup.stap_op_vereist
    def gevoelig(request):
        ontvangen.append((request.method, dict(request.POST.lists())))
        return HttpResponse("gedaan")

    rf, user, sessie = RequestFactory(), medewerkers["beoordelaar"], {}
    request = rf.post("/gevoelig/", {"motivering": "getypt", "regels": ["R1", "R2"],
                                     "csrfmiddlewaretoken": "x"})
    request.user, request.session = user, sessie
    terug = parse_qs(urlsplit(gevoelig(request)["Location"]).query)["next"][0]
    assert ontvangen == []
    sessie[stepup.SESSIE_SLEUTEL] = time.time()  # the code was entered

    def open_(pad):
        request = rf.get(pad)
        request.user, request.session = user, sessie
        gevoelig(request)

    return open_, ontvangen, terug


def test_bewaarde_invoer_wordt_een_keer_uitgevoerd_op_hetzelfde_pad(medewerkers):
    open_, ontvangen, terug = _na_bevestigen(medewerkers)
    for pad in (terug.replace("/gevoelig/", "/ander/"), terug, terug):
        open_(pad)
    # another path does not use the kept input (and spends it: one time only)
    assert ontvangen == [("GET", {}), ("GET", {}), ("GET", {})]


def test_bewaarde_invoer_op_het_juiste_pad(medewerkers):
    open_, ontvangen, terug = _na_bevestigen(medewerkers)
    open_(terug)
    open_(terug)
    assert ontvangen == [("POST", {"motivering": ["getypt"], "regels": ["R1", "R2"]}),
                         ("GET", {})]
