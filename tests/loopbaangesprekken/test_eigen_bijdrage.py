"""The resident declares their own contribution in the portal (issue 19 item 2): a task on
the aanvraag page, a page with the amount and the training, the declaration recorded with
who and when; only then does the line count for R5; changing the amount clears it."""

import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from aanvragen import portaal
from loopbaangesprekken.models import Kostenregel
from loopbaangesprekken.selectors.scholingsplan import actuele_toets, bedragen
from tests.aanvragen.bestanden import PDF
from tests.aanvragen.factories import InwonerFactory
from tests.loopbaangesprekken.factories_scholingsplan import ScholingsplanFactory, begroting
from tfvv.models import Gebeurtenis, Melding

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(medewerkers):
    """€ 4.000 costs, € 2.000 the resident pays themselves (not declared yet)."""
    begroting()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"], regels=False)
    plan.aanvraag.consulent = medewerkers["consulent_lwl"]
    plan.aanvraag.save(update_fields=["consulent"])
    Kostenregel.objects.create(plan=plan, soort="cursusgeld", bedrag=Decimal("4000.00"))
    plan.cofinanciering.create(bron="eigen_bijdrage", partij="Aanvrager",
                               bedrag=Decimal("2000.00"), status="toegezegd")
    return plan


@pytest.fixture
def inwoner(plan):
    c = Client()
    c.force_login(plan.aanvraag.aanvrager)
    return c


def url(plan):
    return reverse("scholingsplan-inwoner:eigen-bijdrage", kwargs={"pk": plan.aanvraag_id})


def r5(plan):
    return next(r for r in actuele_toets(plan).regels if r.id == "R5").uitkomst


def tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


BEVESTIG = {"bedrag": "2000.00", "akkoord": "on"}


def test_onbevestigde_eigen_bijdrage_telt_niet_mee(plan):
    regel = plan.cofinanciering.get()
    assert not regel.telt_mee and regel.stand == "nog niet bevestigd door de aanvrager"
    assert bedragen(plan)["toegezegd"] == Decimal("0.00")
    assert r5(plan) == "handmatig beoordelen"


def test_taak_in_het_portaal_en_bevestigen(plan, inwoner, medewerkers,
                                           django_capture_on_commit_callbacks):
    taken = portaal.taken(plan.aanvraag)
    taak = next(t for t in taken if t.titel == "Bevestig uw eigen bijdrage")
    assert taak.url == url(plan) and "€ 2.000,00" in taak.tekst
    assert plan.opleiding_naam in taak.tekst
    assert url(plan) in inwoner.get(reverse("aanvragen:aanvraag",
                                            kwargs={"pk": plan.aanvraag_id})).content.decode()

    pagina = tekst(inwoner.get(url(plan)))
    for stuk in ("Bevestig uw eigen bijdrage", "€ 2.000,00", plan.opleiding_naam,
                 plan.opleider.naam, "Ik verklaar dat ik deze eigen bijdrage zelf betaal"):
        assert stuk in pagina, stuk

    with django_capture_on_commit_callbacks(execute=True):
        response = inwoner.post(url(plan), BEVESTIG)
    assert response.status_code == 302
    assert response["Location"] == reverse("aanvragen:aanvraag", kwargs={"pk": plan.aanvraag_id})
    regel = plan.cofinanciering.get()
    assert regel.verklaard_op is not None and regel.verklaard_door == plan.aanvraag.aanvrager
    assert regel.telt_mee and r5(plan) == "voldaan"
    assert regel.stand.startswith("bevestigd door de aanvrager op ")
    gebeurtenis = Gebeurtenis.objects.get(actie="eigen_bijdrage_bevestigd")
    assert gebeurtenis.dossier_id == plan.aanvraag_id
    assert Melding.objects.get(soort="eigen_bijdrage_bevestigd").ontvanger == (
        medewerkers["consulent_lwl"])
    # the task is gone; the page now sends the resident back
    assert not [t for t in portaal.taken(plan.aanvraag) if t.titel == "Bevestig uw eigen bijdrage"]
    assert inwoner.get(url(plan)).status_code == 302


def test_plannen_tonen_de_bevestiging(plan, inwoner, client_als):
    consulent = client_als("consulent_lwl")
    planpagina = reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk})
    assert "nog niet bevestigd door de aanvrager" in tekst(consulent.get(planpagina))
    inwoner.post(url(plan), BEVESTIG)
    assert "bevestigd door de aanvrager op " in tekst(consulent.get(planpagina))


def test_beoordelaar_ziet_de_bevestiging_in_het_dossier(plan, inwoner, client_als):
    inwoner.post(url(plan), BEVESTIG)
    plan.status = "ingediend"
    plan.save(update_fields=["status"])
    pagina = tekst(client_als("beoordelaar").get(reverse("cheques:plan",
                                                         kwargs={"plan_id": plan.pk})))
    assert "bevestigd door de aanvrager op " in pagina


def test_zonder_vinkje_een_fout_bij_het_veld(plan, inwoner):
    response = inwoner.post(url(plan), {"bedrag": "2000.00"})
    assert response.status_code == 400
    assert "Zet een vinkje als u verklaart dat u de eigen bijdrage zelf betaalt." in (
        response.content.decode())
    assert plan.cofinanciering.get().verklaard_op is None


def test_gewijzigd_bedrag_intussen_wordt_geweigerd(plan, inwoner):
    pagina = inwoner.get(url(plan))
    assert 'value="2000.00"' in pagina.content.decode()
    plan.cofinanciering.update(bedrag=Decimal("2500.00"))
    response = inwoner.post(url(plan), BEVESTIG, follow=True)
    assert "intussen veranderd" in response.content.decode()
    assert plan.cofinanciering.get().verklaard_op is None
    assert inwoner.post(url(plan), {**BEVESTIG, "bedrag": "onzin"}).status_code == 400


def test_ander_inwoner_krijgt_404_en_medewerker_geen_toegang(plan, client_als):
    ander = Client()
    ander.force_login(InwonerFactory())
    assert ander.get(url(plan)).status_code == 404
    assert ander.post(url(plan), BEVESTIG).status_code == 404
    assert client_als("consulent_lwl").post(url(plan), BEVESTIG).status_code == 403
    assert plan.cofinanciering.get().verklaard_op is None


def test_ingediend_plan_vraagt_niets_meer(plan, inwoner):
    plan.status = "ingediend"
    plan.save(update_fields=["status"])
    assert not [t for t in portaal.taken(plan.aanvraag) if t.titel == "Bevestig uw eigen bijdrage"]
    assert inwoner.post(url(plan), BEVESTIG).status_code == 302
    assert plan.cofinanciering.get().verklaard_op is None


def test_wijziging_van_het_bedrag_wist_de_bevestiging(plan, inwoner, client_als):
    from loopbaangesprekken.demo_scholingsplannen import formulierdata
    from tests.loopbaangesprekken.test_scholingsplan_views import _bestaande_regels

    inwoner.post(url(plan), BEVESTIG)
    c = client_als("consulent_lwl")
    velden = {"opleiding_naam": plan.opleiding_naam, "opleiding_niveau": plan.opleiding_niveau,
              "opleider": plan.opleider_id, "startdatum": plan.startdatum.isoformat(),
              "einddatum": plan.einddatum.isoformat(), "route": plan.route,
              "doelberoep": plan.doelberoep, "doelsector": plan.doelsector_id,
              "gevraagd_bedrag": "1500.00"}
    data = _bestaande_regels(plan, formulierdata(velden, [], []))
    bewerken = reverse("loopbaangesprekken:scholingsplan-bewerken", kwargs={"pk": plan.pk})
    assert c.post(bewerken, data).status_code == 302
    assert plan.cofinanciering.get().verklaard_op is not None  # unchanged: still declared
    data["cofinanciering-0-bedrag"] = "2.500,00"
    assert c.post(bewerken, data).status_code == 302
    regel = plan.cofinanciering.get()
    assert regel.verklaard_op is None and regel.verklaard_door is None
    assert r5(plan) != "voldaan"
    assert any(t.titel == "Bevestig uw eigen bijdrage" for t in portaal.taken(plan.aanvraag))


def test_getekende_verklaring_met_reden_telt_ook_mee(plan):
    """A resident who cannot use the portal: the consulent records a signed declaration."""
    regel = plan.cofinanciering.get()
    regel.bewijs = ContentFile(PDF, name="verklaring.pdf")
    regel.bewijs_reden = "Door de aanvrager getekende verklaring van 3 maart."
    regel.save()
    assert regel.telt_mee and regel.stand == "met bewijs"
    assert r5(plan) == "voldaan"
