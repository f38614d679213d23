"""The resident's page to answer an aanvulverzoek, what staff see of the answer, and
"Aanvulling indienen" by the consulent (a change to the plan or a note)."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from aanvragen.models import Document
from cheques import services
from cheques.models import Aanvulantwoord, Aanvulverzoek
from loopbaangesprekken.forms_scholingsplan import ScholingsplanForm
from loopbaangesprekken.services import scholingsplan as plan_services
from tests.aanvragen.bestanden import EXE, PDF, upload
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tests.cheques.factories import VOLDAAN
from tests.loopbaangesprekken.factories_scholingsplan import ScholingsplanFactory, begroting
from tests.loopbaangesprekken.test_scholingsplan_views import _bestaande_regels
from tests.tijd import werkdag_na
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db

VRAAG = "Stuur de getekende werkgeversverklaring."


@pytest.fixture
def verzoek(maak_plan, medewerkers):
    plan = maak_plan(toets_snapshot={"uitslag": VOLDAAN})  # as a submission stores it
    return services.vraag_aanvulling(plan=plan, door=medewerkers["beoordelaar"],
                                     omschrijving=VRAAG, hersteltermijn_tot=werkdag_na(dagen=14))


def als_inwoner(gebruiker) -> Client:
    c = Client()
    c.force_login(gebruiker, backend="aanvragen.auth.InlogLinkBackend")
    return c


def url(verzoek, aanvraag_id=None) -> str:
    return reverse("cheques:aanvulling-beantwoorden", kwargs={
        "pk": aanvraag_id or verzoek.plan.aanvraag_id, "verzoek_id": verzoek.pk})


def lege_documenten(**velden) -> dict:
    return {"documenten-TOTAL_FORMS": "3", "documenten-INITIAL_FORMS": "0", **velden}


def tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_inwoner_ziet_vraag_en_termijn_vanuit_de_aanvraag(verzoek):
    c = als_inwoner(verzoek.plan.aanvraag.aanvrager)
    aanvraag = tekst(c.get(reverse("aanvragen:aanvraag", kwargs={"pk": verzoek.plan.aanvraag_id})))
    assert "Aanvulling gevraagd" in aanvraag and VRAAG in aanvraag
    tot = date_format(verzoek.hersteltermijn_tot, "j F Y")
    assert f"uiterlijk {tot}" in aanvraag and url(verzoek) in aanvraag
    pagina = tekst(c.get(url(verzoek)))
    assert VRAAG in pagina and f"Stuur de aanvulling uiterlijk op {tot}" in pagina
    assert "hersteltermijn is voorbij" not in pagina


def test_antwoord_met_upload_en_wat_medewerkers_zien(verzoek, client_als):
    c = als_inwoner(verzoek.plan.aanvraag.aanvrager)
    response = c.post(url(verzoek), lege_documenten(**{
        "tekst": "Hierbij de verklaring.", "documenten-0-soort": "werkgeversverklaring",
        "documenten-0-bestand": upload("verklaring.pdf", PDF)}))
    assert response.status_code == 302
    assert response["Location"] == reverse("aanvragen:aanvraag",
                                           kwargs={"pk": verzoek.plan.aanvraag_id})
    antwoord = Aanvulantwoord.objects.get()
    document = antwoord.documenten.get()
    assert Gebeurtenis.objects.filter(actie="aanvulling_beantwoord_door_inwoner").count() == 1
    link = reverse("aanvragen:document", kwargs={"pk": document.pk})
    # the resident's timeline and page
    assert "U heeft een aanvulling gestuurd met 1 document." in tekst(
        c.get(reverse("aanvragen:aanvraag", kwargs={"pk": verzoek.plan.aanvraag_id})))
    assert "Hierbij de verklaring." in tekst(c.get(url(verzoek)))
    # the consulent: plan page and edit page, next to the question and the hersteltermijn
    consulent = client_als("consulent_lwl")
    for naam in ("scholingsplan", "scholingsplan-bewerken"):
        pagina = tekst(consulent.get(reverse(f"loopbaangesprekken:{naam}",
                                             kwargs={"pk": verzoek.plan_id})))
        assert VRAAG in pagina and "Hierbij de verklaring." in pagina
        assert link in pagina and "werkgeversverklaring: verklaring.pdf" in pagina
    assert consulent.get(link).status_code == 200
    # the beoordelaar: the dossier and the plan
    beoordelaar = client_als("beoordelaar")
    for pagina in (reverse("cheques:dossier", kwargs={"aanvraag_id": verzoek.plan.aanvraag_id}),
                   reverse("cheques:plan", kwargs={"plan_id": verzoek.plan_id})):
        html = tekst(beoordelaar.get(pagina))
        assert "Antwoord van de inwoner op" in html and "Hierbij de verklaring." in html
        assert link in html


def test_leeg_antwoord_geeft_melding(verzoek):
    c = als_inwoner(verzoek.plan.aanvraag.aanvrager)
    response = c.post(url(verzoek), lege_documenten(tekst="  "))
    assert response.status_code == 400
    assert "Schrijf een antwoord of voeg een document toe" in tekst(response)
    assert not Aanvulantwoord.objects.exists()


def test_verkeerd_bestand_geweigerd_tekst_blijft(verzoek):
    c = als_inwoner(verzoek.plan.aanvraag.aanvrager)
    response = c.post(url(verzoek), lege_documenten(**{
        "tekst": "Mijn verklaring.", "documenten-0-soort": "werkgeversverklaring",
        "documenten-0-bestand": upload("verklaring.exe", EXE, "application/pdf")}))
    assert response.status_code == 400
    html = tekst(response)
    assert "Dit bestand is geen PDF, JPG of PNG" in html and "Mijn verklaring." in html
    assert not Aanvulantwoord.objects.exists() and not Document.objects.exists()


def test_te_groot_bestand_geweigerd(verzoek, settings):
    settings.TFVV_MAX_UPLOAD_BYTES = 100
    c = als_inwoner(verzoek.plan.aanvraag.aanvrager)
    response = c.post(url(verzoek), lege_documenten(**{
        "documenten-0-soort": "diploma", "documenten-0-bestand": upload("groot.pdf", PDF)}))
    assert response.status_code == 400 and "Het bestand is te groot" in tekst(response)
    assert not Document.objects.exists()


def test_soort_zonder_bestand(verzoek):
    c = als_inwoner(verzoek.plan.aanvraag.aanvrager)
    response = c.post(url(verzoek), lege_documenten(**{"tekst": "Zie bijlage.",
                                                        "documenten-1-soort": "diploma"}))
    assert response.status_code == 400 and "Kies een bestand." in tekst(response)
    assert not Aanvulantwoord.objects.exists()


def test_andere_inwoner_krijgt_404(verzoek):
    ander = InwonerFactory()
    c = als_inwoner(ander)
    assert c.get(url(verzoek)).status_code == 404
    assert c.post(url(verzoek), lege_documenten(tekst="Hallo")).status_code == 404
    # the request id under their own aanvraag: also as if it did not exist
    eigen = AanvraagFactory(aanvrager=ander)
    assert c.get(url(verzoek, aanvraag_id=eigen.pk)).status_code == 404
    assert not Aanvulantwoord.objects.exists()


@pytest.mark.parametrize("rol", ["consulent_lwl", "beoordelaar", "financieel"])
def test_medewerkers_kunnen_de_pagina_niet_gebruiken(verzoek, client_als, rol):
    c = client_als(rol)
    assert c.get(url(verzoek)).status_code == 403
    assert c.post(url(verzoek), lege_documenten(tekst="Namens de inwoner")).status_code == 403
    assert not Aanvulantwoord.objects.exists()


def test_gesloten_verzoek_geweigerd(verzoek, medewerkers):
    plan_services.indienen(plan=verzoek.plan, actor=medewerkers["consulent_lwl"],
                           toelichting="Telefonisch doorgekregen.")
    c = als_inwoner(verzoek.plan.aanvraag.aanvrager)
    pagina = c.get(url(verzoek))
    assert pagina.status_code == 200
    assert "U kunt op dit verzoek om aanvulling niet meer reageren" in tekst(pagina)
    assert "<textarea" not in pagina.content.decode()
    response = c.post(url(verzoek), lege_documenten(tekst="Nog dit."))
    assert response.status_code == 409
    assert "niet meer reageren" in tekst(response)
    assert not Aanvulantwoord.objects.exists()


def test_na_de_hersteltermijn_nog_mogelijk_en_gemarkeerd(verzoek, client_als):
    Aanvulverzoek.objects.filter(pk=verzoek.pk).update(
        hersteltermijn_tot=timezone.localdate() - datetime.timedelta(days=1))
    c = als_inwoner(verzoek.plan.aanvraag.aanvrager)
    pagina = tekst(c.get(url(verzoek)))
    assert "De hersteltermijn is voorbij" in pagina and "artikel 4:5" in pagina
    assert c.post(url(verzoek), lege_documenten(tekst="Later dan gevraagd.")).status_code == 302
    assert Aanvulantwoord.objects.get().te_laat
    html = tekst(client_als("consulent_lwl").get(
        reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": verzoek.plan_id})))
    assert "Later dan gevraagd." in html and "na de hersteltermijn" in html


# --- "Aanvulling indienen": a change to the plan or a note ---------------------------------


def ongewijzigde_formulierdata(plan) -> dict:
    """What the edit page sends back when the consulent changes nothing."""
    form = ScholingsplanForm(instance=plan, aanvraag=plan.aanvraag)
    data = {}
    for naam in form.fields:
        if naam.endswith("_bewijs"):
            continue
        waarde = form[naam].value()
        data[naam] = "" if waarde is None else waarde if isinstance(waarde, list) else str(waarde)
    return _bestaande_regels(plan, data)


@pytest.fixture
def verzoek_op_volledig_plan(medewerkers):
    """A request on a plan with cost and co-financing lines, as the edit page needs."""
    begroting()
    plan = ScholingsplanFactory(status="ingediend", aanvraag__status="ingediend",
                                consulent=medewerkers["consulent_lwl"])
    return services.vraag_aanvulling(plan=plan, door=medewerkers["beoordelaar"],
                                     omschrijving=VRAAG, hersteltermijn_tot=werkdag_na(dagen=14))


def indienen(c, plan, **data):
    return c.post(reverse("loopbaangesprekken:scholingsplan-indienen", kwargs={"pk": plan.pk}),
                  data)


def test_aanvulling_indienen_zonder_wijziging_vraagt_toelichting(verzoek_op_volledig_plan,
                                                                client_als):
    verzoek = verzoek_op_volledig_plan
    plan = verzoek.plan
    c = client_als("consulent_lwl")
    bewerken = reverse("loopbaangesprekken:scholingsplan-bewerken", kwargs={"pk": plan.pk})
    # saving without a change is no change
    assert c.post(bewerken, ongewijzigde_formulierdata(plan)).status_code == 302
    response = indienen(c, plan, toelichting="   ")
    assert response.status_code == 400
    html = tekst(response)
    assert "U heeft het scholingsplan sinds het verzoek om aanvulling niet gewijzigd" in html
    assert "Wat is er aangevuld?" in html
    plan.refresh_from_db()
    assert plan.status == "aanvulling"

    response = indienen(c, plan, toelichting="De inwoner stuurde de verklaring.")
    assert response.status_code == 302
    plan.refresh_from_db()
    verzoek.refresh_from_db()
    assert plan.status == "ingediend"
    assert verzoek.toelichting_consulent == "De inwoner stuurde de verklaring."
    dossier = tekst(client_als("beoordelaar").get(
        reverse("cheques:dossier", kwargs={"aanvraag_id": plan.aanvraag_id})))
    assert "toelichting van de consulent: De inwoner stuurde de verklaring." in dossier


def test_aanvulling_indienen_na_wijziging_zonder_toelichting(verzoek_op_volledig_plan,
                                                            client_als):
    plan = verzoek_op_volledig_plan.plan
    c = client_als("consulent_lwl")
    data = {**ongewijzigde_formulierdata(plan), "advies": "Werkgever tekende na."}
    bewerken = reverse("loopbaangesprekken:scholingsplan-bewerken", kwargs={"pk": plan.pk})
    assert c.post(bewerken, data).status_code == 302
    assert Gebeurtenis.objects.get(actie="plan_gewijzigd").gegevens == {"gewijzigd": ["advies"]}
    assert indienen(c, plan).status_code == 302
    plan.refresh_from_db()
    assert plan.status == "ingediend"
