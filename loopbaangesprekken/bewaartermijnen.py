"""Retention: when an aanvraag is anonymised (tfvv.bewaartermijnen), blank what the
gesprekken, scholingsplannen and the resident's answers to them hold about the person,
keeping what statistics need (status, dates, outcome, route, sectors, amounts, the rule
outcomes)."""

from django.dispatch import receiver

from loopbaangesprekken.models import Gesprek, Planakkoord, Scholingsplan, Verslagversie
from tfvv.bewaartermijnen import dossier_geanonimiseerd


@receiver(dossier_geanonimiseerd, dispatch_uid="loopbaangesprekken.anonimiseer")
def anonimiseer_gesprekken_en_plannen(sender, *, dossier_id: int, **kwargs) -> None:
    Gesprek.objects.filter(aanvraag_id=dossier_id).update(verslag="", toelichting="")
    Verslagversie.objects.filter(gesprek__aanvraag_id=dossier_id).delete()
    # the resident's request for a change, the reason for submitting on their behalf
    Planakkoord.objects.filter(plan__aanvraag_id=dossier_id).update(toelichting="")
    for plan in Scholingsplan.objects.filter(aanvraag_id=dossier_id):
        snapshot = plan.toets_snapshot or {}
        plan.toets_snapshot = {k: v for k, v in snapshot.items() if k != "feiten"} or None
        plan.huidig_beroep = plan.arbeidsmarktperspectief = plan.advies = ""
        plan.save(update_fields=["toets_snapshot", "huidig_beroep", "arbeidsmarktperspectief",
                                 "advies"])
