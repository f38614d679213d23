"""Reads of the budget: the plafond in force, the ledger and the budget lines.

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
ontvangsten − oninbaar − vervallen vorderingen, and vrij = plafond (the last approved
Plafondbesluit) − gereserveerd − gerealiseerd.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum

from tfvv.models import (
    Begrotingsperiode,
    Begrotingspost,
    Bestedingsboeking,
    Bronlast,
    Budgetboeking,
    Financieringsbron,
    Oormerkregel,
    Plafondbesluit,
    Toezegging,
)

NUL = Decimal("0.00")
S = Budgetboeking.Soort


def periode_op(datum: date) -> Begrotingsperiode | None:
    """The tijdvak that contains `datum` (periods never overlap)."""
    return Begrotingsperiode.objects.filter(van__lte=datum, tot__gte=datum).first()


def geldende_besluiten(perioden) -> dict:
    """periode_id -> the Plafondbesluit in force: the last one approved (one query)."""
    uit = {}
    for besluit in (Plafondbesluit.objects.filter(periode__in=perioden,
                                                  goedgekeurd_op__isnull=False)
                    .select_related("goedgekeurd_door", "voorgesteld_door")
                    .order_by("goedgekeurd_op", "id")):
        uit[besluit.periode_id] = besluit
    return uit


def plafond_in_werking(periode: Begrotingsperiode) -> Plafondbesluit | None:
    return geldende_besluiten([periode]).get(periode.pk)


@dataclass(frozen=True)
class Stand:
    """The position of one period."""

    periode: Begrotingsperiode
    besluit: Plafondbesluit | None
    gereserveerd: Decimal
    gerealiseerd: Decimal
    terug_te_vorderen: Decimal

    @property
    def plafond(self) -> Decimal:
        return self.besluit.bedrag if self.besluit else NUL

    @property
    def vrij(self) -> Decimal:
        return self.plafond - self.gereserveerd - self.gerealiseerd


def _gereserveerd(sommen: dict) -> Decimal:
    """Reserved, from sums per soort (the convention above)."""
    return sommen.get(S.RESERVERING, NUL) - sommen.get(S.VRIJVAL, NUL)


def _gerealiseerd(sommen: dict) -> Decimal:
    return (sommen.get(S.REALISATIE, NUL) + sommen.get(S.VOORSCHOT, NUL)
            - sommen.get(S.ONTVANGST, NUL))


def _som(**filters) -> Decimal:
    return Budgetboeking.objects.filter(**filters).aggregate(s=Sum("bedrag"))["s"] or NUL


def beschikbaar(periode: Begrotingsperiode) -> Decimal:
    """Plafond in force minus outstanding reservations minus realisations."""
    return standen(Begrotingsperiode.objects.filter(pk=periode.pk))[0].vrij


def standen(perioden) -> list[Stand]:
    """The position of each period in `perioden` (two queries, whatever the data size)."""
    perioden = list(perioden)
    besluiten = geldende_besluiten(perioden)
    sommen = Budgetboeking.objects.filter(periode__in=perioden).values("periode_id").annotate(
        **{soort: Sum("bedrag", filter=Q(soort=soort)) for soort in S.values})
    per_periode = {r["periode_id"]: r for r in sommen}
    resultaat = []
    for p in perioden:
        r = {k: v or NUL for k, v in per_periode.get(p.pk, {}).items()}
        resultaat.append(Stand(
            periode=p,
            besluit=besluiten.get(p.pk),
            gereserveerd=_gereserveerd(r), gerealiseerd=_gerealiseerd(r),
            terug_te_vorderen=(r.get(S.TERUGVORDERING, NUL) - r.get(S.ONTVANGST, NUL)
                               - r.get(S.ONINBAAR, NUL) - r.get(S.VORDERING_VERVALLEN, NUL)),
        ))
    return resultaat


def openstaande_reservering(*, periode: Begrotingsperiode, referentie: str) -> Decimal:
    """What is still reserved (not released, not paid) under `referentie`."""
    return (_som(periode=periode, referentie=referentie, soort=S.RESERVERING)
            - _som(periode=periode, referentie=referentie, soort=S.VRIJVAL))


# --- the budget lines and the public money behind the plafond ------------------------------

@dataclass(frozen=True)
class Dekking:
    """How much public money is committed to the cheques line of a period."""

    publiek_toegezegd: Decimal
    privaat_toegezegd: Decimal
    andere_posten_publiek: Decimal  # the public part of every other line
    chequespost_publiek: Decimal | None  # None: the period has no cheques line

    @property
    def ruimte_voor_plafond(self) -> Decimal:
        """The highest plafond allowed: public commitments left after the other lines,
        never more than the public part of the cheques line. Private money never counts."""
        if self.chequespost_publiek is None:
            return NUL
        return max(min(self.publiek_toegezegd - self.andere_posten_publiek,
                       self.chequespost_publiek), NUL)


def dekking(periode: Begrotingsperiode) -> Dekking:
    toegezegd = Toezegging.objects.filter(periode=periode).aggregate(
        publiek=Sum("bedrag", filter=Q(bron__publiek=True)),
        privaat=Sum("bedrag", filter=Q(bron__publiek=False)))
    andere, cheques = NUL, None
    for post in Begrotingspost.objects.filter(periode=periode):
        if post.voor_cheques:
            cheques = post.bedrag - post.cofinanciering
        else:
            andere += post.bedrag - post.cofinanciering
    return Dekking(publiek_toegezegd=toegezegd["publiek"] or NUL,
                   privaat_toegezegd=toegezegd["privaat"] or NUL,
                   andere_posten_publiek=andere, chequespost_publiek=cheques)


@dataclass(frozen=True)
class Postregel:
    post: Begrotingspost
    besteed: Decimal  # cheques: gerealiseerd (paid); other lines: the spending entries
    gereserveerd: Decimal  # cheques only: granted, not yet paid

    @property
    def restant(self) -> Decimal:
        return self.post.bedrag - self.besteed - self.gereserveerd


def posten(periode: Begrotingsperiode, stand: Stand) -> list[Postregel]:
    """Budget vs. spent per line: the cheques line from the ledger, the others from their
    spending entries (two queries)."""
    besteed = dict(Bestedingsboeking.objects.filter(post__periode=periode).values("post_id")
                   .annotate(s=Sum("bedrag")).values_list("post_id", "s"))
    return [
        Postregel(post=p, besteed=stand.gerealiseerd, gereserveerd=stand.gereserveerd)
        if p.voor_cheques else
        Postregel(post=p, besteed=besteed.get(p.pk) or NUL, gereserveerd=NUL)
        for p in Begrotingspost.objects.filter(periode=periode)
    ]


def open_voorstel(periode: Begrotingsperiode) -> Plafondbesluit | None:
    return (Plafondbesluit.objects.filter(periode=periode, goedgekeurd_op__isnull=True)
            .select_related("voorgesteld_door").first())


# --- earmarking: what each bron carries (tfvv.oormerk) -------------------------------------

@dataclass(frozen=True)
class Bronstand:
    bron: Financieringsbron
    regel: Oormerkregel | None  # None: the bron pays no cheques in this period
    toegezegd: Decimal
    gereserveerd: Decimal  # charged to the bron, not yet paid
    gerealiseerd: Decimal  # paid from the bron, less money received back

    @property
    def vrij(self) -> Decimal:
        return self.toegezegd - self.gereserveerd - self.gerealiseerd


def bronstanden(periode: Begrotingsperiode) -> list[Bronstand]:
    """Per public bron with a toezegging in the period (four queries). The staff budget
    page shows these; the dashboard stores them at each refresh (rapportage.samenvatting)."""
    regels = {r.bron_id: r for r in Oormerkregel.objects.filter(periode=periode)}
    toegezegd = dict(Toezegging.objects.filter(periode=periode, bron__publiek=True)
                     .values("bron_id").annotate(s=Sum("bedrag")).values_list("bron_id", "s"))
    sommen = {r["bron_id"]: r for r in Bronlast.objects.filter(periode=periode)
              .values("bron_id").annotate(**{soort: Sum("bedrag", filter=Q(soort=soort))
                                             for soort in S.values})}
    uit = []
    for bron in sorted(Financieringsbron.objects.filter(pk__in=toegezegd),
                       key=lambda b: (regels[b.pk].volgorde if b.pk in regels else 999, b.naam)):
        r = {k: v or NUL for k, v in sommen.get(bron.pk, {}).items()}
        uit.append(Bronstand(
            bron=bron, regel=regels.get(bron.pk), toegezegd=toegezegd[bron.pk],
            gereserveerd=_gereserveerd(r), gerealiseerd=_gerealiseerd(r)))
    return uit


@dataclass(frozen=True)
class NietToegerekend:
    """Ledger entries without a charge (booked before earmarking existed, tfvv 0012)."""

    gereserveerd: Decimal
    gerealiseerd: Decimal

    def __bool__(self) -> bool:
        return bool(self.gereserveerd or self.gerealiseerd)


def niet_toegerekend(periode: Begrotingsperiode) -> NietToegerekend:
    """What the period's uncharged entries hold, by the ledger convention above (one query)."""
    r = {k: v or NUL for k, v in Budgetboeking.objects.filter(
        periode=periode, bronlasten__isnull=True).aggregate(
        **{soort: Sum("bedrag", filter=Q(soort=soort)) for soort in S.values}).items()}
    return NietToegerekend(gereserveerd=_gereserveerd(r), gerealiseerd=_gerealiseerd(r))
