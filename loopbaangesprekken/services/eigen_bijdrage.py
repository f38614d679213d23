"""The resident declares in the portal that they will pay their own contribution (issue 19
item 2). Until then an `eigen_bijdrage` line does not count for R5 (Cofinancieringsregel.
telt_mee), as a party's line does not count before its digital confirmation. Changing the
amount clears the declaration (services.toezegging.vervalt_na_wijziging)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loopbaangesprekken.models import Cofinancieringsregel
from loopbaangesprekken.selectors.eigen_bijdrage import EIGEN, totaal
from loopbaangesprekken.selectors.scholingsplan import BEWERKBARE_STATUSSEN
from tfvv.events import registreer_gebeurtenis

VERKLARINGSVELDEN = ["verklaard_op", "verklaard_door"]


@transaction.atomic
def verklaar(*, plan_id: int, actor, bedrag: Decimal) -> list[Cofinancieringsregel]:
    """Record the declaration on every undeclared own-contribution line of the plan.
    `bedrag` is the total the resident saw: when the consulent changed it meanwhile, the
    declaration is refused, so nobody declares an amount they were not shown."""
    regels = list(Cofinancieringsregel.objects.select_for_update()
                  .filter(plan_id=plan_id, plan__status__in=BEWERKBARE_STATUSSEN, bron=EIGEN,
                          verklaard_op__isnull=True)
                  .select_related("plan").order_by("pk"))
    if not regels:
        raise ValidationError(_("Er is geen eigen bijdrage (meer) om te bevestigen."))
    if totaal(regels) != bedrag:
        raise ValidationError(_("Het bedrag van uw eigen bijdrage is intussen veranderd. "
                                "Lees het nieuwe bedrag en bevestig opnieuw."))
    nu = timezone.now()
    for regel in regels:
        regel.verklaard_op, regel.verklaard_door = nu, actor
        regel.save(update_fields=VERKLARINGSVELDEN)
    plan = regels[0].plan
    registreer_gebeurtenis(actor=actor, obj=plan, actie="eigen_bijdrage_bevestigd",
                           dossier_id=plan.aanvraag_id,
                           gegevens={"regels": [r.pk for r in regels], "bedrag": str(bedrag)})
    return regels


def wis_verklaring(regel: Cofinancieringsregel) -> None:
    regel.verklaard_op = regel.verklaard_door = None
    regel.save(update_fields=VERKLARINGSVELDEN)
