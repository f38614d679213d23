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
from cheques.services.betaalbatch import (
    keur_betaalbatch_goed,
    stel_betaalbatch_op,
    wijs_betaalbatch_af,
)
from cheques.services.cofinanciering import leg_realisatie_vast, vraag_correctie_aan
from cheques.services.correcties import (
    corrigeer_declaratie,
    declaratie_corrigeerbaar,
    voorstel_intrekken,
)
from cheques.services.financien import (
    laatste_declaratie,
    registreer_afronding,
    registreer_declaratie,
    vaststellen,
)
from cheques.services.gedeeld import regeling_van
from cheques.services.levensloop import (
    intrekken,
    laat_verlopen_cheques_vervallen,
    laat_vervallen,
    markeer_vast_te_stellen,
)
from cheques.services.terugvordering import (
    registreer_ontvangst,
    stuur_aanmaning,
    treffen_betalingsregeling,
    verklaar_oninbaar,
)

__all__ = [
    "afwijzen", "buiten_behandeling_stellen", "concept_verwerpen", "corrigeer_declaratie",
    "declaratie_corrigeerbaar", "hersteltermijn_verstreken", "intrekken", "jaarruimte",
    "keur_betaalbatch_goed", "laatste_declaratie", "leg_realisatie_vast",
    "laat_verlopen_cheques_vervallen", "laat_vervallen", "markeer_vast_te_stellen",
    "medeondertekenen", "medeondertekening_nodig", "regeling_van", "registreer_afronding",
    "registreer_declaratie", "registreer_ontvangst", "stel_betaalbatch_op", "stuur_aanmaning",
    "terugsturen", "toekennen", "treffen_betalingsregeling", "vaststellen",
    "verklaar_oninbaar", "voorstel_intrekken", "vraag_aanvulling", "vraag_correctie_aan",
    "wijs_betaalbatch_af",
]
