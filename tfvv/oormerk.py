"""Earmarking: charge every ledger entry of the cheques to the public bronnen that pay it.

A reservation (a grant) is charged by the period's Oormerkregels, in order of preference,
to the bronnen whose rule fits the aanvraag (arbeidssituatie, route), each up to the
smallest of its toezegging and the rule's maximum, less what the bron already carries.
Every later entry under the same referentie follows that charge:

  vrijval                    -> from what is still reserved per bron
  realisatie, voorschot      -> exactly as the vrijval booked with it (tfvv.budget)
  terugvordering             -> from what was paid per bron and is not yet claimed
  aanmaning, betalingsregeling,
  ontvangst, oninbaar,
  vordering_vervallen        -> from the open claim per bron

Following takes from the bron charged last first, so the bron of first preference keeps
its money longest. A bron carries (benut) reserveringen − vrijval + realisaties +
voorschotten − ontvangsten, the same sum as the plafond (tfvv.budget_selectors).
Entries under a referentie that has no charge (booked before earmarking existed) stay
uncharged; the funder report shows them apart (rapportage.verantwoording).

Called by tfvv.budget under the period lock, so concurrent grants are charged one by one.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum

from tfvv.models import Bronlast, Budgetboeking, Oormerkregel, Toezegging

S = Budgetboeking.Soort
NUL = Decimal("0.00")
# What a bron carries: the plafond's sum, per bron (migration tfvv 0012_oormerk repeats it).
VERHOGEND = (S.RESERVERING, S.REALISATIE, S.VOORSCHOT)
VERLAGEND = (S.VRIJVAL, S.ONTVANGST)


@dataclass(frozen=True)
class Kenmerken:
    """What the rules may look at: the aanvraag's arbeidssituatie and the plan's route."""

    arbeidssituatie: str = ""
    route: str = ""


def benut_per_bron(periode) -> dict:
    """bron_id -> what the bron carries in the period (one query)."""
    rijen = (Bronlast.objects.filter(periode=periode).values("bron_id")
             .annotate(op=Sum("bedrag", filter=Q(soort__in=VERHOGEND)),
                       af=Sum("bedrag", filter=Q(soort__in=VERLAGEND))))
    return {r["bron_id"]: (r["op"] or NUL) - (r["af"] or NUL) for r in rijen}


def toegezegd_per_bron(periode) -> dict:
    return dict(Toezegging.objects.filter(periode=periode).values("bron_id")
                .annotate(s=Sum("bedrag")).values_list("bron_id", "s"))


def ruimte(periode, kenmerken: Kenmerken) -> list[tuple[int, Decimal]]:
    """(bron_id, room) for every fitting rule, in order of preference."""
    benut, toegezegd = benut_per_bron(periode), toegezegd_per_bron(periode)
    uit = []
    for regel in Oormerkregel.objects.filter(periode=periode, bron__publiek=True):
        if not regel.past_bij(arbeidssituatie=kenmerken.arbeidssituatie, route=kenmerken.route):
            continue
        grens = toegezegd.get(regel.bron_id, NUL)
        if regel.maximum is not None:
            grens = min(grens, regel.maximum)
        uit.append((regel.bron_id, max(grens - benut.get(regel.bron_id, NUL), NUL)))
    return uit


def neem(bedrag: Decimal, ruimtes: list[tuple[int, Decimal]]) -> list[tuple[int, Decimal]]:
    """Take `bedrag` from the rooms in order; the result may fall short of `bedrag`."""
    uit, rest = [], bedrag
    for bron_id, vrij in ruimtes:
        deel = min(vrij, rest)
        if deel > 0:
            uit.append((bron_id, deel))
            rest -= deel
    return uit


def _per_bron(periode, referentie) -> tuple[list[int], dict]:
    """The bronnen charged under `referentie` (in the order first charged) and
    bron_id -> soort -> sum."""
    volgorde, sommen = [], defaultdict(lambda: defaultdict(lambda: NUL))
    for last in Bronlast.objects.filter(periode=periode, referentie=referentie).order_by("id"):
        if last.bron_id not in volgorde:
            volgorde.append(last.bron_id)
        sommen[last.bron_id][last.soort] += last.bedrag
    return volgorde, sommen


def _open(soort, s) -> Decimal:
    """What an entry of `soort` may still take from one bron with sums `s`."""
    claim = (s[S.TERUGVORDERING] - s[S.ONTVANGST] - s[S.ONINBAAR]
             - s[S.VORDERING_VERVALLEN])
    if soort == S.VRIJVAL:
        return s[S.RESERVERING] - s[S.VRIJVAL]
    if soort == S.TERUGVORDERING:
        return s[S.REALISATIE] + s[S.VOORSCHOT] - s[S.ONTVANGST] - claim
    return claim


def volg(periode, *, soort: str, bedrag: Decimal, referentie: str) -> list[tuple[int, Decimal]]:
    """The charge of a later entry under `referentie` (see the module docstring)."""
    volgorde, sommen = _per_bron(periode, referentie)
    if not volgorde:
        return []
    achterstevoren = list(reversed(volgorde))
    lasten = neem(bedrag, [(b, max(_open(soort, sommen[b]), NUL)) for b in achterstevoren])
    tekort = bedrag - sum((d for _, d in lasten), NUL)
    if tekort > 0:
        # More than the charge can explain (an aanmaning with costs, say): the bron of first
        # preference carries the rest, so the entry is charged in full and reconciles.
        lasten = _voeg_toe(lasten, volgorde[0], tekort)
    return lasten


def _voeg_toe(lasten, bron_id, bedrag):
    per_bron = dict(lasten)
    per_bron[bron_id] = per_bron.get(bron_id, NUL) + bedrag
    return list(per_bron.items())


def boek_lasten(boeking: Budgetboeking, lasten: list[tuple[int, Decimal]]) -> None:
    Bronlast.objects.bulk_create([
        Bronlast(boeking=boeking, bron_id=bron_id, bedrag=deel, periode_id=boeking.periode_id,
                 soort=boeking.soort, referentie=boeking.referentie)
        for bron_id, deel in lasten])
