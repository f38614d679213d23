"""Who may do what with a beschikking or cheque; each predicate returns a Toegang."""

from django.utils.translation import gettext_lazy as _

from tfvv.permissions import TOEGESTAAN, Toegang, geweigerd, heeft_een_rol, mag_loket_zien
from tfvv.roles import Rol

BESLISSERS = (Rol.BEOORDELAAR,)
FINANCIEN = (Rol.FINANCIEEL,)
BUDGETBEHEER = (Rol.FINANCIEEL, Rol.BEHEERDER)
# controllers and accountants: read every dossier, export dossiers; never change anything
CONTROLE = (Rol.CONTROLEUR,)
EXPORTROLLEN = FINANCIEN + CONTROLE


def houdt_rol(user, rollen) -> Toegang:
    """Role check for services (the view has already checked the session's second factor)."""
    if user is None or not user.is_authenticated or not any(user.heeft_rol(r) for r in rollen):
        return geweigerd(_("U heeft niet de rol die hiervoor nodig is."))
    return TOEGESTAAN


def mag_besluiten(user) -> Toegang:
    return houdt_rol(user, BESLISSERS)


def mag_medeondertekenen(user, beschikking) -> Toegang:
    toegang = mag_besluiten(user)
    if not toegang:
        return toegang
    if beschikking.beoordelaar_id == user.pk:
        return geweigerd(_("Een tweede beoordelaar moet iemand anders zijn dan de eerste."))
    return TOEGESTAAN


def mag_financieel_afhandelen(user) -> Toegang:
    return houdt_rol(user, FINANCIEN)


def mag_document_zien(user, beschikking, *, cheque: bool) -> Toegang:
    """The resident sees their own documents; beoordelaar and finance all; the consulent of
    the plan's loket the beschikking (not the cheque)."""
    aanvraag = beschikking.plan.aanvraag
    if user.is_authenticated and user.pk == aanvraag.aanvrager_id:
        return TOEGESTAAN
    if heeft_een_rol(user, BESLISSERS + FINANCIEN):
        return TOEGESTAAN
    if not cheque and heeft_een_rol(user, (Rol.CONSULENT,)):
        return mag_loket_zien(user, aanvraag.loket)
    return geweigerd(_("U heeft geen toegang tot dit document."))


DOSSIERROLLEN = (Rol.CONSULENT,) + BESLISSERS + FINANCIEN + CONTROLE


def mag_dossier_zien(user, aanvraag) -> Toegang:
    """Beoordelaar, finance and the controleur: every case; a consulent: the cases of their
    loket (a manager both loketten)."""
    toegang = heeft_een_rol(user, BESLISSERS + FINANCIEN + CONTROLE)
    if toegang:
        return TOEGESTAAN
    if user.is_authenticated and user.heeft_rol(Rol.CONSULENT):
        return mag_loket_zien(user, aanvraag.loket)
    return geweigerd(_("U heeft geen toegang tot dit dossier."))


def mag_dossier_exporteren(user) -> Toegang:
    """The zip of whole dossiers for an audit (docs/controle.md): controleur and finance."""
    return houdt_rol(user, EXPORTROLLEN)


def mag_dossierstukken_openen(user) -> bool:
    """The links on the dossier page lead to pages of the people who work on the case; the
    controleur reads the same documents in the export instead."""
    return any(user.heeft_rol(r) for r in (Rol.CONSULENT,) + BESLISSERS + FINANCIEN)


def mag_verslag_zien(user) -> bool:
    """The staff-only gesprek verslag: the consulenten (who write it) and the beoordelaar
    (who decides on the whole case); finance needs the facts, not the conversation."""
    return user.heeft_rol(Rol.CONSULENT) or user.heeft_rol(Rol.BEOORDELAAR)


def mag_bewijs_downloaden(user) -> bool:
    """The plan's evidence files: the same people as the plan itself
    (loopbaangesprekken.permissions_scholingsplan.mag_plan_zien)."""
    return user.heeft_rol(Rol.CONSULENT) or user.heeft_rol(Rol.BEOORDELAAR)


def mag_cheque_downloaden(user) -> bool:
    """The cheque PDF (mag_document_zien with cheque=True): beoordelaar and finance."""
    return user.heeft_rol(Rol.BEOORDELAAR) or user.heeft_rol(Rol.FINANCIEEL)


def mag_voorstel_intrekken(user, beschikking) -> Toegang:
    """Only the beoordelaar who made a proposal may take it back, and only while it waits
    for the second signature."""
    toegang = mag_besluiten(user)
    if not toegang:
        return toegang
    if beschikking.beoordelaar_id != user.pk:
        return geweigerd(_("Alleen de beoordelaar die het voorstel deed, kan het intrekken."))
    return TOEGESTAAN


def mag_collegas_beheren(user, account) -> Toegang:
    """`account` (the user's Opleideraccount or None) may manage its organisation's accounts:
    an active user flagged beheerder of an active opleider."""
    if (account is None or account.gebruiker_id != user.pk or not user.heeft_rol(Rol.OPLEIDER)
            or not account.opleider.actief):
        return geweigerd(_("Uw account hoort niet (meer) bij een actieve opleider."))
    if not account.is_beheerder:
        return geweigerd(_("Alleen een beheerder van uw organisatie mag collega's beheren."))
    return TOEGESTAAN
