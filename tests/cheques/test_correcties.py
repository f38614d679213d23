"""Corrections with history in the cheques stage: the beoordelaar retracts their own proposal
before it is co-signed; finance corrects a declaratie before the vaststelling or a payment."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from cheques import selectors, services
from cheques.models import Beschikking, Declaratie
from loopbaangesprekken.models import Scholingsplan
from tests.cheques.factories import maak_periode, toets_met
from tests.cheques.financien import betaal, declareer, ken_toe, rond_af, stel_vast
from tfvv import budget, budget_selectors
from tfvv.models import Budgetboeking, Gebeurtenis

pytestmark = pytest.mark.django_db
D = Decimal
HANDMATIG = toets_met(R4="handmatig beoordelen")  # a grant needs a second signature


def stand(periode):
    return budget_selectors.standen([periode])[0]


def stel_voor(plan, door, bedrag="1500.00"):
    concept = services.toekennen(plan=plan, door=door, bedrag=D(bedrag),
                                 motivering="Voldoet aan alle voorwaarden.")
    assert concept.status == Beschikking.Status.CONCEPT
    return concept


# --- the proposal ---------------------------------------------------------------------------

def test_voorstel_intrekken_door_de_voorsteller(periode, maak_plan, medewerkers):
    plan = maak_plan(toets_snapshot=HANDMATIG)
    concept = stel_voor(plan, medewerkers["beoordelaar"])
    services.voorstel_intrekken(beschikking=concept, door=medewerkers["beoordelaar"],
                                reden="  Verkeerd bedrag voorgesteld.  ")
    assert not Beschikking.objects.exists()
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.INGEDIEND
    # back in the queue without a proposal, and open to a new decision
    regel = next(r for r in selectors.werkvoorraad() if r.plan.pk == plan.pk)
    assert regel.concept is None
    event = Gebeurtenis.objects.get(actie="voorstel_intrekken")
    assert event.actor == medewerkers["beoordelaar"]
    assert event.reden == "Verkeerd bedrag voorgesteld."
    assert event.dossier_id == plan.aanvraag_id
    assert event.gegevens["bedrag"] == "1500.00" and event.gegevens["uitkomst"] == "toekenning"
    assert not event.tekst_inwoner  # an internal step: the resident saw no proposal either
    stel_voor(plan, medewerkers["beoordelaar2"], "1200.00")


def test_voorstel_intrekken_geweigerd(periode, maak_plan, medewerkers):
    plan = maak_plan(toets_snapshot=HANDMATIG)
    concept = stel_voor(plan, medewerkers["beoordelaar"])
    for ander in ("beoordelaar2", "financieel", "consulent_lwl"):
        with pytest.raises(PermissionDenied):
            services.voorstel_intrekken(beschikking=concept, door=medewerkers[ander],
                                        reden="Niet van mij.")
    with pytest.raises(ValidationError) as fout:
        services.voorstel_intrekken(beschikking=concept, door=medewerkers["beoordelaar"],
                                    reden="  ")
    assert "reden" in fout.value.message_dict
    services.medeondertekenen(beschikking=concept, door=medewerkers["beoordelaar2"])
    with pytest.raises(ValidationError, match="al medeondertekend"):
        services.voorstel_intrekken(beschikking=concept, door=medewerkers["beoordelaar"],
                                    reden="Te laat.")
    assert Beschikking.objects.get().status == Beschikking.Status.VERZONDEN
    assert not Gebeurtenis.objects.filter(actie="voorstel_intrekken").exists()


def test_voorstel_al_weg(periode, maak_plan, medewerkers):
    concept = stel_voor(maak_plan(toets_snapshot=HANDMATIG), medewerkers["beoordelaar"])
    services.concept_verwerpen(beschikking=concept, door=medewerkers["beoordelaar2"],
                               reden="Te hoog.")
    with pytest.raises(ValidationError, match="bestaat niet meer"):
        services.voorstel_intrekken(beschikking=concept, door=medewerkers["beoordelaar"],
                                    reden="Vergist.")


def test_voorstel_intrekken_via_de_pagina(client_als, periode, maak_plan, medewerkers):
    plan = maak_plan(toets_snapshot=HANDMATIG)
    stel_voor(plan, medewerkers["beoordelaar"])
    url = reverse("cheques:voorstel-intrekken", kwargs={"plan_id": plan.pk})
    pagina = reverse("cheques:plan", kwargs={"plan_id": plan.pk})
    eigen, ander = client_als("beoordelaar"), client_als("beoordelaar2")
    assert "Voorstel intrekken" in eigen.get(pagina).content.decode()
    assert "Voorstel intrekken" not in ander.get(pagina).content.decode()
    # the other beoordelaar: refused with the reason, nothing changed
    antwoord = ander.post(url, {"reden": "Ik wil het weg."})
    assert antwoord.status_code == 400
    assert Beschikking.objects.exists()
    # no reason: the message at the field
    antwoord = eigen.post(url, {"reden": ""})
    assert antwoord.status_code == 400
    assert "Dit veld is verplicht." in antwoord.content.decode()
    antwoord = eigen.post(url, {"reden": "Bedrag verkeerd."}, follow=True)
    assert "U heeft uw voorstel ingetrokken" in antwoord.content.decode()
    assert not Beschikking.objects.exists()
    # the plan can be decided again
    assert "Toekennen" in eigen.get(pagina).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="de plafondcontrole van de database is er op PostgreSQL")
def test_intrekken_houdt_het_budget_binnen_het_plafond(maak_plan, medewerkers):
    """A proposal reserves nothing; retracting it books nothing; reserved + realised stays
    within the plafond, also when the freed room goes to another plan and the first is
    proposed and co-signed again."""
    periode = maak_periode(plafond=D("2000.00"))
    eerste, tweede = medewerkers["beoordelaar"], medewerkers["beoordelaar2"]

    def binnen_plafond():
        s = stand(periode)
        assert s.gereserveerd + s.gerealiseerd <= s.plafond

    plan_a = maak_plan(toets_snapshot=HANDMATIG)
    concept = stel_voor(plan_a, eerste, "1500.00")
    assert not Budgetboeking.objects.exists()
    services.voorstel_intrekken(beschikking=concept, door=eerste, reden="Vergist.")
    assert not Budgetboeking.objects.exists()
    binnen_plafond()
    ken_toe(maak_plan(), tweede, "1500.00")
    binnen_plafond()
    opnieuw = stel_voor(plan_a, eerste, "1500.00")
    with pytest.raises((ValidationError, budget.BudgetGeweigerd)):
        services.medeondertekenen(beschikking=opnieuw, door=tweede)
    binnen_plafond()
    assert stand(periode).gereserveerd == D("1500.00")
    services.voorstel_intrekken(beschikking=opnieuw, door=eerste, reden="Plafond bereikt.")
    binnen_plafond()


# --- the declaratie -------------------------------------------------------------------------

@pytest.fixture
def gedeclareerd(periode, maak_plan, medewerkers):
    cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"], "1500.00")
    declareer(cheque, medewerkers["financieel"], "1500.00")
    cheque.refresh_from_db()
    return cheque


def corrigeer(cheque, door, **velden):
    gegevens = {"factuurnummer": "F-2026-17", "factuurdatum": timezone.localdate(),
                "bedrag": D("1450.00"), "reden": "Tikfout in de factuur.", **velden}
    return services.corrigeer_declaratie(cheque=cheque, door=door, **gegevens)


def test_declaratie_corrigeren(gedeclareerd, medewerkers):
    voor = Declaratie.objects.get()
    corrigeer(gedeclareerd, medewerkers["financieel"])
    na = Declaratie.objects.get()
    assert (na.factuurnummer, na.bedrag) == ("F-2026-17", D("1450.00"))
    event = Gebeurtenis.objects.get(actie="declaratie_corrigeren")
    assert event.reden == "Tikfout in de factuur."
    assert event.gegevens["voor"] == {"factuurnummer": "F-1",
                                      "factuurdatum": voor.factuurdatum.isoformat(),
                                      "bedrag": "1500.00"}
    assert event.gegevens["na"]["bedrag"] == "1450.00"
    # the payment batch pays the corrected amount
    batch = betaal(medewerkers["financieel"], medewerkers["financieel2"])
    assert batch.regels.get().bedrag == D("1450.00")


def test_declaratie_corrigeren_met_dezelfde_controles_als_registreren(gedeclareerd,
                                                                     medewerkers):
    fin = medewerkers["financieel"]
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        corrigeer(gedeclareerd, fin, bedrag=D("1500.01"), factuurdatum=morgen,
                  factuurnummer=" ", reden="")
    assert set(fout.value.message_dict) == {"bedrag", "factuurdatum", "factuurnummer", "reden"}
    assert "hoger dan de cheque" in fout.value.message_dict["bedrag"][0]
    assert Declaratie.objects.get().bedrag == D("1500.00")
    with pytest.raises(PermissionDenied):
        corrigeer(gedeclareerd, medewerkers["beoordelaar"])


@pytest.mark.parametrize("stap", ["in_open_batch", "voorschot_betaald", "vastgesteld"])
def test_declaratie_niet_meer_te_corrigeren(gedeclareerd, medewerkers, stap):
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    if stap == "in_open_batch":
        services.stel_betaalbatch_op(door=fin, betaaldatum=timezone.localdate())
        verwacht = "betaalbatch"
    elif stap == "voorschot_betaald":
        betaal(fin, fin2)
        verwacht = "voorschot betaald"
    else:
        rond_af(gedeclareerd, fin)
        stel_vast(gedeclareerd, fin)
        verwacht = "kan niet meer"
    gedeclareerd.refresh_from_db()
    with pytest.raises(ValidationError, match=verwacht):
        corrigeer(gedeclareerd, fin)
    assert Declaratie.objects.get().factuurnummer == "F-1"


def test_declaratie_corrigeren_via_de_pagina(client_als, gedeclareerd):
    url = reverse("cheques:declaratie-corrigeren", kwargs={"nummer": gedeclareerd.nummer})
    fin = client_als("financieel")
    pagina = fin.get(url).content.decode()
    assert 'value="F-1"' in pagina and "1.500,00" in pagina
    assert client_als("beoordelaar").get(url).status_code == 403
    # bad input: Dutch messages at the fields, what was typed stays
    antwoord = fin.post(url, {"factuurnummer": "F-9", "factuurdatum": "31-02-2026",
                              "bedrag": "2.000,00", "reden": ""})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Dit veld is verplicht." in tekst and 'value="F-9"' in tekst
    assert "2.000,00" in tekst
    antwoord = fin.post(url, {"factuurnummer": "F-9", "bedrag": "2.000,00",
                              "factuurdatum": timezone.localdate().strftime("%d-%m-%Y"),
                              "reden": "Typefout."})
    assert antwoord.status_code == 400
    assert "hoger dan de cheque" in antwoord.content.decode()
    antwoord = fin.post(url, {"factuurnummer": "F-9", "bedrag": "1.400,50",
                              "factuurdatum": timezone.localdate().strftime("%d-%m-%Y"),
                              "reden": "Typefout."}, follow=True)
    assert "De declaratie is gecorrigeerd." in antwoord.content.decode()
    assert Declaratie.objects.get().bedrag == D("1400.50")


def test_declaratie_pagina_zegt_waarom_niet(client_als, gedeclareerd, medewerkers):
    rond_af(gedeclareerd, medewerkers["financieel"])
    stel_vast(gedeclareerd, medewerkers["financieel"])
    url = reverse("cheques:declaratie-corrigeren", kwargs={"nummer": gedeclareerd.nummer})
    fin = client_als("financieel")
    assert "kan niet meer worden gecorrigeerd" in fin.get(url).content.decode()
    antwoord = fin.post(url, {"factuurnummer": "F-9", "bedrag": "1,00", "reden": "x",
                              "factuurdatum": timezone.localdate().strftime("%d-%m-%Y")})
    assert antwoord.status_code == 400
    assert Declaratie.objects.get().factuurnummer == "F-1"
