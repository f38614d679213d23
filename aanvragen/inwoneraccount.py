"""Writes of the resident's account: who owns an aanvraag, and which e-mail address it uses.

The rule behind both: an account gets something that belongs to an e-mail address only
after its holder proved control of that address by using a link mailed to it.

- Every aanmelding gets an account of its own. When that person uses the login link in the
  confirmation mail and another account with the same address proved it earlier, the
  aanvraag moves to that account (`koppel_na_bewijs`). Someone who registers with another
  person's address therefore never adds anything to that person's portal.
- A new e-mail address is used only after the account's holder, logged in, uses the link
  mailed to the NEW address (`bevestig_emailwijziging`); until then the old address stays
  in use, and it is told. Requiring the login too means that the owner of the new address
  cannot be talked into attaching their address to someone else's account by clicking.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen import selectors
from aanvragen.auth import hash_token
from aanvragen.models import Aanvraag, EmailWijziging
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Gebruiker
from tfvv.outbox import plan_taak


def vergrendel_adres(email: str) -> None:
    """Serialise all writes for one e-mail address until the transaction ends.

    PostgreSQL: a transaction-scoped advisory lock (there may be no row to lock yet).
    SQLite (local `make run`) serialises writers by itself.
    """
    if connection.vendor != "postgresql":
        return
    sleutel = int.from_bytes(hashlib.sha256(f"aanmelding:{email}".encode()).digest()[:8],
                             "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [sleutel])


@transaction.atomic
def koppel_na_bewijs(*, gebruiker: Gebruiker) -> Gebruiker:
    """`gebruiker` just used a link mailed to its address: its holder controls the address.

    When another account with this address proved it earlier, this account's aanvragen
    move there (with an event each), this account is closed, and that account is returned
    to log in. Otherwise `gebruiker` itself is returned: it is now the proven account.
    """
    vergrendel_adres(gebruiker.email.lower())
    doel = selectors.bewezen_account(gebruiker.email, behalve=gebruiker)
    if doel is None:
        return gebruiker
    aanvragen = list(Aanvraag.objects.select_for_update().filter(aanvrager=gebruiker))
    Aanvraag.objects.filter(pk__in=[a.pk for a in aanvragen]).update(aanvrager=doel)
    for aanvraag in aanvragen:
        registreer_gebeurtenis(
            actor=doel, obj=aanvraag, actie="gekoppeld_aan_account", dossier_id=aanvraag.pk,
            reden=_("De inwoner gebruikte de link uit de bevestigingsmail; de aanvraag is "
                    "toegevoegd aan het bestaande account met hetzelfde e-mailadres."),
            gegevens={"van_account": gebruiker.pk, "naar_account": doel.pk})
    gebruiker.is_active = False
    gebruiker.save(update_fields=["is_active"])
    return doel


# --- changing the e-mail address ---------------------------------------------------------


@transaction.atomic
def vraag_emailwijziging_aan(*, gebruiker: Gebruiker, email: str) -> EmailWijziging:
    """Ask the new address to confirm; tell the old one. One open request per account:
    a new one replaces the ones before. Nothing changes until it is confirmed."""
    EmailWijziging.objects.filter(gebruiker=gebruiker, bevestigd_op__isnull=True).delete()
    wijziging = EmailWijziging.objects.create(
        gebruiker=gebruiker, nieuw_email=email,
        verloopt_op=timezone.now() + timedelta(hours=settings.TFVV_INLOGLINK_UREN))
    # the link is made by the mail task: the outbox never holds a usable token
    plan_taak("aanvragen.tasks.mail_emailwijziging_bevestigen", wijziging_id=wijziging.pk)
    plan_taak("aanvragen.tasks.mail_emailwijziging_aangevraagd", aan=gebruiker.email,
              nieuw=email)
    return wijziging


@transaction.atomic
def maak_bevestigingslink(*, wijziging_id: int) -> tuple[EmailWijziging, str] | None:
    """A fresh single-use link for an open request (only its hash is stored); None when the
    request was replaced, confirmed or expired in the meantime."""
    wijziging = (EmailWijziging.objects.select_for_update()
                 .filter(pk=wijziging_id, bevestigd_op__isnull=True,
                         verloopt_op__gt=timezone.now()).first())
    if wijziging is None:
        return None
    token = secrets.token_urlsafe(32)
    wijziging.token_hash = hash_token(token)
    wijziging.save(update_fields=["token_hash"])
    return wijziging, settings.SITE_URL + reverse("aanvragen:emailadres-bevestigen",
                                                  args=[token])


class LinkOngeldig(Exception):
    """The link is unknown, used, replaced or expired."""


class EmailInGebruik(Exception):
    """Another resident account already uses this e-mail address."""


@transaction.atomic
def bevestig_emailwijziging(*, token: str, gebruiker: Gebruiker) -> Gebruiker:
    """The logged-in `gebruiker` used the link mailed to their new address: from now on the
    account and its open aanvragen use it. Raises LinkOngeldig (also for a link of another
    account), or EmailInGebruik when another account has the address (shown only to one
    who proved control of it)."""
    wijziging = (EmailWijziging.objects.select_for_update()
                 .filter(token_hash=hash_token(token), gebruiker=gebruiker,
                         bevestigd_op__isnull=True, verloopt_op__gt=timezone.now()).first())
    if wijziging is None:
        raise LinkOngeldig
    email = wijziging.nieuw_email
    vergrendel_adres(email)
    if selectors.accounts_met_adres(email).exclude(pk=gebruiker.pk).exists():
        raise EmailInGebruik
    oud = gebruiker.email
    wijziging.bevestigd_op = timezone.now()
    wijziging.save(update_fields=["bevestigd_op"])
    gebruiker.email = email
    gebruiker.save(update_fields=["email"])
    open_aanvragen = list(Aanvraag.objects.select_for_update()
                          .filter(aanvrager=gebruiker, status__in=Aanvraag.OPEN_STATUSSEN))
    for aanvraag in open_aanvragen:
        aanvraag.email = email
    Aanvraag.objects.bulk_update(open_aanvragen, ["email"])
    for aanvraag in open_aanvragen:
        registreer_gebeurtenis(actor=gebruiker, obj=aanvraag, actie="emailadres_gewijzigd",
                               dossier_id=aanvraag.pk,
                               tekst_inwoner=_("U heeft uw nieuwe e-mailadres bevestigd."))
    plan_taak("aanvragen.tasks.mail_email_gewijzigd", aan=oud)
    return gebruiker
