"""Nobody's aanmelding ends up in someone else's portal (issue 15, item 1).

An aanmelding gets an account of its own; it joins the account that proved the same
address only when the link in its own confirmation mail is used. The two-browser version
of the takeover is in test_browser_accountovername.py.
"""

import json

import pytest
from django.test import Client
from django.urls import reverse

from aanvragen.models import Aanvraag
from tests.aanvragen.bestanden import PDF, upload
from tests.aanvragen.conftest import geldige_invoer, na_commit, pad_van_link
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db

SLACHTOFFER = "slachtoffer@voorbeeld.nl"


def meld_aan(client, **anders):
    with na_commit():
        antwoord = client.post("/aanmelden/", geldige_invoer(**anders))
    assert antwoord.status_code == 302, antwoord.content
    return antwoord


def log_in_met_laatste_mail(client, mailbox, aan):
    berichten = [m for m in mailbox if m.to == [aan] and "/inloggen/" in m.body]
    assert berichten, [(m.to, m.subject) for m in mailbox]
    assert client.post(pad_van_link(berichten[-1].body)).status_code == 302
    return client


def ziet_niets_van(client, aanvraag):
    """Portal, AVG export, the aanvraag's pages, withdrawal and upload: all closed."""
    assert aanvraag.referentie not in client.get(
        reverse("aanvragen:mijn-aanvraag"), follow=True).content.decode()
    export = json.loads(client.get(reverse("aanvragen:mijn-gegevens")).content)
    assert aanvraag.referentie not in json.dumps(export)
    assert aanvraag.achternaam not in json.dumps(export)
    for naam in ("aanvraag", "documenten", "intrekken"):
        assert client.get(reverse(f"aanvragen:{naam}", args=[aanvraag.pk])).status_code == 404
    assert client.post(reverse("aanvragen:intrekken", args=[aanvraag.pk]),
                       {"bevestig": "on"}).status_code == 404
    assert client.post(reverse("aanvragen:documenten", args=[aanvraag.pk]),
                       {"soort": "offerte", "bestand": upload("x.pdf", PDF)}).status_code == 404
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.AANGEMELD and not aanvraag.documenten.exists()


def test_emailadres_van_slachtoffer_overnemen_lukt_niet(client, mailbox):
    """The attacker registers, logs in and sets the victim's address on their account:
    unconfirmed, it is never used, and the victim's later aanmelding stays the victim's."""
    meld_aan(client, email="aanvaller@voorbeeld.nl", achternaam="Kwaad")
    aanvaller = log_in_met_laatste_mail(client, mailbox, "aanvaller@voorbeeld.nl")
    with na_commit():
        aanvaller.post(reverse("aanvragen:contactgegevens"),
                       {"email": SLACHTOFFER, "telefoon": "0612345678"})

    slachtoffer = Client()
    meld_aan(slachtoffer, email=SLACHTOFFER, voornaam="Sanne", achternaam="Slachtoffer",
             geboortedatum="02-02-1990")
    van_slachtoffer = Aanvraag.objects.get(achternaam="Slachtoffer")
    ziet_niets_van(aanvaller, van_slachtoffer)

    # the victim's own link gives the victim their aanvraag
    log_in_met_laatste_mail(slachtoffer, mailbox, SLACHTOFFER)
    pagina = slachtoffer.get(reverse("aanvragen:mijn-aanvraag"), follow=True).content.decode()
    assert van_slachtoffer.referentie in pagina
    assert "Kwaad" not in pagina


def test_vreemde_met_andermans_adres_komt_niet_in_diens_portaal(client, mailbox):
    """A stranger registers with a resident's address and another birth date."""
    meld_aan(client, email=SLACHTOFFER, achternaam="Bewoner")
    bewoner = log_in_met_laatste_mail(client, mailbox, SLACHTOFFER)

    meld_aan(Client(), email=SLACHTOFFER, voornaam="Vreemde", achternaam="Indringer",
             geboortedatum="03-03-1970")
    van_vreemde = Aanvraag.objects.get(achternaam="Indringer")
    bewoner_account = Aanvraag.objects.get(achternaam="Bewoner").aanvrager
    assert van_vreemde.aanvrager != bewoner_account
    ziet_niets_van(bewoner, van_vreemde)
    # the stranger has no link: it went to the address, as the confirmation mail
    assert mailbox[-1].to == [SLACHTOFFER] and "niet zelf aangemeld" in mailbox[-1].body


def test_eigen_tweede_aanmelding_komt_bij_het_account_na_de_link(client, mailbox):
    """A resident's own new aanmelding joins their account once its link is used."""
    meld_aan(client, email=SLACHTOFFER, achternaam="Eerst")
    log_in_met_laatste_mail(client, mailbox, SLACHTOFFER)
    account = Aanvraag.objects.get(achternaam="Eerst").aanvrager

    meld_aan(client, email=SLACHTOFFER, achternaam="Later", geboortedatum="04-04-1984")
    later = Aanvraag.objects.get(achternaam="Later")
    tijdelijk = later.aanvrager
    assert tijdelijk != account

    log_in_met_laatste_mail(client, mailbox, SLACHTOFFER)
    later.refresh_from_db()
    tijdelijk.refresh_from_db()
    assert later.aanvrager == account and not tijdelijk.is_active
    assert int(client.session["_auth_user_id"]) == account.pk
    assert Gebeurtenis.objects.filter(actie="gekoppeld_aan_account", dossier_id=later.pk).exists()
    pagina = client.get(reverse("aanvragen:mijn-aanvraag")).content.decode()
    assert later.referentie in pagina
    assert Aanvraag.objects.get(achternaam="Eerst").referentie in pagina


def test_inloglink_aanvragen_kiest_het_bewezen_account(client, mailbox):
    """/inloggen/ sends the link for the account that proved the address, not for a
    stranger's unproven aanmelding with the same address."""
    meld_aan(Client(), email=SLACHTOFFER, achternaam="Vreemd", geboortedatum="03-03-1970")
    meld_aan(client, email=SLACHTOFFER, achternaam="Eigen")
    log_in_met_laatste_mail(client, mailbox, SLACHTOFFER)  # proves the second account
    eigen = Aanvraag.objects.get(achternaam="Eigen").aanvrager

    nieuw = Client()
    with na_commit():
        nieuw.post(reverse("aanvragen:inloggen"), {"email": SLACHTOFFER})
    log_in_met_laatste_mail(nieuw, mailbox, SLACHTOFFER)
    assert int(nieuw.session["_auth_user_id"]) == eigen.pk
