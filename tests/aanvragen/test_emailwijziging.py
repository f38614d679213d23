"""A new e-mail address is used only after the new address confirms it (issue 15, item 1)."""

import re

import pytest
from django.urls import reverse

from aanvragen.models import Aanvraag, EmailWijziging
from tests.aanvragen.conftest import na_commit
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db

CONTACT = reverse("aanvragen:contactgegevens")
BEVESTIGLINK = re.compile(r"https?://[^/\s]+(/mijn-aanvraag/e-mailadres/[A-Za-z0-9_-]{20,}/)")


@pytest.fixture
def aanvraag():
    return AanvraagFactory(email="oud@voorbeeld.nl",
                           aanvrager=InwonerFactory(email="oud@voorbeeld.nl"))


def vraag_wijziging(client, email="nieuw@voorbeeld.nl", telefoon="0612345678"):
    with na_commit():
        return client.post(CONTACT, {"email": email, "telefoon": telefoon})


def bevestiglink(mailbox, aan="nieuw@voorbeeld.nl") -> str:
    berichten = [m for m in mailbox if m.to == [aan] and BEVESTIGLINK.search(m.body)]
    assert berichten, [(m.to, m.subject) for m in mailbox]
    return BEVESTIGLINK.search(berichten[-1].body).group(1)


def test_nieuw_adres_pas_na_bevestiging(client, inwoner_client, aanvraag, mailbox):
    inwoner = inwoner_client(aanvraag.aanvrager)
    assert vraag_wijziging(inwoner).status_code == 302
    # nothing changed yet; the new address got a link, the old one a warning
    aanvraag.refresh_from_db()
    aanvraag.aanvrager.refresh_from_db()
    assert aanvraag.email == aanvraag.aanvrager.email == "oud@voorbeeld.nl"
    oud_bericht = next(m for m in mailbox if m.to == ["oud@voorbeeld.nl"])
    assert "n…@voorbeeld[.]nl" in oud_bericht.body and "nieuw@" not in oud_bericht.body
    link = bevestiglink(mailbox)
    # only a hash of the link is stored
    assert link.strip("/").rsplit("/", 1)[-1] not in str(
        list(EmailWijziging.objects.values_list("token_hash", flat=True)))

    # a visitor who opens the link is asked to log in first, and comes back here
    anoniem = client.get(link)
    assert anoniem.status_code == 302 and anoniem["Location"].startswith("/inloggen/?next=")
    assert client.post(link).status_code == 302
    # opening the link (a mail scanner) changes nothing; the button does
    assert inwoner.get(link).status_code == 200
    assert Aanvraag.objects.get().email == "oud@voorbeeld.nl"
    mailbox.clear()
    with na_commit():
        antwoord = inwoner.post(link)
    assert antwoord.status_code == 200 and "is bevestigd" in antwoord.content.decode()
    aanvraag.refresh_from_db()
    aanvraag.aanvrager.refresh_from_db()
    assert aanvraag.email == aanvraag.aanvrager.email == "nieuw@voorbeeld.nl"
    assert [m.to for m in mailbox] == [["oud@voorbeeld.nl"]]  # told after the change too
    assert Gebeurtenis.objects.filter(actie="emailadres_gewijzigd").count() == 1

    # single use
    assert inwoner.post(link).status_code == 404


def test_link_verloopt(client, inwoner_client, aanvraag, mailbox, time_machine, settings):
    settings.TFVV_INLOGLINK_UREN = 24
    time_machine.move_to("2026-03-02 10:00", tick=False)
    vraag_wijziging(inwoner_client(aanvraag.aanvrager))
    link = bevestiglink(mailbox)
    time_machine.move_to("2026-03-03 10:01", tick=False)
    assert inwoner_client(aanvraag.aanvrager).post(link).status_code == 404
    assert Aanvraag.objects.get().email == "oud@voorbeeld.nl"


def test_nieuwe_aanvraag_vervangt_oude_link(client, inwoner_client, aanvraag, mailbox):
    inwoner = inwoner_client(aanvraag.aanvrager)
    vraag_wijziging(inwoner, "eerste@voorbeeld.nl")
    eerste = bevestiglink(mailbox, "eerste@voorbeeld.nl")
    vraag_wijziging(inwoner, "tweede@voorbeeld.nl")
    assert inwoner.post(eerste).status_code == 404
    assert inwoner.post(bevestiglink(mailbox, "tweede@voorbeeld.nl")).status_code == 200
    assert Aanvraag.objects.get().email == "tweede@voorbeeld.nl"


def test_adres_van_een_ander_account(client, inwoner_client, aanvraag, mailbox):
    """Asking gives the usual answer (nothing told about the other account); the holder of
    the address who confirms learns it is in use, and nothing changes."""
    AanvraagFactory(aanvrager=InwonerFactory(email="bezet@voorbeeld.nl"))
    inwoner = inwoner_client(aanvraag.aanvrager)
    antwoord = vraag_wijziging(inwoner, "bezet@voorbeeld.nl")
    assert antwoord.status_code == 302
    bevestiging = inwoner.post(bevestiglink(mailbox, "bezet@voorbeeld.nl"))
    assert bevestiging.status_code == 409
    assert "hoort al bij een andere aanvraag" in bevestiging.content.decode()
    assert Aanvraag.objects.get(pk=aanvraag.pk).email == "oud@voorbeeld.nl"


def test_zelfde_adres_alleen_telefoon(inwoner_client, aanvraag, mailbox):
    vraag_wijziging(inwoner_client(aanvraag.aanvrager), "OUD@voorbeeld.nl", "0687654321")
    assert not mailbox and not EmailWijziging.objects.exists()
    assert Aanvraag.objects.get().telefoon == "0687654321"


def test_link_werkt_niet_voor_een_ander_account(inwoner_client, aanvraag, mailbox):
    """The owner of the new address cannot be made to attach it to someone else's account:
    the link counts only for the logged-in resident who asked for it."""
    aanvrager = inwoner_client(aanvraag.aanvrager)
    vraag_wijziging(aanvrager, "slachtoffer@voorbeeld.nl")
    link = bevestiglink(mailbox, "slachtoffer@voorbeeld.nl")
    ander = inwoner_client(AanvraagFactory(email="s@voorbeeld.nl",
                                           aanvrager=InwonerFactory(email="s@voorbeeld.nl"))
                           .aanvrager)
    assert ander.post(link).status_code == 404
    assert Aanvraag.objects.get(pk=aanvraag.pk).email == "oud@voorbeeld.nl"
    assert aanvrager.post(link).status_code == 200  # still usable by its owner


@pytest.mark.parametrize("token", ["x" * 30, "A" * 43])
def test_verzonnen_link(inwoner_client, aanvraag, token):
    inwoner = inwoner_client(aanvraag.aanvrager)
    link = reverse("aanvragen:emailadres-bevestigen", args=[token])
    assert inwoner.get(link).status_code == 404
    assert inwoner.post(link).status_code == 404
