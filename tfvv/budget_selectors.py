"""Reads of the budget ledger (tfvv.models.Budgetboeking).

Ledger convention (the services in tfvv/budget.py book against it):

* a grant books ``reservering X``;
* expiry or withdrawal of an unpaid cheque books ``vrijval X`` (of what is still reserved);
* a payment books ``realisatie X`` **and** ``vrijval X``: the reserved money becomes paid
  money, so it keeps counting against the plafond, once, as a realisation;
* a voorschot (Awb 4:52) books ``voorschot X`` and ``vrijval X``: paid money, like a
  realisatie; the payment after the vaststelling books only the remainder;
* a recovery (terugvordering) of paid money is a claim for the books; it frees no room
  under the plafond until money is received (``ontvangst``), which lowers what is
  realised; a claim declared ``oninbaar`` stays spent. ``aanmaning`` and
  ``betalingsregeling`` record the open claim at that step and move no money.

Hence, at every moment: gereserveerd = reserveringen − vrijval, gerealiseerd =
realisaties + voorschotten − ontvangsten, open terugvordering = terugvorderingen −
ontvangsten − oninbaar, and vrij = plafond (sum of toezeggingen) − gereserveerd − gerealiseerd.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum

from tfvv.models import Begrotingsperiode, Budgetboeking, Toezegging

NUL = Decimal("0.00")
S = Budgetboeking.Soort


def periode_op(datum: date) -> Begrotingsperiode | None:
    """The budget period that contains `datum` (the earliest if periods overlap)."""
    return Begrotingsperiode.objects.filter(van__lte=datum, tot__gte=datum).order_by("van").first()


@dataclass(frozen=True)
class Stand:
    """The position of one period."""

    periode: Begrotingsperiode
    toegezegd: Decimal
    gereserveerd: Decimal
    gerealiseerd: Decimal
    terug_te_vorderen: Decimal

    @property
    def vrij(self) -> Decimal:
        return self.toegezegd - self.gereserveerd - self.gerealiseerd


def _som(**filters) -> Decimal:
    return Budgetboeking.objects.filter(**filters).aggregate(s=Sum("bedrag"))["s"] or NUL


def beschikbaar(periode: Begrotingsperiode) -> Decimal:
    """Plafond minus outstanding reservations minus realisations (two queries)."""
    return standen(Begrotingsperiode.objects.filter(pk=periode.pk))[0].vrij


def standen(perioden) -> list[Stand]:
    """The position of each period in `perioden` (two queries, whatever the data size)."""
    perioden = list(perioden)
    ids = [p.pk for p in perioden]
    toegezegd = dict(Toezegging.objects.filter(periode_id__in=ids).values("periode_id")
                     .annotate(s=Sum("bedrag")).values_list("periode_id", "s"))
    sommen = Budgetboeking.objects.filter(periode_id__in=ids).values("periode_id").annotate(
        **{soort: Sum("bedrag", filter=Q(soort=soort)) for soort in S.values})
    per_periode = {r["periode_id"]: r for r in sommen}
    resultaat = []
    for p in perioden:
        r = {k: v or NUL for k, v in per_periode.get(p.pk, {}).items()}
        resultaat.append(Stand(
            periode=p,
            toegezegd=toegezegd.get(p.pk) or NUL,
            gereserveerd=r.get(S.RESERVERING, NUL) - r.get(S.VRIJVAL, NUL),
            gerealiseerd=(r.get(S.REALISATIE, NUL) + r.get(S.VOORSCHOT, NUL)
                          - r.get(S.ONTVANGST, NUL)),
            terug_te_vorderen=(r.get(S.TERUGVORDERING, NUL) - r.get(S.ONTVANGST, NUL)
                               - r.get(S.ONINBAAR, NUL)),
        ))
    return resultaat


def openstaande_reservering(*, periode: Begrotingsperiode, referentie: str) -> Decimal:
    """What is still reserved (not released, not paid) under `referentie`."""
    return (_som(periode=periode, referentie=referentie, soort=S.RESERVERING)
            - _som(periode=periode, referentie=referentie, soort=S.VRIJVAL))
