"""Security headers, cookies and production settings."""

import json
import os
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.conftest import ROOT, huidige_code

pytestmark = pytest.mark.django_db


def csp(response) -> dict[str, list[str]]:
    richtlijnen = {}
    for deel in response["Content-Security-Policy"].split(";"):
        naam, *waarden = deel.split()
        richtlijnen[naam] = waarden
    return richtlijnen


@pytest.mark.parametrize("naam", ["tfvv:home", "tfvv:inloggen-medewerker",
                                  "aanvragen:aanmelden"])
def test_strikte_csp_zonder_inline(client, naam):
    beleid = csp(client.get(reverse(naam)))
    assert beleid["script-src"] == ["'self'"]
    assert beleid["style-src"] == ["'self'"]
    assert beleid["default-src"] == ["'self'"]
    assert beleid["object-src"] == ["'none'"]
    assert beleid["frame-ancestors"] == ["'none'"]
    alles = " ".join(w for waarden in beleid.values() for w in waarden)
    assert "unsafe-inline" not in alles and "unsafe-eval" not in alles


def test_beveiligingskoppen(client):
    response = client.get(reverse("tfvv:home"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_geen_hsts_over_http(client):
    assert "Strict-Transport-Security" not in client.get(reverse("tfvv:home"))


def test_cookies_secure_httponly_samesite(client, medewerkers):
    client.get(reverse("tfvv:inloggen-medewerker"))
    user = medewerkers["beoordelaar"]
    response = client.post(reverse("tfvv:inloggen-medewerker"), {
        "username": user.username, "password": "Test-wachtwoord-123!",
        "code": huidige_code(user.totp_device)})
    assert response.status_code == 302
    for naam in ("sessionid", "csrftoken"):
        cookie = client.cookies[naam]
        assert cookie["secure"] is True, naam
        assert cookie["httponly"] is True, naam
        assert cookie["samesite"] == "Lax", naam


def test_productie_instellingen():
    """tfvv.settings as production starts it: no DEBUG, HTTPS only, staff sessions short."""
    code = ("import json; from django.conf import settings as s; print(json.dumps({k: "
            "getattr(s, k) for k in ['DEBUG', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', "
            "'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_HTTPONLY', "
            "'X_FRAME_OPTIONS', 'TFVV_STAFF_IDLE_SECONDS', 'TFVV_STEP_UP_SECONDS']}))")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TFVV_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "tfvv.settings", "DJANGO_SECRET_KEY": "p" * 50,
                "DATABASE_URL": "sqlite:////tmp/tfvv-prod-proef.sqlite3"})
    uit = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"],
                         env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    s = json.loads(uit)
    assert s["DEBUG"] is False
    assert s["SECURE_SSL_REDIRECT"] and s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"]
    assert s["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert s["X_FRAME_OPTIONS"] == "DENY"
    assert s["TFVV_STAFF_IDLE_SECONDS"] == 1800 and s["TFVV_STEP_UP_SECONDS"] == 600


def test_productie_weigert_zonder_geheime_sleutel():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TFVV_"))}
    env["DJANGO_SETTINGS_MODULE"] = "tfvv.settings"
    proces = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env,
                            cwd=ROOT, capture_output=True, text=True)
    assert proces.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in proces.stderr
