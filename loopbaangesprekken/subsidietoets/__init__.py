"""The subsidietoets: rules R1–R10 over a frozen case, free of the database.

    casus = selectors.scholingsplan.casus_voor_plan(plan)   # or invoer.lees_casus(json)
    uitslag = toets(casus)                                   # Toetsuitslag
"""

from loopbaangesprekken.subsidietoets.casus import (
    HANDMATIG,
    NIET_VOLDAAN,
    UITKOMSTEN,
    VOLDAAN,
    Casus,
    Cofinanciering,
    RegelingParameters,
    Regeluitkomst,
    Toetsuitslag,
)
from loopbaangesprekken.subsidietoets.toets import toets, totaaluitkomst, voorgesteld_bedrag

__all__ = [
    "HANDMATIG",
    "NIET_VOLDAAN",
    "UITKOMSTEN",
    "VOLDAAN",
    "Casus",
    "Cofinanciering",
    "RegelingParameters",
    "Regeluitkomst",
    "Toetsuitslag",
    "toets",
    "totaaluitkomst",
    "voorgesteld_bedrag",
]
