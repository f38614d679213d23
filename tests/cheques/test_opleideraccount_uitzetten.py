"""The fund's beheerder deactivates an opleider account at once (reason, fresh code) and
reactivates it with four-eyes; a deactivated account cannot log in in any way."""

import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from cheques import opleideridentiteit
from cheques.services import opleideraccounts
from tests.cheques.factories import OpleiderFactory
from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker
from tests.conftest import huidige_code
from tfvv import vierogen
from tfvv.models import Gebeurtenis
from tfvv.roles import Organisatie, Rol

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()
    yield
    cache.clear()


def pad(url: str) -> str:
    return "/" + url.split("/", 3)[3]


@pytest.fixture
def account(medewerkers):
    gebruiker = maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"],
                                       email="kees@opleider.example")
    return gebruiker.opleideraccount


def test_uitzetten_met_reden_en_code(account, client_als, medewerkers,
                                     django_capture_on_commit_callbacks):
    gebruiker, beheerder = account.gebruiker, medewerkers["beheerder"]
    url = reverse("cheques:opleider-account", kwargs={"pk": account.pk})
    sessie = log_in_als_opleider(gebruiker)
    link = pad(opleideridentiteit.maak_link(gebruiker=gebruiker, uren=1))
    c = client_als("beheerder")
    assert "Account uitzetten" in c.get(url).content.decode()
    r = c.post(url, {"reden": "", "code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 400 and "Schrijf op waarom" in r.content.decode()
    r = c.post(url, {"reden": "Contract met opleider beëindigd", "code": "000000"})
    assert r.status_code == 400 and "klopt niet" in r.content.decode()
    assert 'Contract met opleider beëindigd' in r.content.decode()  # input kept
    time.sleep(1.1)  # django-otp throttles the device for a second after a wrong code
    r = c.post(url, {"reden": "Contract met opleider beëindigd",
                     "code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 302
    gebruiker.refresh_from_db()
    assert not gebruiker.is_active
    gebeurtenis = Gebeurtenis.objects.get(actie="opleideraccount_uitgezet")
    assert gebeurtenis.actor == beheerder and gebeurtenis.reden.startswith("Contract")
    # the open session ends on its next request
    r = sessie.get(reverse("cheques:opleider-cheques"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("cheques:opleider-inloggen"))
    # the unused link is refused, with a Dutch message saying why
    r = Client().get(link)
    assert r.status_code == 404 and "is uitgezet" in r.content.decode()
    assert Client().post(link, {"code": huidige_code(gebruiker.totp_device)}).status_code == 404
    assert opleideridentiteit.geldige_link(link.rstrip("/").rsplit("/", 1)[-1]) is None
    # no new link is mailed (and the page says nothing about the account)
    with django_capture_on_commit_callbacks(execute=True):
        r = Client().post(reverse("cheques:opleider-inloggen"), {"email": gebruiker.email})
    assert r.status_code == 200 and mail.outbox == []
    # the list shows the account as deactivated
    lijst = c.get(reverse("cheques:opleider-accounts", kwargs={"pk": account.opleider_id}))
    assert "uitgezet" in lijst.content.decode()


def test_heractiveren_met_vier_ogen(account, client_als, medewerkers, maak_gebruiker):
    gebruiker, beheerder = account.gebruiker, medewerkers["beheerder"]
    opleideraccounts.zet_account_uit(actor=beheerder, code=huidige_code(beheerder.totp_device),
                                     account=account, reden="Vergissing?")
    url = reverse("cheques:opleider-account", kwargs={"pk": account.pk})
    c = client_als("beheerder")
    assert "Weer aanzetten aanvragen" in c.get(url).content.decode()
    r = c.post(url, {"reden": "Toch nog in dienst",
                     "code": huidige_code(beheerder.totp_device)})
    assert r.status_code == 302
    gebruiker.refresh_from_db()
    assert not gebruiker.is_active  # nothing before the second pair of eyes
    verzoek = opleideraccounts.open_heractivering(account)
    assert verzoek is not None
    assert "heeft gevraagd dit account weer aan te zetten" in c.get(url).content.decode()
    with pytest.raises(vierogen.VierOgenFout):  # not by the one who asked
        vierogen.keur_goed(verzoek=verzoek, actor=beheerder,
                           code=huidige_code(beheerder.totp_device))
    collega = maak_gebruiker(Rol.BEHEERDER, Organisatie.PROJECTBUREAU)
    vierogen.keur_goed(verzoek=verzoek, actor=collega, code=huidige_code(collega.totp_device))
    gebruiker.refresh_from_db()
    assert gebruiker.is_active and gebruiker.heeft_rol(Rol.OPLEIDER)
    gebeurtenis = Gebeurtenis.objects.get(actie="opleideraccount_heractiveerd")
    assert gebeurtenis.actor == collega and gebeurtenis.reden == "Toch nog in dienst"
    # a new login link works again
    link = pad(opleideridentiteit.maak_link(gebruiker=gebruiker, uren=1))
    assert Client().post(link, {"code": huidige_code(gebruiker.totp_device)}).status_code == 302


def test_alleen_beheerder_van_het_fonds(account, medewerkers):
    fin = medewerkers["financieel"]
    with pytest.raises(vierogen.VierOgenFout):
        opleideraccounts.zet_account_uit(actor=fin, code=huidige_code(fin.totp_device),
                                         account=account, reden="x")
    account.gebruiker.refresh_from_db()
    assert account.gebruiker.is_active


def test_onbekend_account_404(client_als):
    url = reverse("cheques:opleider-account", kwargs={"pk": 999999})
    assert client_als("beheerder").get(url).status_code == 404
