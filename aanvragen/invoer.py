"""Normalising what residents type: phone numbers and e-mail addresses."""

import re

TELEFOON_NL = re.compile(r"^0[1-9][0-9]{8}$")
TELEFOON_INTERNATIONAAL = re.compile(r"^\+[1-9][0-9]{7,14}$")
SCHEIDINGSTEKENS = re.compile(r"[\s\-().]")


def normaliseer_telefoon(invoer: str) -> str | None:
    """'06-12 34 56 78' -> '0612345678'; '+31 6 1234 5678' -> '0612345678';
    a foreign number stays international. None when it is not a phone number."""
    nummer = SCHEIDINGSTEKENS.sub("", invoer or "")
    if nummer.startswith("00"):
        nummer = "+" + nummer[2:]
    if nummer.startswith("+31"):
        nummer = "0" + nummer[3:]
    if TELEFOON_NL.match(nummer) or TELEFOON_INTERNATIONAAL.match(nummer):
        return nummer
    return None


def normaliseer_email(invoer: str) -> str:
    return (invoer or "").strip().lower()
