"""What the cheques stage does when an earlier stage records an event."""

from django.dispatch import receiver

from cheques.models import Aanvulverzoek
from cheques.selectors import PLAN_TYPE
from cheques.services.intrekking import sluit_na_intrekking
from tfvv.events import gebeurtenis_geregistreerd


@receiver(gebeurtenis_geregistreerd, dispatch_uid="cheques.aanvulling_beantwoord")
def aanvulling_beantwoord(sender, gebeurtenis, **kwargs):
    """The consulent supplied the aanvulling (`aanvullen`): the open request is answered,
    so the suspension of the beslistermijn ends there (also in the reports)."""
    if gebeurtenis.objecttype == PLAN_TYPE and gebeurtenis.actie == "aanvullen":
        Aanvulverzoek.objects.filter(plan_id=int(gebeurtenis.object_id),
                                     beantwoord_op__isnull=True).update(
            beantwoord_op=gebeurtenis.tijdstip)


@receiver(gebeurtenis_geregistreerd, dispatch_uid="cheques.plan_gesloten_na_intrekking")
def plan_gesloten_na_intrekking(sender, gebeurtenis, **kwargs):
    """The plan closed because the resident withdrew: a concept decision and an open
    aanvulverzoek close too, in the same transaction."""
    if gebeurtenis.objecttype == PLAN_TYPE and gebeurtenis.actie == "sluiten_na_intrekking":
        sluit_na_intrekking(plan_id=int(gebeurtenis.object_id), actor=gebeurtenis.actor,
                            tijdstip=gebeurtenis.tijdstip)
