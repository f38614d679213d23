"""A huge body is refused before Django reads it (issue 15, item 6)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def post_met_lengte(client: Client, pad: str, lengte: int):
    """A POST that announces `lengte` bytes (the test body itself is empty)."""
    return client.generic("POST", pad, b"", content_type="multipart/form-data; boundary=x",
                          CONTENT_LENGTH=str(lengte))


def test_300_mb_anoniem_geweigerd_zonder_te_lezen(client, monkeypatch):
    from django.http.multipartparser import MultiPartParser

    def gelezen(*args, **kwargs):
        raise AssertionError("de body is gelezen")

    monkeypatch.setattr(MultiPartParser, "parse", gelezen)
    antwoord = post_met_lengte(client, "/aanmelden/", 300 * MB)
    assert antwoord.status_code == 413
    html = antwoord.content.decode()
    assert "Te groot om te versturen" in html and "12 MB" in html and 'lang="nl"' in html
    assert antwoord["Connection"] == "close"


def test_net_boven_de_grens_geweigerd(client, settings):
    assert post_met_lengte(client, "/inloggen/",
                           settings.TFVV_MAX_VERZOEK_BYTES + 1).status_code == 413


def test_gewone_aanmelding_gaat_door(client):
    assert client.post("/inloggen/", {"email": "a@voorbeeld.nl"}).status_code == 302


def test_ingelogd_mag_meer_maar_niet_onbeperkt(settings):
    from tests.aanvragen.conftest import log_in_als_inwoner
    from tests.aanvragen.factories import AanvraagFactory

    inwoner = log_in_als_inwoner(AanvraagFactory().aanvrager)
    # 20 MB from a logged-in user reaches the view (a scholingsplan with several files)
    assert post_met_lengte(inwoner, "/mijn-aanvraag/contactgegevens/",
                           20 * MB).status_code == 200
    assert post_met_lengte(inwoner, "/mijn-aanvraag/contactgegevens/",
                           settings.TFVV_MAX_VERZOEK_INGELOGD_BYTES + 1).status_code == 413


@pytest.mark.parametrize("lengte", ["geen-getal", "-5", "1e9"])
def test_ongeldige_lengte_geeft_400_geen_500(client, lengte):
    """Django itself would fail on int(CONTENT_LENGTH) when the view reads the form."""
    antwoord = client.generic("POST", "/inloggen/", b"email=a%40voorbeeld.nl",
                              content_type="application/x-www-form-urlencoded",
                              CONTENT_LENGTH=lengte)
    assert antwoord.status_code == 400
    assert "Ongeldig verzoek" in antwoord.content.decode()
