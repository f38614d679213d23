"""Writes and transitions of the aanvraag. Every function: keyword-only, one transaction."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.db.models import Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen import selectors
from aanvragen.auth import hash_token
from aanvragen.models import Aanvraag, Document, InlogLink, Wijzigingsverzoek
from aanvragen.workflow import aanvraag_statusmachine
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Gebruiker
from tfvv.outbox import plan_taak
from tfvv.roles import Organisatie, Rol
from tfvv.volgnummers import volgende


@transaction.atomic
def wijzig_status(*, aanvraag: Aanvraag, transitie: str, actor, reden: str = "",
                  gegevens: dict | None = None, tekst_inwoner: str | None = None) -> Aanvraag:
    """Apply one transition of AANVRAAG_TRANSITIES (raises OngeldigeTransitie when not allowed).

    Later pipeline stages call this to move the aanvraag along; the event it records
    is what the resident's timeline shows. A transition to a closed status stamps
    `afgesloten_op`.
    """
    aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    extra = []
    naar = aanvraag_statusmachine.transities[transitie].naar
    if naar not in Aanvraag.OPEN_STATUSSEN and aanvraag.afgesloten_op is None:
        aanvraag.afgesloten_op = timezone.now()
        extra.append("afgesloten_op")
    aanvraag_statusmachine.voer_uit(
        aanvraag, transitie, actor=actor, dossier_id=aanvraag.pk, reden=reden,
        gegevens=gegevens, tekst_inwoner=tekst_inwoner, extra_velden=extra,
    )
    return aanvraag


# --- the aanmelding ---------------------------------------------------------------------


@dataclass(frozen=True)
class Aanmeldresultaat:
    aanvraag: Aanvraag
    nieuw: bool  # False: an open aanvraag of this person existed; nothing was created
    herhaald: bool = False  # the same form sent again (a double click): show its receipt


# what the resident typed, copied onto the aanvraag
AANMELDVELDEN = (
    "voornaam", "achternaam", "geboortedatum", "email", "telefoon", "postcode", "huisnummer",
    "toevoeging", "straat", "woonplaats", "besluiten_elektronisch", "opleidingsniveau",
    "arbeidssituatie", "huidig_beroep", "huidige_sector",
    "scholingswens", "voorkeur_loket", "voorkeur_locatie", "bron")
HERHAALVENSTER = timedelta(minutes=10)


def _zelfde_inzending(aanvraag: Aanvraag, gegevens: dict) -> bool:
    """A double click or a browser retry: every field equal, moments ago."""
    return (timezone.now() - aanvraag.ontvangen_op < HERHAALVENSTER
            and all(getattr(aanvraag, veld) == gegevens[veld] for veld in AANMELDVELDEN))


def _vergrendel_persoon(email: str) -> None:
    """Serialise all aanmeldingen for one e-mail address until the transaction ends.

    PostgreSQL: a transaction-scoped advisory lock (there may be no row to lock yet).
    SQLite (local `make run`) serialises writers by itself.
    """
    if connection.vendor != "postgresql":
        return
    sleutel = int.from_bytes(hashlib.sha256(f"aanmelding:{email}".encode()).digest()[:8],
                             "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [sleutel])


def _inwoner(*, email: str, voornaam: str, achternaam: str) -> tuple[Gebruiker, bool]:
    """The resident's account for this e-mail address: reused, or created without password.

    Returns (gebruiker, nieuw). A new account gets group inwoner in one statement (the
    group looked up by name inside the INSERT), and its `rollen` are known without a query.
    """
    gebruiker = (Gebruiker.objects.filter(email__iexact=email, groups__name=Rol.INWONER)
                 .order_by("pk").first())
    if gebruiker is not None:
        return gebruiker, False
    gebruiker = Gebruiker(username=f"inwoner-{secrets.token_hex(12)}", email=email,
                          first_name=voornaam[:150], last_name=achternaam[:150])
    gebruiker.set_unusable_password()
    gebruiker.save()
    Gebruiker.groups.through.objects.create(  # a missing group fails on NOT NULL
        gebruiker=gebruiker,
        group_id=Subquery(Group.objects.filter(name=Rol.INWONER).values("pk")))
    gebruiker.rollen = frozenset({Rol.INWONER})  # exactly the group added above
    return gebruiker, True


@transaction.atomic
def dien_aanmelding_in(*, gegevens: dict, gemeente, postcodecontrole: str) -> Aanmeldresultaat:
    """Register an aanmelding (status aangemeld) in the queue of its loket.

    `gegevens` is the cleaned AanmeldForm. A second aanmelding of the same person
    (e-mail + geboortedatum) while one is open creates nothing: the resident gets a
    login link to the existing one, unless it is the same form sent again within minutes
    (`herhaald`: no mail, the receipt of the first one). Race-safe: concurrent submissions of one
    person are serialised by `_vergrendel_persoon`.
    """
    email = gegevens["email"]
    _vergrendel_persoon(email)
    gebruiker, nieuw = _inwoner(email=email, voornaam=gegevens["voornaam"],
                                achternaam=gegevens["achternaam"])
    # a brand-new account has no aanvragen yet: no need to look for an open one
    bestaande = None if nieuw else (
        Aanvraag.objects.filter(aanvrager=gebruiker, geboortedatum=gegevens["geboortedatum"],
                                status__in=Aanvraag.OPEN_STATUSSEN)
        .order_by("pk").first())
    if bestaande is not None and _zelfde_inzending(bestaande, gegevens):
        return Aanmeldresultaat(bestaande, nieuw=False, herhaald=True)
    if bestaande is not None:
        registreer_gebeurtenis(
            actor=gebruiker, obj=bestaande, actie="dubbele_aanmelding", dossier_id=bestaande.pk,
            reden=_("Opnieuw aangemeld terwijl deze aanvraag openstaat; er is geen nieuwe "
                    "aanvraag gemaakt en de inwoner kreeg een inloglink."),
        )
        plan_taak("aanvragen.tasks.mail_inloglink", gebruiker_id=gebruiker.pk, al_aangemeld=True)
        return Aanmeldresultaat(bestaande, nieuw=False)

    vandaag = timezone.localdate()
    loket = selectors.loket_voor(gegevens["voorkeur_loket"], gemeente)
    aanvraag = Aanvraag.objects.create(
        referentie=f"TF-{vandaag.year}-{volgende(f'aanvraag-{vandaag.year}'):06d}",
        aanvrager=gebruiker, aanvraagdatum=vandaag, gemeente=gemeente,
        postcodecontrole=postcodecontrole, loket=loket, privacy_akkoord_op=timezone.now(),
        **{veld: gegevens[veld] for veld in AANMELDVELDEN},
    )
    registreer_gebeurtenis(
        actor=gebruiker, obj=aanvraag, actie="aangemeld", dossier_id=aanvraag.pk,
        naar_status=aanvraag.status,
        tekst_inwoner=_("Wij hebben uw aanmelding ontvangen. Een consulent van %(loket)s "
                        "neemt contact met u op.") % {"loket": Organisatie(loket).label},
        gegevens={"loket": loket, "postcodecontrole": postcodecontrole},
    )
    plan_taak("aanvragen.tasks.mail_ontvangstbevestiging", aanvraag_id=aanvraag.pk)
    return Aanmeldresultaat(aanvraag, nieuw=True)


# --- login links and e-mail -----------------------------------------------------------


@transaction.atomic
def maak_inloglink(*, gebruiker: Gebruiker, terug_naar: str = "") -> str:
    """A new personal, single-use link; only its hash is stored. Returns the full URL;
    `terug_naar` (a path on this site) is where the link leads after logging in."""
    token = secrets.token_urlsafe(32)
    InlogLink.objects.create(
        gebruiker=gebruiker, token_hash=hash_token(token),
        verloopt_op=timezone.now() + timedelta(hours=settings.TFVV_INLOGLINK_UREN),
    )
    link = settings.SITE_URL + reverse("aanvragen:inloglink", args=[token])
    return f"{link}?{urlencode({'next': terug_naar})}" if terug_naar else link


def _mail(*, sjabloon: str, aan: str, context: dict) -> None:
    context = {**context, "uren": settings.TFVV_INLOGLINK_UREN, "site_url": settings.SITE_URL}
    onderwerp = render_to_string(f"aanvragen/mail/{sjabloon}_onderwerp.txt", context).strip()
    tekst = render_to_string(f"aanvragen/mail/{sjabloon}.txt", context)
    send_mail(onderwerp, tekst, None, [aan])


@transaction.atomic
def mail_ontvangstbevestiging(*, aanvraag_id: int) -> None:
    """Awb 4:3a: confirm receipt of the electronic application, with a login link."""
    aanvraag = Aanvraag.objects.select_related("aanvrager").get(pk=aanvraag_id)
    link = maak_inloglink(gebruiker=aanvraag.aanvrager)
    _mail(sjabloon="ontvangstbevestiging", aan=aanvraag.email,
          context={"aanvraag": aanvraag, "link": link,
                   "loket": Organisatie(aanvraag.loket).label})


@transaction.atomic
def mail_inloglink(*, gebruiker_id: int, al_aangemeld: bool = False,
                   terug_naar: str = "") -> None:
    gebruiker = Gebruiker.objects.get(pk=gebruiker_id)
    link = maak_inloglink(gebruiker=gebruiker, terug_naar=terug_naar)
    _mail(sjabloon="inloglink", aan=gebruiker.email,
          context={"gebruiker": gebruiker, "link": link, "al_aangemeld": al_aangemeld})


@transaction.atomic
def vraag_inloglink_aan(*, email: str, terug_naar: str = "") -> None:
    """Send a login link when this address belongs to a resident with an aanvraag;
    `terug_naar` (a checked path on this site) is where the link leads after logging in.

    The caller answers the same either way: whether an address is known is never shown.
    """
    gebruiker = (Gebruiker.objects.filter(email__iexact=email, groups__name=Rol.INWONER,
                                          is_active=True, aanvragen__isnull=False)
                 .order_by("pk").first())
    if gebruiker is not None:
        plan_taak("aanvragen.tasks.mail_inloglink", gebruiker_id=gebruiker.pk,
                  **({"terug_naar": terug_naar} if terug_naar else {}))


# --- the resident's own actions -------------------------------------------------------------


def trek_in(*, aanvraag: Aanvraag, actor) -> Aanvraag:
    """The resident withdraws their aanvraag (raises OngeldigeTransitie when closed)."""
    return wijzig_status(aanvraag=aanvraag, transitie="intrekken", actor=actor,
                         reden=_("Ingetrokken door de inwoner via Mijn aanvraag."))


@transaction.atomic
def vraag_wijziging(*, aanvraag: Aanvraag, actor, opleiding_naam: str = "", startdatum=None,
                    einddatum=None, bedrag=None, toelichting: str) -> Wijzigingsverzoek:
    """After the grant the resident asks to change the opleiding, dates or amount. The
    cheques stage (which this app cannot import) decides on it: it lists the open requests
    and answers with a wijzigingsbeschikking."""
    aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    if aanvraag.status != Aanvraag.Status.TOEGEKEND:
        raise ValidationError(_("U kunt alleen een wijziging vragen als uw aanvraag is "
                                "toegekend en uw scholing nog loopt."))
    if aanvraag.wijzigingsverzoeken.filter(afgehandeld_op__isnull=True).exists():
        raise ValidationError(_("Er loopt al een verzoek om wijziging. Wacht op ons besluit."))
    verzoek = Wijzigingsverzoek.objects.create(
        aanvraag=aanvraag, opleiding_naam=opleiding_naam.strip(), startdatum=startdatum,
        einddatum=einddatum, bedrag=bedrag, toelichting=toelichting.strip())
    registreer_gebeurtenis(
        actor=actor, obj=verzoek, actie="wijziging_gevraagd", dossier_id=aanvraag.pk,
        tekst_inwoner=_("Wij hebben uw verzoek om wijziging ontvangen. U krijgt een besluit "
                        "binnen acht weken."),
        gegevens={"bedrag": str(bedrag or ""), "startdatum": str(startdatum or ""),
                  "einddatum": str(einddatum or ""), "opleiding": opleiding_naam.strip()})
    return verzoek


class EmailInGebruik(Exception):
    """Another resident account already uses this e-mail address."""


@transaction.atomic
def wijzig_contactgegevens(*, gebruiker: Gebruiker, email: str, telefoon: str) -> None:
    """New e-mail address and phone number for the account and its open aanvragen.

    The old address is told of an e-mail change (it may not have been the resident).
    """
    gebruiker = Gebruiker.objects.select_for_update().get(pk=gebruiker.pk)
    oud = gebruiker.email
    if email != oud.lower():
        _vergrendel_persoon(email)
        if (Gebruiker.objects.filter(email__iexact=email, groups__name=Rol.INWONER)
                .exclude(pk=gebruiker.pk).exists()):
            raise EmailInGebruik
        gebruiker.email = email
        gebruiker.save(update_fields=["email"])
        plan_taak("aanvragen.tasks.mail_email_gewijzigd", aan=oud)
    open_aanvragen = list(Aanvraag.objects.select_for_update()
                          .filter(aanvrager=gebruiker, status__in=Aanvraag.OPEN_STATUSSEN))
    for aanvraag in open_aanvragen:
        aanvraag.email, aanvraag.telefoon = email, telefoon
    Aanvraag.objects.bulk_update(open_aanvragen, ["email", "telefoon"])
    for aanvraag in open_aanvragen:
        registreer_gebeurtenis(actor=gebruiker, obj=aanvraag, actie="contactgegevens_gewijzigd",
                               dossier_id=aanvraag.pk,
                               tekst_inwoner=_("U heeft uw contactgegevens gewijzigd."))


def mail_email_gewijzigd(*, aan: str) -> None:
    _mail(sjabloon="email_gewijzigd", aan=aan, context={})


class AanvraagGesloten(Exception):
    """Documents can only be added while the aanvraag is open."""


@transaction.atomic
def voeg_document_toe(*, aanvraag: Aanvraag, soort: str, bestand, mime: str, actor) -> Document:
    """Store an uploaded file (already checked by aanvragen.bestanden) in private storage."""
    aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    if not aanvraag.is_open:
        raise AanvraagGesloten
    document = Document(aanvraag=aanvraag, soort=soort, mime=mime, grootte=bestand.size,
                        originele_naam=(bestand.name or "")[-200:], geupload_door=actor)
    document.bestand.save(bestand.name, bestand, save=False)
    try:
        with transaction.atomic():
            document.save()
            registreer_gebeurtenis(
                actor=actor, obj=document, actie="document_toegevoegd", dossier_id=aanvraag.pk,
                tekst_inwoner=_("Document toegevoegd: %(soort)s.") % {
                    "soort": document.get_soort_display()},
            )
    except Exception:
        document.bestand.delete(save=False)  # no file without its record
        raise
    return document
