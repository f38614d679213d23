"""Finance: declaratie, vaststelling and payment (single or in a batch)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.services import wijzig_status
from cheques.models import Betaling, Cheque, Declaratie
from cheques.permissions import mag_financieel_afhandelen
from cheques.services.gedeeld import (
    C,
    dossier_van,
    eis,
    vergrendel_cheque,
)
from cheques.workflow import cheque_statusmachine
from tfvv import budget
from tfvv.opslag import atomic_met_bestanden
from tfvv.templatetags.bedragen import euro
from tfvv.volgnummers import volgende


@atomic_met_bestanden()  # the proof file: removed again when the registration fails
def registreer_declaratie(*, cheque: Cheque, door, factuurnummer: str,
                          factuurdatum: datetime.date, bedrag: Decimal, bewijs) -> Declaratie:
    eis(mag_financieel_afhandelen(door))
    cheque = vergrendel_cheque(cheque)
    fouten = {}
    if bedrag is None or bedrag <= 0:
        fouten["bedrag"] = _("Vul een bedrag groter dan € 0 in.")
    elif bedrag > cheque.bedrag:
        fouten["bedrag"] = _("Het bedrag is hoger dan de cheque (%(bedrag)s).") % {
            "bedrag": euro(cheque.bedrag)}
    if factuurdatum > timezone.localdate():
        fouten["factuurdatum"] = _("De factuurdatum ligt in de toekomst.")
    if not factuurnummer.strip():
        fouten["factuurnummer"] = _("Vul het factuurnummer in.")
    if fouten:
        raise ValidationError(fouten)
    declaratie = Declaratie.objects.create(
        cheque=cheque, factuurnummer=factuurnummer.strip(), factuurdatum=factuurdatum,
        bedrag=bedrag, bewijs=bewijs, geregistreerd_door=door)
    cheque_statusmachine.voer_uit(cheque, "declareren", actor=door, dossier_id=dossier_van(cheque),
                                  gegevens={"factuurnummer": declaratie.factuurnummer,
                                            "bedrag": str(bedrag)})
    return declaratie


@transaction.atomic
def vaststellen(*, cheque: Cheque, door, bedrag: Decimal, toelichting: str = "") -> Cheque:
    """Settle at an exact amount; what is not needed is released from the reservation."""
    eis(mag_financieel_afhandelen(door))
    cheque = vergrendel_cheque(cheque)
    gedeclareerd = cheque.declaraties.order_by("-geregistreerd_op").first()
    maximum = min(cheque.bedrag, gedeclareerd.bedrag) if gedeclareerd else cheque.bedrag
    if bedrag is None or bedrag <= 0:
        raise ValidationError({"bedrag": _("Vul een bedrag groter dan € 0 in; is er niets "
                                           "geleverd, trek de cheque dan in.")})
    if bedrag > maximum:
        raise ValidationError({"bedrag": _(
            "Het vastgestelde bedrag mag niet hoger zijn dan %(max)s (cheque en declaratie)."
        ) % {"max": euro(maximum)}})
    if bedrag < cheque.bedrag and not toelichting.strip():
        raise ValidationError({"toelichting": _(
            "Licht toe waarom lager wordt vastgesteld (bijvoorbeeld: deels geleverd).")})
    cheque.vastgesteld_bedrag = bedrag
    verschil = cheque.bedrag - bedrag
    budget.geef_vrij(periode=cheque.periode, bedrag=verschil, referentie=cheque.nummer,
                     door=door, omschrijving=_("Lagere vaststelling"))
    cheque_statusmachine.voer_uit(
        cheque, "vaststellen", actor=door, dossier_id=dossier_van(cheque), reden=toelichting,
        gegevens={"bedrag": str(bedrag), "vrijval": str(verschil)},
        extra_velden=["vastgesteld_bedrag"])
    return cheque


def _betaal(cheque: Cheque, *, door, betaald_op: datetime.date, batch: str) -> Betaling:
    betaling = Betaling.objects.create(cheque=cheque, bedrag=cheque.vastgesteld_bedrag,
                                       betaald_op=betaald_op, batch=batch,
                                       geregistreerd_door=door)
    budget.realiseer(periode=cheque.periode, bedrag=betaling.bedrag, referentie=cheque.nummer,
                     door=door, omschrijving=_("Betaling %(batch)s") % {"batch": batch or "-"})
    cheque_statusmachine.voer_uit(cheque, "betalen", actor=door, dossier_id=dossier_van(cheque),
                                  gegevens={"bedrag": str(betaling.bedrag), "batch": batch})
    wijzig_status(aanvraag=cheque.beschikking.plan.aanvraag, transitie="afronden", actor=door)
    return betaling


@transaction.atomic
def betalen(*, cheque: Cheque, door, betaald_op: datetime.date) -> Betaling:
    eis(mag_financieel_afhandelen(door))
    cheque = vergrendel_cheque(cheque)
    if cheque.status != C.VASTGESTELD:
        raise ValidationError(_("Alleen een vastgestelde cheque kan worden betaald."))
    if betaald_op > timezone.localdate():
        raise ValidationError({"betaald_op": _("De betaaldatum ligt in de toekomst.")})
    return _betaal(cheque, door=door, betaald_op=betaald_op, batch="")


@transaction.atomic
def maak_betaalbatch(*, door, betaald_op: datetime.date) -> str:
    """Pay every settled cheque in one batch; returns the batch name (for the CSV export)."""
    eis(mag_financieel_afhandelen(door))
    cheques = list(Cheque.objects.select_for_update(of=("self",))
                   .select_related("beschikking__plan__aanvraag", "periode")
                   .filter(status=C.VASTGESTELD).order_by("nummer"))
    if not cheques:
        raise ValidationError(_("Er zijn geen vastgestelde cheques om te betalen."))
    batch = f"BATCH-{betaald_op:%Y%m%d}-{volgende(f'betaalbatch-{betaald_op.year}'):04d}"
    for cheque in cheques:
        _betaal(cheque, door=door, betaald_op=betaald_op, batch=batch)
    return batch
