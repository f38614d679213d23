from tfvv.models.budget import (
    Begrotingsperiode,
    Begrotingspost,
    Bestedingsboeking,
    Budgetboeking,
    Financieringsbron,
    Plafondbesluit,
    Toezegging,
)
from tfvv.models.gebeurtenis import Gebeurtenis, Inzage
from tfvv.models.gebruiker import Gebruiker
from tfvv.models.melding import Melding
from tfvv.models.oormerk import Bronlast, Oormerkregel
from tfvv.models.outbox import Outboxtaak
from tfvv.models.referentie import Gemeente, Postcodegebied, Regeling, Volgnummer
from tfvv.models.vierogen import Goedkeuringsverzoek

__all__ = [
    "Begrotingsperiode",
    "Begrotingspost",
    "Bestedingsboeking",
    "Bronlast",
    "Budgetboeking",
    "Financieringsbron",
    "Gebeurtenis",
    "Gebruiker",
    "Gemeente",
    "Goedkeuringsverzoek",
    "Inzage",
    "Melding",
    "Oormerkregel",
    "Outboxtaak",
    "Plafondbesluit",
    "Postcodegebied",
    "Regeling",
    "Toezegging",
    "Volgnummer",
]
