"""Permission predicates: each returns a `Toegang` (allowed + the reason why not)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tfvv.roles import PERM_ALLE_LOKETTEN, Rol


@dataclass(frozen=True)
class Toegang:
    toegestaan: bool
    reden: str = ""

    def __bool__(self):
        return self.toegestaan


TOEGESTAAN = Toegang(True)


def geweigerd(reden) -> Toegang:
    return Toegang(False, str(reden))


def is_geverifieerde_medewerker(user) -> Toegang:
    """Staff must have passed the second factor in this session."""
    if not user.is_authenticated:
        return geweigerd(_("U bent niet ingelogd."))
    if not user.is_medewerker:
        return geweigerd(_("Deze pagina is alleen voor medewerkers."))
    if not user.is_verified():
        return geweigerd(_("Log in met uw tweede factor."))
    return TOEGESTAAN


def heeft_een_rol(user, rollen) -> Toegang:
    """The user holds one of `rollen`; access through a staff role needs the second factor."""
    if not user.is_authenticated:
        return geweigerd(_("U bent niet ingelogd."))
    gehouden = [r for r in rollen if user.heeft_rol(r)]
    if not gehouden:
        return geweigerd(_("U heeft geen toegang tot deze pagina."))
    if Rol.INWONER in gehouden:
        return TOEGESTAAN
    if Rol.OPLEIDER in gehouden:
        return is_geverifieerde_opleider(user)
    return is_geverifieerde_medewerker(user)


def is_geverifieerde_opleider(user) -> Toegang:
    """An opleider user must have passed the second factor in this session."""
    if not user.is_verified():
        return geweigerd(_("Log in met uw tweede factor."))
    return TOEGESTAAN


def ziet_alle_loketten(user) -> bool:
    return user.heeft_rol(Rol.CONSULENT) and user.has_perm(PERM_ALLE_LOKETTEN)


def mag_loket_zien(user, loket: str) -> Toegang:
    """A consulent sees only their own organisation's caseload, a manager both."""
    if not user.heeft_rol(Rol.CONSULENT):
        return geweigerd(_("Alleen consulenten werken in de werkvoorraad."))
    if ziet_alle_loketten(user) or user.organisatie == loket:
        return TOEGESTAAN
    return geweigerd(_("Deze aanvraag hoort bij een ander loket."))
