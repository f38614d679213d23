"""Budget services: toezeggingen, publication of the plafond and the ledger.

Ledger convention (the reads are in tfvv.budget_selectors):
  grant                      -> reservering X
  expiry / withdrawal /
  lower vaststelling         -> vrijval of the released part
  voorschot (Awb 4:52)       -> voorschot X and vrijval X (paid before the vaststelling)
  payment after vaststelling -> realisatie X and vrijval X (reserved money becomes paid money)
  recovery (Awb 4:57)        -> terugvordering (a claim; it frees nothing until received)
  invordering                -> aanmaning / betalingsregeling (the open claim, no money),
                                ontvangst (money back: lowers what is realised),
                                oninbaar (the claim is written off; the money stays spent)

Invariant: gereserveerd (reservering - vrijval) + gerealiseerd (realisatie) <= plafond
(sum of toezeggingen). Every booking that can raise the left side locks the period row
first, so concurrent grants are serialised per period (Awb 4:25: first come, first served
in the order the locks are obtained).
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from tfvv.budget_selectors import NUL, beschikbaar, openstaande_reservering, periode_op, standen
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Begrotingsperiode, Budgetboeking, Financieringsbron, Toezegging
from tfvv.templatetags.bedragen import euro

S = Budgetboeking.Soort


class PlafondOverschreden(Exception):
    """Awb 4:25: the subsidy is refused to the extent the plafond would be exceeded."""

    def __init__(self, *, periode, gevraagd: Decimal, beschikbaar: Decimal):
        self.periode, self.gevraagd, self.beschikbaar = periode, gevraagd, beschikbaar
        super().__init__(
            _("Het subsidieplafond van %(periode)s is bereikt: gevraagd %(gevraagd)s, nog "
              "beschikbaar %(beschikbaar)s (art. 4:25 Awb).")
            % {"periode": periode, "gevraagd": euro(gevraagd),
               "beschikbaar": euro(max(beschikbaar, NUL))}
        )


class GeenBegrotingsperiode(Exception):
    pass


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


def _boek(periode, soort, bedrag, referentie, omschrijving, door) -> Budgetboeking:
    return Budgetboeking.objects.create(periode=periode, soort=soort, bedrag=bedrag,
                                        referentie=referentie, omschrijving=omschrijving[:200],
                                        door=door)


@transaction.atomic
def reserveer(*, periode: Begrotingsperiode, bedrag: Decimal, referentie: str, door,
              omschrijving: str = "") -> Budgetboeking:
    """Lock the period, check the plafond and reserve; raises PlafondOverschreden."""
    periode = vergrendel_periode(periode)
    vrij = beschikbaar(periode)
    if bedrag > vrij:
        raise PlafondOverschreden(periode=periode, gevraagd=bedrag, beschikbaar=vrij)
    return _boek(periode, S.RESERVERING, bedrag, referentie, omschrijving, door)


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
    geef_vrij(periode=periode, bedrag=bedrag, referentie=referentie, door=door,
              omschrijving=omschrijving)
    return _boek(periode, S.REALISATIE, bedrag, referentie, omschrijving, door)


@transaction.atomic
def betaal_voorschot(*, periode: Begrotingsperiode, bedrag: Decimal, referentie: str, door,
                     omschrijving: str = "") -> Budgetboeking:
    """A voorschot: reserved money becomes paid money before the vaststelling."""
    geef_vrij(periode=periode, bedrag=bedrag, referentie=referentie, door=door,
              omschrijving=omschrijving)
    return _boek(periode, S.VOORSCHOT, bedrag, referentie, omschrijving, door)


INVORDERING = frozenset({S.AANMANING, S.BETALINGSREGELING, S.ONTVANGST, S.ONINBAAR})


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


@transaction.atomic
def maak_periode(*, naam: str, van: datetime.date, tot: datetime.date,
                 door) -> Begrotingsperiode:
    periode = Begrotingsperiode.objects.create(naam=naam, van=van, tot=tot)
    registreer_gebeurtenis(actor=door, obj=periode, actie="periode_aanmaken", dossier_id=None,
                           gegevens={"van": van.isoformat(), "tot": tot.isoformat()})
    return periode


@transaction.atomic
def voeg_toezegging_toe(*, bron: Financieringsbron, periode: Begrotingsperiode,
                        bedrag: Decimal, datum: datetime.date, kenmerk: str = "",
                        door) -> Toezegging:
    """A new commitment raises the period's plafond."""
    periode = vergrendel_periode(periode)
    toezegging = Toezegging.objects.create(bron=bron, periode=periode, bedrag=bedrag,
                                           datum=datum, kenmerk=kenmerk)
    registreer_gebeurtenis(actor=door, obj=periode, actie="toezegging_toevoegen",
                           dossier_id=None,
                           gegevens={"bron": bron.naam, "bedrag": str(bedrag),
                                     "datum": datum.isoformat(), "kenmerk": kenmerk})
    return toezegging


@transaction.atomic
def publiceer_plafond(*, periode: Begrotingsperiode, gepubliceerd_op: datetime.date,
                      door) -> Begrotingsperiode:
    """Awb 4:27: record when the plafond was made public."""
    periode = vergrendel_periode(periode)
    periode.gepubliceerd_op = gepubliceerd_op
    periode.save(update_fields=["gepubliceerd_op"])
    stand = standen([periode])[0]
    registreer_gebeurtenis(actor=door, obj=periode, actie="plafond_publiceren",
                           dossier_id=None,
                           gegevens={"gepubliceerd_op": gepubliceerd_op.isoformat(),
                                     "plafond": str(stand.toegezegd)})
    return periode
