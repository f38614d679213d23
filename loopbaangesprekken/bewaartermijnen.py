"""Retention: when an aanvraag is anonymised (tfvv.bewaartermijnen), blank what the
gesprekken and scholingsplannen hold about the person, keeping what statistics need
(status, dates, outcome, route, sectors, amounts, the rule outcomes)."""

from django.dispatch import receiver

from loopbaangesprekken.models import Gesprek, Scholingsplan, Verslagversie
from tfvv.bewaartermijnen import dossier_geanonimiseerd


@receiver(dossier_geanonimiseerd, dispatch_uid="loopbaangesprekken.anonimiseer")
def anonimiseer_gesprekken_en_plannen(sender, *, dossier_id: int, **kwargs) -> None:
    Gesprek.objects.filter(aanvraag_id=dossier_id).update(verslag="", toelichting="")
    Verslagversie.objects.filter(gesprek__aanvraag_id=dossier_id).delete()
    for plan in Scholingsplan.objects.filter(aanvraag_id=dossier_id):
        snapshot = plan.toets_snapshot or {}
        plan.toets_snapshot = {k: v for k, v in snapshot.items() if k != "feiten"} or None
        plan.huidig_beroep = plan.arbeidsmarktperspectief = plan.advies = ""
        plan.save(update_fields=["toets_snapshot", "huidig_beroep", "arbeidsmarktperspectief",
                                 "advies"])
