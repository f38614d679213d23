"""What the later stages hold about a resident, for the AVG inzage export (art. 15 AVG).

The resident's JSON file (`selectors.inzage_export`) must hold everything the fund keeps about
them — gesprekken, the scholingsplan, decisions, the cheque, follow-up answers — but this app
may not import the stages that keep it. Each app registers its parts in a module
`<app>/inzage.py` (found automatically, as `portaal` modules are):

    from aanvragen import inzage
    inzage.registreer("gesprekken", gesprekken)

A provider gets {aanvraag id: referentie} of the resident's aanvragen and returns a list of
plain rows (use `rij`); it must cost a constant number of queries, whatever the number of
records.
"""

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.db import models
from django.utils.module_loading import autodiscover_modules

_aanbieders: dict[str, Callable[[dict], list[dict]]] = {}

# Credentials and technical keys are not data "about" the resident and would let the file be
# used to log in or to verify a cheque: never in the export.
_GEHEIM = ("hash", "token", "zout", "_ip")


def registreer(onderdeel: str, aanbieder: Callable[[dict], list[dict]]) -> None:
    _aanbieders[onderdeel] = aanbieder


def onderdelen(referenties: dict) -> dict[str, list[dict]]:
    autodiscover_modules("inzage")
    return {onderdeel: aanbieder(referenties) for onderdeel, aanbieder in _aanbieders.items()}


def _waarde(obj, veld):
    if veld.choices:
        return str(getattr(obj, f"get_{veld.name}_display")()) or None
    waarde = getattr(obj, veld.attname)
    if isinstance(veld, models.FileField):
        return waarde.name.rsplit("/", 1)[-1] if waarde else None
    if isinstance(waarde, datetime.date | datetime.datetime):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return str(waarde)
    return waarde


def rij(obj, *, aanvraag: str, extra: dict | None = None, zonder: tuple = ()) -> dict:
    """The record's own fields under their Dutch names. Relations are left out (a provider adds
    what the resident needs to recognise the record in `extra`), and so are secrets and the
    fields in `zonder` (personal data of someone else, art. 15 lid 4 AVG)."""
    velden = {"aanvraag": aanvraag}
    for veld in obj._meta.concrete_fields:
        if (veld.primary_key or veld.is_relation or veld.name in zonder
                or any(geheim in veld.name for geheim in _GEHEIM)):
            continue
        velden[str(veld.verbose_name)] = _waarde(obj, veld)
    return {**velden, **(extra or {})}
