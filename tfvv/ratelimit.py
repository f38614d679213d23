"""A small rate limiter: a fixed window per scope and key, counted in the cache.

    if not ratelimit.toegestaan("aanmelden-ip", ip_adres(request), limiet=20, venster=3600):
        ...refuse politely...

Each call counts one attempt. The cache is Redis in production (`REDIS_CACHE_URL`),
so every web process shares the counters; tests use LocMem. Keys are hashed, so an
e-mail address never appears in the cache in plain text.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def _cachesleutel(scope: str, sleutel: str, venster: int) -> str:
    vak = int(time.time()) // venster
    digest = hashlib.sha256(f"{scope}\x00{sleutel}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{venster}:{vak}"


def toegestaan(scope: str, sleutel: str, *, limiet: int, venster: int) -> bool:
    """Count one attempt for (scope, sleutel); True while at most `limiet` attempts
    fell in the current window of `venster` seconds."""
    if limiet <= 0 or venster <= 0:
        raise ValueError("limiet en venster moeten positief zijn")
    naam = _cachesleutel(scope, str(sleutel).strip().lower(), venster)
    return _tel(naam, venster + 1) <= limiet


def _tel(naam: str, seconden: int) -> int:
    tel_in_venster = getattr(cache, "tel_in_venster", None)  # tfvv.cache.RedisCache
    if tel_in_venster is not None:
        return tel_in_venster(naam, seconden)
    cache.add(naam, 0, timeout=seconden)
    try:
        return cache.incr(naam)
    except ValueError:  # expired between add() and incr()
        cache.add(naam, 1, timeout=seconden)
        return 1


def ip_adres(request) -> str:
    """The client's address. Behind `TFVV_PROXY_AANTAL` trusted reverse proxies, the
    address the outermost trusted proxy saw, from X-Forwarded-For (counted from the right,
    so a client cannot forge it); without proxies REMOTE_ADDR."""
    aantal = getattr(settings, "TFVV_PROXY_AANTAL", 0)
    doorgestuurd = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if aantal > 0 and doorgestuurd:
        adressen = [a.strip() for a in doorgestuurd.split(",") if a.strip()]
        if adressen:
            return adressen[-min(aantal, len(adressen))]
    return request.META.get("REMOTE_ADDR", "") or "onbekend"
