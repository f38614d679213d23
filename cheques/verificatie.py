"""The cheque's verification code: random per cheque, never stored in plain text.

A random salt is stored with the cheque; the code is an HMAC of number and salt
under SECRET_KEY (so the PDF task can print it again), and only its SHA-256 hash is
used to check what an opleider types in.
"""

import hashlib
import hmac
import secrets

from django.conf import settings

ALFABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
LENGTE = 10


def nieuw_zout() -> str:
    return secrets.token_hex(16)


def code(*, nummer: str, zout: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{nummer}:{zout}".encode(),
                      hashlib.sha256).digest()
    return "".join(ALFABET[b % len(ALFABET)] for b in digest[:LENGTE])


def opgemaakt(waarde: str) -> str:
    """ABCDE-FGHIJ, easier to read out on the phone."""
    return f"{waarde[:5]}-{waarde[5:]}"


def normaliseer(invoer: str) -> str:
    return "".join(c for c in invoer.upper() if c.isalnum())


def hash_van(waarde: str) -> str:
    return hashlib.sha256(normaliseer(waarde).encode()).hexdigest()


def klopt(*, verwacht_hash: str, invoer: str) -> bool:
    return hmac.compare_digest(verwacht_hash, hash_van(invoer))
