"""A resident's withdrawal closes what later stages still have open, each stage its own
records on the event (tfvv.events.gebeurtenis_geregistreerd), in one transaction; staff
see why. Also: a system event without an actor on the consulent's case page."""

from decimal import Decimal

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from aanvragen import services as aanvraag_services
from cheques import services
from cheques.models import Aanvulverzoek, Beschikking
from loopbaangesprekken.models import Gesprek, Scholingsplan
from tests.cheques.factories import ScholingsplanFactory, maak_periode, toets_met
from tests.loopbaangesprekken.factories import GesprekFactory
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Gebeurtenis, Outboxtaak
from tfvv.statemachine import OngeldigeTransitie

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_met_concept(medewerkers):
    """A submitted plan whose toekenning waits for a second beoordelaar (R4 handmatig)."""
    maak_periode()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"],
                                aanvraag__consulent=medewerkers["consulent_lwl"],
                                toets_snapshot=toets_met(R4="handmatig"))
    beschikking = services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                                     bedrag=Decimal("1000.00"), motivering="Voldoet.")
    assert beschikking.status == Beschikking.Status.CONCEPT
    return plan


def acties(aanvraag):
    return set(Gebeurtenis.objects.filter(dossier_id=aanvraag.pk).values_list("actie", flat=True))


def test_intrekken_laat_voorstel_vervallen_en_sluit_plan(plan_met_concept, client_als):
    plan = plan_met_concept
    aanvraag_services.trek_in(aanvraag=plan.aanvraag, actor=plan.aanvraag.aanvrager)
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.INGETROKKEN
    assert not Beschikking.objects.filter(plan=plan).exists()
    assert {"intrekken", "sluiten_na_intrekking", "toekenning_vervallen"} <= acties(plan.aanvraag)

    beoordelaar = client_als("beoordelaar2")
    pagina = beoordelaar.get(reverse("cheques:plan", kwargs={"plan_id": plan.pk}))
    assert pagina.status_code == 200
    assert "Ingetrokken door de aanvrager op" in pagina.content.decode()
    for naam in ("medeondertekenen", "toekennen", "afwijzen", "niet-medeondertekenen"):
        response = beoordelaar.post(reverse(f"cheques:{naam}", kwargs={"plan_id": plan.pk}),
                                    {"bedrag": "1000,00", "motivering": "x", "reden": "x",
                                     "regels": ["R4"]})
        assert response.status_code in (400, 404), naam
        tekst = response.content.decode()
        assert "kan niet vanuit" not in tekst and "'ingetrokken'" not in tekst

    consulent = client_als("consulent_lwl")
    pagina = consulent.get(reverse("loopbaangesprekken:aanvraag", kwargs={"pk": plan.aanvraag_id}))
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Ingetrokken door de aanvrager op" in html
    assert "→ ingetrokken door de aanvrager" in html  # status labels, not codes
    assert "in_behandeling" not in html


def test_intrekken_annuleert_gesprekken_en_sluit_aanvulverzoek(medewerkers, client_als):
    consulent = medewerkers["consulent_lwl"]
    plan = ScholingsplanFactory(consulent=consulent, aanvraag__consulent=consulent,
                                status=Scholingsplan.Status.AANVULLING)
    verzoek = Aanvulverzoek.objects.create(
        plan=plan, gevraagd_door=medewerkers["beoordelaar"], omschrijving="Offerte",
        hersteltermijn_tot=timezone.localdate() + timezone.timedelta(days=14))
    gesprek = GesprekFactory(aanvraag=plan.aanvraag, consulent=consulent)
    with TestCase.captureOnCommitCallbacks(execute=False):
        aanvraag_services.trek_in(aanvraag=plan.aanvraag, actor=plan.aanvraag.aanvrager)
    gesprek.refresh_from_db()
    verzoek.refresh_from_db()
    plan.refresh_from_db()
    assert gesprek.status == Gesprek.Status.GEANNULEERD
    # lapsed, not answered: nothing was supplied
    assert verzoek.vervallen_op is not None and verzoek.beantwoord_op is None
    assert plan.status == Scholingsplan.Status.INGETROKKEN
    assert {"annuleren", "aanvulverzoek_vervallen"} <= acties(plan.aanvraag)
    # the usual cancellation mail (with .ics) goes out after commit
    assert Outboxtaak.objects.filter(taak__endswith="verstuur_gespreksmail",
                                     argumenten__soort="geannuleerd").exists()
    dossier = client_als("beoordelaar").get(
        reverse("cheques:dossier", kwargs={"aanvraag_id": plan.aanvraag_id})).content.decode()
    assert "de aanvrager heeft de aanvraag ingetrokken" in dossier
    assert "Aanvulling ingediend op" not in dossier


def test_fout_bij_ongeldige_overgang_is_nederlands(medewerkers):
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"])
    aanvraag_services.trek_in(aanvraag=plan.aanvraag, actor=plan.aanvraag.aanvrager)
    with pytest.raises(OngeldigeTransitie) as fout:
        aanvraag_services.wijzig_status(aanvraag=plan.aanvraag, transitie="afwijzen",
                                        actor=medewerkers["beoordelaar"])
    assert str(fout.value) == "‘afwijzen’ is niet mogelijk: de status is ‘ingetrokken’."


def test_systeemgebeurtenis_zonder_actor_op_de_zaakpagina(medewerkers, client_als):
    consulent = medewerkers["consulent_lwl"]
    gesprek = GesprekFactory(aanvraag__consulent=consulent, consulent=consulent)
    registreer_gebeurtenis(actor=None, obj=gesprek.aanvraag, actie="documenten_verzonden",
                           dossier_id=gesprek.aanvraag_id)
    pagina = client_als("consulent_lwl").get(
        reverse("loopbaangesprekken:aanvraag", kwargs={"pk": gesprek.aanvraag_id}))
    assert pagina.status_code == 200
    assert "systeem" in pagina.content.decode()
