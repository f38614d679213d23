import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client, TestCase

from aanvragen.services import maak_inloglink


@pytest.fixture(autouse=True)
def lege_cache():
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


def geldige_invoer(**anders) -> dict:
    invoer = {
        "voornaam": "Inge", "achternaam": "de Vries", "geboortedatum": "15-03-1985",
        "email": "inge.devries@voorbeeld.nl", "telefoon": "06 12345678",
        "postcode": "7511 ab", "huisnummer": "12", "toevoeging": "",
        "straat": "Oude Markt", "woonplaats": "Enschede", "besluiten_elektronisch": "ja",
        "opleidingsniveau": "mbo-2", "arbeidssituatie": "loondienst",
        "huidig_beroep": "productiemedewerker", "huidige_sector": "metaal",
        "scholingswens": "Ik wil elektromonteur worden.", "voorkeur_loket": "geen",
        "voorkeur_locatie": "", "bron": "ikbindr", "privacy_akkoord": "on",
    }
    invoer.update(anders)
    return {k: v for k, v in invoer.items() if v is not None}


@pytest.fixture
def invoer():
    return geldige_invoer


LINK = re.compile(r"https?://[^/\s]+(/inloggen/[A-Za-z0-9_-]{20,}/)")


def pad_van_link(tekst: str) -> str:
    """'http://host/inloggen/<token>/' (also inside a mail body) -> '/inloggen/<token>/'."""
    gevonden = LINK.search(tekst)
    assert gevonden, f"geen inloglink in: {tekst[:200]}"
    return gevonden.group(1)


def log_in_als_inwoner(gebruiker) -> Client:
    """A client logged in through a real login link, as a resident would."""
    client = Client()
    response = client.post(pad_van_link(maak_inloglink(gebruiker=gebruiker)))
    assert response.status_code == 302, response.content
    return client


@pytest.fixture
def inwoner_client():
    return log_in_als_inwoner


@pytest.fixture
def mailbox():
    mail.outbox.clear()
    return mail.outbox


def na_commit():
    """Run the transaction.on_commit callbacks (mail tasks) of the block, as after a commit."""
    return TestCase.captureOnCommitCallbacks(execute=True)
