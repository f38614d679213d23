"""Who may see an aanvraag and its documents: predicates returning a Toegang."""

from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag
from tfvv.permissions import (
    TOEGESTAAN,
    Toegang,
    geweigerd,
    is_geverifieerde_medewerker,
    mag_loket_zien,
)
from tfvv.roles import Rol

# staff roles that handle every case of the fund (the gemeente Enschede)
ALLE_DOSSIERS = (Rol.BEOORDELAAR, Rol.FINANCIEEL)


def is_eigenaar(user, aanvraag: Aanvraag) -> bool:
    return (user.is_authenticated and user.heeft_rol(Rol.INWONER)
            and aanvraag.aanvrager_id == user.pk)


def mag_aanvraag_zien(user, aanvraag: Aanvraag) -> Toegang:
    """The resident who owns it; a consulent of its loket; beoordelaar and financieel.

    Adviesgroep and beheerder never see personal case data.
    """
    if is_eigenaar(user, aanvraag):
        return TOEGESTAAN
    toegang = is_geverifieerde_medewerker(user)
    if not toegang:
        return toegang
    if user.heeft_rol(Rol.CONSULENT) and mag_loket_zien(user, aanvraag.loket):
        return TOEGESTAAN
    if any(user.heeft_rol(r) for r in ALLE_DOSSIERS):
        return TOEGESTAAN
    return geweigerd(_("U heeft geen toegang tot deze aanvraag."))
