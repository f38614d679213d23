import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler
from django.urls import reverse

from tfvv.views import gezondheid

pytestmark = pytest.mark.django_db
ALLES_OK = {"status": "ok", "database": "ok", "broker": "eager", "opslag": "ok"}


def test_publiek_alleen_op_of_neer(client):
    response = client.get(reverse("tfvv:gezondheid"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_details_voor_medewerkers(client_als):
    assert client_als("beheerder").get(reverse("tfvv:gezondheid")).json() == ALLES_OK


def test_details_met_token(client, settings):
    settings.TFVV_GEZONDHEID_TOKEN = "geheim-token-1234"
    url = reverse("tfvv:gezondheid")
    assert client.get(url, headers={"X-Gezondheid-Token": "geheim-token-1234"}).json() == ALLES_OK
    assert client.get(url, headers={"X-Gezondheid-Token": "fout"}).json() == {"status": "ok"}


def test_inwoner_ziet_geen_details(client):
    from tests.aanvragen.factories import InwonerFactory

    client.force_login(InwonerFactory())
    assert client.get(reverse("tfvv:gezondheid")).json() == {"status": "ok"}


def test_database_weg_geeft_503_zonder_foutnaam(client, monkeypatch):
    def kapot():
        raise OperationalError("connection refused")

    monkeypatch.setattr(gezondheid.connection, "cursor", kapot)
    response = client.get(reverse("tfvv:gezondheid"))
    assert response.status_code == 503
    assert response.json() == {"status": "fout"}
    assert "OperationalError" not in response.content.decode()


def test_medewerker_ziet_de_fout(client_als, monkeypatch):
    c = client_als("beheerder")
    monkeypatch.setattr(gezondheid, "_database", lambda: "fout: OperationalError")
    response = c.get(reverse("tfvv:gezondheid"))
    assert response.status_code == 503
    assert response.json()["database"] == "fout: OperationalError"


def test_ontbrekend_sqlite_bestand_is_fout(tmp_path):
    pad = tmp_path / "weg.sqlite3"
    verbinding = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(pad)}})["default"]
    assert gezondheid._database(verbinding) == "fout: databasebestand ontbreekt"
    assert not pad.exists()  # and the check did not create it
    pad.touch()  # an empty file: no tables, not a working database
    assert gezondheid._database(verbinding) == "fout: OperationalError"
    verbinding.close()


def test_broker_weg_geeft_503(client, settings):
    from tfvv.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.TFVV_GEZONDHEID_TOKEN = "t" * 20
    oud = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get(reverse("tfvv:gezondheid"), headers={"X-Gezondheid-Token": "t" * 20})
    finally:
        app.conf.broker_url = oud
    assert response.status_code == 503
    assert response.json()["broker"].startswith("fout")
