"""What the services of the cheques stage share: permission checks, row locks, mail after
commit, the regeling of a plan."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from cheques.models import Beschikking, Cheque
from cheques.tasks import maak_documenten
from loopbaangesprekken.models import Scholingsplan
from tfvv.mail import plan_mail
from tfvv.models import Regeling
from tfvv.oormerk import Kenmerken
from tfvv.outbox import plan_taak

P = Scholingsplan.Status
C = Cheque.Status
U = Beschikking.Uitkomst

NUL = Decimal("0.00")


def eis(toegang):
    if not toegang:
        raise PermissionDenied(toegang.reden)


def maak_documenten_na_commit(beschikking: Beschikking):
    plan_taak(maak_documenten, beschikking_id=beschikking.pk)


def mail_na_commit(onderwerp: str, tekst: str, aan: list[str]):
    ontvangers = [a for a in aan if a]
    if ontvangers:
        plan_mail(aan=ontvangers, onderwerp=onderwerp, tekst=tekst)


def vergrendel_plan(plan: Scholingsplan) -> Scholingsplan:
    return (Scholingsplan.objects.select_for_update(of=("self",))
            .select_related("aanvraag", "regeling", "opleider", "consulent").get(pk=plan.pk))


def regeling_van(plan: Scholingsplan) -> Regeling:
    """The regeling stored at submission, else the one in force on the aanvraagdatum."""
    if plan.regeling_id:
        return plan.regeling
    regeling = Regeling.objects.filter(geldig_van__lte=plan.aanvraag.aanvraagdatum,
                                       geldig_tot__gte=plan.aanvraag.aanvraagdatum).first()
    if regeling is None:
        raise ValidationError(_("Er is geen regeling van toepassing op de aanvraagdatum "
                                "%(datum)s.") % {"datum": plan.aanvraag.aanvraagdatum})
    return regeling


def geen_besluit(plan: Scholingsplan, toegestaan=(P.INGEDIEND,)):
    if plan.status not in toegestaan:
        raise ValidationError(
            _("Over dit scholingsplan kan nu niet worden besloten (status: %(status)s).")
            % {"status": plan.get_status_display()})
    if Beschikking.objects.filter(plan=plan).exists():
        raise ValidationError(_("Er is al een beschikking voor dit scholingsplan."))




def vergrendel_cheque(cheque: Cheque) -> Cheque:
    """Lock the beschikking, then the cheque: the order of cheques.documenten, so a decision
    on a cheque never deadlocks with the task that renders its documents (a Vervolgbesluit
    row takes a key-share lock on the beschikking)."""
    Beschikking.objects.select_for_update(of=("self",)).filter(cheque__pk=cheque.pk)\
        .values_list("pk").first()
    return (Cheque.objects.select_for_update(of=("self",))
            .select_related("beschikking__plan__aanvraag", "periode").get(pk=cheque.pk))


def dossier_van(cheque: Cheque) -> int:
    return cheque.beschikking.plan.aanvraag_id


def oormerkkenmerken(plan: Scholingsplan) -> Kenmerken:
    """What the earmarking rules look at when the plan's cheque is charged (tfvv.oormerk)."""
    return Kenmerken(arbeidssituatie=plan.aanvraag.arbeidssituatie, route=plan.route)
