"""Faults: the database unreachable or lost mid-request gives a friendly 503 and
nothing half-saved. (Broker and mail-server outages: test_outbox.py.)"""

import socket
from contextlib import contextmanager

import pytest
from django.db import connection
from django.urls import reverse

from tfvv.models import Financieringsbron

pytestmark = pytest.mark.django_db(transaction=True)


def vrije_poort() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    poort = s.getsockname()[1]
    s.close()
    return poort


@contextmanager
def database_onbereikbaar():
    oud = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = str(vrije_poort())
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["PORT"] = oud


def is_storingspagina(response) -> bool:
    return (response.status_code == 503 and response["Retry-After"] == "60"
            and "Tijdelijk niet beschikbaar" in response.content.decode())


def test_database_onbereikbaar_bij_inloggen(client):
    with database_onbereikbaar():
        response = client.post(reverse("tfvv:inloggen-medewerker"), {
            "username": "beoordelaar", "password": "x", "code": "123456"})
    assert is_storingspagina(response)
    assert "Er is niets opgeslagen" in response.content.decode()


def test_database_onbereikbaar_met_sessie(client_als):
    """The session and user load in middleware, outside the view: handler500 answers."""
    c = client_als("beoordelaar")
    c.raise_request_exception = False
    with database_onbereikbaar():
        response = c.get(reverse("cheques:beoordelen"))
    assert is_storingspagina(response)


@pytest.mark.urls("tests.tfvv.urls_storing")
def test_verbinding_weg_halverwege_niets_half_opgeslagen(client):
    response = client.get("/storing/")
    connection.close()  # the test client keeps the broken connection: reconnect
    assert is_storingspagina(response)
    assert not Financieringsbron.objects.filter(naam="half opgeslagen").exists()
