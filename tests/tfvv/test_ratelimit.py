import pytest
from django.core.cache import cache
from django.test import RequestFactory

from tfvv import ratelimit


@pytest.fixture(autouse=True, params=["locmem", "redis"])
def lege_cache(request):
    """Every test twice: with the test settings' LocMem cache (the generic add + incr) and
    with production's `tfvv.cache.RedisCache` on the real Redis (one round trip)."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    cache.clear()
    yield
    cache.clear()


def test_limiet_binnen_venster():
    uitkomsten = [ratelimit.toegestaan("proef", "a", limiet=3, venster=60) for _ in range(5)]
    assert uitkomsten == [True, True, True, False, False]


def test_sleutels_en_scopes_apart():
    for _ in range(2):
        ratelimit.toegestaan("proef", "a", limiet=2, venster=60)
    assert not ratelimit.toegestaan("proef", "a", limiet=2, venster=60)
    assert ratelimit.toegestaan("proef", "b", limiet=2, venster=60)
    assert ratelimit.toegestaan("ander", "a", limiet=2, venster=60)


def test_sleutel_hoofdletterongevoelig():
    assert ratelimit.toegestaan("proef", "Inge@Voorbeeld.nl", limiet=1, venster=60)
    assert not ratelimit.toegestaan("proef", "inge@voorbeeld.nl ", limiet=1, venster=60)


def test_nieuw_venster_begint_opnieuw(time_machine):
    time_machine.move_to("2026-01-01 12:00:00", tick=False)
    assert ratelimit.toegestaan("proef", "a", limiet=1, venster=60)
    assert not ratelimit.toegestaan("proef", "a", limiet=1, venster=60)
    time_machine.move_to("2026-01-01 12:01:00", tick=False)
    assert ratelimit.toegestaan("proef", "a", limiet=1, venster=60)


def test_geen_persoonsgegevens_in_cachesleutel():
    sleutel = ratelimit._cachesleutel("proef", "inge@voorbeeld.nl", 60)
    assert "inge" not in sleutel


@pytest.mark.parametrize("limiet,venster", [(0, 60), (1, 0)])
def test_ongeldige_parameters(limiet, venster):
    with pytest.raises(ValueError):
        ratelimit.toegestaan("proef", "a", limiet=limiet, venster=venster)


def test_ip_adres():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7",
                                   HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert ratelimit.ip_adres(request) == "192.0.2.7"


@pytest.mark.parametrize("aantal,xff,verwacht", [
    (0, "203.0.113.1", "192.0.2.7"),  # no proxy: the header is not trusted
    (1, "198.51.100.5, 203.0.113.1", "203.0.113.1"),  # the client forged the first entry
    (2, "198.51.100.5, 203.0.113.1", "198.51.100.5"),
    (3, "203.0.113.1", "203.0.113.1"),
    (1, "", "192.0.2.7"),
])
def test_ip_adres_achter_proxy(settings, aantal, xff, verwacht):
    settings.TFVV_PROXY_AANTAL = aantal
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR=xff)
    assert ratelimit.ip_adres(request) == verwacht
