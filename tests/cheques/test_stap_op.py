"""Granting and budget changes need a fresh second factor (step-up re-authentication)."""

import time
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from cheques.models import Beschikking
from tfvv import stepup

pytestmark = pytest.mark.django_db


def verouder_code(client):
    session = client.session
    session[stepup.SESSIE_SLEUTEL] = time.time() - 3600
    session.save()


def test_toekennen_zonder_verse_code_gaat_naar_bevestigen(client_als, maak_plan, periode):
    plan = maak_plan(gevraagd_bedrag=Decimal("1500.00"))
    c = client_als("beoordelaar")
    verouder_code(c)
    url = reverse("cheques:toekennen", kwargs={"plan_id": plan.pk})
    response = c.post(url, {"bedrag": "1500.00", "motivering": "Voldoet."})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tfvv:bevestigen"))
    assert not Beschikking.objects.filter(plan=plan).exists()


def test_budgetwijziging_zonder_verse_code_gaat_naar_bevestigen(client_als):
    c = client_als("financieel")
    verouder_code(c)
    response = c.post(reverse("cheques:periode-toevoegen"),
                      {"naam": "2027", "van": "2027-01-01", "tot": "2027-12-31"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tfvv:bevestigen"))


def test_toekennen_met_verse_code_gaat_door(client_als, maak_plan, periode):
    plan = maak_plan(gevraagd_bedrag=Decimal("1500.00"))
    response = client_als("beoordelaar").post(
        reverse("cheques:toekennen", kwargs={"plan_id": plan.pk}),
        {"bedrag": "1500.00", "motivering": "Voldoet."})
    assert response.status_code == 302
    assert response["Location"] == reverse("cheques:plan", kwargs={"plan_id": plan.pk})


def _na_de_code(c, medewerker, antwoord):
    """Follow the step-up: enter a fresh code on the confirmation page, then go back."""
    from urllib.parse import parse_qs, urlsplit

    from tests.conftest import huidige_code

    volgende = parse_qs(urlsplit(antwoord["Location"]).query)["next"][0]
    bevestigd = c.post(reverse("tfvv:bevestigen"),
                       {"code": huidige_code(medewerker.totp_device), "next": volgende})
    assert bevestigd.status_code == 302 and bevestigd["Location"] == volgende
    return c.get(volgende)


def test_na_de_code_wordt_het_besluit_met_de_getypte_motivering_afgerond(
        client_als, medewerkers, maak_plan, periode):
    plan = maak_plan(gevraagd_bedrag=Decimal("1500.00"))
    c = client_als("beoordelaar")
    verouder_code(c)
    motivering = "Het plan voldoet; de werkgever betaalt de helft."
    antwoord = c.post(reverse("cheques:toekennen", kwargs={"plan_id": plan.pk}),
                      {"bedrag": "1500.00", "motivering": motivering})
    assert antwoord["Location"].startswith(reverse("tfvv:bevestigen"))
    assert not Beschikking.objects.filter(plan=plan).exists()
    klaar = _na_de_code(c, medewerkers["beoordelaar"], antwoord)
    assert klaar.status_code == 302
    assert klaar["Location"] == reverse("cheques:plan", kwargs={"plan_id": plan.pk})
    assert Beschikking.objects.get(plan=plan).motivering == motivering
    # the kept input is spent: the same return link does nothing a second time
    assert c.get(klaar.wsgi_request.get_full_path()).status_code == 302
    assert Beschikking.objects.filter(plan=plan).count() == 1


def test_een_geweigerd_besluit_komt_na_de_code_ingevuld_terug(
        client_als, medewerkers, maak_plan, periode):
    plan = maak_plan(gevraagd_bedrag=Decimal("1500.00"))
    c = client_als("beoordelaar")
    verouder_code(c)
    motivering = "Mijn lange, zorgvuldig getypte motivering."
    antwoord = c.post(reverse("cheques:toekennen", kwargs={"plan_id": plan.pk}),
                      {"bedrag": "999999,00", "motivering": motivering})
    terug = _na_de_code(c, medewerkers["beoordelaar"], antwoord)
    assert terug.status_code == 400
    assert motivering in terug.content.decode()
    assert not Beschikking.objects.filter(plan=plan).exists()


def test_bewaarde_invoer_werkt_alleen_in_dezelfde_sessie(client_als, medewerkers, maak_plan,
                                                         periode):
    from tests.conftest import log_in_als_medewerker

    plan = maak_plan(gevraagd_bedrag=Decimal("1500.00"))
    c = client_als("beoordelaar")
    verouder_code(c)
    antwoord = c.post(reverse("cheques:toekennen", kwargs={"plan_id": plan.pk}),
                      {"bedrag": "1500.00", "motivering": "Voldoet."})
    from urllib.parse import parse_qs, urlsplit

    volgende = parse_qs(urlsplit(antwoord["Location"]).query)["next"][0]
    ander = log_in_als_medewerker(Client(), medewerkers["beoordelaar2"])
    assert ander.get(volgende).status_code == 302  # back to the plan page, nothing done
    assert not Beschikking.objects.filter(plan=plan).exists()
