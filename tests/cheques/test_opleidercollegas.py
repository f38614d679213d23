"""The opleider's own beheerder: the page "Collega's" (invite, make/unmake beheerder,
deactivate), no four-eyes of the fund but a melding to its beheerders, the last
beheerder rule, and the fund inviting a beheerder of the opleider."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from cheques.models import Opleideraccount
from cheques.services import opleideraccounts, opleidercollegas
from tests.cheques.factories import OpleiderFactory
from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker
from tests.conftest import huidige_code
from tfvv import vierogen
from tfvv.models import Gebeurtenis, Melding
from tfvv.roles import Organisatie, Rol

pytestmark = pytest.mark.django_db
COLLEGAS = reverse("cheques:opleider-collegas")


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def org(medewerkers):
    """An opleider with a beheerder (logged in) and a plain colleague; another opleider
    with its own beheerder."""
    opleider, ander = OpleiderFactory(naam="ROC van Twente"), OpleiderFactory()
    beheerder = maak_opleidergebruiker(opleider, medewerkers["beheerder"],
                                       email="baas@roc.example", is_beheerder=True)
    collega = maak_opleidergebruiker(opleider, medewerkers["beheerder"],
                                     email="docent@roc.example")
    vreemd = maak_opleidergebruiker(ander, medewerkers["beheerder"],
                                    email="baas@ander.example", is_beheerder=True)
    return {"opleider": opleider, "beheerder": beheerder, "collega": collega,
            "vreemd": vreemd, "client": log_in_als_opleider(beheerder)}


def collega_url(gebruiker) -> str:
    return reverse("cheques:opleider-collega", kwargs={"pk": gebruiker.opleideraccount.pk})


def test_collegas_alleen_eigen_organisatie(org):
    r = org["client"].get(COLLEGAS)
    html = r.content.decode()
    assert r.status_code == 200
    assert "docent@roc.example" in html and "baas@roc.example" in html
    assert "baas@ander.example" not in html
    # another opleider's account is as if it did not exist, GET and POST
    url = collega_url(org["vreemd"])
    assert org["client"].get(url).status_code == 404
    assert org["client"].post(url, {"uit-reden": "x", "uit-code": "123456"}).status_code == 404
    assert org["vreemd"].is_active


def test_gewone_collega_mag_de_pagina_niet_zien(org):
    c = log_in_als_opleider(org["collega"])
    assert c.get(COLLEGAS).status_code == 403
    assert c.post(COLLEGAS, {}).status_code == 403
    assert c.get(collega_url(org["beheerder"])).status_code == 403
    # the menu link shows only for a beheerder
    assert f'href="{COLLEGAS}"' not in c.get(reverse("cheques:opleider-cheques")).content.decode()
    assert f'href="{COLLEGAS}"' in org["client"].get(
        reverse("cheques:opleider-cheques")).content.decode()


def test_collega_uitnodigen_zonder_vier_ogen_met_melding(
        org, medewerkers, django_capture_on_commit_callbacks):
    beheerder = org["beheerder"]
    with django_capture_on_commit_callbacks(execute=True):
        r = org["client"].post(COLLEGAS, {
            "voornaam": "Nina", "achternaam": "Nieuw", "email": "Nina@ROC.example",
            "code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 302
    account = Opleideraccount.objects.get(gebruiker__email="nina@roc.example")
    assert account.opleider == org["opleider"] and not account.is_beheerder
    assert account.uitgenodigd_door == beheerder and account.goedgekeurd_door is None
    assert account.gebruiker.heeft_rol(Rol.OPLEIDER)
    assert [m.to for m in mail.outbox] == [["nina@roc.example"]]
    assert "ROC van Twente" in mail.outbox[0].body
    gebeurtenis = Gebeurtenis.objects.get(actie="collega_uitgenodigd")
    assert gebeurtenis.actor == beheerder and gebeurtenis.gegevens["opleider"] == org["opleider"].pk
    # the fund's beheerder is told and sees the account in the beheer list
    melding = Melding.objects.get(ontvanger=medewerkers["beheerder"])
    assert "ROC van Twente heeft Nina Nieuw uitgenodigd" in melding.tekst
    assert melding.link == reverse("cheques:opleider-accounts",
                                   kwargs={"pk": org["opleider"].pk})
    beheerpagina = log_in(medewerkers).get(melding.link).content.decode()
    assert "nina@roc.example" in beheerpagina and "(eigen organisatie)" in beheerpagina


def log_in(medewerkers):
    from django.test import Client

    from tests.conftest import log_in_als_medewerker

    return log_in_als_medewerker(Client(), medewerkers["beheerder"])


def test_uitnodigen_fouten_bij_het_veld(org):
    beheerder = org["beheerder"]
    r = org["client"].post(COLLEGAS, {"voornaam": "Nina", "achternaam": "Nieuw",
                                      "email": "docent@roc.example",
                                      "code": huidige_code(beheerder.totp_device)})
    html = r.content.decode()
    assert r.status_code == 400 and "al een account met dit e-mailadres" in html
    assert 'value="Nina"' in html
    r = org["client"].post(COLLEGAS, {"voornaam": "Nina", "achternaam": "Nieuw",
                                      "email": "nina@roc.example", "code": "000000"})
    assert r.status_code == 400 and "klopt niet" in r.content.decode()
    r = org["client"].post(COLLEGAS, {})
    assert r.status_code == 400 and "Vul de voornaam in." in r.content.decode()
    assert Opleideraccount.objects.count() == 3


def test_beheerder_maken_en_afnemen(org, medewerkers, django_capture_on_commit_callbacks):
    beheerder, collega = org["beheerder"], org["collega"]
    url = collega_url(collega)
    with django_capture_on_commit_callbacks(execute=True):
        r = org["client"].post(url, {"rol-beheerder": "1",
                                     "rol-code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 302
    collega.opleideraccount.refresh_from_db()
    assert collega.opleideraccount.is_beheerder
    # the same click again changes nothing
    r = org["client"].post(url, {"rol-beheerder": "1",
                                 "rol-code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 400 and "Dit is al zo" in r.content.decode()
    # the new beheerder takes the flag of the first one
    c2 = log_in_als_opleider(collega)
    r = c2.post(collega_url(beheerder), {"rol-beheerder": "0",
                                         "rol-code": huidige_code(collega.totp_device)})
    assert r.status_code == 302
    beheerder.opleideraccount.refresh_from_db()
    assert not beheerder.opleideraccount.is_beheerder
    assert org["client"].get(COLLEGAS).status_code == 403  # no longer a beheerder
    assert list(Gebeurtenis.objects.filter(actie__startswith="collega_")
                .values_list("actie", flat=True).order_by("pk")) == [
        "collega_beheerder_gemaakt", "collega_geen_beheerder"]
    assert Melding.objects.filter(ontvanger=medewerkers["beheerder"],
                                  soort="collega_beheerder_gemaakt").exists()


def test_laatste_beheerder_kan_zichzelf_niet_afzetten_of_uitzetten(org):
    beheerder = org["beheerder"]
    url = collega_url(beheerder)
    r = org["client"].post(url, {"rol-beheerder": "0",
                                 "rol-code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 400 and "laatste beheerder" in r.content.decode()
    r = org["client"].post(url, {"uit-reden": "Ik vertrek",
                                 "uit-code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 400 and "laatste beheerder" in r.content.decode()
    beheerder.refresh_from_db()
    beheerder.opleideraccount.refresh_from_db()
    assert beheerder.is_active and beheerder.opleideraccount.is_beheerder


def test_collega_uitzetten(org, medewerkers, django_capture_on_commit_callbacks):
    from cheques import opleideridentiteit

    beheerder, collega = org["beheerder"], org["collega"]
    link = opleideridentiteit.maak_link(gebruiker=collega, uren=1)
    sessie = log_in_als_opleider(collega)
    assert sessie.get(reverse("cheques:opleider-cheques")).status_code == 200
    r = org["client"].post(collega_url(collega), {"uit-code": "123456"})
    assert r.status_code == 400 and "Schrijf op waarom" in r.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = org["client"].post(collega_url(collega), {
            "uit-reden": "Uit dienst", "uit-code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 302
    collega.refresh_from_db()
    assert not collega.is_active
    # the open session ends on its next request; the link is refused with a Dutch message
    r = sessie.get(reverse("cheques:opleider-cheques"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("cheques:opleider-inloggen"))
    r = sessie.get("/" + link.split("/", 3)[3])
    assert r.status_code == 404 and "Uw account voor het opleidersportaal is uitgezet" in \
        r.content.decode()
    gebeurtenis = Gebeurtenis.objects.get(actie="collega_uitgezet")
    assert gebeurtenis.reden == "Uit dienst"
    assert Melding.objects.filter(ontvanger=medewerkers["beheerder"],
                                  soort="collega_uitgezet").exists()


def test_beheerder_van_andere_opleider_in_de_service_geweigerd(org):
    from django.core.exceptions import PermissionDenied

    vreemd = org["vreemd"]
    with pytest.raises(PermissionDenied):
        opleidercollegas.zet_collega_uit(actor=vreemd, code=huidige_code(vreemd.totp_device),
                                         account=org["collega"].opleideraccount, reden="x")
    assert org["collega"].is_active


def test_fonds_nodigt_een_beheerder_van_de_opleider_uit(medewerkers, maak_gebruiker,
                                                        django_capture_on_commit_callbacks):
    opleider, beheerder = OpleiderFactory(), medewerkers["beheerder"]
    collega = maak_gebruiker(Rol.BEHEERDER, Organisatie.PROJECTBUREAU)
    verzoek = opleideraccounts.nodig_uit(
        actor=beheerder, code=huidige_code(beheerder.totp_device), opleider=opleider,
        email="hoofd@roc.example", voornaam="Hanna", achternaam="Hoofd", beheerder=True)
    assert "beheerder van de opleider" in verzoek.omschrijving
    with django_capture_on_commit_callbacks(execute=True):
        vierogen.keur_goed(verzoek=verzoek, actor=collega, code=huidige_code(collega.totp_device))
    account = Opleideraccount.objects.get()
    assert account.is_beheerder and account.goedgekeurd_door == collega
    assert Gebeurtenis.objects.get(actie="opleideraccount_aangemaakt").gegevens["beheerder"]
