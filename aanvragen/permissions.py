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


def mag_document_verwijderen(user, document, *, vastgelegd_tot) -> Toegang:
    """Remove a wrongly uploaded document: the resident their own upload, a consulent of the
    case's loket any document on it; only while the aanvraag is open and no decision relies
    on the document (`vastgelegd_tot`: aanvragen.documentgebruik.vastgelegd_tot)."""
    aanvraag = document.aanvraag
    if is_eigenaar(user, aanvraag):
        if document.geupload_door_id != user.pk:
            return geweigerd(_("U kunt alleen documenten verwijderen die u zelf heeft "
                               "toegevoegd."))
    # the views have checked the staff member's second factor
    elif not (user.is_authenticated and user.heeft_rol(Rol.CONSULENT)
              and mag_loket_zien(user, aanvraag.loket)):
        return geweigerd(_("Alleen de consulent van deze aanvraag kan documenten "
                           "verwijderen."))
    if not aanvraag.is_open:
        return geweigerd(_("De aanvraag is afgesloten; de documenten blijven bewaard."))
    if vastgelegd_tot is not None and document.geupload_op <= vastgelegd_tot:
        return geweigerd(_("Op dit document berust een beschikking; het kan niet meer worden "
                           "verwijderd."))
    return TOEGESTAAN
