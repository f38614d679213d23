"""What the cheques stage does when an earlier stage records an event."""

from django.dispatch import receiver

from aanvragen.services import wijzig_status
from aanvragen.workflow import aanvraag_statusmachine
from cheques.models import Aanvulverzoek, Beschikking, Cheque, Vervolgbesluit
from cheques.selectors import PLAN_TYPE
from cheques.services import post
from cheques.services.intrekking import sluit_na_intrekking
from tfvv.events import gebeurtenis_geregistreerd


@receiver(gebeurtenis_geregistreerd, dispatch_uid="cheques.aanvulling_beantwoord")
def aanvulling_beantwoord(sender, gebeurtenis, **kwargs):
    """The consulent supplied the aanvulling (`aanvullen`): the open request is answered,
    so the suspension of the beslistermijn ends there (also in the reports); the
    consulent's note on what was supplied goes with it."""
    if gebeurtenis.objecttype == PLAN_TYPE and gebeurtenis.actie == "aanvullen":
        Aanvulverzoek.objects.filter(plan_id=int(gebeurtenis.object_id),
                                     beantwoord_op__isnull=True,
                                     vervallen_op__isnull=True).update(
            beantwoord_op=gebeurtenis.tijdstip, toelichting_consulent=gebeurtenis.reden)


@receiver(gebeurtenis_geregistreerd, dispatch_uid="cheques.plan_gesloten_na_intrekking")
def plan_gesloten_na_intrekking(sender, gebeurtenis, **kwargs):
    """The plan closed because the resident withdrew: a concept decision and an open
    aanvulverzoek close too, in the same transaction."""
    if gebeurtenis.objecttype == PLAN_TYPE and gebeurtenis.actie == "sluiten_na_intrekking":
        sluit_na_intrekking(plan_id=int(gebeurtenis.object_id), actor=gebeurtenis.actor,
                            tijdstip=gebeurtenis.tijdstip)


CHEQUE_TYPE = "cheques.cheque"
# a cheque that ends without completion closes the aanvraag (which cannot see cheques)
AANVRAAG_BIJ_CHEQUE_EINDE = {Cheque.Status.VERVALLEN: "afsluiten_na_vervallen",
                             Cheque.Status.INGETROKKEN: "afsluiten_na_intrekking"}


@receiver(gebeurtenis_geregistreerd, dispatch_uid="cheques.aanvraag_afsluiten")
def aanvraag_afsluiten(sender, gebeurtenis, **kwargs):
    """A lapsed or withdrawn cheque must not leave the aanvraag "toegekend" forever: the
    resident sees the end in the portal and the retention job covers it."""
    transitie = AANVRAAG_BIJ_CHEQUE_EINDE.get(gebeurtenis.naar_status)
    if gebeurtenis.objecttype != CHEQUE_TYPE or transitie is None:
        return
    aanvraag = (Cheque.objects.select_related("beschikking__plan__aanvraag")
                .get(pk=int(gebeurtenis.object_id)).beschikking.plan.aanvraag)
    if aanvraag_statusmachine.toegestaan(aanvraag, transitie):
        wijzig_status(aanvraag=aanvraag, transitie=transitie, actor=gebeurtenis.actor)


@receiver(gebeurtenis_geregistreerd, dispatch_uid="cheques.per_post")
def per_post(sender, gebeurtenis, **kwargs):
    """Every decision sent to a resident who wants paper goes to the print-and-post list."""
    if gebeurtenis.objecttype == "cheques.beschikking" and gebeurtenis.actie == "verzenden":
        beschikking = Beschikking.objects.select_related("plan__aanvraag").get(
            pk=int(gebeurtenis.object_id))
        post.zet_klaar_voor_post(beschikking=beschikking)
    elif (gebeurtenis.objecttype == "cheques.vervolgbesluit"
          and gebeurtenis.actie == "vervolgbesluit"):
        besluit = Vervolgbesluit.objects.select_related("beschikking__plan__aanvraag").get(
            pk=int(gebeurtenis.object_id))
        post.zet_klaar_voor_post(beschikking=besluit.beschikking, vervolgbesluit=besluit)
