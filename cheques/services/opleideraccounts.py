"""Accounts of opleider users: invited by a beheerder, created after a second beheerder
approves (four-eyes, as every role change: tfvv.vierogen), then an e-mail link.

The invitation gives the role "opleider" to a new account, so it is a role change and
follows the same rule as staff roles: asked with a fresh code, approved by a colleague.
So is reactivating a deactivated account; deactivating takes access away and needs only
the beheerder's fresh code and a reason. (The opleider's own beheerder invites within its
own organisation: cheques.services.opleidercollegas.)
"""

import secrets

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from cheques import opleideridentiteit
from cheques.models import Opleideraccount, Opleiderlink
from loopbaangesprekken.models import Opleider
from tfvv import vierogen
from tfvv.events import registreer_gebeurtenis
from tfvv.mail import verstuur
from tfvv.models import Gebruiker
from tfvv.outbox import plan_taak
from tfvv.roles import Rol
from tfvv.tekst import mailveilig

SOORT_UITNODIGING = "opleider_uitnodigen"
SOORT_HERACTIVEREN = "opleider_heractiveren"
# an invitation is read later than a login link: a week instead of hours
UITNODIGING_UREN = 7 * 24
LINK_UREN = 1


def accounts_van(opleider):
    return (Opleideraccount.objects.filter(opleider=opleider)
            .select_related("gebruiker", "uitgenodigd_door")
            .order_by("gebruiker__last_name", "gebruiker__email"))


def weiger_bezet_email(email: str) -> None:
    if Gebruiker.objects.filter(email__iexact=email).exists():
        raise vierogen.VierOgenFout(gettext_lazy(
            "Er is al een account met dit e-mailadres. Gebruik een ander adres."), "email")


def nodig_uit(*, actor, code: str, opleider: Opleider, email: str, voornaam: str,
              achternaam: str, beheerder: bool = False):
    """Ask for a new account of `opleider` (with `beheerder`: it manages the opleider's own
    accounts); a second beheerder approves it (tfvv.vierogen)."""
    email = email.strip().lower()
    weiger_bezet_email(email)
    return vierogen.vraag_aan(
        soort=SOORT_UITNODIGING, actor=actor, code=code, sleutel=f"opleideraccount:{email}",
        omschrijving=_("Account voor %(naam)s (%(email)s) bij %(opleider)s") % {
            "naam": f"{voornaam} {achternaam}", "email": email, "opleider": opleider.naam}
        + (_(", beheerder van de opleider") if beheerder else ""),
        payload={"opleider_id": opleider.pk, "email": email, "voornaam": voornaam,
                 "achternaam": achternaam, "beheerder": beheerder})


def maak_account(*, opleider: Opleider, email: str, voornaam: str, achternaam: str,
                 beheerder: bool, uitgenodigd_door, goedgekeurd_door=None) -> Opleideraccount:
    """The user with the role "opleider", its authenticator (enrolled at the first link) and
    the invitation mail. In the transaction of the caller, which writes the event."""
    weiger_bezet_email(email)  # also: made meanwhile through another request
    gebruiker = Gebruiker(username=f"opleider-{secrets.token_hex(8)}", email=email,
                          first_name=voornaam, last_name=achternaam, is_active=True)
    gebruiker.set_unusable_password()  # logs in with link + code only
    gebruiker.save()
    gebruiker.groups.add(Group.objects.get(name=Rol.OPLEIDER))
    TOTPDevice.objects.create(user=gebruiker, name="authenticator", confirmed=False)
    account = Opleideraccount.objects.create(
        gebruiker=gebruiker, opleider=opleider, is_beheerder=beheerder,
        uitgenodigd_door=uitgenodigd_door, goedgekeurd_door=goedgekeurd_door)
    plan_taak("cheques.tasks.mail_opleiderlink", gebruiker_id=gebruiker.pk, uitnodiging=True)
    return account


def _maak_account(verzoek, actor) -> None:
    p = verzoek.payload
    opleider = Opleider.objects.get(pk=p["opleider_id"])
    account = maak_account(opleider=opleider, email=p["email"], voornaam=p["voornaam"],
                           achternaam=p["achternaam"], beheerder=p.get("beheerder", False),
                           uitgenodigd_door=verzoek.aangevraagd_door, goedgekeurd_door=actor)
    registreer_gebeurtenis(actor=actor, obj=account.gebruiker,
                           actie="opleideraccount_aangemaakt", dossier_id=None,
                           gegevens={"opleider": opleider.pk, "verzoek": verzoek.pk,
                                     "beheerder": account.is_beheerder})


# --- deactivating and reactivating ------------------------------------------------------

def zet_uit(*, account: Opleideraccount, actor, reden: str, actie: str) -> None:
    """Deactivate `account` (in the caller's transaction): it cannot log in, its sessions
    end on the next request and its unused links stop working."""
    gebruiker = account.gebruiker
    gebruiker.is_active = False
    gebruiker.save(update_fields=["is_active"])
    nu = timezone.now()
    Opleiderlink.objects.filter(gebruiker=gebruiker, gebruikt_op__isnull=True,
                                verloopt_op__gt=nu).update(verloopt_op=nu)
    registreer_gebeurtenis(actor=actor, obj=gebruiker, actie=actie, dossier_id=None,
                           reden=reden, gegevens={"opleider": account.opleider_id})


def _reden(reden: str) -> str:
    if not reden.strip():
        raise ValidationError({"reden": _("Schrijf op waarom.")})
    return reden.strip()


def zet_account_uit(*, actor, code: str, account: Opleideraccount, reden: str) -> None:
    """The fund's beheerder deactivates an opleider account (a fresh code and a reason)."""
    if not actor.heeft_rol(Rol.BEHEERDER):
        raise vierogen.VierOgenFout(gettext_lazy("Alleen een beheerder mag dit."))
    reden = _reden(reden)
    vierogen.controleer_verse_code(actor, code)  # outside the transaction: a try counts
    with transaction.atomic():
        account = Opleideraccount.objects.select_for_update().select_related(
            "gebruiker").get(pk=account.pk)
        if not account.gebruiker.is_active:
            raise ValidationError(_("Dit account is al uitgezet."))
        zet_uit(account=account, actor=actor, reden=reden, actie="opleideraccount_uitgezet")


def open_heractivering(account: Opleideraccount):
    """The reactivation waiting for a second beheerder, or None."""
    return vierogen.open_verzoek(SOORT_HERACTIVEREN, _heractivering_sleutel(account))


def _heractivering_sleutel(account: Opleideraccount) -> str:
    return f"opleideraccount-heractiveren:{account.pk}"


def vraag_heractivering_aan(*, actor, code: str, account: Opleideraccount, reden: str):
    """Giving the role back is a role change: a second beheerder approves it."""
    reden = _reden(reden)
    if account.gebruiker.is_active:
        raise ValidationError(_("Dit account is niet uitgezet."))
    gebruiker = account.gebruiker
    return vierogen.vraag_aan(
        soort=SOORT_HERACTIVEREN, actor=actor, code=code,
        sleutel=_heractivering_sleutel(account), toelichting=reden,
        omschrijving=_("Account van %(naam)s (%(email)s) bij %(opleider)s weer aanzetten") % {
            "naam": gebruiker.get_full_name(), "email": gebruiker.email,
            "opleider": account.opleider.naam},
        payload={"account_id": account.pk})


def _heractiveer(verzoek, actor) -> None:
    account = (Opleideraccount.objects.select_for_update().select_related("gebruiker")
               .get(pk=verzoek.payload["account_id"]))
    gebruiker = account.gebruiker
    if gebruiker.is_active:
        raise ValidationError(_("Dit account is intussen al weer aangezet."))
    gebruiker.is_active = True
    gebruiker.save(update_fields=["is_active"])
    registreer_gebeurtenis(actor=actor, obj=gebruiker, actie="opleideraccount_heractiveerd",
                           dossier_id=None, reden=verzoek.toelichting,
                           gegevens={"opleider": account.opleider_id, "verzoek": verzoek.pk,
                                     "aangevraagd_door": verzoek.aangevraagd_door_id})


# --- login links (in the worker) ------------------------------------------------------

@transaction.atomic
def vraag_link_aan(*, email: str) -> None:
    """Plan the link for this address; whether it is known is never shown (the worker
    looks the account up)."""
    plan_taak("cheques.tasks.mail_opleiderlink_als_bekend", email=email.strip().lower())


def mail_link_als_bekend(*, email: str) -> None:
    gebruiker = (Gebruiker.objects.filter(email__iexact=email, is_active=True,
                                          groups__name=Rol.OPLEIDER,
                                          opleideraccount__opleider__actief=True).first())
    if gebruiker is not None:
        mail_link(gebruiker_id=gebruiker.pk)


@transaction.atomic
def mail_link(*, gebruiker_id: int, uitnodiging: bool = False) -> None:
    gebruiker = Gebruiker.objects.select_related("opleideraccount__opleider").get(
        pk=gebruiker_id)
    uren = UITNODIGING_UREN if uitnodiging else LINK_UREN
    link = opleideridentiteit.maak_link(gebruiker=gebruiker, uren=uren)
    opleider = mailveilig(gebruiker.opleideraccount.opleider.naam)
    if uitnodiging:
        onderwerp = _("Uw account voor het opleidersportaal van het Twents Fonds")
        tekst = _("Beste %(naam)s,\n\nU heeft een account gekregen in het opleidersportaal "
                  "van het Twents Fonds voor Vakmanschap, voor %(opleider)s. Daar ziet u de "
                  "scholingscheques voor uw opleidingen.\n\nOpen deze link binnen zeven dagen "
                  "en koppel een authenticator-app (bijvoorbeeld Microsoft Authenticator of "
                  "Google Authenticator) door de QR-code te scannen:\n%(link)s\n\nMet "
                  "vriendelijke groet,\nGemeente Enschede, namens het Twents Fonds voor "
                  "Vakmanschap")
    else:
        onderwerp = _("Inloggen in het opleidersportaal van het Twents Fonds")
        tekst = _("Beste %(naam)s,\n\nMet deze link logt u in op het opleidersportaal voor "
                  "%(opleider)s. De link werkt één keer en een uur lang; daarna vult u de "
                  "code uit uw authenticator-app in:\n%(link)s\n\nHeeft u niet om deze link "
                  "gevraagd? Dan kunt u deze e-mail negeren.\n\nMet vriendelijke groet,\n"
                  "Gemeente Enschede, namens het Twents Fonds voor Vakmanschap")
    verstuur(aan=[gebruiker.email], onderwerp=onderwerp, tekst=tekst % {
        "naam": mailveilig(gebruiker.get_full_name()), "opleider": opleider, "link": link})


vierogen.registreer(vierogen.Soort(
    naam=SOORT_UITNODIGING, label=gettext_lazy("Account voor een opleider"),
    aanvragers=(Rol.BEHEERDER,), goedkeurders=(Rol.BEHEERDER,), uitvoeren=_maak_account))
vierogen.registreer(vierogen.Soort(
    naam=SOORT_HERACTIVEREN, label=gettext_lazy("Account van een opleider weer aanzetten"),
    aanvragers=(Rol.BEHEERDER,), goedkeurders=(Rol.BEHEERDER,), uitvoeren=_heractiveer))
