"""Demo staff accounts for `manage.py demo`: one per role, with a known TOTP secret."""

import base64
import hashlib

from django.contrib.auth.models import Group, Permission
from django_otp.plugins.otp_totp.models import TOTPDevice

from tfvv.models import Gebruiker
from tfvv.roles import PERM_ALLE_LOKETTEN, Organisatie, Rol

DEMO_WACHTWOORD = "Twente-demo-2026!"

MEDEWERKERS = [
    # username, rol, organisatie, voornaam, achternaam, manager
    ("consulent-lwl", Rol.CONSULENT, Organisatie.LEERWERKLOKET, "Lotte", "Wessels", False),
    ("consulent-lbs", Rol.CONSULENT, Organisatie.LOOPBAANSTATION, "Bram", "Nijhuis", False),
    ("manager-loketten", Rol.CONSULENT, Organisatie.LEERWERKLOKET, "Edwin", "Kamp", True),
    ("beoordelaar", Rol.BEOORDELAAR, Organisatie.GEMEENTE_ENSCHEDE, "Fatma", "Yilmaz", False),
    ("beoordelaar2", Rol.BEOORDELAAR, Organisatie.GEMEENTE_ENSCHEDE, "Jeroen", "Oude Vrielink",
     False),
    ("financieel", Rol.FINANCIEEL, Organisatie.GEMEENTE_ENSCHEDE, "Ingrid", "Hulsbos", False),
    # the second pair of eyes on payment batches
    ("financieel2", Rol.FINANCIEEL, Organisatie.GEMEENTE_ENSCHEDE, "Wim", "Lansink", False),
    ("adviesgroep", Rol.ADVIESGROEP, Organisatie.ADVIESGROEP, "Henk", "Boes", False),
    ("beheerder", Rol.BEHEERDER, Organisatie.PROJECTBUREAU, "Marieke", "Ter Horst", False),
]


def totp_sleutel(username: str) -> str:
    """A fixed secret per demo user, so `manage.py demo` stays idempotent."""
    return hashlib.sha256(f"tfvv-demo-{username}".encode()).hexdigest()[:40]


def base32(sleutel_hex: str) -> str:
    return base64.b32encode(bytes.fromhex(sleutel_hex)).decode()


def maak_medewerker(username, rol, organisatie, voornaam, achternaam, manager=False,
                    wachtwoord=DEMO_WACHTWOORD) -> tuple[Gebruiker, TOTPDevice]:
    user, _ = Gebruiker.objects.update_or_create(
        username=username,
        defaults={"first_name": voornaam, "last_name": achternaam, "organisatie": organisatie,
                  "email": f"{username}@twentsfonds.example", "is_staff": rol == Rol.BEHEERDER,
                  "is_active": True},
    )
    user.set_password(wachtwoord)
    user.save()
    user.groups.set([Group.objects.get(name=rol)])
    if manager:
        app_label, codename = PERM_ALLE_LOKETTEN.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename))
    device, _ = TOTPDevice.objects.update_or_create(
        user=user, name="authenticator", defaults={"key": totp_sleutel(username),
                                                   "confirmed": True})
    return user, device


def laad(schrijf):
    schrijf("Medewerkers (wachtwoord + TOTP-code uit een authenticator-app):")
    for username, rol, organisatie, voornaam, achternaam, manager in MEDEWERKERS:
        maak_medewerker(username, rol, organisatie, voornaam, achternaam, manager)
        extra = " (ziet beide loketten)" if manager else ""
        schrijf(f"  {Rol(rol).label + extra:<40} gebruiker {username:<17} wachtwoord "
                f"{DEMO_WACHTWOORD}  TOTP-geheim {base32(totp_sleutel(username))}")
