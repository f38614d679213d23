"""The subsidieplafond of the cheques as a decision of its own (Awb 4:25, 4:27).

One person (financieel or beheerder) proposes a decision: amount, tijdvak, date of the
college decision and of its publication. It is in force only after a SECOND person of
those roles approves it with a fresh TOTP code (the view checks the code; this module
checks the four eyes, and a CheckConstraint does so again in the database). An approved
decision is frozen; a change is a new decision that supersedes the one in force.

The amount can never exceed the public money committed to the cheques line
(budget_selectors.Dekking) nor be lower than what is already reserved and paid.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tfvv.begroting import eis_budgetbeheer, log_wijziging
from tfvv.budget import vergrendel_periode
from tfvv.budget_selectors import dekking, plafond_in_werking, standen
from tfvv.models import Begrotingsperiode, Plafondbesluit
from tfvv.templatetags.bedragen import euro


def _controleer_bedrag(periode: Begrotingsperiode, bedrag: Decimal) -> None:
    ruimte = dekking(periode).ruimte_voor_plafond
    if bedrag > ruimte:
        raise ValidationError({"bedrag": _(
            "Het plafond kan niet hoger zijn dan het publieke geld dat voor de cheques is "
            "toegezegd: %(ruimte)s. Cofinanciering telt niet mee.") % {"ruimte": euro(ruimte)}})
    stand = standen([periode])[0]
    benut = stand.gereserveerd + stand.gerealiseerd
    if bedrag < benut:
        raise ValidationError({"bedrag": _(
            "Het plafond kan niet lager zijn dan wat al is toegekend of betaald: %(benut)s.")
            % {"benut": euro(benut)}})


@transaction.atomic
def stel_voor(*, periode: Begrotingsperiode, bedrag: Decimal, besluitdatum: datetime.date,
              gepubliceerd_op: datetime.date, toelichting: str, kenmerk: str = "",
              door) -> Plafondbesluit:
    eis_budgetbeheer(door)
    periode = vergrendel_periode(periode)
    if not toelichting.strip():
        raise ValidationError({"toelichting": _("Geef een toelichting bij het besluit.")})
    if gepubliceerd_op < besluitdatum:
        raise ValidationError({"gepubliceerd_op": _(
            "Het besluit kan niet eerder bekendgemaakt zijn dan het is genomen.")})
    if besluitdatum > timezone.localdate():
        raise ValidationError({"besluitdatum": _("Het collegebesluit ligt in de toekomst.")})
    if Plafondbesluit.objects.filter(periode=periode, goedgekeurd_op__isnull=True).exists():
        raise ValidationError(_("Er wacht al een voorstel voor deze periode op goedkeuring; "
                                "keur het goed of trek het in."))
    _controleer_bedrag(periode, bedrag)
    besluit = Plafondbesluit.objects.create(
        periode=periode, bedrag=bedrag, besluitdatum=besluitdatum,
        gepubliceerd_op=gepubliceerd_op, kenmerk=kenmerk.strip(),
        toelichting=toelichting.strip(), voorgesteld_door=door)
    log_wijziging(door, besluit, "plafond_voorstellen", reden=besluit.toelichting,
         periode=periode.naam, bedrag=bedrag, besluitdatum=besluitdatum.isoformat(),
         gepubliceerd_op=gepubliceerd_op.isoformat())
    return besluit


@transaction.atomic
def keur_goed(*, besluit: Plafondbesluit, door) -> Plafondbesluit:
    """The second pair of eyes: the decision comes into force and supersedes the last one."""
    eis_budgetbeheer(door)
    periode = vergrendel_periode(besluit.periode)
    besluit = Plafondbesluit.objects.select_for_update().get(pk=besluit.pk)
    if besluit.goedgekeurd:
        raise ValidationError(_("Dit plafondbesluit is al goedgekeurd."))
    if besluit.voorgesteld_door_id is None or besluit.voorgesteld_door_id == door.pk:
        raise ValidationError(_("Een tweede persoon moet het plafondbesluit goedkeuren: u "
                                "heeft het zelf voorgesteld."))
    _controleer_bedrag(periode, besluit.bedrag)
    vorig = plafond_in_werking(periode)
    besluit.goedgekeurd_door, besluit.goedgekeurd_op = door, timezone.now()
    besluit.vervangt = vorig
    try:
        with transaction.atomic():
            besluit.save(update_fields=["goedgekeurd_door", "goedgekeurd_op", "vervangt"])
    except IntegrityError as e:  # the four-eyes CheckConstraint
        raise ValidationError(_("Een tweede persoon moet het plafondbesluit goedkeuren.")) from e
    log_wijziging(door, besluit, "plafond_goedkeuren", periode=periode.naam, bedrag=besluit.bedrag,
         voorgesteld_door=besluit.voorgesteld_door_id,
         vervangt=vorig.bedrag if vorig else "")
    return besluit


@transaction.atomic
def trek_in(*, besluit: Plafondbesluit, reden: str, door) -> None:
    """Withdraw a proposal that is not yet approved (an approved decision is frozen)."""
    eis_budgetbeheer(door)
    besluit = Plafondbesluit.objects.select_for_update().get(pk=besluit.pk)
    if besluit.goedgekeurd:
        raise ValidationError(_("Een goedgekeurd plafondbesluit ligt vast; stel een nieuw "
                                "besluit voor."))
    if not reden.strip():
        raise ValidationError({"reden": _("Geef aan waarom het voorstel vervalt.")})
    log_wijziging(door, besluit, "plafond_voorstel_intrekken", reden=reden.strip(),
         periode=besluit.periode.naam, bedrag=besluit.bedrag)
    besluit.delete()
