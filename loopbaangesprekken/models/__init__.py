from loopbaangesprekken.models.akkoord import Planakkoord
from loopbaangesprekken.models.gesprek import Gesprek, Verslagversie
from loopbaangesprekken.models.referentie import (
    Erkenning,
    Kansberoep,
    Kansberoepenlijst,
    Opleider,
    Sector,
    Werkgever,
)
from loopbaangesprekken.models.scholingsplan import (
    Cofinancieringsregel,
    Kostenregel,
    Scholingsplan,
    Toezeggingsverzoek,
)

__all__ = [
    "Cofinancieringsregel",
    "Erkenning",
    "Gesprek",
    "Kansberoep",
    "Kansberoepenlijst",
    "Kostenregel",
    "Opleider",
    "Planakkoord",
    "Scholingsplan",
    "Sector",
    "Toezeggingsverzoek",
    "Verslagversie",
    "Werkgever",
]
