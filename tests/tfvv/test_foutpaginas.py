"""Dutch 400, 403 (CSRF) and 405 pages in production (DEBUG off), in the site's look."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def productie(settings):
    settings.DEBUG = False


def test_400_nederlands(client):
    # a Host that is not allowed: SuspiciousOperation -> 400
    response = client.get("/", HTTP_HOST="aanvaller.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ongeldig verzoek" in html and '<html lang="nl">' in html
    assert "Bad Request" not in html


def test_csrf_nederlands():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("tfvv:inloggen-medewerker"),
                           {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formulier verlopen" in html and "Er is niets opgeslagen" in html
    assert "CSRF" not in html and "Forbidden" not in html
    assert 'class="navbar' in html or "<header" in html  # the site's own page (base.html)


@pytest.mark.parametrize("methode", ["put", "delete", "patch"])
def test_405_nederlands_met_allow(client, methode):
    response = getattr(client, methode)(reverse("tfvv:privacy"))
    assert response.status_code == 405
    assert "Niet mogelijk op deze pagina" in response.content.decode()
    assert "GET" in response["Allow"]


def test_405_bij_post_op_een_leespagina(client):
    response = client.post(reverse("tfvv:privacy"))
    assert response.status_code == 405
    assert "Niet mogelijk op deze pagina" in response.content.decode()
