"""The beheerder's own pages for staff: no residents, no superusers, no user admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.aanvragen.factories import InwonerFactory
from tests.conftest import huidige_code
from tfvv.models import Gebruiker, Goedkeuringsverzoek
from tfvv.roles import Rol

pytestmark = pytest.mark.django_db


def test_beheerder_ziet_geen_inwoners(client_als):
    inwoner = InwonerFactory()
    superuser = Gebruiker.objects.create_superuser("technisch", "t@example.org", "x-Y-z-123456")
    c = client_als("beheerder")
    html = c.get(reverse("tfvv:gebruikers")).content.decode()
    assert "consulent_lwl" in html
    assert inwoner.email not in html and inwoner.username not in html
    assert "technisch" not in html
    for pk in (inwoner.pk, superuser.pk):
        assert c.get(reverse("tfvv:gebruiker", kwargs={"pk": pk})).status_code == 404
    # nor through the user admin
    assert c.get(reverse("admin:tfvv_gebruiker_changelist")).status_code == 403


def test_beheerder_kan_geen_superuser_maken(client_als, medewerkers):
    beheerder = medewerkers["beheerder"]
    c = client_als("beheerder")
    r = c.post(reverse("admin:tfvv_gebruiker_change", args=[beheerder.pk]),
               {"username": "beheerder", "is_superuser": "on", "is_staff": "on",
                "is_active": "on"})
    assert r.status_code == 403
    # the roles form knows no superuser: the field is ignored
    c.post(reverse("tfvv:gebruiker-rollen", kwargs={"pk": medewerkers["consulent_lwl"].pk}),
           {"rollen": [Rol.CONSULENT], "toelichting": "x", "is_superuser": "on",
            "code": huidige_code(beheerder.totp_device)})
    assert not Gebruiker.objects.filter(is_superuser=True).exists()
    assert not Group.objects.get(name=Rol.BEHEERDER).permissions.filter(
        codename__in=["change_gebruiker", "add_gebruiker", "change_regeling",
                      "change_opleider"]).exists()


def test_eigen_rollen_niet_via_scherm(client_als, medewerkers):
    beheerder = medewerkers["beheerder"]
    r = client_als("beheerder").post(
        reverse("tfvv:gebruiker-rollen", kwargs={"pk": beheerder.pk}),
        {"rollen": [Rol.BEHEERDER, Rol.BEOORDELAAR], "toelichting": "x",
         "code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 400
    assert "voor uzelf" in r.content.decode()
    assert not Goedkeuringsverzoek.objects.exists()


def test_nieuwe_medewerker_met_qr_code_eenmalig(client_als, medewerkers):
    beheerder = medewerkers["beheerder"]
    c = client_als("beheerder")
    data = {"username": "nieuwe.collega", "voornaam": "Nieuwe", "achternaam": "Collega",
            "email": "n@example.org", "organisatie": "projectbureau", "rollen": [Rol.FINANCIEEL]}
    r = c.post(reverse("tfvv:gebruiker-nieuw"), {**data, "code": "123"})
    assert r.status_code == 400 and 'value="nieuwe.collega"' in r.content.decode()
    r = c.post(reverse("tfvv:gebruiker-nieuw"),
               {**data, "code": huidige_code(beheerder.totp_device)}, follow=True)
    html = r.content.decode()
    assert r.status_code == 200 and "data:image/svg+xml" in html
    nieuw = Gebruiker.objects.get(username="nieuwe.collega")
    assert not nieuw.is_medewerker and not nieuw.is_superuser
    # the QR code is not shown a second time
    r = c.get(reverse("tfvv:gebruiker-qr", kwargs={"pk": nieuw.pk}))
    assert r.status_code == 302


def test_gebeurtenissenlog_noemt_geen_inwoners(client_als):
    from tfvv.events import registreer_gebeurtenis

    inwoner = InwonerFactory(first_name="Zwaantje", last_name="Geheimhouder")
    gebeurtenis = registreer_gebeurtenis(actor=inwoner, obj=inwoner, actie="aanmelden",
                                         dossier_id=None)
    c = client_als("beheerder")
    for url in (reverse("admin:tfvv_gebeurtenis_changelist"),
                reverse("admin:tfvv_gebeurtenis_change", args=[gebeurtenis.pk])):
        r = c.get(url)
        assert r.status_code == 200
        assert "Geheimhouder" not in r.content.decode()


def test_eigen_verzoek_niet_goed_te_keuren_via_scherm(client_als, medewerkers):
    from tfvv import gebruikersbeheer

    beheerder = medewerkers["beheerder"]
    verzoek = gebruikersbeheer.vraag_rollen_aan(
        actor=beheerder, code=huidige_code(beheerder.totp_device),
        gebruiker=medewerkers["consulent_lwl"], rollen=[Rol.BEOORDELAAR])
    c = client_als("beheerder")
    url = reverse("tfvv:goedkeuring", kwargs={"pk": verzoek.pk})
    assert "Een collega moet dit verzoek goedkeuren" in c.get(url).content.decode()
    r = c.post(url, {"besluit": "goedkeuren", "code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 403
    verzoek.refresh_from_db()
    assert verzoek.is_open


def test_account_uitzetten(client_als, medewerkers):
    beheerder = medewerkers["beheerder"]
    c = client_als("beheerder")
    r = c.post(reverse("tfvv:gebruiker-uitzetten", kwargs={"pk": beheerder.pk}),
               {"code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 400 and "eigen account" in r.content.decode()
    doel = medewerkers["adviesgroep"]
    r = c.post(reverse("tfvv:gebruiker-uitzetten", kwargs={"pk": doel.pk}),
               {"code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 302
    doel.refresh_from_db()
    assert not doel.is_active
