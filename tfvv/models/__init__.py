from tfvv.models.budget import Begrotingsperiode, Budgetboeking, Financieringsbron, Toezegging
from tfvv.models.gebeurtenis import Gebeurtenis, Inzage
from tfvv.models.gebruiker import Gebruiker
from tfvv.models.outbox import Outboxtaak
from tfvv.models.referentie import Gemeente, Postcodegebied, Regeling, Volgnummer
from tfvv.models.vierogen import Goedkeuringsverzoek

__all__ = [
    "Begrotingsperiode",
    "Budgetboeking",
    "Financieringsbron",
    "Gebeurtenis",
    "Gebruiker",
    "Gemeente",
    "Goedkeuringsverzoek",
    "Inzage",
    "Outboxtaak",
    "Postcodegebied",
    "Regeling",
    "Toezegging",
    "Volgnummer",
]
