"""The resident withdrew the aanvraag: the cheques stage closes what is still open."""

from django.db import transaction
from django.utils.translation import gettext as _

from cheques.models import Aanvulverzoek, Beschikking
from loopbaangesprekken.models import Scholingsplan
from tfvv.events import registreer_gebeurtenis


@transaction.atomic
def sluit_na_intrekking(*, plan_id: int, actor, tijdstip) -> None:
    """A toekenning awaiting co-signing lapses (the concept is removed, as when it is not
    co-signed) and an open aanvulverzoek ends at the withdrawal, each with an event."""
    plan = Scholingsplan.objects.get(pk=plan_id)
    reden = _("De aanvrager heeft de aanvraag ingetrokken.")
    concept = (Beschikking.objects.select_for_update()
               .filter(plan=plan, status=Beschikking.Status.CONCEPT).first())
    if concept is not None:
        registreer_gebeurtenis(actor=actor, obj=plan, actie="toekenning_vervallen",
                               dossier_id=plan.aanvraag_id, reden=reden,
                               gegevens={"bedrag": str(concept.bedrag),
                                         "voorgesteld_door": concept.beoordelaar_id})
        concept.delete()
    for verzoek in Aanvulverzoek.objects.select_for_update().filter(
            plan=plan, beantwoord_op__isnull=True, vervallen_op__isnull=True):
        # the request ends here: the suspended beslistermijn has nothing left to decide
        verzoek.vervallen_op = tijdstip
        verzoek.save(update_fields=["vervallen_op"])
        registreer_gebeurtenis(actor=actor, obj=plan, actie="aanvulverzoek_vervallen",
                               dossier_id=plan.aanvraag_id, reden=reden,
                               gegevens={"aanvulverzoek": verzoek.pk})
