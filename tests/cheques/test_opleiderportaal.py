"""The opleider portal: invitation (four-eyes), login (e-mail link + TOTP), my cheques."""

import csv
import datetime
import io
import re
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cheques.models import Cheque, Opleideraccount
from cheques.services import opleideraccounts
from tests.cheques.factories import OpleiderFactory
from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker
from tests.conftest import huidige_code
from tfvv import gebruikersbeheer, vierogen
from tfvv.roles import Organisatie, Rol

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()
    yield
    cache.clear()


def link_uit(bericht) -> str:
    return re.search(r"https?://\S+/opleider/inloggen/\S+/", bericht.body).group(0)


def pad(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def nodig_uit(medewerkers, maak_gebruiker, django_capture_on_commit_callbacks, opleider,
              email="docent@roc.example"):
    beheerder = medewerkers["beheerder"]
    collega = maak_gebruiker(Rol.BEHEERDER, Organisatie.PROJECTBUREAU)
    verzoek = opleideraccounts.nodig_uit(
        actor=beheerder, code=huidige_code(beheerder.totp_device), opleider=opleider,
        email=email, voornaam="Dirk", achternaam="Docent")
    assert not Opleideraccount.objects.exists()  # nothing before the second pair of eyes
    with django_capture_on_commit_callbacks(execute=True):
        vierogen.keur_goed(verzoek=verzoek, actor=collega,
                           code=huidige_code(collega.totp_device))
    return Opleideraccount.objects.get()


def test_uitnodiging_met_vier_ogen_en_eerste_login_met_qr(
        medewerkers, maak_gebruiker, django_capture_on_commit_callbacks):
    opleider = OpleiderFactory()
    account = nodig_uit(medewerkers, maak_gebruiker, django_capture_on_commit_callbacks,
                        opleider)
    gebruiker = account.gebruiker
    assert account.opleider == opleider and gebruiker.heeft_rol(Rol.OPLEIDER)
    assert not gebruiker.has_usable_password() and not gebruiker.is_medewerker
    assert gebruiker not in gebruikersbeheer.medewerkers()  # not in the staff screens
    uitnodiging = mail.outbox[-1]
    assert uitnodiging.to == ["docent@roc.example"] and opleider.naam in uitnodiging.body
    url = pad(link_uit(uitnodiging))

    client = Client()
    r = client.get(url)
    assert r.status_code == 200 and "data:image/svg+xml" in r.content.decode()  # the QR code
    apparaat = gebruiker.totpdevice_set.get()
    assert not apparaat.confirmed
    r = client.post(url, {"code": "000000" if huidige_code(apparaat) != "000000" else "111111"})
    assert r.status_code == 400 and "klopt niet" in r.content.decode()
    r = client.post(url, {"code": "12a"})
    assert r.status_code == 400 and "zes cijfers" in r.content.decode()
    time.sleep(1.1)  # django-otp throttles the device for a second after a wrong code
    r = client.post(url, {"code": huidige_code(apparaat)})
    assert r.status_code == 302 and r["Location"] == reverse("cheques:opleider-cheques")
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert client.get(reverse("cheques:opleider-cheques")).status_code == 200
    assert Client().get(url).status_code == 404  # used once


def test_tweede_login_zonder_qr_en_onbekend_adres_verraadt_niets(
        medewerkers, django_capture_on_commit_callbacks):
    gebruiker = maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"],
                                       email="kees@opleider.example")
    url = reverse("cheques:opleider-inloggen")
    with django_capture_on_commit_callbacks(execute=True):
        onbekend = Client().post(url, {"email": "niemand@opleider.example"})
        bekend = Client().post(url, {"email": "Kees@Opleider.example"})
    assert onbekend.status_code == bekend.status_code == 200
    assert onbekend.content.decode().count("ontvangt u") == 1
    assert [m.to for m in mail.outbox] == [["kees@opleider.example"]]
    link = pad(link_uit(mail.outbox[0]))
    r = Client().get(link)
    assert r.status_code == 200 and "data:image/svg+xml" not in r.content.decode()
    c = Client()
    assert c.post(link, {"code": huidige_code(gebruiker.totp_device)}).status_code == 302


def test_onjuist_adres_bij_linkaanvraag(db):
    r = Client().post(reverse("cheques:opleider-inloggen"), {"email": "geen-adres"})
    assert r.status_code == 400 and "geldig e-mailadres" in r.content.decode()


def test_te_veel_foute_codes_maken_de_link_onbruikbaar(medewerkers):
    from cheques import opleideridentiteit

    gebruiker = maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"])
    url = pad(opleideridentiteit.maak_link(gebruiker=gebruiker, uren=1))
    goed = huidige_code(gebruiker.totp_device)
    fout = "000000" if goed != "000000" else "111111"
    codes = [Client().post(url, {"code": fout}).status_code
             for _ in range(opleideridentiteit.MAX_FOUTE_CODES)]
    assert codes == [400] * (opleideridentiteit.MAX_FOUTE_CODES - 1) + [404]
    assert Client().post(url, {"code": goed}).status_code == 404


def test_verlopen_link_en_gedeactiveerd_account(medewerkers, time_machine):
    from cheques import opleideridentiteit

    gebruiker = maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"])
    url = pad(opleideridentiteit.maak_link(gebruiker=gebruiker, uren=1))
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=2))
    assert Client().get(url).status_code == 404
    url = pad(opleideridentiteit.maak_link(gebruiker=gebruiker, uren=1))
    gebruiker.is_active = False
    gebruiker.save()
    assert Client().get(url).status_code == 404


def test_zonder_tweede_factor_naar_de_inlogpagina(medewerkers):
    gebruiker = maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"])
    c = Client()
    c.force_login(gebruiker, backend="django.contrib.auth.backends.ModelBackend")
    r = c.get(reverse("cheques:opleider-cheques"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("cheques:opleider-inloggen"))


def test_uitnodiging_voor_bestaand_adres_geweigerd(client_als, medewerkers):
    opleider = OpleiderFactory()
    beheerder = medewerkers["beheerder"]
    r = client_als("beheerder").post(
        reverse("cheques:opleider-accounts", kwargs={"pk": opleider.pk}),
        {"voornaam": "Dirk", "achternaam": "Docent", "email": beheerder.email.upper(),
         "code": huidige_code(beheerder.totp_device)})
    html = r.content.decode()
    assert r.status_code == 400 and "al een account met dit e-mailadres" in html
    assert 'value="Dirk"' in html  # input kept
    r = client_als("beheerder").post(
        reverse("cheques:opleider-accounts", kwargs={"pk": opleider.pk}),
        {"voornaam": "Dirk", "achternaam": "Docent", "email": "dirk@roc.example",
         "code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 302
    assert vierogen.open_verzoek(opleideraccounts.SOORT_UITNODIGING,
                                 "opleideraccount:dirk@roc.example")


@pytest.fixture
def twee_opleiders(maak_cheques, medewerkers):
    eigen, ander = maak_cheques(3), maak_cheques(1)
    opleider = eigen[0].opleider
    Cheque.objects.filter(pk__in=[c.pk for c in eigen]).update(opleider=opleider)
    vandaag = timezone.localdate()
    Cheque.objects.filter(pk=eigen[1].pk).update(geldig_tot=vandaag + datetime.timedelta(days=10))
    plan = eigen[2].beschikking.plan
    plan.opleiding_naam = "Lassen MIG/MAG"
    plan.save()
    aanvraag = plan.aanvraag
    aanvraag.voornaam, aanvraag.achternaam = "Anna Maria", "Zandvoort"
    aanvraag.save()
    gebruiker = maak_opleidergebruiker(opleider, medewerkers["beheerder"])
    return {"eigen": eigen, "ander": ander[0], "client": log_in_als_opleider(gebruiker)}


def test_mijn_cheques_alleen_eigen_en_geen_inwonergegevens(twee_opleiders):
    c, eigen, ander = twee_opleiders["client"], twee_opleiders["eigen"], twee_opleiders["ander"]
    r = c.get(reverse("cheques:opleider-cheques"))
    html = r.content.decode()
    assert r.status_code == 200
    assert all(ch.nummer in html for ch in eigen) and ander.nummer not in html
    assert "A.M. Zandvoort" in html and "Lassen MIG/MAG" in html and "€ 1.500,00" in html
    assert html.count("Verloopt binnen 30 dagen") == 1
    for ch in eigen:
        aanvraag = ch.beschikking.plan.aanvraag
        for persoonlijk in (aanvraag.email, aanvraag.referentie, aanvraag.voornaam):
            assert persoonlijk not in html
        if aanvraag.postcode:
            assert aanvraag.postcode not in html
    # searching another opleider's number finds nothing
    r = c.get(reverse("cheques:opleider-cheques"), {"zoek": ander.nummer})
    assert "<tbody>" not in r.content.decode() and "Geen cheques gevonden" in r.content.decode()
    r = c.get(reverse("cheques:opleider-cheques"), {"zoek": "zandv"})
    assert eigen[2].nummer in r.content.decode() and eigen[0].nummer not in r.content.decode()


def test_mijn_cheques_export(twee_opleiders):
    c, eigen, ander = twee_opleiders["client"], twee_opleiders["eigen"], twee_opleiders["ander"]
    r = c.get(reverse("cheques:opleider-cheques"), {"formaat": "csv"})
    rijen = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:3] == ["Chequenummer", "Chequehouder", "Opleiding"]
    assert sorted(r[0] for r in rijen[1:]) == sorted(ch.nummer for ch in eigen)
    assert ander.nummer not in r.content.decode()
    assert sum(1 for r in rijen[1:] if r[-1] == "ja") == 1
    r = c.get(reverse("cheques:opleider-cheques"), {"formaat": "xlsx"})
    assert r.status_code == 200 and r.content[:2] == b"PK"


def test_opleider_van_een_uitgezette_opleider_ziet_niets(twee_opleiders):
    opleider = twee_opleiders["eigen"][0].opleider
    opleider.actief = False
    opleider.save()
    assert twee_opleiders["client"].get(reverse("cheques:opleider-cheques")).status_code == 403


def test_sessie_verloopt_na_inactiviteit(medewerkers, settings, time_machine):
    gebruiker = maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"])
    c = log_in_als_opleider(gebruiker)
    assert c.get(reverse("cheques:opleider-cheques")).status_code == 200
    time_machine.move_to(timezone.now() + datetime.timedelta(
        seconds=settings.TFVV_STAFF_IDLE_SECONDS + 60))
    r = c.get(reverse("cheques:opleider-cheques"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("cheques:opleider-inloggen"))
