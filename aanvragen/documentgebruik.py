"""Which uploaded documents a decision of a later stage relies on: those cannot be removed.

A decision (a beschikking, also one still waiting for its second signature) is taken on the
documents present at that moment, so it cites every document uploaded before it. This app
may not import the later stage; that stage registers, in a module `<app>/documentgebruik.py`
(found automatically, as `portaal` modules are):

    from aanvragen import documentgebruik
    documentgebruik.registreer("cheques.beschikking", eerste_besluit)

A provider gets the aanvraag and returns the moment of its first decision that relies on the
documents, or None; it must cost at most one query.
"""

import datetime
from collections.abc import Callable

from django.utils.module_loading import autodiscover_modules

_aanbieders: dict[str, Callable[[object], datetime.datetime | None]] = {}


def registreer(naam: str, aanbieder: Callable[[object], datetime.datetime | None]) -> None:
    _aanbieders[naam] = aanbieder


def vastgelegd_tot(aanvraag) -> datetime.datetime | None:
    """Documents uploaded up to this moment are relied upon by a decision (None: none are)."""
    autodiscover_modules("documentgebruik")
    momenten = [m for aanbieder in _aanbieders.values() if (m := aanbieder(aanvraag))]
    return min(momenten, default=None)
