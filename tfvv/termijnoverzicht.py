"""Open deadlines of every stage, for the pages "Mijn termijnen" and "Termijnen van het team",
the daily overview mail and the warnings of deadlines about to end.

The deadlines live in later stages (a beslistermijn, a hersteltermijn, a cheque's validity),
which tfvv may not import. Each stage registers a provider in a module
`<app>/termijnoverzicht.py` (found automatically, like bewaartermijnen):

    from tfvv import termijnoverzicht
    termijnoverzicht.registreer("cheques", open_termijnen)

`open_termijnen(vandaag)` returns every open deadline of that stage as `Termijn`s, in a
fixed number of queries whatever the amount of data. Dates are already extended by the
Algemene termijnenwet (tfvv.termijnen).
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

from tfvv.permissions import Toegang, heeft_een_rol, ziet_alle_loketten
from tfvv.roles import LOKETTEN, Rol
from tfvv.termijnen import werkdagen_verder

# who has a team page: beoordelaars see every deadline, consulenten those of their loket (a
# manager both loketten), finance the deadlines marked for finance
TEAMROLLEN = (Rol.BEOORDELAAR, Rol.CONSULENT, Rol.FINANCIEEL)


@dataclass(frozen=True)
class Termijn:
    soort: str                 # a key, e.g. "beslistermijn"
    label: str                 # Dutch, for people: "Beslistermijn scholingsplan"
    omschrijving: str          # which case: "Aanvraag TFV-2026-00012: Lasser"
    einde: datetime.date       # the last day
    link: str                  # where to act on it
    sleutel: str               # identifies the deadline (a warning is given once per key)
    eigenaren: frozenset[int] = frozenset()  # the people it is personally for
    loket: str = ""            # the loket of the case (consulent team pages)
    teams: frozenset[str] = frozenset()      # other roles whose team page shows it
    waarschuwen: tuple[str, ...] | None = None  # warn before it ends: eigenaren + these roles

    def dagen_over(self, vandaag: datetime.date) -> int:
        return (self.einde - vandaag).days


_aanbieders: dict[str, Callable[[datetime.date], Iterable[Termijn]]] = {}


def registreer(naam: str, aanbieder: Callable[[datetime.date], Iterable[Termijn]]) -> None:
    _aanbieders[naam] = aanbieder


def alle(vandaag: datetime.date) -> list[Termijn]:
    """Every open deadline of every stage, earliest first."""
    autodiscover_modules("termijnoverzicht")
    termijnen = [t for aanbieder in _aanbieders.values() for t in aanbieder(vandaag)]
    return sorted(termijnen, key=lambda t: (t.einde, t.label, t.omschrijving))


def van_persoon(user, termijnen: Iterable[Termijn]) -> list[Termijn]:
    return [t for t in termijnen if user.pk in t.eigenaren]


def mag_team_zien(user) -> Toegang:
    return heeft_een_rol(user, TEAMROLLEN)


def van_team(user, termijnen: Iterable[Termijn]) -> list[Termijn]:
    """Beoordelaars: all; consulenten: their loket (a manager: both); finance: its own."""
    if user.heeft_rol(Rol.BEOORDELAAR):
        return list(termijnen)
    loketten = ()
    if user.heeft_rol(Rol.CONSULENT):
        loketten = LOKETTEN if ziet_alle_loketten(user) else (user.organisatie,)
    rollen = {r for r in TEAMROLLEN if user.heeft_rol(r)}
    return [t for t in termijnen if (t.loket and t.loket in loketten) or rollen & t.teams]


def binnen_werkdagen(termijnen: Iterable[Termijn], vandaag: datetime.date,
                     werkdagen: int) -> list[Termijn]:
    """The deadlines that end today or within `werkdagen` working days."""
    grens = werkdagen_verder(vandaag, werkdagen)
    return [t for t in termijnen if vandaag <= t.einde <= grens]
