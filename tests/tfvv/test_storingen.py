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


@pytest.mark.urls("tests.tfvv.urls_storing")
def test_database_op_slot_geeft_503(client):
    assert is_storingspagina(client.get("/op-slot/"))


def test_sqlite_wacht_kort_op_een_slot(tmp_path, settings):
    """A database locked by another writer: the query gives up after the short busy
    timeout (then the 503 above), not after 20 s."""
    import sqlite3
    import time

    from django.db import OperationalError
    from django.db.utils import ConnectionHandler

    pad = tmp_path / "slot.sqlite3"
    slot = sqlite3.connect(pad)
    slot.execute("CREATE TABLE t (x)")
    slot.commit()
    slot.execute("BEGIN EXCLUSIVE")
    verbinding = ConnectionHandler({"default": {
        "ENGINE": "django.db.backends.sqlite3", "NAME": str(pad),
        "OPTIONS": {"timeout": settings.TFVV_SQLITE_TIMEOUT_SECONDEN}}})["default"]
    begin = time.monotonic()
    with pytest.raises(OperationalError, match="locked"), verbinding.cursor() as cursor:
        cursor.execute("INSERT INTO t VALUES (1)")
    assert time.monotonic() - begin < settings.TFVV_SQLITE_TIMEOUT_SECONDEN + 2
    verbinding.close()
    slot.rollback()
    slot.close()


def test_sqlite_instelling_gebruikt_de_korte_wachttijd(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    omgeving = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    omgeving.update(DJANGO_SETTINGS_MODULE="tfvv.settings", DJANGO_DEBUG="true",
                    TFVV_VAR_DIR=str(tmp_path))
    uit = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; "
         "print(settings.DATABASES['default']['OPTIONS']['timeout'])"],
        cwd=ROOT, env=omgeving, capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "3"
