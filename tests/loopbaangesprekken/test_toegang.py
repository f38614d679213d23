"""Every URL of the consulent's workspace for every role; organisation isolation."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Postcodecontrole
from tests.aanvragen.factories import AanvraagFactory
from tests.loopbaangesprekken.conftest import ROLLEN
from tests.loopbaangesprekken.factories import GesprekFactory
from tfvv.models import Inzage
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db

# URL name -> the kind of pk: the case, its gesprek, or a case without a planned gesprek
PAGINAS = {
    "loopbaangesprekken:aanvraag": "aanvraag",
    "loopbaangesprekken:aanvraag-toewijzen": "aanvraag",
    "loopbaangesprekken:aanvraag-overdragen": "zonder_gesprek",
    "loopbaangesprekken:aanvraag-adrescontrole": "aanvraag",
    "loopbaangesprekken:gesprek-plannen": "aanvraag",
    "loopbaangesprekken:gesprek-registreren": "aanvraag",
    "loopbaangesprekken:gesprek-verplaatsen": "gesprek",
    "loopbaangesprekken:gesprek-annuleren": "gesprek",
    "loopbaangesprekken:gesprek-niet-verschenen": "gesprek",
    "loopbaangesprekken:gesprek-vastleggen": "gesprek",
}

# a Leerwerkloket case: its consulenten and the manager may, Loopbaanstation gets 404
VERWACHT = {
    "anoniem": 302, "inwoner": 403, "consulent_lwl": 200, "consulent_lbs": 404,
    "consulent_manager": 200, "beoordelaar": 403, "financieel": 403, "adviesgroep": 403,
    "beheerder": 403,
}


@pytest.fixture
def zaak(medewerkers):
    """A Leerwerkloket case (border postcode, no consulent yet) with a planned gesprek."""
    aanvraag = AanvraagFactory(loket=Organisatie.LEERWERKLOKET, status="in_behandeling",
                               postcode="7694AB",
                               postcodecontrole=Postcodecontrole.TE_CONTROLEREN)
    # its time has just passed, so every action on it (also 'niet verschenen') is open
    return GesprekFactory(aanvraag=aanvraag, consulent=medewerkers["consulent_lwl"],
                          gepland_op=timezone.now() - datetime.timedelta(hours=1))


def url(naam, zaak):
    soort = PAGINAS[naam]
    if soort == "zonder_gesprek":
        pk = AanvraagFactory(loket=zaak.aanvraag.loket).pk
    else:
        pk = zaak.pk if soort == "gesprek" else zaak.aanvraag_id
    return reverse(naam, kwargs={"pk": pk})


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("naam", list(PAGINAS))
def test_pagina_per_rol(client_voor, zaak, naam, rol):
    response = client_voor(rol).get(url(naam, zaak))
    assert response.status_code == VERWACHT[rol]
    if rol == "anoniem":
        assert response["Location"].startswith(reverse("tfvv:inloggen-medewerker"))


@pytest.mark.parametrize("rol,status", [
    ("anoniem", 302), ("inwoner", 403), ("consulent_lwl", 200), ("consulent_lbs", 200),
    ("consulent_manager", 200), ("beoordelaar", 403), ("financieel", 403),
    ("adviesgroep", 403), ("beheerder", 403),
])
def test_werkvoorraad_per_rol(client_voor, rol, status):
    assert client_voor(rol).get(reverse("loopbaangesprekken:werkvoorraad")).status_code == status


@pytest.mark.parametrize("rol", ROLLEN)
def test_claimen_per_rol(client_voor, rol):
    aanvraag = AanvraagFactory(loket=Organisatie.LEERWERKLOKET)
    c = client_voor(rol)
    doel = reverse("loopbaangesprekken:aanvraag-claimen", kwargs={"pk": aanvraag.pk})
    if rol == "consulent_lwl":
        assert c.get(doel).status_code == 405  # a state change is never a GET
    response = c.post(doel)
    verwacht = {**VERWACHT, "consulent_lwl": 302, "consulent_manager": 302}[rol]
    assert response.status_code == verwacht
    aanvraag.refresh_from_db()
    assert (aanvraag.consulent is not None) == (verwacht == 302 and rol != "anoniem")


def test_verkeerde_loket_is_404_ook_bij_url_raden(client_voor, zaak):
    c = client_voor("consulent_lbs")
    for naam in PAGINAS:
        assert c.get(url(naam, zaak)).status_code == 404
        if naam != "loopbaangesprekken:aanvraag":  # the case page itself takes no POST
            assert c.post(url(naam, zaak), {"reden": "x"}).status_code == 404
    assert c.post(reverse("loopbaangesprekken:aanvraag-claimen",
                          kwargs={"pk": zaak.aanvraag_id})).status_code == 404
    # a non-existing case looks exactly the same
    assert c.get(reverse("loopbaangesprekken:aanvraag", kwargs={"pk": 999999})).status_code == 404
    zaak.refresh_from_db()
    assert zaak.status == "gepland"


def test_werkvoorraad_toont_alleen_eigen_loket(client_voor):
    AanvraagFactory(loket=Organisatie.LEERWERKLOKET, referentie="TF-LWL-1")
    AanvraagFactory(loket=Organisatie.LOOPBAANSTATION, referentie="TF-LBS-1")
    for rol, zichtbaar in [("consulent_lwl", {"TF-LWL-1"}), ("consulent_lbs", {"TF-LBS-1"}),
                           ("consulent_manager", {"TF-LWL-1", "TF-LBS-1"})]:
        html = client_voor(rol).get(reverse("loopbaangesprekken:werkvoorraad")).content.decode()
        assert {r for r in ("TF-LWL-1", "TF-LBS-1") if r in html} == zichtbaar


def test_inzage_wordt_gelogd(client_voor, zaak, medewerkers):
    client_voor("consulent_lwl").get(url("loopbaangesprekken:aanvraag", zaak))
    inzage = Inzage.objects.get(dossier_id=zaak.aanvraag_id)
    assert inzage.gebruiker == medewerkers["consulent_lwl"]
    assert inzage.betrokkene_id == zaak.aanvraag.aanvrager_id


def test_staat_weigert_met_reden(client_voor, zaak):
    """An action the state does not allow: 403 with the Dutch reason, nothing changed."""
    c = client_voor("consulent_lwl")
    c.post(url("loopbaangesprekken:gesprek-annuleren", zaak), {"reden": "ziek"})
    response = c.get(url("loopbaangesprekken:gesprek-vastleggen", zaak))
    assert response.status_code == 403
    assert "geannuleerd" in response.content.decode()
