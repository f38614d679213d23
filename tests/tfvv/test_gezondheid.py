import pytest
from django.db import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_gezond(client):
    response = client.get(reverse("tfvv:gezondheid"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "eager", "opslag": "ok"}


def test_database_weg_geeft_503(client, monkeypatch):
    from tfvv.views import gezondheid

    def kapot():
        raise OperationalError("connection refused")

    monkeypatch.setattr(gezondheid.connection, "cursor", kapot)
    response = client.get(reverse("tfvv:gezondheid"))
    assert response.status_code == 503
    assert response.json()["database"] == "fout: OperationalError"


def test_broker_weg_geeft_503(client, settings):
    from tfvv.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    oud = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get(reverse("tfvv:gezondheid"))
    finally:
        app.conf.broker_url = oud
    assert response.status_code == 503
    assert response.json()["broker"].startswith("fout")
