"""Retention in the rapportage stage.

- Follow-up answers: when an aanvraag is anonymised, the one free-text answer (the
  occupation, which may name an employer) goes and no moment is sent any more; the answers
  from fixed lists stay, as the outcome figures are counted from them.
- Funder reports: after their retention period (settings.TFVV_BEWAARTERMIJNEN
  ["verantwoording"], from the day a report was made) the PDF and the Excel file with the
  pseudonymised participant rows are deleted; the totals, the reconciliation and the two
  SHA-256 stay, so the account a funder received can still be shown in figures.
"""

from django.dispatch import receiver
from django.utils import timezone

from rapportage.models import Verantwoordingsrapport, Vervolgmeting
from tfvv import bewaartermijnen as bt
from tfvv.bewaartermijnen import dossier_geanonimiseerd


@receiver(dossier_geanonimiseerd, dispatch_uid="rapportage.anonimiseer_vervolgmetingen")
def anonimiseer_vervolgmetingen(sender, *, dossier_id: int, **kwargs) -> None:
    metingen = Vervolgmeting.objects.filter(cheque__beschikking__plan__aanvraag_id=dossier_id)
    metingen.update(beroep="", token_hash=None)
    metingen.filter(verstuurd_op__isnull=True, gestopt_op__isnull=True).update(
        gestopt_op=timezone.now())


def verlopen_verantwoordingsrapporten(nu):
    return Verantwoordingsrapport.objects.filter(
        status=Verantwoordingsrapport.Status.KLAAR, geanonimiseerd_op__isnull=True,
        klaar_op__lte=nu - bt.termijn("verantwoording"))


def verwijder_deelnemersbestanden(rapport: Verantwoordingsrapport, nu) -> None:
    bt.verwijder_bestanden(rapport)
    rapport.geanonimiseerd_op = nu
    rapport.save(update_fields=["pdf", "xlsx", "geanonimiseerd_op"])


bt.registreer("rapportage.verantwoordingsrapport",
              te_anonimiseren=verlopen_verantwoordingsrapporten,
              anonimiseer=verwijder_deelnemersbestanden)
