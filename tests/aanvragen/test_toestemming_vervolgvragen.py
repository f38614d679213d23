"""Consent to the follow-up questions (docs/aanmelding.md): asked at the aanmelding, never
pre-ticked, optional, stored with its moment and part of the resident's data export."""

import json
import re

import pytest
from django.urls import reverse

from aanvragen.models import Aanvraag
from tests.aanvragen.conftest import geldige_invoer, log_in_als_inwoner, na_commit

pytestmark = pytest.mark.django_db
URL = "/aanmelden/"
TEKST = "U mag mij na de opleiding een paar korte vragen sturen over werk en opleiding."


def test_vakje_staat_er_niet_aangevinkt_en_niet_verplicht(client):
    html = client.get(URL).content.decode()
    assert TEKST in html
    invoer = re.search(r'<input type="checkbox" name="toestemming_vervolgvragen"[^>]*>', html)
    assert invoer, "geen vakje"
    assert "checked" not in invoer.group(0) and "required" not in invoer.group(0)
    assert 'for="id_toestemming_vervolgvragen"' in html


@pytest.mark.parametrize("aangevinkt", [True, False])
def test_toestemming_vastgelegd(client, aangevinkt):
    anders = {"toestemming_vervolgvragen": "on"} if aangevinkt else {}
    with na_commit():
        response = client.post(URL, geldige_invoer(**anders))
    assert response.status_code == 302
    aanvraag = Aanvraag.objects.get()
    assert (aanvraag.toestemming_vervolgvragen_op is not None) is aangevinkt


def test_fout_elders_houdt_vinkje(client):
    response = client.post(URL, geldige_invoer(postcode="9999 ZZ",
                                               toestemming_vervolgvragen="on"))
    assert response.status_code == 200
    assert re.search(r'name="toestemming_vervolgvragen"[^>]* checked', response.content.decode())
    assert not Aanvraag.objects.exists()


def test_in_de_download_van_mijn_gegevens(client):
    with na_commit():
        client.post(URL, geldige_invoer(toestemming_vervolgvragen="on"))
    aanvraag = Aanvraag.objects.get()
    inwoner = log_in_als_inwoner(aanvraag.aanvrager)
    export = json.loads(inwoner.get(reverse("aanvragen:mijn-gegevens")).content)
    waarde = export["aanvragen"][0]["toestemming vragen na de opleiding op"]
    assert waarde == aanvraag.toestemming_vervolgvragen_op.isoformat()
