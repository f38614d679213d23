"""What the fund asks the resident to do, from every stage of the pipeline.

The portal page of an aanvraag lists open tasks ("Wat vragen wij van u?") — answer an
aanvulverzoek, agree to the scholingsplan — that belong to later stages, which this app may not
import. Each app registers its tasks in a module `<app>/portaal.py` (found automatically, as
`bewaartermijnen` modules are):

    from aanvragen import portaal
    portaal.registreer("cheques.aanvulling", open_aanvulverzoeken)

A provider gets the aanvraag and returns the tasks open for it; it must cost at most one
query, so the portal stays constant in the number of stages' records.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Taak:
    titel: str        # "Aanvulling gevraagd"
    tekst: str        # what is asked, in plain Dutch
    url: str          # where the resident does it
    knop: str         # the link text: "Beantwoorden"
    uiterlijk: datetime.date | None = None  # deadline, if any (already by the termijnenwet)


_aanbieders: dict[str, Callable[[object], Iterable[Taak]]] = {}


def registreer(naam: str, aanbieder: Callable[[object], Iterable[Taak]]) -> None:
    _aanbieders[naam] = aanbieder


def taken(aanvraag) -> list[Taak]:
    """The open tasks for this aanvraag, earliest deadline first (none last)."""
    autodiscover_modules("portaal")
    alle = [taak for aanbieder in _aanbieders.values() for taak in aanbieder(aanvraag)]
    return sorted(alle, key=lambda t: (t.uiterlijk is None, t.uiterlijk or datetime.date.min))
