"""Retention: a case with an open bezwaar or beroep is held (tfvv.bewaartermijnen); when an
aanvraag is anonymised, the free text of the aanvulling goes too (the documents are
removed with the aanvraag's files)."""

from django.dispatch import receiver

from cheques.models import Aanvulantwoord, Aanvulverzoek
from cheques.services.bezwaar import dossiers_in_bezwaar
from tfvv.bewaartermijnen import dossier_geanonimiseerd, registreer_blokkade

registreer_blokkade("cheques.bezwaar", dossiers=dossiers_in_bezwaar)


@receiver(dossier_geanonimiseerd, dispatch_uid="cheques.anonimiseer_aanvulling")
def anonimiseer_aanvulling(sender, *, dossier_id: int, **kwargs) -> None:
    Aanvulantwoord.objects.filter(verzoek__plan__aanvraag_id=dossier_id).update(tekst="")
    Aanvulverzoek.objects.filter(plan__aanvraag_id=dossier_id).update(toelichting_consulent="")
