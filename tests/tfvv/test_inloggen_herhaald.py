"""Logging in again within the same TOTP step: the code of that step cannot be replayed."""

import pytest
from django.urls import reverse

from tests.conftest import huidige_code

pytestmark = pytest.mark.django_db


def test_twee_keer_inloggen_binnen_een_halve_minuut(client, medewerkers):
    user = medewerkers["beoordelaar"]
    for _ in range(3):
        from django.test import Client
        c = Client()
        r = c.post(reverse("tfvv:inloggen-medewerker"), {
            "username": user.username, "password": "Test-wachtwoord-123!",
            "code": huidige_code(user.totp_device)})
        assert r.status_code == 302, r.content.decode()[:500]
