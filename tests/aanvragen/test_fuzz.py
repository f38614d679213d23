"""Property-based: no input to the public forms ever yields a 500 or a half-saved record."""

import datetime

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from aanvragen.models import Aanvraag
from tests.aanvragen.conftest import geldige_invoer
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db

tekst = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
VELDEN = list(geldige_invoer().keys())

# values that are close to valid: the interesting edges
postcodes = st.one_of(tekst, st.from_regex(r"[0-9]{4} ?[A-Za-z]{2}", fullmatch=True),
                      st.sampled_from(["7693AA", "7500AA", "7411AA", "7511AB"]))
datums = st.one_of(tekst, st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31))
                   .map(lambda d: d.strftime("%d-%m-%Y")))
bijna_geldig = st.fixed_dictionaries({}, optional={
    **dict.fromkeys(VELDEN, tekst),
    "postcode": postcodes, "geboortedatum": datums,
    "huisnummer": st.one_of(tekst, st.integers(-10**20, 10**20).map(str)),
})

INSTELLINGEN = settings(max_examples=150, deadline=None,
                        suppress_health_check=[HealthCheck.function_scoped_fixture,
                                               HealthCheck.too_slow])


@pytest.fixture
def ruime_limieten(settings):
    settings.TFVV_LIMIET_AANMELDEN_IP = (10**6, 3600)
    settings.TFVV_LIMIET_AANMELDEN_EMAIL = (10**6, 3600)
    settings.TFVV_LIMIET_INLOGLINK_IP = (10**6, 3600)


@INSTELLINGEN
@given(wijzigingen=bijna_geldig, weglaten=st.sets(st.sampled_from(VELDEN)))
def test_aanmeldformulier_nooit_500(client, ruime_limieten, wijzigingen, weglaten):
    invoer = {**geldige_invoer(), **wijzigingen}
    for veld in weglaten:
        invoer.pop(veld, None)
    voor = Aanvraag.objects.count()
    response = client.post("/aanmelden/", invoer)
    assert response.status_code in (200, 302)
    na = Aanvraag.objects.count()
    if response.status_code == 200:
        assert na == voor  # refused: nothing saved
    else:
        assert na - voor in (0, 1)
        if na > voor:  # saved: complete, with its event
            nieuw = Aanvraag.objects.latest("pk")
            assert nieuw.referentie.startswith("TF-") and nieuw.gemeente_id
            assert Gebeurtenis.objects.filter(dossier_id=nieuw.pk, actie="aangemeld").exists()


@INSTELLINGEN
@given(email=tekst)
def test_inloglink_aanvragen_nooit_500(client, ruime_limieten, email):
    cache.clear()
    assert client.post("/inloggen/", {"email": email}).status_code in (200, 302)


@INSTELLINGEN
@given(token=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=120))
def test_inloglink_nooit_500(client, token):
    from urllib.parse import quote

    assume(token.strip("/") != "verstuurd")  # that is the "check your mail" page
    response = client.post(f"/inloggen/{quote(token, safe='')}/")
    assert response.status_code in (404, 410)
