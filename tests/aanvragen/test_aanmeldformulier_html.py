"""The written-out aanmeldformulier (no crispy Layout) and its per-process cache of the
unbound form: the same markup as rendering it fresh, and what a returned form must keep."""

import re

import pytest

from aanvragen import views
from tests.aanvragen.conftest import geldige_invoer

pytestmark = pytest.mark.django_db
URL = "/aanmelden/"
VELDEN = ["voornaam", "achternaam", "geboortedatum", "email", "telefoon", "postcode",
          "huisnummer", "toevoeging", "opleidingsniveau", "huidig_beroep", "huidige_sector",
          "scholingswens", "voorkeur_locatie", "bron", "privacy_akkoord"]


def _formulier(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_gecachet_formulier_gelijk_aan_vers(client, settings):
    views._LEGE_FORMULIEREN.clear()
    settings.DEBUG = True  # rendered fresh, not kept
    vers = _formulier(client.get(URL).content.decode())
    assert not views._LEGE_FORMULIEREN
    settings.DEBUG = False
    client.get(URL)
    assert views._LEGE_FORMULIEREN  # kept for the next visitor
    gecachet = _formulier(client.get(URL).content.decode())
    assert gecachet == vers


def test_elk_veld_heeft_label_en_id(client):
    html = client.get(URL).content.decode()
    for veld in VELDEN:
        assert f'id="id_{veld}"' in html and f'for="id_{veld}"' in html, veld
    for veld, aantal in (("arbeidssituatie", 5), ("voorkeur_loket", 3)):
        for n in range(aantal):
            assert f'id="id_{veld}_{n}"' in html and f'for="id_{veld}_{n}"' in html
    assert html.count("<legend>") == 6
    assert re.search(r'value="geen" id="id_voorkeur_loket_2"[^>]* checked', html)


def test_teruggegeven_formulier_houdt_invoer_en_koppelt_fouten(client):
    response = client.post(URL, geldige_invoer(postcode="9999 ZZ", voornaam="<b>Inge</b>"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="&lt;b&gt;Inge&lt;/b&gt;"' in html  # kept, escaped
    assert re.search(r'<input type="text" name="postcode" value="9999 ZZ"[^>]*'
                     r'aria-invalid="true" aria-describedby="id_postcode_helptext '
                     r'id_postcode_error"', html)
    assert 'id="id_postcode_error"' in html and 'href="#id_postcode"' in html
    assert '<option value="mbo-2" selected>' in html
    assert re.search(r'value="loondienst" id="id_arbeidssituatie_0"[^>]* checked', html)
    assert re.search(r'name="privacy_akkoord"[^>]* checked', html)
