"""The client's IP address, also behind the documented reverse proxy.

Behind a proxy REMOTE_ADDR is the proxy, so everything keyed on it (login lock-out,
rate limits) would treat all visitors as one. X-Forwarded-For is trusted only when the
request comes from an address in `TFVV_TRUSTED_PROXIES` (addresses or networks); the
client is then the right-most entry that is not itself a trusted proxy. Entries to the
left of it were written by the client and can be forged, so they are never used.

Used by django-axes (`AXES_CLIENT_IP_CALLABLE`), tfvv.ratelimit and every other place
that needs the client's address; nothing else reads REMOTE_ADDR.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

Netwerk = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _netwerken(proxies: tuple[str, ...]) -> tuple[Netwerk, ...]:
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def _adres(tekst: str):
    try:
        return ipaddress.ip_address(tekst.strip())
    except ValueError:
        return None


def _vertrouwd(adres, netwerken: tuple[Netwerk, ...]) -> bool:
    return adres is not None and any(adres in netwerk for netwerk in netwerken)


def ip_adres(request) -> str | None:
    """The client's address (see module docstring); None when there is none (a request
    built in code, e.g. the test client's force_login)."""
    direct = request.META.get("REMOTE_ADDR", "") or ""
    netwerken = _netwerken(tuple(settings.TFVV_TRUSTED_PROXIES))
    if not _vertrouwd(_adres(direct), netwerken):
        return direct or None
    doorgestuurd = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for tekst in reversed(doorgestuurd.split(",")):
        adres = _adres(tekst)
        if adres is None:
            # garbage in the header: stop here rather than trust what lies to its left
            break
        if not _vertrouwd(adres, netwerken):
            return str(adres)
    return direct
