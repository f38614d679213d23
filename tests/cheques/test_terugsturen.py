"""The beoordelaar returns a submitted plan to the consulent for changes."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from aanvragen.models import Aanvraag
from cheques import selectors, services
from loopbaangesprekken.models import Scholingsplan
from loopbaangesprekken.services import scholingsplan as plan_services
from tests.cheques.factories import toets_met
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(periode, maak_plan):
    plan = maak_plan()
    Aanvraag.objects.filter(pk=plan.aanvraag_id).update(status=Aanvraag.Status.INGEDIEND)
    plan.refresh_from_db()
    return plan


def url(plan, naam="cheques:terugsturen"):
    return reverse(naam, kwargs={"plan_id": plan.pk})


def test_terugsturen_van_formulier_tot_consulent(plan, client_als,
                                                 django_capture_on_commit_callbacks):
    beoordelaar = client_als("beoordelaar")
    assert "Terugsturen naar de consulent" in beoordelaar.get(url(plan, "cheques:plan")) \
        .content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = beoordelaar.post(url(plan), {"reden": "  De offerte van de opleider ontbreekt.  "})
    assert r.status_code == 302 and r["Location"] == url(plan, "cheques:plan")
    plan.refresh_from_db()
    plan.aanvraag.refresh_from_db()
    assert plan.status == Scholingsplan.Status.TERUG
    assert plan.aanvraag.status == Aanvraag.Status.SCHOLINGSPLAN
    gebeurtenis = Gebeurtenis.objects.get(actie="terugsturen")
    assert gebeurtenis.reden == "De offerte van de opleider ontbreekt."
    assert [m.to for m in mail.outbox] == [[plan.consulent.email]]
    assert "De offerte van de opleider ontbreekt." in mail.outbox[0].body
    assert plan.aanvraag.referentie in mail.outbox[0].body
    # gone from the beoordelaar's queue until it is submitted again
    assert plan.pk not in [p.pk for p in selectors.werkvoorraad_plannen()]

    consulent = client_als("consulent_lwl")
    for pagina in ("loopbaangesprekken:scholingsplan", "loopbaangesprekken:scholingsplan-bewerken"):
        html = consulent.get(reverse(pagina, kwargs={"pk": plan.pk})).content.decode()
        assert "Teruggestuurd door gemeente Enschede" in html
        assert "De offerte van de opleider ontbreekt." in html

    plan_services.indienen(plan=plan, actor=plan.consulent)
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.INGEDIEND
    assert plan.pk in [p.pk for p in selectors.werkvoorraad_plannen()]
    html = consulent.get(reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk}))
    assert "Teruggestuurd door gemeente Enschede" not in html.content.decode()


def test_lege_reden_blijft_staan_met_melding(plan, client_als):
    r = client_als("beoordelaar").post(url(plan), {"reden": "   "})
    assert r.status_code == 400
    html = r.content.decode()
    assert 'id="terugsturen_reden"' in html and "is-invalid" in html
    assert "Dit veld is verplicht." in html
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.INGEDIEND
    assert not Gebeurtenis.objects.filter(actie="terugsturen").exists()


def test_te_lange_reden_houdt_de_invoer(plan, client_als):
    r = client_als("beoordelaar").post(url(plan), {"reden": "x" * 2001})
    assert r.status_code == 400 and "x" * 2001 in r.content.decode()
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.INGEDIEND


def test_service_eist_beoordelaar_en_reden(plan, medewerkers):
    with pytest.raises(PermissionDenied):
        services.terugsturen(plan=plan, door=medewerkers["consulent_lwl"], reden="Anders")
    with pytest.raises(ValidationError) as fout:
        services.terugsturen(plan=plan, door=medewerkers["beoordelaar"], reden=" ")
    assert "reden" in fout.value.error_dict
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.INGEDIEND


def test_niet_na_een_besluit(plan, medewerkers):
    plan.toets_snapshot = toets_met(R7="niet_voldaan")
    plan.save(update_fields=["toets_snapshot"])
    services.afwijzen(plan=plan, door=medewerkers["beoordelaar"], motivering="Nee",
                      regels=["R7"])
    with pytest.raises(ValidationError):
        services.terugsturen(plan=plan, door=medewerkers["beoordelaar"], reden="Anders")
