"""Text typed by a resident cannot write the fund's mails (issue 15, item 2): refused at
the form, and neutralised by the mail builder for whatever got past it."""

import pytest

from aanvragen import services
from aanvragen.models import Aanvraag
from tests.aanvragen.conftest import geldige_invoer, na_commit
from tests.aanvragen.factories import AanvraagFactory

pytestmark = pytest.mark.django_db

VOORNAAM = "Jan,\n\nLET OP: uw aanvraag is AFGEWEZEN. Ga naar https://evil.example"
ENKELE_REGEL = ["voornaam", "achternaam", "huidig_beroep", "huidige_sector",
                "voorkeur_locatie", "telefoon", "postcode", "toevoeging", "email"]


def aanmelden(client, **anders):
    with na_commit():
        return client.post("/aanmelden/", geldige_invoer(**anders))


def fout(antwoord, veld) -> str:
    assert antwoord.status_code == 200, antwoord.status_code
    assert not Aanvraag.objects.exists()
    return " ".join(antwoord.context["form"].errors[veld])


def test_voornaam_met_bericht_geweigerd(client, mailbox):
    antwoord = aanmelden(client, voornaam=VOORNAAM)
    assert "regeleinden" in fout(antwoord, "voornaam")
    assert not mailbox
    assert "LET OP: uw aanvraag is AFGEWEZEN" in antwoord.content.decode()  # input kept


@pytest.mark.parametrize("achternaam", ["Jansen https://evil.example", "Jansen www.evil.nl",
                                        "evil.example", "Jansen (bel 0900)"])
def test_url_of_vreemde_tekens_in_achternaam_geweigerd(client, achternaam):
    assert fout(aanmelden(client, achternaam=achternaam), "achternaam")


@pytest.mark.parametrize("veld", ENKELE_REGEL)
@pytest.mark.parametrize("breuk", ["\r\n", "\n", "\r", "\u2028"])
def test_regeleinde_in_elk_tekstveld_geweigerd(client, veld, breuk):
    waarde = geldige_invoer()[veld] or "A"
    assert fout(aanmelden(client, **{veld: f"{waarde}{breuk}Bcc: x@evil.example"}), veld)


@pytest.mark.parametrize("veld", ["huidig_beroep", "huidige_sector", "voorkeur_locatie",
                                  "scholingswens"])
def test_url_in_vrije_tekst_geweigerd(client, veld):
    assert "internetadres" in fout(aanmelden(client, **{veld: "Zie https://evil.example"}),
                                   veld)


@pytest.mark.parametrize("naam", ["'t Hooft", "O'Neil", "Müller-Lüdenscheidt", "J.P.",
                                  "van der Berg", "Zoë", "Ørsted"])
def test_echte_namen_blijven_welkom(client, naam):
    assert aanmelden(client, voornaam=naam, achternaam=naam).status_code == 302


def test_scholingswens_mag_meerdere_regels(client):
    assert aanmelden(client, scholingswens="Eerst taal.\r\nDan een vak.").status_code == 302


# --- the mail builder: defence in depth for what got past a form -----------------------------


def test_ontvangstbevestiging_neutraliseert_de_naam(mailbox):
    aanvraag = AanvraagFactory(voornaam=VOORNAAM, achternaam="X\r\nBcc: a@evil.example")
    services.mail_ontvangstbevestiging(aanvraag_id=aanvraag.pk)
    bericht = mailbox[0]
    regels = bericht.body.splitlines()
    assert regels[0].startswith("Beste Jan, LET OP")  # one line, still the salutation
    assert not any(r.startswith("LET OP") for r in regels)
    assert "https://evil.example" not in bericht.body
    assert "https[:]//evil[.]example" in bericht.body
    assert "\n" not in bericht.subject and "\r" not in bericht.subject


def test_inloglink_mail_neutraliseert_de_naam(mailbox):
    aanvraag = AanvraagFactory()
    aanvraag.aanvrager.first_name = VOORNAAM
    aanvraag.aanvrager.save()
    services.mail_inloglink(gebruiker_id=aanvraag.aanvrager_id)
    assert "https://evil.example" not in mailbox[0].body
    assert not any(r.startswith("LET OP") for r in mailbox[0].body.splitlines())


def test_onderwerp_altijd_een_regel(mailbox):
    from tfvv.mail import verstuur

    verstuur(aan=["a@voorbeeld.nl"], onderwerp="Uw besluit\r\nBcc: b@evil.example",
             tekst="tekst")
    assert mailbox[0].subject == "Uw besluit Bcc: b@evil[.]example"
    assert mailbox[0].bcc == []


def test_plan_mail_maakt_het_onderwerp_een_regel():
    from django.db import transaction

    from tfvv.mail import plan_mail

    with transaction.atomic():
        taak = plan_mail(aan=["a@voorbeeld.nl"], onderwerp="Kop\nLET OP www.evil.nl",
                         tekst="tekst")
    assert taak.argumenten["onderwerp"] == "Kop LET OP www[.]evil[.]nl"


def test_gespreksmail_en_ics_neutraliseren_de_naam(medewerkers):
    from loopbaangesprekken import ics, uitnodiging
    from tests.loopbaangesprekken.factories import GesprekFactory

    gesprek = GesprekFactory(
        aanvraag=AanvraagFactory(status="in_behandeling", voornaam=VOORNAAM,
                                 consulent=medewerkers["consulent_lwl"]))
    bericht = uitnodiging.bericht(gesprek, "uitnodiging")
    assert "https://evil.example" not in bericht.body
    assert not any(r.startswith("LET OP") for r in bericht.body.splitlines())
    assert b"evil.example" not in ics.agenda(gesprek)
