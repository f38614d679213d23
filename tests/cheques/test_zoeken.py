"""Search and archive (issue 18 item 3): open and closed cases, within each role's reach,
sortable on whitelisted keys, paged, logged as inzage, query counts constant."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanvragen.models import Aanvraag
from cheques.views.gedeeld import PER_PAGINA
from tests.aanvragen.factories import AanvraagFactory
from tests.cheques.factories import OpleiderFactory
from tfvv.models import Inzage
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db
URL = reverse("cheques:zoeken")
A = Aanvraag.Status


def gevonden(response) -> list[str]:
    return [r.aanvraag.referentie for r in response.context["pagina"]]


def aanvraag(**kwargs) -> Aanvraag:
    return AanvraagFactory(**kwargs)


@pytest.fixture
def zaken(maak_cheques, maak_plan):
    """An LWL case withdrawn before any plan, an LWL case with a cheque, an LBS case."""
    ingetrokken = aanvraag(voornaam="Wieteke", achternaam="Weggaan", status=A.INGETROKKEN,
                           email="wieteke@voorbeeld.nl")
    cheque = maak_cheques(1)[0]
    met_cheque = cheque.beschikking.plan.aanvraag
    met_cheque.voornaam, met_cheque.achternaam = "Chris", "Cheque"
    met_cheque.status = A.AFGEROND
    met_cheque.save()
    ander_loket = aanvraag(voornaam="Wieteke", achternaam="Anderloket", status=A.AANGEMELD,
                           loket=Organisatie.LOOPBAANSTATION)
    return {"ingetrokken": ingetrokken, "cheque": cheque, "met_cheque": met_cheque,
            "ander_loket": ander_loket}


def test_consulent_vindt_ook_afgesloten_zaken_van_het_eigen_loket(client_als, zaken):
    c = client_als("consulent_lwl")
    r = c.get(URL, {"naam": "wieteke"})
    assert gevonden(r) == [zaken["ingetrokken"].referentie]  # never the other loket's case
    inhoud = r.content.decode()
    assert "ingetrokken" in inhoud and "Weggaan" in inhoud
    assert reverse("loopbaangesprekken:aanvraag", kwargs={"pk": zaken["ingetrokken"].pk}) in inhoud
    assert gevonden(c.get(URL, {"email": "WIETEKE@voorbeeld"})) == [zaken["ingetrokken"].referentie]
    assert gevonden(c.get(URL, {"referentie": zaken["met_cheque"].referentie})) == \
        [zaken["met_cheque"].referentie]
    assert "chequenummer" not in r.context["form"].fields  # a consulent has no cheques


def test_ander_loket_wordt_nooit_gevonden(client_als, zaken):
    referentie = zaken["met_cheque"].referentie
    c = client_als("consulent_lbs")
    for zoek in ({"referentie": referentie}, {"naam": "Chris Cheque"}, {"status": A.AFGEROND},
                 {"opleider": zaken["cheque"].opleider.naam}):
        assert gevonden(c.get(URL, zoek)) == [], zoek
    assert gevonden(c.get(URL, {"naam": "wieteke"})) == [zaken["ander_loket"].referentie]
    # the manager sees both loketten
    r = client_als("consulent_manager").get(URL, {"naam": "wieteke", "sorteer": "naam"})
    assert gevonden(r) == [zaken["ander_loket"].referentie, zaken["ingetrokken"].referentie]


def test_beoordelaar_vindt_zaken_met_een_ingediend_plan(client_als, zaken):
    r = client_als("beoordelaar").get(URL, {"naam": "e"})
    assert gevonden(r) == [zaken["met_cheque"].referentie]  # no plan: not the beoordelaar's
    assert reverse("cheques:dossier", kwargs={"aanvraag_id": zaken["met_cheque"].pk}) in \
        r.content.decode()


def test_financieel_vindt_een_cheque_op_nummer_en_opleider(client_als, zaken):
    cheque = zaken["cheque"]
    c = client_als("financieel")
    for zoek in ({"chequenummer": cheque.nummer}, {"chequenummer": cheque.nummer.lower()[-6:]},
                 {"opleider": cheque.opleider.naam.upper()}):
        r = c.get(URL, zoek)
        assert gevonden(r) == [zaken["met_cheque"].referentie], zoek
    inhoud = r.content.decode()
    assert reverse("cheques:cheque", kwargs={"nummer": cheque.nummer}) in inhoud
    assert "uitgegeven" in inhoud and "afgerond" in inhoud  # Dutch labels
    assert gevonden(c.get(URL, {"naam": "wieteke"})) == []  # no cheque: not finance's


@pytest.mark.parametrize("rol", ["adviesgroep", "beheerder"])
def test_geen_persoonsgegevens_voor_adviesgroep_en_beheer(client_als, zaken, rol):
    assert client_als(rol).get(URL, {"naam": "wieteke"}).status_code == 403


def test_status_en_periode(client_als, zaken):
    c = client_als("consulent_lwl")
    assert gevonden(c.get(URL, {"status": A.INGETROKKEN})) == [zaken["ingetrokken"].referentie]
    oud = aanvraag(achternaam="Oud", aanvraagdatum=datetime.date(2023, 5, 1))
    r = c.get(URL, {"vanaf": "01-04-2023", "tot": "31-05-2023"})
    assert gevonden(r) == [oud.referentie]
    # the date picker's notation; the three cases of 1 March 2024, newest (highest id) first
    assert gevonden(c.get(URL, {"vanaf": "2023-05-02"})) == [
        zaken["met_cheque"].referentie, zaken["ingetrokken"].referentie]
    assert gevonden(c.get(URL, {"tot": "2023-05-01"})) == [oud.referentie]


def test_omgedraaide_periode_geeft_een_nederlandse_melding(client_als, zaken):
    c = client_als("consulent_lwl")
    r = c.get(URL, {"vanaf": "31-05-2024", "tot": "01-04-2024", "naam": "wieteke"})
    assert r.status_code == 200
    assert r.context["pagina"] is None
    assert "ligt vóór de datum" in r.context["form"].errors["tot"][0]
    inhoud = r.content.decode()
    assert 'value="wieteke"' in inhoud  # the input is kept
    assert not Inzage.objects.filter(handeling="gezocht").exists()
    r = c.get(URL, {"vanaf": "31-02-2024"})
    assert "Vul een geldige datum in" in r.content.decode()


def test_zonder_zoekvraag_niets_getoond_en_niets_gelogd(client_als, zaken):
    c = client_als("consulent_lwl")
    for params in ({}, {"sorteer": "naam"}, {"naam": "   "}):
        r = c.get(URL, params)
        assert r.status_code == 200 and r.context["pagina"] is None
    assert not Inzage.objects.filter(handeling="gezocht").exists()
    c.get(URL, {"naam": "wieteke"})
    inzage = Inzage.objects.get(handeling="gezocht")
    assert inzage.onderdeel == "zoeken (Consulent)" and inzage.pad == URL


def test_sorteren_op_kolom_en_onbekende_sleutel(client_als, maak_plan):
    namen = ["Bakker", "Aalders", "Cornelissen"]
    for i, (naam, opleider) in enumerate(zip(namen, ["Opleider C", "Opleider A", "Opleider B"],
                                             strict=True)):
        maak_plan(aanvraag=aanvraag(achternaam=naam, voornaam="Sam",
                                    aanvraagdatum=datetime.date(2024, 1, 1 + i)),
                  opleider=OpleiderFactory(naam=opleider))
    c = client_als("beoordelaar")

    def achternamen(**params):
        r = c.get(URL, {"naam": "sam", **params})
        assert r.status_code == 200
        return [x.aanvraag.achternaam for x in r.context["pagina"]]
    assert achternamen() == ["Cornelissen", "Aalders", "Bakker"]  # newest first
    assert achternamen(sorteer="naam") == ["Aalders", "Bakker", "Cornelissen"]
    assert achternamen(sorteer="-naam") == ["Cornelissen", "Bakker", "Aalders"]
    assert achternamen(sorteer="aanvraagdatum") == namen
    assert achternamen(sorteer="opleider") == ["Aalders", "Cornelissen", "Bakker"]
    assert achternamen(sorteer="-opleider") == ["Bakker", "Cornelissen", "Aalders"]
    assert achternamen(sorteer="id; drop table") == ["Cornelissen", "Aalders", "Bakker"]
    assert achternamen(sorteer="voornaam") == ["Cornelissen", "Aalders", "Bakker"]
    inhoud = c.get(URL, {"naam": "sam", "sorteer": "naam"}).content.decode()
    assert 'aria-sort="ascending"' in inhoud and "sorteer=-naam" in inhoud


def test_sorteren_op_chequenummer(client_als, maak_cheques):
    cheques = maak_cheques(3)
    c = client_als("financieel")
    r = c.get(URL, {"chequenummer": "TFV", "sorteer": "-cheque"})
    assert [x.cheques[0].nummer for x in r.context["pagina"]] == \
        [ch.nummer for ch in reversed(cheques)]


@pytest.mark.parametrize("pagina, verwacht", [("999", 2), ("abc", 1), ("-1", 2), ("2", 2)])
def test_pagina_buiten_bereik(client_als, maak_plan, pagina, verwacht):
    for _ in range(PER_PAGINA + 2):
        maak_plan(aanvraag=aanvraag(status=A.AFGEWEZEN))
    r = client_als("beoordelaar").get(URL, {"status": A.AFGEWEZEN, "pagina": pagina})
    assert r.status_code == 200
    assert r.context["pagina"].number == verwacht
    assert f"{PER_PAGINA + 2} aanvragen gevonden" in r.content.decode()


@pytest.mark.parametrize("rol, zoek", [
    ("consulent_lwl", {"naam": "Jansen", "sorteer": "opleider"}),
    ("consulent_manager", {"opleider": "ROC", "sorteer": "-naam"}),
    ("beoordelaar", {"status": A.INGEDIEND, "sorteer": "-opleider"}),
    ("financieel", {"chequenummer": "TFV-2026", "sorteer": "cheque"}),
])
def test_queries_gelijk_bij_twee_groottes(client_als, maak_cheques, django_assert_num_queries,
                                          rol, zoek):
    c = client_als(rol)
    maak_cheques(2)
    c.get(URL, zoek)
    with CaptureQueriesContext(connection) as klein:
        assert c.get(URL, zoek).status_code == 200
    maak_cheques(PER_PAGINA + 10)
    with django_assert_num_queries(len(klein)):
        r = c.get(URL, zoek)
    assert len(r.context["pagina"].object_list) == PER_PAGINA


@pytest.mark.parametrize("rol, in_menu", [
    ("consulent_lwl", True), ("consulent_manager", True), ("beoordelaar", True),
    ("financieel", True), ("adviesgroep", False), ("beheerder", False)])
def test_zoeken_in_het_hoofdmenu(client_als, rol, in_menu):
    menu = client_als(rol).get(reverse("tfvv:start"), follow=True).context["menu"]
    assert ((URL, "Zoeken") in [(url, str(label)) for label, url in menu]) is in_menu
