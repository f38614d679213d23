"""What the loopbaangesprekken stage does when an earlier stage records an event."""

from django.dispatch import receiver

from loopbaangesprekken.services.intrekking import sluit_na_intrekking
from tfvv.events import gebeurtenis_geregistreerd

AANVRAAG_TYPE = "aanvragen.aanvraag"


@receiver(gebeurtenis_geregistreerd, dispatch_uid="loopbaangesprekken.aanvraag_ingetrokken")
def aanvraag_ingetrokken(sender, gebeurtenis, **kwargs):
    """The resident withdrew the aanvraag: gesprekken and plan close in the same transaction."""
    if gebeurtenis.objecttype == AANVRAAG_TYPE and gebeurtenis.actie == "intrekken":
        sluit_na_intrekking(aanvraag_id=int(gebeurtenis.object_id), actor=gebeurtenis.actor)
