"""Reads for the resident's declaration of their own contribution (services.eigen_bijdrage)."""

from decimal import Decimal

from loopbaangesprekken.models import Cofinancieringsregel
from loopbaangesprekken.selectors.scholingsplan import BEWERKBARE_STATUSSEN

EIGEN = Cofinancieringsregel.Bron.EIGEN_BIJDRAGE


def te_bevestigen(aanvraag) -> list[Cofinancieringsregel]:
    """The own-contribution lines of the aanvraag's plans still being written that the
    resident has not declared, with the plan and opleider (one query)."""
    return list(Cofinancieringsregel.objects
                .filter(plan__aanvraag=aanvraag, plan__status__in=BEWERKBARE_STATUSSEN,
                        bron=EIGEN, verklaard_op__isnull=True)
                .select_related("plan__opleider").order_by("plan_id", "pk"))


def totaal(regels) -> Decimal:
    return sum((r.bedrag for r in regels), Decimal("0.00"))
