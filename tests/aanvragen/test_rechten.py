"""Every URL of aanvragen, for every role: allowed or refused. Resident A never reaches B."""

import pytest
from django.test import Client
from django.urls import reverse

from aanvragen.services import maak_inloglink, voeg_document_toe
from tests.aanvragen.bestanden import PDF, upload
from tests.aanvragen.conftest import log_in_als_inwoner, pad_van_link
from tests.aanvragen.factories import AanvraagFactory
from tfvv.models import Inzage
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db

MEDEWERKERS = ["consulent_lwl", "consulent_lbs", "consulent_manager", "beoordelaar",
               "financieel", "adviesgroep", "beheerder"]
ROLLEN = ["anoniem", "inwoner", *MEDEWERKERS]

OPENBAAR = ["aanmelden", "inloggen", "link-verstuurd"]
INWONER_ZONDER_ID = ["mijn-aanvraag", "contactgegevens", "mijn-gegevens"]
INWONER_MET_ID = ["aanvraag", "documenten", "intrekken"]


@pytest.fixture
def dossier():
    aanvraag = AanvraagFactory(loket=Organisatie.LEERWERKLOKET)
    document = voeg_document_toe(aanvraag=aanvraag, soort="diploma", bestand=upload("d.pdf", PDF),
                                 mime="application/pdf", actor=aanvraag.aanvrager)
    return aanvraag, document


@pytest.fixture
def als(client_als, dossier):
    def maak(rol):
        if rol == "anoniem":
            return Client()
        if rol == "inwoner":
            return log_in_als_inwoner(dossier[0].aanvrager)
        return client_als(rol)
    return maak


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("naam", OPENBAAR)
def test_openbare_paginas(als, rol, naam):
    assert als(rol).get(reverse(f"aanvragen:{naam}")).status_code == 200


@pytest.mark.parametrize("rol", ROLLEN)
def test_inloglinkpagina_en_bevestiging_openbaar(als, rol, dossier):
    client = als(rol)
    pad = pad_van_link(maak_inloglink(gebruiker=dossier[0].aanvrager))
    assert client.get(pad).status_code == 200
    assert client.get(reverse("aanvragen:ontvangen")).status_code == 302  # nothing submitted


def verwacht_inwonerpagina(rol) -> int:
    return {"anoniem": 302, "inwoner": 200}.get(rol, 403)


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("naam", INWONER_ZONDER_ID)
def test_inwonerpaginas(als, rol, naam):
    response = als(rol).get(reverse(f"aanvragen:{naam}"))
    verwacht = verwacht_inwonerpagina(rol)
    if naam == "mijn-aanvraag" and rol == "inwoner":
        verwacht = 302  # straight to the only aanvraag
    assert response.status_code == verwacht
    if rol == "anoniem":
        assert response["Location"].startswith(reverse("aanvragen:inloggen"))


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("naam", INWONER_MET_ID)
def test_inwonerpaginas_met_aanvraag(als, rol, naam, dossier):
    response = als(rol).get(reverse(f"aanvragen:{naam}", args=[dossier[0].pk]))
    assert response.status_code == verwacht_inwonerpagina(rol)


DOCUMENT_TOEGANG = {
    "anoniem": 302, "inwoner": 200, "consulent_lwl": 200, "consulent_lbs": 404,
    "consulent_manager": 200, "beoordelaar": 200, "financieel": 200, "adviesgroep": 403,
    "beheerder": 403,
}


@pytest.mark.parametrize("rol", ROLLEN)
def test_document_downloaden_per_rol(als, rol, dossier, medewerkers):
    aanvraag, document = dossier
    response = als(rol).get(reverse("aanvragen:document", args=[document.pk]))
    assert response.status_code == DOCUMENT_TOEGANG[rol]
    inzage = Inzage.objects.filter(dossier_id=aanvraag.pk)
    if rol in MEDEWERKERS and response.status_code == 200:
        assert inzage.get().gebruiker == medewerkers[rol]  # staff access is logged
    else:
        assert not inzage.exists()


def test_medewerker_zonder_tweede_factor_geen_document(dossier, medewerkers):
    client = Client()
    client.force_login(medewerkers["beoordelaar"],
                       backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("aanvragen:document", args=[dossier[1].pk])).status_code == 403


# --- resident A never reaches B's aanvraag ------------------------------------------------------


@pytest.fixture
def a_en_b(dossier):
    b_aanvraag = AanvraagFactory()
    b_document = voeg_document_toe(aanvraag=b_aanvraag, soort="offerte",
                                   bestand=upload("b.pdf", PDF + b"B"), mime="application/pdf",
                                   actor=b_aanvraag.aanvrager)
    return log_in_als_inwoner(dossier[0].aanvrager), b_aanvraag, b_document


@pytest.mark.parametrize("naam", INWONER_MET_ID)
def test_a_raadt_id_van_b(a_en_b, naam):
    a, b_aanvraag, _ = a_en_b
    assert a.get(reverse(f"aanvragen:{naam}", args=[b_aanvraag.pk])).status_code == 404
    assert a.post(reverse(f"aanvragen:{naam}", args=[b_aanvraag.pk]),
                  {"bevestig": "on", "soort": "diploma"}).status_code in (404, 405)
    b_aanvraag.refresh_from_db()
    assert b_aanvraag.status == "aangemeld"
    assert b_aanvraag.documenten.count() == 1


def test_a_raadt_documentnummer_van_b(a_en_b):
    a, _, b_document = a_en_b
    assert a.get(reverse("aanvragen:document", args=[b_document.pk])).status_code == 404
    assert a.get(reverse("aanvragen:document", args=[b_document.pk + 999])).status_code == 404


def test_a_ziet_b_nergens(a_en_b):
    a, b_aanvraag, _ = a_en_b
    for pad in ("/mijn-aanvraag/", "/mijn-aanvraag/mijn-gegevens/"):
        response = a.get(pad, follow=True)
        assert b_aanvraag.referentie.encode() not in response.content
        assert b_aanvraag.achternaam.encode() not in response.content


def test_gebruikte_link_van_b_werkt_niet_voor_a(a_en_b):
    a, b_aanvraag, _ = a_en_b
    pad = pad_van_link(maak_inloglink(gebruiker=b_aanvraag.aanvrager))
    b = Client()
    assert b.post(pad).status_code == 302
    assert a.post(pad).status_code == 410  # reuse: refused
    assert a.get(reverse("aanvragen:aanvraag", args=[b_aanvraag.pk])).status_code == 404
