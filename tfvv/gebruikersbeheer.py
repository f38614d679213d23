"""Staff accounts kept by the functioneel beheerder: create, roles (four-eyes),
second factor (enrolment, reset by a second beheerder) and deactivation.

Residents are never listed or changed here; nobody can set `is_superuser` here (a
technical superuser is made with `manage.py maak_technisch_beheerder`).
"""

import secrets

import segno
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from tfvv import vierogen
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Gebruiker
from tfvv.roles import MEDEWERKERSROLLEN, Rol

SOORT_ROLLEN = "rollen"
SOORT_TWEEDE_FACTOR = "tweede_factor"


# --- reads ----------------------------------------------------------------------------

def medewerkers():
    """Staff accounts (with or without a role yet); never residents, opleiders (kept per
    opleider, cheques.opleideraccounts) or superusers."""
    return (Gebruiker.objects.filter(is_superuser=False)
            .exclude(groups__name__in=(Rol.INWONER, Rol.OPLEIDER))
            .prefetch_related("groups").order_by("last_name", "first_name", "username"))


def rollen_van(gebruiker) -> list[str]:
    return sorted(g.name for g in gebruiker.groups.all() if g.name in MEDEWERKERSROLLEN)


def rol_labels(rollen) -> str:
    return ", ".join(str(Rol(r).label) for r in rollen) or _("nog geen rol")


def otpauth_qr_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as an SVG data URI (no external service sees the secret)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5)


# --- writes ---------------------------------------------------------------------------

def _nieuw_apparaat(gebruiker) -> TOTPDevice:
    TOTPDevice.objects.filter(user=gebruiker).delete()
    return TOTPDevice.objects.create(user=gebruiker, name="authenticator", confirmed=True)


def maak_medewerker(*, actor, code: str, username: str, voornaam: str, achternaam: str,
                    email: str, organisatie: str, rollen: list[str]) -> tuple[Gebruiker, str]:
    """A new staff account without roles, a second factor and a one-time password; the
    roles are requested at once and count after a second beheerder approves them.
    Returns the account and the password (shown once)."""
    vierogen.controleer_verse_code(actor, code)
    wachtwoord = secrets.token_urlsafe(12)
    with transaction.atomic():
        gebruiker = Gebruiker(username=username, first_name=voornaam, last_name=achternaam,
                              email=email, organisatie=organisatie, is_active=True)
        gebruiker.set_password(wachtwoord)
        gebruiker.save()
        _nieuw_apparaat(gebruiker)
        registreer_gebeurtenis(actor=actor, obj=gebruiker, actie="medewerker_aangemaakt",
                               dossier_id=None, gegevens={"gevraagde_rollen": rollen})
        if rollen:
            vierogen.maak_verzoek(
                soort=SOORT_ROLLEN, actor=actor, sleutel=f"gebruiker:{gebruiker.pk}",
                omschrijving=_omschrijving_rollen(gebruiker, rollen),
                payload={"gebruiker_id": gebruiker.pk, "rollen": sorted(rollen)},
                toelichting=_("Nieuwe medewerker"))
    return gebruiker, wachtwoord


def _omschrijving_rollen(gebruiker, rollen) -> str:
    return _("Rollen van %(naam)s: %(rollen)s") % {
        "naam": gebruiker.get_full_name() or gebruiker.username, "rollen": rol_labels(rollen)}


def vraag_rollen_aan(*, actor, code: str, gebruiker, rollen: list[str], toelichting: str = ""):
    return vierogen.vraag_aan(
        soort=SOORT_ROLLEN, actor=actor, code=code, sleutel=f"gebruiker:{gebruiker.pk}",
        omschrijving=_omschrijving_rollen(gebruiker, rollen),
        payload={"gebruiker_id": gebruiker.pk, "rollen": sorted(rollen)},
        toelichting=toelichting)


def vraag_nieuwe_tweede_factor_aan(*, actor, code: str, gebruiker, toelichting: str = ""):
    return vierogen.vraag_aan(
        soort=SOORT_TWEEDE_FACTOR, actor=actor, code=code, sleutel=f"gebruiker:{gebruiker.pk}",
        omschrijving=_("Nieuwe tweede factor voor %(naam)s") % {
            "naam": gebruiker.get_full_name() or gebruiker.username},
        payload={"gebruiker_id": gebruiker.pk}, toelichting=toelichting)


def deactiveer(*, actor, code: str, gebruiker) -> None:
    if gebruiker.pk == actor.pk:
        raise vierogen.VierOgenFout(gettext_lazy("U kunt uw eigen account niet uitzetten."))
    vierogen.controleer_verse_code(actor, code)
    with transaction.atomic():
        gebruiker.is_active = False
        gebruiker.save(update_fields=["is_active"])
        registreer_gebeurtenis(actor=actor, obj=gebruiker, actie="medewerker_uitgezet",
                               dossier_id=None)


def _medewerker(payload) -> Gebruiker:
    return medewerkers().select_for_update().get(pk=payload["gebruiker_id"])


def _zet_rollen(verzoek, actor) -> None:
    gebruiker = _medewerker(verzoek.payload)
    nieuw = [r for r in verzoek.payload["rollen"] if r in MEDEWERKERSROLLEN]
    oud = rollen_van(gebruiker)
    # only staff roles change; is_staff follows the beheerder role (its admin pages)
    gebruiker.groups.remove(*Group.objects.filter(name__in=MEDEWERKERSROLLEN))
    gebruiker.groups.add(*Group.objects.filter(name__in=nieuw))
    gebruiker.is_staff = Rol.BEHEERDER in nieuw
    gebruiker.save(update_fields=["is_staff"])
    registreer_gebeurtenis(actor=actor, obj=gebruiker, actie="rollen_gewijzigd", dossier_id=None,
                           reden=verzoek.toelichting,
                           gegevens={"van": oud, "naar": sorted(nieuw),
                                     "aangevraagd_door": verzoek.aangevraagd_door_id,
                                     "verzoek": verzoek.pk})


def _nieuwe_tweede_factor(verzoek, actor) -> None:
    gebruiker = _medewerker(verzoek.payload)
    _nieuw_apparaat(gebruiker)
    registreer_gebeurtenis(actor=actor, obj=gebruiker, actie="tweede_factor_vervangen",
                           dossier_id=None, gegevens={"verzoek": verzoek.pk})


def _betrokkene(payload) -> int | None:
    return payload.get("gebruiker_id")


vierogen.registreer(vierogen.Soort(
    naam=SOORT_ROLLEN, label=gettext_lazy("Rollen van een medewerker"),
    aanvragers=(Rol.BEHEERDER,), goedkeurders=(Rol.BEHEERDER,), uitvoeren=_zet_rollen,
    betrokkene=_betrokkene))
vierogen.registreer(vierogen.Soort(
    naam=SOORT_TWEEDE_FACTOR, label=gettext_lazy("Nieuwe tweede factor"),
    aanvragers=(Rol.BEHEERDER,), goedkeurders=(Rol.BEHEERDER,),
    uitvoeren=_nieuwe_tweede_factor, betrokkene=_betrokkene))
