"""Decisions after the grant (vaststelling, wijziging, intrekking, terugvordering, beslissing
op bezwaar), and the letters of the procedure that are no besluit (aanmaning,
betalingsregeling, verdaging; `bezwaar_mogelijk=False`): one way to record them, send them
and announce them.

The caller (e.g. `financien.vaststellen`) locks its rows, books the money and calls
`neem_vervolgbesluit` inside its own transaction; the letter is rendered and the resident
mailed after commit by the outbox task `cheques.tasks.maak_vervolgbrief`.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques.models import Beschikking, Cheque, Vervolgbesluit
from cheques.tasks import maak_vervolgbrief
from tfvv.events import registreer_gebeurtenis
from tfvv.outbox import plan_taak
from tfvv.termijnen import bezwaartermijn_einde

TEKST_INWONER = {
    Vervolgbesluit.Soort.VASTSTELLING: _("De subsidie voor uw scholing is vastgesteld. U "
                                         "ontvangt hierover een brief."),
    Vervolgbesluit.Soort.WIJZIGING: _("Er is een besluit genomen over de wijziging van uw "
                                      "scholingscheque. U ontvangt hierover een brief."),
    Vervolgbesluit.Soort.INTREKKING: _("De subsidie voor uw scholing is ingetrokken. U "
                                       "ontvangt hierover een brief."),
    Vervolgbesluit.Soort.TERUGVORDERING: _("Er wordt een bedrag van u teruggevorderd. U "
                                           "ontvangt hierover een brief."),
    Vervolgbesluit.Soort.BESLISSING_OP_BEZWAAR: _("Er is beslist op uw bezwaar. U ontvangt "
                                                  "hierover een brief."),
}


def neem_vervolgbesluit(*, beschikking: Beschikking, soort: str, door, motivering: str,
                        grondslag: str, cheque: Cheque | None = None,
                        bedrag: Decimal | None = None, gegevens: dict | None = None,
                        bezwaar_mogelijk: bool = True) -> Vervolgbesluit:
    """Record and send one decision. Call inside the caller's transaction."""
    motivering = (motivering or "").strip()
    if not motivering:
        raise ValidationError({"motivering": _(
            "Een besluit moet een motivering hebben (artikel 3:47 Awb).")})
    vandaag = timezone.localdate()
    besluit = Vervolgbesluit.objects.create(
        beschikking=beschikking, cheque=cheque, soort=soort, bedrag=bedrag,
        motivering=motivering, grondslag=grondslag.strip(), gegevens=gegevens or {},
        genomen_door=door, verzonden_op=vandaag,
        bezwaartermijn_tot=bezwaartermijn_einde(vandaag) if bezwaar_mogelijk else None)
    registreer_gebeurtenis(
        actor=door, obj=besluit, actie="vervolgbesluit",
        # a letter that is no besluit: the step it belongs to tells the resident
        dossier_id=beschikking.plan.aanvraag_id, tekst_inwoner=TEKST_INWONER.get(soort, ""),
        gegevens={"soort": soort, "bedrag": None if bedrag is None else str(bedrag),
                  "cheque": cheque.nummer if cheque else None})
    plan_taak(maak_vervolgbrief, besluit_id=besluit.pk)
    return besluit
