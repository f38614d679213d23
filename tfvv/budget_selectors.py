"""Reads of the budget ledger (tfvv.models.Budgetboeking).

Ledger convention (the services in tfvv/budget.py book against it):

* a grant books ``reservering X``;
* expiry or withdrawal of an unpaid cheque books ``vrijval X`` (of what is still reserved);
* a payment books ``realisatie X`` **and** ``vrijval X``: the reserved money becomes paid
  money, so it keeps counting against the plafond, once, as a realisation;
* a recovery (terugvordering) of paid money is recorded for the books; it does not free
  room under the plafond of the period.

Hence, at every moment: committed to cheques = reserveringen − vrijval (this includes
what has been realised), and beschikbaar = plafond (sum of toezeggingen) − committed.
"""

from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum

from tfvv.models import Begrotingsperiode, Budgetboeking

NUL = Decimal("0.00")


def periode_op(datum: date) -> Begrotingsperiode | None:
    """The budget period that contains `datum` (the earliest if periods overlap)."""
    return Begrotingsperiode.objects.filter(van__lte=datum, tot__gte=datum).order_by("van").first()


def beschikbaar(periode: Begrotingsperiode) -> Decimal:
    """Plafond of the period minus what is reserved (reserveringen − vrijval). Two queries."""
    plafond = periode.toezeggingen.aggregate(s=Sum("bedrag"))["s"] or NUL
    S = Budgetboeking.Soort
    sommen = Budgetboeking.objects.filter(periode=periode).aggregate(
        reservering=Sum("bedrag", filter=Q(soort=S.RESERVERING)),
        vrijval=Sum("bedrag", filter=Q(soort=S.VRIJVAL)),
    )
    vastgelegd = (sommen["reservering"] or NUL) - (sommen["vrijval"] or NUL)
    return plafond - vastgelegd
