"""A minimal fixed-window rate limit on the shared cache (for the public cheque check).

To be replaced by tfvv.ratelimit once the security work lands.
"""

from django.core.cache import cache

POGINGEN = 10
VENSTER_SECONDEN = 600


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def toegestaan(sleutel: str, *, pogingen: int = POGINGEN, venster: int = VENSTER_SECONDEN) -> bool:
    """Count one attempt for `sleutel`; False once more than `pogingen` in the window."""
    naam = f"beperking:{sleutel}"
    cache.add(naam, 0, venster)
    try:
        aantal = cache.incr(naam)
    except ValueError:  # expired between add and incr
        cache.set(naam, 1, venster)
        aantal = 1
    return aantal <= pogingen
