"""Budget services: periods (tijdvakken), budget lines, bronnen, toezeggingen, spending
and the earmarking rules.

Every write names who did it and is logged as an event; the views ask a fresh second
factor first (tfvv.stepup). The plafond decision itself is in tfvv.plafond.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tfvv.budget import vergrendel_periode
from tfvv.budget_selectors import dekking, plafond_in_werking
from tfvv.events import registreer_gebeurtenis
from tfvv.models import (
    Begrotingsperiode,
    Begrotingspost,
    Bestedingsboeking,
    Financieringsbron,
    Oormerkregel,
    Toezegging,
)
from tfvv.roles import Rol
from tfvv.templatetags.bedragen import euro

BUDGETBEHEER = (Rol.FINANCIEEL, Rol.BEHEERDER)


def eis_budgetbeheer(door) -> None:
    """Services check the role themselves (the view has already checked the second factor):
    a management command or a shell is no way around it."""
    if door is None or not any(door.heeft_rol(r) for r in BUDGETBEHEER):
        raise PermissionError("Budgetbeheer is voor financieel medewerkers en beheerders")


def log_wijziging(door, obj, actie, *, reden="", **gegevens):
    registreer_gebeurtenis(actor=door, obj=obj, actie=actie, dossier_id=None, reden=reden,
                           gegevens={k: str(v) for k, v in gegevens.items()})


@transaction.atomic
def maak_periode(*, naam: str, van: datetime.date, tot: datetime.date,
                 door) -> Begrotingsperiode:
    eis_budgetbeheer(door)
    periode = Begrotingsperiode(naam=naam, van=van, tot=tot)
    periode.full_clean()
    periode.save()
    log_wijziging(door, periode, "periode_aanmaken", van=van.isoformat(), tot=tot.isoformat())
    return periode


@transaction.atomic
def voeg_bron_toe(*, naam: str, publiek: bool, omschrijving: str = "",
                  door) -> Financieringsbron:
    eis_budgetbeheer(door)
    naam = " ".join(naam.split())
    if Financieringsbron.objects.filter(naam__iexact=naam).exists():
        raise ValidationError({"naam": _("Deze financieringsbron bestaat al.")})
    bron = Financieringsbron.objects.create(naam=naam, publiek=publiek,
                                            omschrijving=omschrijving)
    log_wijziging(door, bron, "bron_toevoegen", naam=naam, publiek=publiek)
    return bron


def _controleer_dekking(periode: Begrotingsperiode) -> None:
    """The plafond in force must stay covered by public money after a budget change."""
    besluit = plafond_in_werking(periode)
    ruimte = dekking(periode).ruimte_voor_plafond
    if besluit is not None and besluit.bedrag > ruimte:
        raise ValidationError(_(
            "Dan is het vastgestelde subsidieplafond (%(plafond)s) niet meer gedekt door "
            "publiek geld voor de cheques (%(ruimte)s). Stel eerst een lager plafond vast.")
            % {"plafond": euro(besluit.bedrag), "ruimte": euro(ruimte)})


@transaction.atomic
def voeg_post_toe(*, periode: Begrotingsperiode, naam: str, bedrag: Decimal,
                  cofinanciering: Decimal = Decimal("0"), voor_cheques: bool = False,
                  door) -> Begrotingspost:
    eis_budgetbeheer(door)
    periode = vergrendel_periode(periode)
    naam = " ".join(naam.split())
    if periode.posten.filter(naam__iexact=naam).exists():
        raise ValidationError({"naam": _("Deze periode heeft al een post met deze naam.")})
    if voor_cheques and periode.posten.filter(voor_cheques=True).exists():
        raise ValidationError({"voor_cheques": _("Deze periode heeft al een post voor de "
                                                 "scholingscheques.")})
    if cofinanciering > bedrag:
        raise ValidationError({"cofinanciering": _(
            "De cofinanciering kan niet hoger zijn dan het begrote bedrag.")})
    try:
        with transaction.atomic():
            post = Begrotingspost.objects.create(
                periode=periode, naam=naam, bedrag=bedrag, cofinanciering=cofinanciering,
                voor_cheques=voor_cheques, volgorde=periode.posten.count() + 1)
    except IntegrityError as e:  # a concurrent duplicate
        raise ValidationError(_("Deze post bestaat al.")) from e
    _controleer_dekking(periode)
    log_wijziging(door, periode, "post_toevoegen", post=naam, bedrag=bedrag,
         cofinanciering=cofinanciering, voor_cheques=voor_cheques)
    return post


@transaction.atomic
def wijzig_post(*, post: Begrotingspost, bedrag: Decimal, cofinanciering: Decimal,
                reden: str, door) -> Begrotingspost:
    """A budget change (begrotingswijziging): the amounts of one line, with a reason."""
    eis_budgetbeheer(door)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef aan waarom de begroting wijzigt.")})
    if cofinanciering > bedrag:
        raise ValidationError({"cofinanciering": _(
            "De cofinanciering kan niet hoger zijn dan het begrote bedrag.")})
    vergrendel_periode(post.periode)
    post = Begrotingspost.objects.select_for_update().get(pk=post.pk)
    oud = (post.bedrag, post.cofinanciering)
    post.bedrag, post.cofinanciering = bedrag, cofinanciering
    post.save(update_fields=["bedrag", "cofinanciering"])
    _controleer_dekking(post.periode)
    log_wijziging(door, post.periode, "post_wijzigen", reden=reden.strip(), post=post.naam,
         van=oud[0], naar=bedrag, cofinanciering_van=oud[1], cofinanciering_naar=cofinanciering)
    return post


@transaction.atomic
def voeg_toezegging_toe(*, bron: Financieringsbron, periode: Begrotingsperiode,
                        bedrag: Decimal, datum: datetime.date, kenmerk: str = "",
                        door) -> Toezegging:
    """A new commitment. It never raises the plafond in force: that takes a new
    plafond decision (Awb 4:27)."""
    eis_budgetbeheer(door)
    periode = vergrendel_periode(periode)
    toezegging = Toezegging.objects.create(bron=bron, periode=periode, bedrag=bedrag,
                                           datum=datum, kenmerk=kenmerk)
    log_wijziging(door, periode, "toezegging_toevoegen", bron=bron.naam, publiek=bron.publiek,
         bedrag=bedrag, datum=datum.isoformat(), kenmerk=kenmerk)
    return toezegging


@transaction.atomic
def boek_besteding(*, post: Begrotingspost, bedrag: Decimal, datum: datetime.date,
                   omschrijving: str, door) -> Bestedingsboeking:
    """Spending on a line other than the cheques (the cheques book in the ledger)."""
    eis_budgetbeheer(door)
    if post.voor_cheques:
        raise ValidationError({"post": _(
            "Uitgaven aan cheques worden geboekt bij toekenning en betaling, niet hier.")})
    boeking = Bestedingsboeking.objects.create(post=post, bedrag=bedrag, datum=datum,
                                               omschrijving=omschrijving.strip()[:200],
                                               door=door)
    log_wijziging(door, post.periode, "besteding_boeken", post=post.naam, bedrag=bedrag,
         datum=datum.isoformat(), omschrijving=omschrijving)
    return boeking


@transaction.atomic
def leg_oormerkregel_vast(*, periode: Begrotingsperiode, bron: Financieringsbron,
                          volgorde: int, arbeidssituatie: str = "", route: str = "",
                          maximum: Decimal | None = None, door) -> Oormerkregel:
    """Which public bron pays for which grants in a period (tfvv.oormerk); one rule per bron
    and period, replaced by a new version of it. Charges already booked stay as they are."""
    eis_budgetbeheer(door)
    if not bron.publiek:
        raise ValidationError({"bron": _(
            "Alleen publiek geld wordt geoormerkt: cofinanciering betaalt geen cheques uit "
            "het subsidieplafond.")})
    periode = vergrendel_periode(periode)
    regel, _nieuw = Oormerkregel.objects.update_or_create(
        periode=periode, bron=bron,
        defaults={"volgorde": volgorde, "arbeidssituatie": arbeidssituatie, "route": route,
                  "maximum": maximum})
    log_wijziging(door, periode, "oormerkregel_vastleggen", bron=bron.naam, volgorde=volgorde,
                  arbeidssituatie=arbeidssituatie, route=route,
                  maximum="" if maximum is None else maximum)
    return regel
