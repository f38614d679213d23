"""The resident withdrew the aanvraag: this stage closes what it still has open."""

from django.db import transaction
from django.utils.translation import gettext as _

from aanvragen.models import Aanvraag
from loopbaangesprekken.models import Scholingsplan
from loopbaangesprekken.services.gesprekken import sluit_geplande_gesprekken
from loopbaangesprekken.workflow import plan_statusmachine

P = Scholingsplan.Status
OPEN_PLANNEN = (P.CONCEPT, P.INGEDIEND, P.TERUG, P.AANVULLING)


@transaction.atomic
def sluit_na_intrekking(*, aanvraag_id: int, actor) -> None:
    """Cancel the planned gesprekken (the resident gets the usual cancellation mail with
    .ics) and close the open scholingsplan, each with an event. Called from the event of
    the withdrawal, inside its transaction (loopbaangesprekken/gebeurtenissen.py); the
    cheques stage closes its own records on the plan's event."""
    aanvraag = Aanvraag.objects.get(pk=aanvraag_id)
    reden = _("De aanvrager heeft de aanvraag ingetrokken.")
    sluit_geplande_gesprekken(aanvraag, actor=actor, reden=reden)
    for plan in Scholingsplan.objects.select_for_update().filter(aanvraag=aanvraag,
                                                                 status__in=OPEN_PLANNEN):
        plan_statusmachine.voer_uit(plan, "sluiten_na_intrekking", actor=actor,
                                    dossier_id=aanvraag.pk, reden=reden)
