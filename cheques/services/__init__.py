"""The services of the cheques stage, one module per sub-stage; the names below are the
stage's public API (views, tasks and other stages call `cheques.services.<name>`)."""

from cheques.services.aanvulling import (
    buiten_behandeling_stellen,
    hersteltermijn_verstreken,
    terugsturen,
    vraag_aanvulling,
)
from cheques.services.besluiten import (
    afwijzen,
    concept_verwerpen,
    jaarruimte,
    medeondertekenen,
    medeondertekening_nodig,
    toekennen,
)
from cheques.services.financien import betalen, maak_betaalbatch, registreer_declaratie, vaststellen
from cheques.services.gedeeld import regeling_van
from cheques.services.levensloop import intrekken, laat_verlopen_cheques_vervallen, laat_vervallen

__all__ = [
    "afwijzen", "betalen", "buiten_behandeling_stellen", "concept_verwerpen",
    "hersteltermijn_verstreken", "intrekken", "jaarruimte", "laat_verlopen_cheques_vervallen",
    "laat_vervallen", "maak_betaalbatch", "medeondertekenen", "medeondertekening_nodig",
    "regeling_van", "registreer_declaratie", "terugsturen", "toekennen", "vaststellen",
    "vraag_aanvulling",
]
