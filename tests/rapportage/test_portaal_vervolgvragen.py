"""An open follow-up questionnaire as a task in the resident portal (rapportage/portaal.py):
shown only while it can be answered, answered in the portal without the mail's single-use
link (which never appears on the page), only by the resident who owns it."""

import datetime
import secrets

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aanvragen import portaal
from aanvragen.auth import hash_token
from loopbaangesprekken.models import Sector
from rapportage.models import Vervolgmeting
from tests.aanvragen.conftest import log_in_als_inwoner
from tests.aanvragen.factories import InwonerFactory
from tests.rapportage.factories_vervolg import maak_afronding
from tests.rapportage.test_vervolgvragen import ANTWOORDEN

pytestmark = pytest.mark.django_db
M = Vervolgmeting.Moment
TITEL = "Vragen over werk en opleiding"


def _meting(afronding, moment=M.ZES_MAANDEN, **velden) -> tuple[Vervolgmeting, str]:
    """A sent moment with a live link; returns it and the link's token."""
    token = secrets.token_urlsafe(32)
    vandaag = timezone.localdate()
    meting = Vervolgmeting.objects.create(**{
        "cheque": afronding.cheque, "moment": moment, "gepland_op": vandaag,
        "verstuurd_op": timezone.now(), "token_hash": hash_token(token),
        "geldig_tot": vandaag + datetime.timedelta(days=42), **velden})
    return meting, token


def _url(meting) -> str:
    return reverse("vervolgvragen:portaal-invullen", kwargs={
        "pk": meting.cheque.beschikking.plan.aanvraag_id, "meting_id": meting.pk})


@pytest.fixture
def afronding(medewerkers):
    return maak_afronding(medewerkers)


@pytest.fixture
def aanvraag(afronding):
    return afronding.cheque.beschikking.plan.aanvraag


def test_open_vragenlijst_staat_onder_wat_vragen_wij_zonder_de_link(afronding, aanvraag):
    meting, token = _meting(afronding)
    html = log_in_als_inwoner(aanvraag.aanvrager).get(
        reverse("aanvragen:aanvraag", args=[aanvraag.pk])).content.decode()
    assert "Wat vragen wij van u?" in html
    assert TITEL in html and _url(meting) in html
    assert token not in html  # the single-use link is a credential: never on a page
    [taak] = portaal.taken(aanvraag)
    assert taak.uiterlijk == meting.geldig_tot and taak.url == _url(meting)


@pytest.mark.parametrize("velden", [
    {"ingevuld_op": timezone.now()},            # answered
    {"gestopt_op": timezone.now()},             # stopped on request
    {"verstuurd_op": None, "geldig_tot": None},  # not sent yet
    {"token_hash": None},                       # link revoked (anonymised)
    {"geldig_tot": datetime.date(2024, 1, 1)},  # expired
], ids=["ingevuld", "gestopt", "niet-verstuurd", "ingetrokken", "verlopen"])
def test_geen_taak_als_de_vragenlijst_niet_open_is(afronding, aanvraag, velden):
    meting, _ = _meting(afronding, **velden)
    assert portaal.taken(aanvraag) == []
    antwoord = log_in_als_inwoner(aanvraag.aanvrager).post(_url(meting), ANTWOORDEN)
    assert antwoord.status_code == 200 and "invullen" not in antwoord.templates[0].name
    meting.refresh_from_db()
    assert meting.werksituatie == ""  # nothing stored through a closed moment


def test_een_query_per_aanvraag(afronding, aanvraag, medewerkers):
    for moment in (M.EINDE, M.ZES_MAANDEN):
        _meting(afronding, moment=moment)
    with CaptureQueriesContext(connection) as q:
        from rapportage.portaal import open_vragenlijsten
        assert len(open_vragenlijsten(aanvraag)) == 2
    assert len(q) == 1


def test_invullen_in_het_portaal(afronding, aanvraag):
    meting, token = _meting(afronding)
    client = log_in_als_inwoner(aanvraag.aanvrager)
    assert client.get(_url(meting)).status_code == 200
    fout = client.post(_url(meting), {**ANTWOORDEN, "werksituatie": ""})
    assert fout.status_code == 200 and "Elektromonteur" in fout.content.decode()  # input kept
    sector = Sector.objects.get_or_create(naam="Zorg", defaults={"kansrijk": True})[0]
    antwoord = client.post(_url(meting), {**ANTWOORDEN, "sector": sector.pk})
    assert antwoord["Location"] == reverse("aanvragen:aanvraag", args=[aanvraag.pk])
    meting.refresh_from_db()
    assert meting.ingevuld_op and meting.werksituatie == "ander_werk"
    assert portaal.taken(aanvraag) == []
    # the mailed link now says it was answered
    assert "al beantwoord" in client.get(
        reverse("vervolgvragen:invullen", args=[token])).content.decode()


def test_andermans_vragenlijst_is_404(afronding, aanvraag, medewerkers):
    meting, _ = _meting(afronding)
    ander = maak_afronding(medewerkers)
    andere_meting, _ = _meting(ander)
    client = log_in_als_inwoner(aanvraag.aanvrager)
    # someone else's moment under one's own aanvraag, or under theirs
    eigen_pad = reverse("vervolgvragen:portaal-invullen",
                        kwargs={"pk": aanvraag.pk, "meting_id": andere_meting.pk})
    assert client.get(eigen_pad).status_code == 404
    assert client.get(_url(andere_meting)).status_code == 404
    assert client.post(_url(andere_meting), ANTWOORDEN).status_code == 404
    vreemde = log_in_als_inwoner(InwonerFactory())
    assert vreemde.get(_url(meting)).status_code == 404
