"""Corrections with history in the cheques stage: a beoordelaar takes back their own proposal
before it is co-signed, and finance corrects a declaratie before it is settled or paid.
Each writes an event with what changed and the required reason."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cheques.models import Beschikking, Betaalbatch, Betaalopdracht, Cheque, Declaratie
from cheques.permissions import mag_financieel_afhandelen, mag_voorstel_intrekken
from cheques.services.financien import controleer_declaratie, laatste_declaratie
from cheques.services.gedeeld import C, dossier_van, eis, vergrendel_cheque, vergrendel_plan
from loopbaangesprekken.models import Scholingsplan
from tfvv.events import registreer_gebeurtenis


def _reden_ontbreekt() -> str:
    return _("Geef de reden van de correctie op.")


@transaction.atomic
def voorstel_intrekken(*, beschikking: Beschikking, door, reden: str) -> Scholingsplan:
    """The proposer takes back a grant waiting for co-signing. The budget is reserved only
    when the second beoordelaar signs (besluiten._verleen), so the ledger is untouched and
    reserved + realised <= plafond keeps holding; the plan stays ingediend and is back in
    the work queue without a proposal."""
    # the lock order of medeondertekenen: the beschikking, then the plan
    beschikking = Beschikking.objects.select_for_update().filter(pk=beschikking.pk).first()
    if beschikking is None:  # retracted or not co-signed by a request just before this one
        raise ValidationError(_("Dit voorstel bestaat niet meer."))
    eis(mag_voorstel_intrekken(door, beschikking))
    if beschikking.status != Beschikking.Status.CONCEPT:
        raise ValidationError(_("Dit voorstel is al medeondertekend en verzonden; intrekken "
                                "kan niet meer."))
    plan = vergrendel_plan(beschikking.plan)
    if not reden.strip():
        raise ValidationError({"reden": _reden_ontbreekt()})
    registreer_gebeurtenis(actor=door, obj=plan, actie="voorstel_intrekken",
                           dossier_id=plan.aanvraag_id, reden=reden.strip(),
                           gegevens={"uitkomst": beschikking.uitkomst,
                                     "bedrag": str(beschikking.bedrag),
                                     "motivering": beschikking.motivering,
                                     "voorgesteld_op": beschikking.besloten_op.isoformat()})
    beschikking.delete()
    return plan


def declaratie_corrigeerbaar(cheque: Cheque) -> str:
    """Why the declaratie of `cheque` can no longer be corrected ("" when it can): after
    the vaststelling or once it is in a payment batch, the figures are relied upon."""
    if cheque.status != C.GEDECLAREERD:
        return _("De declaratie kan niet meer worden gecorrigeerd: de cheque is %(status)s.") \
            % {"status": cheque.get_status_display()}
    if Betaalopdracht.objects.filter(cheque=cheque,
                                     batch__status=Betaalbatch.Status.OPGESTELD).exists():
        return _("De declaratie kan niet meer worden gecorrigeerd: de cheque staat in een "
                 "betaalbatch die op goedkeuring wacht. Laat die batch eerst afwijzen.")
    if laatste_declaratie(cheque) is None:
        return _("Er is geen declaratie om te corrigeren.")
    return ""


@transaction.atomic
def corrigeer_declaratie(*, cheque: Cheque, door, factuurnummer: str,
                         factuurdatum: datetime.date, bedrag: Decimal,
                         reden: str) -> Declaratie:
    """Finance corrects the amount, invoice number or date of the declaratie, checked as at
    registration; the previous values are kept in the event."""
    eis(mag_financieel_afhandelen(door))
    cheque = vergrendel_cheque(cheque)
    waarom_niet = declaratie_corrigeerbaar(cheque)
    if waarom_niet:
        raise ValidationError(waarom_niet)
    fouten = {}
    try:
        controleer_declaratie(cheque=cheque, factuurnummer=factuurnummer,
                              factuurdatum=factuurdatum, bedrag=bedrag)
    except ValidationError as e:
        fouten = e.error_dict
    if not reden.strip():
        fouten["reden"] = [ValidationError(_reden_ontbreekt())]
    if fouten:
        raise ValidationError(fouten)
    declaratie = Declaratie.objects.select_for_update().get(pk=laatste_declaratie(cheque).pk)
    voor = {"factuurnummer": declaratie.factuurnummer,
            "factuurdatum": declaratie.factuurdatum.isoformat(),
            "bedrag": str(declaratie.bedrag)}
    declaratie.factuurnummer, declaratie.factuurdatum = factuurnummer.strip(), factuurdatum
    declaratie.bedrag = bedrag
    declaratie.save(update_fields=["factuurnummer", "factuurdatum", "bedrag"])
    na = {"factuurnummer": declaratie.factuurnummer,
          "factuurdatum": declaratie.factuurdatum.isoformat(), "bedrag": str(bedrag)}
    registreer_gebeurtenis(actor=door, obj=cheque, actie="declaratie_corrigeren",
                           dossier_id=dossier_van(cheque), reden=reden.strip(),
                           gegevens={"declaratie": declaratie.pk, "voor": voor, "na": na})
    return declaratie
