"""Retention of the follow-up answers: when an aanvraag is anonymised, the one free-text
answer (the occupation, which may name an employer) goes and no moment is sent any more;
the answers from fixed lists stay, as the outcome figures are counted from them."""

from django.dispatch import receiver
from django.utils import timezone

from rapportage.models import Vervolgmeting
from tfvv.bewaartermijnen import dossier_geanonimiseerd


@receiver(dossier_geanonimiseerd, dispatch_uid="rapportage.anonimiseer_vervolgmetingen")
def anonimiseer_vervolgmetingen(sender, *, dossier_id: int, **kwargs) -> None:
    metingen = Vervolgmeting.objects.filter(cheque__beschikking__plan__aanvraag_id=dossier_id)
    metingen.update(beroep="", token_hash=None)
    metingen.filter(verstuurd_op__isnull=True, gestopt_op__isnull=True).update(
        gestopt_op=timezone.now())
