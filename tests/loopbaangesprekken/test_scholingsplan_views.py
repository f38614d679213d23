"""The consulent's scholingsplan pages: every URL for every role, the form with the live
verdict, submission and the return-for-changes loop, bad input, query counts."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanvragen.models import Aanvraag
from loopbaangesprekken.demo_scholingsplannen import formulierdata
from loopbaangesprekken.models import Opleider, Scholingsplan
from loopbaangesprekken.services import eigen_bijdrage
from loopbaangesprekken.services import scholingsplan as services
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tests.loopbaangesprekken.factories_scholingsplan import (
    KansberoepFactory,
    OpleiderFactory,
    ScholingsplanFactory,
    SectorFactory,
    begroting,
    geef_akkoord,
)
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Inzage

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ROLLEN = ["anoniem", "inwoner", "consulent_lwl", "consulent_lbs", "consulent_manager",
          "beoordelaar", "financieel", "adviesgroep", "beheerder"]


@pytest.fixture
def als(client_als):
    def maak(rol):
        if rol == "anoniem":
            return Client()
        if rol == "inwoner":
            c = Client()
            c.force_login(InwonerFactory())
            return c
        return client_als(rol)
    return maak


@pytest.fixture
def plan():
    begroting()
    plan = ScholingsplanFactory(arbeidsmarktperspectief_bewijs=SimpleUploadedFile(
        "vacatures.pdf", PDF, content_type="application/pdf"))
    regel = plan.cofinanciering.get()
    regel.bewijs = SimpleUploadedFile("toezegging.pdf", PDF, content_type="application/pdf")
    regel.save()
    return plan


def verwacht(response, toegestaan):
    if toegestaan:
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            assert "inloggen" not in response["Location"]
    else:
        assert response.status_code in (302, 403, 404)
        if response.status_code == 302:
            assert "inloggen" in response["Location"]


LOKET = {"consulent_lwl", "consulent_manager"}
ZIEN = LOKET | {"beoordelaar"}


@pytest.mark.parametrize("rol", ROLLEN)
def test_toegang_per_rol(plan, als, rol):
    c = als(rol)
    verwacht(c.get(reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk})),
             rol in ZIEN)
    verwacht(c.get(reverse("loopbaangesprekken:scholingsplan-bewerken",
                           kwargs={"pk": plan.pk})), rol in LOKET)
    verwacht(c.get(reverse("loopbaangesprekken:scholingsplan-nieuw",
                           kwargs={"aanvraag_id": plan.aanvraag_id})), rol in LOKET)
    verwacht(c.get(reverse("loopbaangesprekken:scholingsplan-onderbouwing",
                           kwargs={"pk": plan.pk})), rol in ZIEN)
    verwacht(c.get(reverse("loopbaangesprekken:scholingsplan-cofinancieringsbewijs",
                           kwargs={"pk": plan.cofinanciering.get().pk})), rol in ZIEN)
    response = c.post(reverse("loopbaangesprekken:scholingsplan-indienen",
                              kwargs={"pk": plan.pk}))
    verwacht(response, rol in LOKET)
    plan.refresh_from_db()
    assert (plan.status == "ingediend") == (rol in LOKET)


def test_anoniem_naar_medewerkerslogin(plan):
    response = Client().get(reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk}))
    assert response.status_code == 302 and "/medewerkers/inloggen/" in response["Location"]


def test_indienen_alleen_met_post(plan, client_als):
    response = client_als("consulent_lwl").get(
        reverse("loopbaangesprekken:scholingsplan-indienen", kwargs={"pk": plan.pk}))
    assert response.status_code == 405


def test_onbekend_plan_geeft_404(client_als):
    c = client_als("consulent_lwl")
    assert c.get(reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": 999999})
                 ).status_code == 404
    assert c.get(reverse("loopbaangesprekken:scholingsplan-nieuw", kwargs={"aanvraag_id": 999999})
                 ).status_code == 404


def test_download_bewijs_wordt_gelogd(plan, client_als):
    response = client_als("beoordelaar").get(reverse(
        "loopbaangesprekken:scholingsplan-cofinancieringsbewijs",
        kwargs={"pk": plan.cofinanciering.get().pk}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert Inzage.objects.filter(handeling="gedownload", dossier_id=plan.aanvraag_id).exists()


def test_geen_nieuw_plan_bij_verkeerde_status(client_als):
    aanvraag = AanvraagFactory(status="aangemeld")
    response = client_als("consulent_lwl").get(reverse(
        "loopbaangesprekken:scholingsplan-nieuw", kwargs={"aanvraag_id": aanvraag.pk}))
    assert response.status_code == 403


def test_ingediend_plan_niet_meer_bewerkbaar(plan, client_als, medewerkers):
    services.indienen(plan=plan, actor=medewerkers["consulent_lwl"])
    c = client_als("consulent_lwl")
    assert c.get(reverse("loopbaangesprekken:scholingsplan-bewerken",
                         kwargs={"pk": plan.pk})).status_code == 403
    detail = c.get(reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk}))
    assert "Subsidietoets bij indiening" in detail.content.decode()


# --- the form end to end ------------------------------------------------------------

@pytest.fixture
def referentie():
    begroting()
    kansberoep = KansberoepFactory()
    return {"opleider": OpleiderFactory(), "sector": kansberoep.sector,
            "industrie": SectorFactory(naam="Industrie", kansrijk=False)}


def velden(ref, **extra):
    return {"opleiding_naam": "Eerste monteur", "opleiding_niveau": "mbo-3",
            "opleider": ref["opleider"].pk, "startdatum": "2024-09-01",
            "einddatum": "2025-06-30", "route": "andere_sector", "huidig_beroep": "operator",
            "huidige_sector": ref["industrie"].pk, "doelberoep": "elektromonteur",
            "doelsector": ref["sector"].pk, "kansberoep": "", "arbeidsmarktperspectief": "",
            "gevraagd_bedrag": "", "advies": "Geschikt.", **extra}


KOSTEN = [{"soort": "cursusgeld", "omschrijving": "lesgeld", "bedrag": "3600.00"},
          {"soort": "examengeld", "omschrijving": "", "bedrag": "400.00"}]
# the applicant's own contribution counts once they declare it in the portal
# (tests/loopbaangesprekken/test_eigen_bijdrage.py; employer lines: test_toezegging.py)
COFI = [{"bron": "eigen_bijdrage", "partij": "Aanvrager", "bedrag": "2000.00",
         "status": "toegezegd"}]


def tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_formulier_met_live_uitslag_indienen_en_terugsturen(referentie, client_als,
                                                            medewerkers):
    aanvraag = AanvraagFactory(status="in_behandeling")
    c = client_als("consulent_lwl")
    nieuw = reverse("loopbaangesprekken:scholingsplan-nieuw", kwargs={"aanvraag_id": aanvraag.pk})
    pagina = c.get(nieuw)
    assert pagina.status_code == 200 and "Nieuw scholingsplan" in tekst(pagina)

    data = formulierdata(velden(referentie), KOSTEN, COFI)
    response = c.post(nieuw, {**data, "actie": "controleren"})
    plan = Scholingsplan.objects.get(aanvraag=aanvraag)
    bewerken = reverse("loopbaangesprekken:scholingsplan-bewerken", kwargs={"pk": plan.pk})
    assert response.status_code == 302 and response["Location"] == bewerken + "#subsidietoets"
    assert plan.kansberoep is not None  # found on the list automatically
    assert str(plan.gevraagd_bedrag) == "2000.00"  # proposal: 4000 − 2000, within the cap
    aanvraag.refresh_from_db()
    assert aanvraag.status == "scholingsplan"

    assert "Uitkomst subsidietoets: handmatig beoordelen" in tekst(c.get(bewerken))
    eigen_bijdrage.verklaar(plan_id=plan.pk, actor=aanvraag.aanvrager, bedrag=Decimal("2000"))
    pagina = tekst(c.get(bewerken))
    assert "Uitkomst subsidietoets: voldaan" in pagina
    assert "Twents Fonds 2023–2026" in pagina

    # the consulent changes the start date to before the aanvraagdatum: R8 fails live
    data = formulierdata(velden(referentie, startdatum="2024-02-01", gevraagd_bedrag="2000.00"),
                         [], [])
    data = _bestaande_regels(plan, data)
    response = c.post(bewerken, {**data, "actie": "controleren"}, follow=True)
    pagina = tekst(response)
    assert "Uitkomst subsidietoets: niet voldaan" in pagina
    assert "De scholing is gestart voor de aanvraagdatum" in pagina

    geef_akkoord(plan)  # the resident approved it in the portal (tests/.../test_akkoord_*)
    c.post(reverse("loopbaangesprekken:scholingsplan-indienen", kwargs={"pk": plan.pk}))
    plan.refresh_from_db()
    assert plan.status == "ingediend" and plan.toets_snapshot["uitslag"]["uitkomst"] == \
        "niet voldaan"
    aanvraag.refresh_from_db()
    assert aanvraag.status == "ingediend"

    services.terugsturen(plan=plan, actor=medewerkers["beoordelaar"], reden="Startdatum?")
    data = _bestaande_regels(plan, formulierdata(
        velden(referentie, gevraagd_bedrag="2000.00"), [], []))
    response = c.post(bewerken, {**data, "actie": "opslaan"})
    assert response.status_code == 302
    detail = tekst(c.get(reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk})))
    assert "Uitkomst subsidietoets: voldaan" in detail
    geef_akkoord(plan)  # the changed plan needs the resident's approval again
    c.post(reverse("loopbaangesprekken:scholingsplan-indienen", kwargs={"pk": plan.pk}))
    plan.refresh_from_db()
    assert plan.status == "ingediend" and plan.toets_snapshot["uitslag"]["uitkomst"] == "voldaan"


def _bestaande_regels(plan, data):
    """POST data that keeps the plan's existing lines (as the edit page sends them)."""
    for prefix, regels, velden_ in (
        ("kosten", plan.kosten.order_by("pk"), ["soort", "omschrijving", "bedrag"]),
        ("cofinanciering", plan.cofinanciering.order_by("pk"),
         ["bron", "werkgever_id", "partij", "bedrag", "status"]),
    ):
        regels = list(regels)
        data[f"{prefix}-TOTAL_FORMS"] = str(len(regels))
        data[f"{prefix}-INITIAL_FORMS"] = str(len(regels))
        for i, regel in enumerate(regels):
            data[f"{prefix}-{i}-id"] = str(regel.pk)
            for veld in velden_:
                waarde = getattr(regel, veld)
                data[f"{prefix}-{i}-{veld.removesuffix('_id')}"] = "" if waarde is None \
                    else str(waarde)
    return data


def test_foute_invoer_blijft_staan_en_niets_wordt_opgeslagen(referentie, client_als):
    aanvraag = AanvraagFactory(status="in_behandeling")
    c = client_als("consulent_lwl")
    nieuw = reverse("loopbaangesprekken:scholingsplan-nieuw", kwargs={"aanvraag_id": aanvraag.pk})
    data = formulierdata(velden(referentie, einddatum="2024-01-01", opleiding_naam="Lassen MIG"),
                         [{"soort": "cursusgeld", "omschrijving": "", "bedrag": "-5"}],
                         COFI + COFI)
    data["cofinanciering-0-bewijs"] = SimpleUploadedFile("x.pdf", b"geen pdf",
                                                         content_type="application/pdf")
    response = c.post(nieuw, data)
    assert response.status_code == 400
    pagina = tekst(response)
    assert "De einddatum ligt voor de startdatum." in pagina
    assert "Het bedrag moet groter dan nul zijn." in pagina
    assert "tel een bijdrage maar één keer" in pagina
    assert "Upload een pdf-, jpg- of png-bestand." in pagina
    assert 'value="Lassen MIG"' in pagina
    assert not Scholingsplan.objects.exists()
    aanvraag.refresh_from_db()
    assert aanvraag.status == "in_behandeling"


def test_ongeldige_iban_bij_opleider(db):
    opleider = Opleider(naam="X", iban="NL91 ABNA 0417 1643 01")
    with pytest.raises(ValidationError) as e:
        opleider.full_clean()
    assert "iban" in e.value.message_dict


def test_sectie_op_de_aanvraagpagina(plan):
    html = render_to_string("loopbaangesprekken/_scholingsplan_sectie.html",
                            {"aanvraag": plan.aanvraag})
    assert reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk}) in html
    assert "Nieuw scholingsplan" in html
    Aanvraag.objects.filter(pk=plan.aanvraag_id).update(status="ingediend")
    plan.aanvraag.refresh_from_db()
    html = render_to_string("loopbaangesprekken/_scholingsplan_sectie.html",
                            {"aanvraag": plan.aanvraag})
    assert "Nieuw scholingsplan" not in html


@pytest.mark.parametrize("pagina", ["scholingsplan", "scholingsplan-bewerken"])
def test_aantal_queries_onafhankelijk_van_gegevens(pagina, client_als,
                                                   django_assert_max_num_queries):
    begroting()
    c = client_als("consulent_lwl")
    aantallen = []
    for n in (1, 6):
        plan = ScholingsplanFactory()
        for i in range(n):
            plan.kosten.create(soort="overig", bedrag="10.00")
            plan.cofinanciering.create(bron="werkgever", partij=f"P{i}", bedrag="1.00",
                                       status="toegezegd")
            ander = ScholingsplanFactory(
                aanvraag=AanvraagFactory(aanvrager=plan.aanvraag.aanvrager,
                                         aanvraagdatum=datetime.date(2024, 1, 1)))
            registreer_gebeurtenis(actor=None, obj=ander, actie="toekennen", dossier_id=None,
                                   gegevens={"bedrag": "1.00", "jaar": 2024})
        url = reverse(f"loopbaangesprekken:{pagina}", kwargs={"pk": plan.pk})
        with CaptureQueriesContext(connection) as q:
            assert c.get(url).status_code == 200
        aantallen.append(len(q))
    assert aantallen[0] == aantallen[1], aantallen
    with django_assert_max_num_queries(aantallen[1]):
        c.get(url)
