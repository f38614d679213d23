"""tfvv.clientip: the client's address behind the configured reverse proxy, and the login
lock-out (django-axes) and rate limits that key on it."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.conftest import huidige_code
from tfvv import ratelimit
from tfvv.clientip import ip_adres

PROXY = "10.0.0.2"


def verzoek(remote, xff=None):
    extra = {"HTTP_X_FORWARDED_FOR": xff} if xff is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize("proxies,remote,xff,verwacht", [
    ([], "192.0.2.7", "203.0.113.1", "192.0.2.7"),  # no proxy configured: header ignored
    ([PROXY], "192.0.2.7", "203.0.113.1", "192.0.2.7"),  # not from the proxy: ignored
    ([PROXY], PROXY, "203.0.113.1", "203.0.113.1"),
    ([PROXY], PROXY, "198.51.100.5, 203.0.113.1", "203.0.113.1"),  # forged left entry
    (["10.0.0.0/8"], PROXY, "203.0.113.1, 10.0.0.9", "203.0.113.1"),  # proxy chain
    ([PROXY], PROXY, "", PROXY),
    ([PROXY], PROXY, "onzin", PROXY),
    ([PROXY], PROXY, "203.0.113.1, onzin", PROXY),  # never trust what lies left of garbage
    (["2001:db8::/32"], "2001:db8::1", "2001:db8:1::5, 203.0.113.1", "203.0.113.1"),
    ([PROXY], "", "203.0.113.1", None),
])
def test_ip_adres(settings, proxies, remote, xff, verwacht):
    settings.TFVV_TRUSTED_PROXIES = proxies
    assert ip_adres(verzoek(remote, xff)) == verwacht


def test_ratelimit_gebruikt_dezelfde_helper(settings):
    settings.TFVV_TRUSTED_PROXIES = [PROXY]
    assert ratelimit.ip_adres(verzoek(PROXY, "203.0.113.1")) == "203.0.113.1"
    assert ratelimit.ip_adres(verzoek("")) == "onbekend"


def test_axes_gebruikt_de_helper(settings):
    assert settings.AXES_CLIENT_IP_CALLABLE == "tfvv.clientip.ip_adres"


def _inloggen(client, user, wachtwoord):
    return client.post(reverse("tfvv:inloggen-medewerker"), {
        "username": user.username, "password": wachtwoord,
        "code": huidige_code(user.totp_device)})


@pytest.mark.django_db
def test_aanvaller_achter_proxy_blokkeert_de_medewerker_niet(medewerkers, settings):
    """Five wrong passwords from one client behind the proxy lock that client out, not the
    colleague who logs in through the same proxy from elsewhere."""
    settings.TFVV_TRUSTED_PROXIES = [PROXY]
    user = medewerkers["beoordelaar"]
    aanvaller = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _inloggen(aanvaller, user, "fout")
    assert _inloggen(aanvaller, user, "Test-wachtwoord-123!").status_code == 429
    collega = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.10")
    assert _inloggen(collega, user, "Test-wachtwoord-123!").status_code == 302


@pytest.mark.django_db
def test_vervalste_header_omzeilt_de_blokkade_niet(medewerkers, settings):
    """Without a trusted proxy a client that invents a new X-Forwarded-For per attempt is
    still one address."""
    settings.TFVV_TRUSTED_PROXIES = []
    user = medewerkers["beoordelaar"]
    for i in range(settings.AXES_FAILURE_LIMIT):
        _inloggen(Client(REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}"),
                  user, "fout")
    client = Client(REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="203.0.113.200")
    assert _inloggen(client, user, "Test-wachtwoord-123!").status_code == 429


def test_gunicorn_vertrouwt_alleen_de_proxy(monkeypatch):
    from tests.conftest import ROOT

    def laad(waarde):
        if waarde is None:
            monkeypatch.delenv("TFVV_TRUSTED_PROXIES", raising=False)
        else:
            monkeypatch.setenv("TFVV_TRUSTED_PROXIES", waarde)
        ruimte: dict = {}
        exec((ROOT / "gunicorn.conf.py").read_text(), ruimte)  # noqa: S102 - our own file
        return ruimte["forwarded_allow_ips"]

    assert laad("10.0.0.2, 10.1.0.0/16") == "10.0.0.2,10.1.0.0/16,127.0.0.1,::1"
    assert laad(None) == "127.0.0.1,::1"
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "gunicorn.conf.py" in dockerfile
    assert '"*"' not in dockerfile
