"""Accounts of opleider users: invited by a beheerder, created after a second beheerder
approves (four-eyes, as every role change: tfvv.vierogen), then an e-mail link.

The invitation gives the role "opleider" to a new account, so it is a role change and
follows the same rule as staff roles: asked with a fresh code, approved by a colleague.
"""

import secrets

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from cheques import opleideridentiteit
from cheques.models import Opleideraccount
from loopbaangesprekken.models import Opleider
from tfvv import vierogen
from tfvv.events import registreer_gebeurtenis
from tfvv.mail import verstuur
from tfvv.models import Gebruiker
from tfvv.outbox import plan_taak
from tfvv.roles import Rol
from tfvv.tekst import mailveilig

SOORT_UITNODIGING = "opleider_uitnodigen"
# an invitation is read later than a login link: a week instead of hours
UITNODIGING_UREN = 7 * 24
LINK_UREN = 1


def accounts_van(opleider):
    return (Opleideraccount.objects.filter(opleider=opleider).select_related("gebruiker")
            .order_by("gebruiker__last_name", "gebruiker__email"))


def _email_bezet(email: str) -> bool:
    return Gebruiker.objects.filter(email__iexact=email).exists()


def nodig_uit(*, actor, code: str, opleider: Opleider, email: str, voornaam: str,
              achternaam: str):
    """Ask for a new account of `opleider`; a second beheerder approves it (tfvv.vierogen)."""
    email = email.strip().lower()
    if _email_bezet(email):
        raise vierogen.VierOgenFout(gettext_lazy(
            "Er is al een account met dit e-mailadres. Gebruik een ander adres."), "email")
    return vierogen.vraag_aan(
        soort=SOORT_UITNODIGING, actor=actor, code=code, sleutel=f"opleideraccount:{email}",
        omschrijving=_("Account voor %(naam)s (%(email)s) bij %(opleider)s") % {
            "naam": f"{voornaam} {achternaam}", "email": email, "opleider": opleider.naam},
        payload={"opleider_id": opleider.pk, "email": email, "voornaam": voornaam,
                 "achternaam": achternaam})


def _maak_account(verzoek, actor) -> None:
    p = verzoek.payload
    opleider = Opleider.objects.get(pk=p["opleider_id"])
    if _email_bezet(p["email"]):  # made meanwhile through another request
        raise vierogen.VierOgenFout(gettext_lazy(
            "Er is inmiddels al een account met dit e-mailadres."))
    gebruiker = Gebruiker(username=f"opleider-{secrets.token_hex(8)}", email=p["email"],
                          first_name=p["voornaam"], last_name=p["achternaam"], is_active=True)
    gebruiker.set_unusable_password()  # logs in with link + code only
    gebruiker.save()
    gebruiker.groups.add(Group.objects.get(name=Rol.OPLEIDER))
    TOTPDevice.objects.create(user=gebruiker, name="authenticator", confirmed=False)
    Opleideraccount.objects.create(gebruiker=gebruiker, opleider=opleider,
                                   uitgenodigd_door_id=verzoek.aangevraagd_door_id,
                                   goedgekeurd_door=actor)
    registreer_gebeurtenis(actor=actor, obj=gebruiker, actie="opleideraccount_aangemaakt",
                           dossier_id=None, gegevens={"opleider": opleider.pk,
                                                      "verzoek": verzoek.pk})
    plan_taak("cheques.tasks.mail_opleiderlink", gebruiker_id=gebruiker.pk, uitnodiging=True)


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
