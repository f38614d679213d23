"""Granting and budget changes need a fresh second factor (step-up re-authentication)."""

import time
from decimal import Decimal

import pytest
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
