"""Budget services: the ledger of the cheques against the subsidieplafond.

Budget lines, bronnen and toezeggingen are in tfvv.begroting, plafond decisions in
tfvv.plafond.

Ledger convention (the reads are in tfvv.budget_selectors):
  grant                      -> reservering X
  expiry / withdrawal /
  lower vaststelling         -> vrijval of the released part
  voorschot (Awb 4:52)       -> voorschot X and vrijval X (paid before the vaststelling)
  payment after vaststelling -> realisatie X and vrijval X (reserved money becomes paid money)
  recovery (Awb 4:57)        -> terugvordering (a claim; it frees nothing until received)
  invordering                -> aanmaning / betalingsregeling (the open claim, no money),
                                ontvangst (money back: lowers what is realised),
                                oninbaar (the claim is written off; the money stays spent),
                                vordering_vervallen (the claim falls with the decision it
                                rested on, herroepen after a gegrond bezwaar; no money)

Earmarking: every entry is charged to the public bronnen that pay it (tfvv.oormerk): a
reservation by the period's rules, every later entry following that charge; a bron never
carries more than its toezeggingen (checked here under the period lock, and on PostgreSQL
by a trigger, migration tfvv 0012_oormerk).

Invariant: gereserveerd (reservering - vrijval) + gerealiseerd (realisatie) <= plafond
(the last approved Plafondbesluit of the period). Every booking that can raise the left
side locks the period row first, so concurrent grants are serialised per period (Awb 4:25:
first come, first served in the order the locks are obtained). On PostgreSQL a trigger
checks the same sum again under the same lock (migration tfvv 0005_begroting).
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from tfvv import oormerk
from tfvv.budget_selectors import (
    NUL,
    beschikbaar,
    openstaande_reservering,
    periode_op,
    plafond_in_werking,
)
from tfvv.models import Begrotingsperiode, Budgetboeking
from tfvv.templatetags.bedragen import euro

S = Budgetboeking.Soort


class BudgetGeweigerd(Exception):
    """A grant the budget cannot carry; the message is for the beoordelaar."""


class PlafondOverschreden(BudgetGeweigerd):
    """Awb 4:25: the subsidy is refused to the extent the plafond would be exceeded."""

    def __init__(self, *, periode, gevraagd: Decimal, beschikbaar: Decimal):
        self.periode, self.gevraagd, self.beschikbaar = periode, gevraagd, beschikbaar
        super().__init__(
            _("Het subsidieplafond van %(periode)s is bereikt: gevraagd %(gevraagd)s, nog "
              "beschikbaar %(beschikbaar)s (art. 4:25 Awb).")
            % {"periode": periode, "gevraagd": euro(gevraagd),
               "beschikbaar": euro(max(beschikbaar, NUL))}
        )


class BronnenVol(BudgetGeweigerd):
    """No public bron whose earmarking rule fits has room left (tfvv.oormerk)."""

    def __init__(self, *, periode, gevraagd: Decimal, beschikbaar: Decimal):
        super().__init__(
            _("De financieringsbronnen van %(periode)s hebben voor deze aanvraag geen ruimte "
              "meer: gevraagd %(gevraagd)s, nog beschikbaar %(beschikbaar)s bij de bronnen "
              "die deze doelgroep en route betalen.")
            % {"periode": periode, "gevraagd": euro(gevraagd), "beschikbaar": euro(beschikbaar)}
        )


class GeenBegrotingsperiode(Exception):
    pass


class GeenPlafond(BudgetGeweigerd):
    """No approved plafond decision for the period: nothing can be granted."""


def periode_voor(datum: datetime.date) -> Begrotingsperiode:
    """The budget period of `datum`; a grant without one cannot be booked."""
    periode = periode_op(datum)
    if periode is None:
        raise GeenBegrotingsperiode(
            _("Er is geen begrotingsperiode voor %(datum)s.") % {"datum": datum})
    return periode


def vergrendel_periode(periode: Begrotingsperiode) -> Begrotingsperiode:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Budgetboekingen moeten binnen een transactie draaien")
    return Begrotingsperiode.objects.select_for_update().get(pk=periode.pk)


def _boek(periode, soort, bedrag, referentie, omschrijving, door,
          lasten=None) -> Budgetboeking:
    """Book one entry and its charge to the bronnen: `lasten` as given (a reservation, or a
    payment that follows its vrijval), otherwise following the referentie's charge."""
    if lasten is None:
        lasten = oormerk.volg(periode, soort=soort, bedrag=bedrag, referentie=referentie)
    boeking = Budgetboeking.objects.create(periode=periode, soort=soort, bedrag=bedrag,
                                           referentie=referentie,
                                           omschrijving=omschrijving[:200], door=door)
    oormerk.boek_lasten(boeking, lasten)
    return boeking


def _lasten_van(boeking: Budgetboeking | None) -> list:
    if boeking is None:
        return []
    return list(boeking.bronlasten.values_list("bron_id", "bedrag"))


@transaction.atomic
def reserveer(*, periode: Begrotingsperiode, bedrag: Decimal, referentie: str, door,
              omschrijving: str = "",
              kenmerken: oormerk.Kenmerken | None = None) -> Budgetboeking:
    """Lock the period, check the plafond, charge the bronnen by the earmarking rules and
    reserve; raises PlafondOverschreden or BronnenVol."""
    periode = vergrendel_periode(periode)
    if plafond_in_werking(periode) is None:
        raise GeenPlafond(
            _("Voor %(periode)s is nog geen subsidieplafond vastgesteld en bekendgemaakt "
              "(art. 4:25 en 4:27 Awb).") % {"periode": periode})
    vrij = beschikbaar(periode)
    if bedrag > vrij:
        raise PlafondOverschreden(periode=periode, gevraagd=bedrag, beschikbaar=vrij)
    ruimtes = oormerk.ruimte(periode, kenmerken or oormerk.Kenmerken())
    lasten = oormerk.neem(bedrag, ruimtes)
    if sum((deel for _, deel in lasten), NUL) < bedrag:
        raise BronnenVol(periode=periode, gevraagd=bedrag,
                         beschikbaar=sum((r for _, r in ruimtes), NUL))
    return _boek(periode, S.RESERVERING, bedrag, referentie, omschrijving, door, lasten)


@transaction.atomic
def geef_vrij(*, periode: Begrotingsperiode, bedrag: Decimal, referentie: str, door,
              omschrijving: str = "") -> Budgetboeking | None:
    """Release (part of) the reservation under `referentie`; never more than is open."""
    periode = vergrendel_periode(periode)
    open_ = openstaande_reservering(periode=periode, referentie=referentie)
    if bedrag > open_:
        raise ValueError(f"Vrijval € {bedrag} groter dan openstaande reservering € {open_}")
    if bedrag <= 0:
        return None
    return _boek(periode, S.VRIJVAL, bedrag, referentie, omschrijving, door)


@transaction.atomic
def realiseer(*, periode: Begrotingsperiode, bedrag: Decimal, referentie: str, door,
              omschrijving: str = "") -> Budgetboeking:
    """A payment: the reserved money becomes paid money (vrijval + realisatie)."""
    vrijval = geef_vrij(periode=periode, bedrag=bedrag, referentie=referentie, door=door,
                        omschrijving=omschrijving)
    return _boek(periode, S.REALISATIE, bedrag, referentie, omschrijving, door,
                 _lasten_van(vrijval))


@transaction.atomic
def betaal_voorschot(*, periode: Begrotingsperiode, bedrag: Decimal, referentie: str, door,
                     omschrijving: str = "") -> Budgetboeking:
    """A voorschot: reserved money becomes paid money before the vaststelling."""
    vrijval = geef_vrij(periode=periode, bedrag=bedrag, referentie=referentie, door=door,
                        omschrijving=omschrijving)
    return _boek(periode, S.VOORSCHOT, bedrag, referentie, omschrijving, door,
                 _lasten_van(vrijval))


INVORDERING = frozenset({S.AANMANING, S.BETALINGSREGELING, S.ONTVANGST, S.ONINBAAR,
                         S.VORDERING_VERVALLEN})


@transaction.atomic
def boek_invordering(*, periode: Begrotingsperiode, soort: str, bedrag: Decimal,
                     referentie: str, door, omschrijving: str = "") -> Budgetboeking:
    """One step of the invordering of a terugvordering (see the convention above)."""
    if soort not in INVORDERING:
        raise ValueError(f"Geen invorderingsboeking: {soort}")
    periode = vergrendel_periode(periode)
    return _boek(periode, soort, bedrag, referentie, omschrijving, door)


@transaction.atomic
def boek_terugvordering(*, periode: Begrotingsperiode, bedrag: Decimal, referentie: str,
                        door, omschrijving: str = "") -> Budgetboeking:
    periode = vergrendel_periode(periode)
    return _boek(periode, S.TERUGVORDERING, bedrag, referentie, omschrijving, door)
