import pytest
from django.core.cache import cache

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


def test_venster_glijdt_geen_dubbele_burst(time_machine):
    """A fixed window allowed the limit at 12:00:59 and again at 12:01:00."""
    time_machine.move_to("2026-01-01 12:00:59", tick=False)
    assert all(ratelimit.toegestaan("proef", "a", limiet=3, venster=60) for _ in range(3))
    time_machine.move_to("2026-01-01 12:01:00", tick=False)
    assert not ratelimit.toegestaan("proef", "a", limiet=3, venster=60)


def test_vorig_venster_telt_naar_rato(time_machine):
    time_machine.move_to("2026-01-01 12:00:00", tick=False)
    for _ in range(4):
        ratelimit.toegestaan("proef", "a", limiet=4, venster=60)
    # halfway the next window half of the previous one still counts: 2 + 2 allowed
    time_machine.move_to("2026-01-01 12:01:30", tick=False)
    assert [ratelimit.toegestaan("proef", "a", limiet=4, venster=60) for _ in range(3)] == [
        True, True, False]


def test_na_een_rustig_venster_weer_toegestaan(time_machine):
    time_machine.move_to("2026-01-01 12:00:00", tick=False)
    assert ratelimit.toegestaan("proef", "a", limiet=1, venster=60)
    assert not ratelimit.toegestaan("proef", "a", limiet=1, venster=60)
    time_machine.move_to("2026-01-01 12:02:00", tick=False)
    assert ratelimit.toegestaan("proef", "a", limiet=1, venster=60)


def test_geen_persoonsgegevens_in_cachesleutel():
    sleutel = ratelimit._cachesleutel("proef", "inge@voorbeeld.nl", 60, 1)
    assert "inge" not in sleutel


@pytest.mark.parametrize("limiet,venster", [(0, 60), (1, 0)])
def test_ongeldige_parameters(limiet, venster):
    with pytest.raises(ValueError):
        ratelimit.toegestaan("proef", "a", limiet=limiet, venster=venster)


def test_alleen_mislukte_pogingen_tellen():
    cache.clear()
    for _ in range(5):
        assert not ratelimit.geblokkeerd("proef", "a", limiet=2, venster=60)
    ratelimit.tel_mislukt("proef", "a", venster=60)
    assert not ratelimit.geblokkeerd("proef", "a", limiet=2, venster=60)
    ratelimit.tel_mislukt("proef", "a", venster=60)
    assert ratelimit.geblokkeerd("proef", "a", limiet=2, venster=60)
    assert not ratelimit.geblokkeerd("proef", "b", limiet=2, venster=60)
