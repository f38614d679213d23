"""Running all rules over a case and combining their outcomes."""

from collections.abc import Iterable
from decimal import Decimal

from loopbaangesprekken.subsidietoets.casus import (
    HANDMATIG,
    NIET_VOLDAAN,
    VOLDAAN,
    Casus,
    Toetsuitslag,
)
from loopbaangesprekken.subsidietoets.regels import REGELS


def totaaluitkomst(uitkomsten: Iterable[str]) -> str:
    """Any 'niet voldaan' wins; else any 'handmatig beoordelen'; else 'voldaan'."""
    uitkomsten = set(uitkomsten)
    if NIET_VOLDAAN in uitkomsten:
        return NIET_VOLDAAN
    if HANDMATIG in uitkomsten:
        return HANDMATIG
    return VOLDAAN


def toets(casus: Casus) -> Toetsuitslag:
    regels = tuple(regel(casus) for regel in REGELS)
    return Toetsuitslag(regeling=casus.regeling.naam,
                        uitkomst=totaaluitkomst(r.uitkomst for r in regels), regels=regels)


def voorgesteld_bedrag(*, totale_kosten: Decimal, cofinanciering: Decimal,
                       maximum_per_jaar: Decimal, eerder_toegekend: Decimal) -> Decimal:
    """Total cost minus co-financing, capped by what remains of the yearly maximum."""
    return max(min(totale_kosten - cofinanciering, maximum_per_jaar - eerder_toegekend),
               Decimal("0.00"))
