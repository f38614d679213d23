"""The digital co-financing commitment (issue 19 item 2): the consulent asks, the party
answers once through its link, R5 counts only confirmed or evidenced amounts."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse

from loopbaangesprekken.models import Cofinancieringsregel, Kostenregel
from loopbaangesprekken.selectors.scholingsplan import actuele_toets, bedragen
from tests.aanvragen.bestanden import PDF
from tests.aanvragen.factories import AanvraagFactory
from tests.loopbaangesprekken.factories_scholingsplan import (
    ScholingsplanFactory,
    WerkgeverFactory,
    begroting,
)
from tfvv.models import Gebeurtenis, Melding
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(medewerkers):
    """A plan of consulent_lwl's case: € 4.000 costs, € 2.000 from an employer that has
    not confirmed yet."""
    begroting()
    consulent = medewerkers["consulent_lwl"]
    aanvraag = AanvraagFactory(status="scholingsplan", loket=Organisatie.LEERWERKLOKET,
                               consulent=consulent, voornaam="Anna Maria",
                               achternaam="de Vries", email="anna@prive.example",
                               geboortedatum=datetime.date(1990, 5, 17))
    plan = ScholingsplanFactory(aanvraag=aanvraag, consulent=consulent, regels=False)
    Kostenregel.objects.create(plan=plan, soort="cursusgeld", bedrag=Decimal("4000.00"))
    werkgever = WerkgeverFactory(naam="Metaal BV", email="hr@metaal.example")
    plan.cofinanciering.create(bron="werkgever", werkgever=werkgever, partij="Metaal BV",
                               bedrag=Decimal("2000.00"), status="toegezegd")
    return plan


def regel_van(plan) -> Cofinancieringsregel:
    return plan.cofinanciering.get()


def r5(plan) -> str:
    return next(r for r in actuele_toets(plan).regels if r.id == "R5").uitkomst


def vraag(c, regel, django_capture_on_commit_callbacks) -> str:
    """"Toezegging vragen" on the plan page; the token from the mail that went out."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = c.post(reverse("loopbaangesprekken:toezegging-vragen",
                                  kwargs={"pk": regel.pk}))
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    return re.search(r"/toezegging/([\w-]+)/", mail.outbox[0].body).group(1)


def antwoord_url(token: str) -> str:
    return reverse("toezegging:antwoord", kwargs={"token": token})


BEVESTIGEN = {"actie": "bevestigen", "bevestigen-naam": "Petra Bosch",
              "bevestigen-functie": "HR-adviseur", "bevestigen-akkoord": "on"}
AFWIJZEN = {"actie": "afwijzen", "afwijzen-naam": "Petra Bosch",
            "afwijzen-functie": "HR-adviseur",
            "afwijzen-reden": "Wij betalen alleen opleidingen in de eigen sector."}


def test_onbevestigde_werkgeverregel_telt_niet_voor_r5(plan):
    assert r5(plan) != "voldaan"
    assert bedragen(plan)["toegezegd"] == Decimal("0.00")
    assert "nog niet bevestigd" in next(r for r in actuele_toets(plan).regels
                                        if r.id == "R5").uitleg


def test_bevestigen_met_eenmalige_link_maakt_r5_voldaan(plan, client_als, client,
                                                        django_capture_on_commit_callbacks):
    c = client_als("consulent_lwl")
    token = vraag(c, regel_van(plan), django_capture_on_commit_callbacks)
    bericht = mail.outbox[0]
    assert bericht.to == ["hr@metaal.example"]
    assert "A.M. de Vries" in bericht.body and "Anna" not in bericht.body
    assert regel_van(plan).toezegging == "gevraagd"
    # only a hash is stored
    assert not Cofinancieringsregel.objects.filter(toezeggingsverzoeken__token_hash=token)

    pagina = client.get(antwoord_url(token))
    assert pagina.status_code == 200
    assert pagina["Cache-Control"].startswith("max-age=0")
    assert r5(plan) != "voldaan"

    response = client.post(antwoord_url(token), BEVESTIGEN, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert response["Location"] == reverse("toezegging:ontvangen")
    regel = regel_van(plan)
    assert (regel.toezegging, regel.toezegging_naam, regel.toezegging_functie) == (
        "bevestigd", "Petra Bosch", "HR-adviseur")
    assert regel.toezegging_bedrag == Decimal("2000.00") and regel.toezegging_op
    assert regel.toezegging_ip == "203.0.113.7"
    gebeurtenis = Gebeurtenis.objects.get(actie="cofinanciering_bevestigd")
    assert gebeurtenis.dossier_id == plan.aanvraag_id and gebeurtenis.actor is None
    assert r5(plan) == "voldaan"

    # single use: the same link again is refused, GET and POST
    assert client.post(antwoord_url(token), BEVESTIGEN).status_code == 404
    weer = client.get(antwoord_url(token))
    assert weer.status_code == 404 and "Deze link werkt niet meer" in weer.content.decode()

    planpagina = c.get(reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk}))
    assert "bevestigd" in planpagina.content.decode()
    assert "door Petra Bosch (HR-adviseur)" in planpagina.content.decode()


def test_publieke_pagina_toont_geen_persoonsgegevens(plan, client_als, client,
                                                     django_capture_on_commit_callbacks):
    token = vraag(client_als("consulent_lwl"), regel_van(plan),
                  django_capture_on_commit_callbacks)
    tekst = re.sub(r"\s+", " ", client.get(antwoord_url(token)).content.decode())
    for nodig in ("A.M. de Vries", plan.opleiding_naam, plan.opleider.naam, "€ 4.000,00",
                  "€ 2.000,00", "1 april 2024", "31 december 2024"):
        assert nodig in tekst, nodig
    aanvraag = plan.aanvraag
    for geheim in ("Anna", "anna@prive.example", "17 mei 1990", "1990-05-17",
                   aanvraag.postcode, aanvraag.telefoon, aanvraag.referentie,
                   aanvraag.scholingswens, plan.advies or "Geschikt."):
        if geheim:
            assert geheim not in tekst, geheim


def test_link_verloopt(plan, client_als, client, time_machine,
                       django_capture_on_commit_callbacks):
    token = vraag(client_als("consulent_lwl"), regel_van(plan),
                  django_capture_on_commit_callbacks)
    verzoek = regel_van(plan).toezeggingsverzoeken.get()
    time_machine.move_to(verzoek.verloopt_op + datetime.timedelta(seconds=1))
    assert client.get(antwoord_url(token)).status_code == 404
    assert client.post(antwoord_url(token), BEVESTIGEN).status_code == 404
    assert regel_van(plan).toezegging == "gevraagd"


def test_link_geldt_alleen_voor_zijn_eigen_regel(plan, client_als, client,
                                                 django_capture_on_commit_callbacks):
    c = client_als("consulent_lwl")
    tweede = plan.cofinanciering.create(bron="oo_fonds", partij="O&O-fonds Metaal",
                                        contact_email="fonds@oo.example",
                                        bedrag=Decimal("500.00"), status="aangevraagd")
    token_eerste = vraag(c, regel_van_werkgever := plan.cofinanciering.get(bron="werkgever"),
                         django_capture_on_commit_callbacks)
    token_tweede = vraag(c, tweede, django_capture_on_commit_callbacks)
    assert mail.outbox[0].to == ["fonds@oo.example"]
    assert client.post(antwoord_url(token_tweede), AFWIJZEN).status_code == 302
    regel_van_werkgever.refresh_from_db()
    tweede.refresh_from_db()
    assert (regel_van_werkgever.toezegging, tweede.toezegging) == ("gevraagd", "afgewezen")
    # a new request for a line replaces its earlier link; an unknown token is refused
    nieuw = vraag(c, regel_van_werkgever, django_capture_on_commit_callbacks)
    assert client.get(antwoord_url(token_eerste)).status_code == 404
    assert client.get(antwoord_url("onzin")).status_code == 404
    assert client.get(antwoord_url(nieuw)).status_code == 200


def test_afwijzing_meldt_de_consulent_en_telt_niet_mee(plan, client_als, client, medewerkers,
                                                      django_capture_on_commit_callbacks):
    token = vraag(client_als("consulent_lwl"), regel_van(plan),
                  django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(antwoord_url(token), AFWIJZEN).status_code == 302
    regel = regel_van(plan)
    assert regel.toezegging == "afgewezen" and regel.toezegging_reden.startswith("Wij betalen")
    melding = Melding.objects.get(soort="cofinanciering_afgewezen")
    assert melding.ontvanger == medewerkers["consulent_lwl"]
    assert melding.link == reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk})
    assert "niet toe" in melding.tekst and "Wij betalen" in melding.tekst
    # a declined amount is no co-financing at all: R5 fails, the total leaves it out
    assert bedragen(plan)["cofinanciering"] == Decimal("0.00")
    assert r5(plan) == "niet voldaan"


@pytest.mark.parametrize(("data", "fouten"), [
    ({"actie": "bevestigen"}, ["Vul uw naam in.", "Vul uw functie in.",
                               "Vink aan dat u de bijdrage namens de organisatie toezegt."]),
    ({**AFWIJZEN, "afwijzen-reden": ""}, ["Geef aan waarom u de bijdrage niet toezegt."]),
    ({}, ["Vul uw naam in.", "Geef aan waarom u de bijdrage niet toezegt."]),
])
def test_foute_invoer_houdt_de_link_geldig(plan, client_als, client, data, fouten,
                                           django_capture_on_commit_callbacks):
    token = vraag(client_als("consulent_lwl"), regel_van(plan),
                  django_capture_on_commit_callbacks)
    response = client.post(antwoord_url(token), data)
    assert response.status_code == 400
    for fout in fouten:
        assert fout in response.content.decode()
    assert regel_van(plan).toezegging == "gevraagd"
    assert client.post(antwoord_url(token), BEVESTIGEN).status_code == 302


def test_bewijs_met_reden_telt_mee(plan):
    regel = regel_van(plan)
    regel.bewijs = ContentFile(PDF, name="verklaring.pdf")
    regel.save()
    assert r5(plan) != "voldaan"  # evidence without the consulent's reason
    regel.bewijs_reden = "Getekende werkgeversverklaring van 3 maart."
    regel.save()
    assert regel.stand == "met bewijs"
    assert r5(plan) == "voldaan"


def test_wijziging_van_het_bedrag_vervalt_de_toezegging(plan, client_als, client,
                                                      django_capture_on_commit_callbacks):
    from loopbaangesprekken.demo_scholingsplannen import formulierdata
    from tests.loopbaangesprekken.test_scholingsplan_views import _bestaande_regels

    c = client_als("consulent_lwl")
    token = vraag(c, regel_van(plan), django_capture_on_commit_callbacks)
    client.post(antwoord_url(token), BEVESTIGEN)
    velden = {"opleiding_naam": plan.opleiding_naam, "opleiding_niveau": plan.opleiding_niveau,
              "opleider": plan.opleider_id, "startdatum": "2024-04-01",
              "einddatum": "2024-12-31", "route": plan.route, "doelberoep": plan.doelberoep,
              "doelsector": plan.doelsector_id, "gevraagd_bedrag": "1500.00"}
    data = _bestaande_regels(plan, formulierdata(velden, [], []))
    bewerken = reverse("loopbaangesprekken:scholingsplan-bewerken", kwargs={"pk": plan.pk})
    assert c.post(bewerken, data).status_code == 302
    assert regel_van(plan).toezegging == "bevestigd"  # unchanged line: still confirmed
    data["cofinanciering-0-bedrag"] = "2500,00"
    assert c.post(bewerken, data).status_code == 302
    regel = regel_van(plan)
    assert regel.toezegging == "" and regel.toezegging_naam == ""
    assert r5(plan) != "voldaan"


def test_eigen_bijdrage_en_regel_zonder_adres_vragen_niets(plan, client_als):
    c = client_als("consulent_lwl")
    eigen = plan.cofinanciering.create(bron="eigen_bijdrage", partij="Aanvrager",
                                       bedrag=Decimal("100.00"), status="toegezegd")
    zonder = plan.cofinanciering.create(bron="uwv", partij="UWV", bedrag=Decimal("100.00"),
                                        status="aangevraagd")
    for regel, fout in ((eigen, "De eigen bijdrage van de aanvrager hoeft niet"),
                        (zonder, "Vul eerst een e-mailadres voor de toezegging in")):
        response = c.post(reverse("loopbaangesprekken:toezegging-vragen",
                                  kwargs={"pk": regel.pk}), follow=True)
        assert fout in response.content.decode()
    assert not Gebeurtenis.objects.filter(actie="cofinanciering_gevraagd").exists()


@pytest.mark.parametrize("status", ["concept", "terug", "aanvulling", "ingediend", "besloten",
                                    "ingetrokken"])
def test_vragen_in_elke_planstatus_nooit_een_500(plan, client_als, status,
                                                 django_capture_on_commit_callbacks):
    plan.status = status
    plan.save(update_fields=["status"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_als("consulent_lwl").post(
            reverse("loopbaangesprekken:toezegging-vragen", kwargs={"pk": regel_van(plan).pk}))
    bewerkbaar = status in ("concept", "terug", "aanvulling")
    assert response.status_code == (302 if bewerkbaar else 403)
    assert (regel_van(plan).toezegging == "gevraagd") is bewerkbaar
