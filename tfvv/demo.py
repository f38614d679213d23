"""Demo staff accounts for `manage.py demo`: one per role.

Every install gets its own random passwords and TOTP secrets on the first run; they are
kept (readable only by the owner) in `VAR_DIR/demo-inloggegevens.json` and printed once;
`manage.py demo --toon` prints them again. A later run leaves existing accounts alone.
"""

import base64
import json
import os
import secrets

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django_otp.plugins.otp_totp.models import TOTPDevice

from tfvv import demo_budget
from tfvv.models import Gebruiker
from tfvv.roles import PERM_ALLE_LOKETTEN, Organisatie, Rol

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
    # a second beheerder approves role changes, regeling versions and IBANs (four eyes)
    ("beheerder2", Rol.BEHEERDER, Organisatie.PROJECTBUREAU, "Joost", "Nijhuis", False),
    # an accountant of gemeente Enschede: reads dossiers and exports them for an audit
    ("controleur", Rol.CONTROLEUR, Organisatie.GEMEENTE_ENSCHEDE, "Sanne", "Oosterhof", False),
]


def base32(sleutel_hex: str) -> str:
    return base64.b32encode(bytes.fromhex(sleutel_hex)).decode()


def bestand():
    return settings.VAR_DIR / "demo-inloggegevens.json"


def lees_inloggegevens() -> dict[str, dict[str, str]]:
    try:
        return json.loads(bestand().read_text())
    except FileNotFoundError:
        return {}


def _bewaar_inloggegevens(gegevens: dict) -> None:
    pad = bestand()
    pad.parent.mkdir(parents=True, exist_ok=True)
    # created owner-only: the passwords are in plain text
    descriptor = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as f:
        json.dump(gegevens, f, indent=1)


def maak_medewerker(username, rol, organisatie, voornaam, achternaam, manager=False,
                    wachtwoord=None, sleutel=None) -> tuple[Gebruiker, TOTPDevice]:
    """A staff account with one role and a confirmed TOTP device (random unless given)."""
    user, _ = Gebruiker.objects.update_or_create(
        username=username,
        defaults={"first_name": voornaam, "last_name": achternaam, "organisatie": organisatie,
                  "email": f"{username}@twentsfonds.example", "is_staff": rol == Rol.BEHEERDER,
                  "is_active": True},
    )
    user.set_password(wachtwoord or secrets.token_urlsafe(12))
    user.save()
    user.groups.set([Group.objects.get(name=rol)])
    if manager:
        app_label, codename = PERM_ALLE_LOKETTEN.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename))
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True,
                                       key=sleutel or secrets.token_hex(20))
    return user, device


def _regel(rol, manager, username, wachtwoord, geheim) -> str:
    extra = " (ziet beide loketten)" if manager else ""
    return (f"  {Rol(rol).label + extra:<40} gebruiker {username:<17} wachtwoord "
            f"{wachtwoord}  TOTP-geheim {geheim}")


def toon(schrijf) -> bool:
    """Print the stored demo logins again; False when this install has none."""
    gegevens = lees_inloggegevens()
    if not gegevens:
        return False
    schrijf("Medewerkers (wachtwoord + TOTP-code uit een authenticator-app):")
    for username, rol, _org, _vn, _an, manager in MEDEWERKERS:
        if username in gegevens:
            g = gegevens[username]
            schrijf(_regel(rol, manager, username, g["wachtwoord"], g["totp"]))
    return True


def laad(schrijf):
    gegevens = lees_inloggegevens()
    bestaand = set(Gebruiker.objects.filter(username__in=[m[0] for m in MEDEWERKERS])
                   .values_list("username", flat=True))
    nieuw = []
    for username, rol, organisatie, voornaam, achternaam, manager in MEDEWERKERS:
        if username in bestaand and username in gegevens:
            continue  # keep this install's password and second factor
        wachtwoord, sleutel = secrets.token_urlsafe(12), secrets.token_hex(20)
        maak_medewerker(username, rol, organisatie, voornaam, achternaam, manager,
                        wachtwoord=wachtwoord, sleutel=sleutel)
        gegevens[username] = {"wachtwoord": wachtwoord, "totp": base32(sleutel)}
        nieuw.append((rol, manager, username, wachtwoord, base32(sleutel)))
    if nieuw:
        _bewaar_inloggegevens(gegevens)
        schrijf("Medewerkers (wachtwoord + TOTP-code uit een authenticator-app; alleen nu "
                "getoond, later opnieuw met `manage.py demo --toon`):")
        for regel in nieuw:
            schrijf(_regel(*regel))
    else:
        schrijf("Medewerkers: al aanwezig; toon de inloggegevens met `manage.py demo --toon`.")
    demo_budget.laad(schrijf)
