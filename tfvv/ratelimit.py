"""A small rate limiter: a sliding window per scope and key, counted in the cache.

    if not ratelimit.toegestaan("aanmelden-ip", ip_adres(request), limiet=20, venster=3600):
        ...refuse politely...

Each call counts one attempt. Where only failures should count (a valid cheque check
must not use up the limit, a guessed code must), ask `geblokkeerd` first (it counts
nothing) and call `tel_mislukt` after a failure:

    if ratelimit.geblokkeerd("chequecontrole-ip", ip, limiet=10, venster=600):
        ...refuse politely...
    if not klopt:
        ratelimit.tel_mislukt("chequecontrole-ip", ip, venster=600)

A fixed window let a client spend its limit at the end of
one window and again at the start of the next (a double burst). The sliding window
counts the current window in full and the previous one for the part that still lies
within the last `venster` seconds (the usual sliding-window counter: two counters, no
list of timestamps), so at no moment more than about `limiet` attempts pass per
`venster` seconds.

The cache is Redis in production (`REDIS_CACHE_URL`), so every web process shares the
counters, and one check is one round trip (tfvv.cache.RedisCache.tel_glijdend); tests
use LocMem. Keys are hashed, so an e-mail address never appears in the cache in plain
text.
"""

import hashlib
import time

from django.core.cache import cache

from tfvv import clientip


def _cachesleutel(scope: str, sleutel: str, venster: int, vak: int) -> str:
    digest = hashlib.sha256(f"{scope}\x00{sleutel}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{venster}:{vak}"


def toegestaan(scope: str, sleutel: str, *, limiet: int, venster: int) -> bool:
    """Count one attempt for (scope, sleutel); True while at most `limiet` attempts fell
    in the last `venster` seconds (sliding window, see the module docstring)."""
    _controleer(limiet, venster)
    return _gewogen(scope, sleutel, venster, tellen=True) <= limiet


def geblokkeerd(scope: str, sleutel: str, *, limiet: int, venster: int) -> bool:
    """True when `limiet` failures (`tel_mislukt`) already fell in the last `venster`
    seconds; counts nothing itself."""
    _controleer(limiet, venster)
    return _gewogen(scope, sleutel, venster, tellen=False) >= limiet


def tel_mislukt(scope: str, sleutel: str, *, venster: int) -> None:
    """Count one failed attempt for (scope, sleutel) (see `geblokkeerd`)."""
    _controleer(1, venster)
    _gewogen(scope, sleutel, venster, tellen=True)


def _controleer(limiet: int, venster: int) -> None:
    if limiet <= 0 or venster <= 0:
        raise ValueError("limiet en venster moeten positief zijn")


def _gewogen(scope: str, sleutel: str, venster: int, *, tellen: bool) -> float:
    """The attempts in the last `venster` seconds (after adding one when `tellen`)."""
    vak, verstreken = divmod(time.time(), venster)
    sleutel = str(sleutel).strip().lower()
    naam = _cachesleutel(scope, sleutel, venster, int(vak))
    vorige = _cachesleutel(scope, sleutel, venster, int(vak) - 1)
    if tellen:
        huidig, vorig = _tel(naam, vorige, 2 * venster)
    else:
        waarden = cache.get_many([naam, vorige])
        huidig, vorig = waarden.get(naam, 0), waarden.get(vorige, 0)
    return vorig * (venster - verstreken) / venster + huidig


def _tel(naam: str, vorige: str, seconden: int) -> tuple[int, int]:
    """Add one to the counter `naam`; (its new value, the value of `vorige`)."""
    tel_glijdend = getattr(cache, "tel_glijdend", None)  # tfvv.cache.RedisCache
    if tel_glijdend is not None:
        return tel_glijdend(naam, vorige, seconden)
    cache.add(naam, 0, timeout=seconden)
    try:
        huidig = cache.incr(naam)
    except ValueError:  # expired between add() and incr()
        cache.add(naam, 1, timeout=seconden)
        huidig = 1
    return huidig, cache.get(vorige, 0)


def ip_adres(request) -> str:
    """The key for limits per client address (tfvv.clientip, proxy-aware)."""
    return clientip.ip_adres(request) or "onbekend"
