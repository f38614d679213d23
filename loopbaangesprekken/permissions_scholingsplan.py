"""Who may see and change a scholingsplan: predicates returning tfvv.permissions.Toegang."""

from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag
from loopbaangesprekken.models import Scholingsplan
from loopbaangesprekken.selectors.scholingsplan import BEWERKBARE_STATUSSEN
from tfvv.permissions import TOEGESTAAN, geweigerd, mag_loket_zien
from tfvv.roles import Rol

PLAN_MAKEN_STATUSSEN = (Aanvraag.Status.IN_BEHANDELING, Aanvraag.Status.SCHOLINGSPLAN)


def mag_plan_maken(user, aanvraag: Aanvraag):
    toegang = mag_loket_zien(user, aanvraag.loket)
    if not toegang:
        return toegang
    if aanvraag.status not in PLAN_MAKEN_STATUSSEN:
        return geweigerd(_("Voor een aanvraag met status '%(status)s' kan geen scholingsplan "
                           "worden opgesteld.") % {"status": aanvraag.get_status_display()})
    return TOEGESTAAN


def mag_plan_zien(user, plan: Scholingsplan):
    """The consulenten of the case's loket, and the beoordelaars of gemeente Enschede."""
    if user.heeft_rol(Rol.BEOORDELAAR):
        return TOEGESTAAN
    return mag_loket_zien(user, plan.aanvraag.loket)


def mag_plan_wijzigen(user, plan: Scholingsplan):
    """Edit or submit: a consulent of the loket, while the plan is draft, returned or
    waiting for more information."""
    toegang = mag_loket_zien(user, plan.aanvraag.loket)
    if not toegang:
        return toegang
    if plan.status not in BEWERKBARE_STATUSSEN:
        return geweigerd(_("Dit scholingsplan is ingediend en kan niet meer worden gewijzigd."))
    return TOEGESTAAN
