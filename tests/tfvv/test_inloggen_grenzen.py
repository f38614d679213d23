"""Rate limit of the staff login (django-axes) at its boundaries: the limit-th failure
locks, one fewer does not, and the lock ends after the cool-off."""

import datetime

import pytest
from django.urls import reverse

from tests.conftest import huidige_code

pytestmark = pytest.mark.django_db


def inloggen(client, user, wachtwoord="Test-wachtwoord-123!"):
    return client.post(reverse("tfvv:inloggen-medewerker"), {
        "username": user.username, "password": wachtwoord,
        "code": huidige_code(user.totp_device)})


def test_een_fout_minder_dan_de_grens_blokkeert_niet(client, medewerkers, settings):
    user = medewerkers["beoordelaar"]
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert inloggen(client, user, wachtwoord="fout").status_code == 200
    assert inloggen(client, user).status_code == 302


def test_blokkade_voorbij_na_afkoelen(client, medewerkers, settings, time_machine):
    """Each attempt during a lock-out restarts the cool-off (axes), so the two sides of the
    boundary are checked with two locked users."""
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False)
    vroeg, laat = medewerkers["beoordelaar"], medewerkers["financieel"]
    for user in (vroeg, laat):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            inloggen(client, user, wachtwoord="fout")
        assert inloggen(client, user).status_code == 429
    time_machine.shift(settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=30))
    assert inloggen(client, vroeg).status_code == 429
    time_machine.shift(datetime.timedelta(seconds=31))
    assert inloggen(client, laat).status_code == 302


def test_blokkade_geldt_per_gebruiker(client, medewerkers, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        inloggen(client, medewerkers["beoordelaar"], wachtwoord="fout")
    assert inloggen(client, medewerkers["financieel"]).status_code == 302
