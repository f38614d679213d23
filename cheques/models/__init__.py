"""The records of the cheques stage, one module per sub-stage."""

from cheques.models.aanvulling import Aanvulantwoord
from cheques.models.beschikking import Aanvulverzoek, Beschikking
from cheques.models.besluiten import Bezwaar, Postzending, Vervolgbesluit
from cheques.models.cheque import Afronding, Betaling, Cheque, Declaratie
from cheques.models.cofinanciering import Cofinancieringscorrectie, Cofinancieringsrealisatie
from cheques.models.dossierexport import Dossierexport
from cheques.models.geldstroom import Betaalbatch, Betaalopdracht, Invorderingsstap, Terugvordering
from cheques.models.opleiderdeclaratie import (
    Declaratiebericht,
    Declaratiebestand,
    Declaratieindiening,
)
from cheques.models.opleiderportaal import Opleideraccount, Opleiderlink

__all__ = [
    "Aanvulantwoord",
    "Aanvulverzoek",
    "Afronding",
    "Beschikking",
    "Betaalbatch",
    "Betaalopdracht",
    "Betaling",
    "Bezwaar",
    "Cheque",
    "Cofinancieringscorrectie",
    "Cofinancieringsrealisatie",
    "Declaratie",
    "Dossierexport",
    "Declaratiebericht",
    "Declaratiebestand",
    "Declaratieindiening",
    "Invorderingsstap",
    "Opleideraccount",
    "Opleiderlink",
    "Postzending",
    "Terugvordering",
    "Vervolgbesluit",
]
