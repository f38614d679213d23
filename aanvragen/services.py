"""Writes and transitions of the aanvraag. Every function: keyword-only, one transaction."""

import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen import inwoneraccount, selectors
from aanvragen.auth import hash_token
from aanvragen.inwoneraccount import vergrendel_adres
from aanvragen.models import Aanvraag, Document, InlogLink, Wijzigingsverzoek
from aanvragen.workflow import aanvraag_statusmachine
from tfvv.events import registreer_gebeurtenis
from tfvv.mail import verstuur
from tfvv.models import Gebruiker
from tfvv.opslag import atomic_met_bestanden
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
    loket: str  # where the aanmelding goes, from the form: the same answer in every case
    herhaald: bool = False  # the same form sent again (a double click): no second mail


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


def _nieuw_account(*, email: str, voornaam: str, achternaam: str) -> Gebruiker:
    """A resident account without password for one aanmelding (see aanvragen.inwoneraccount:
    it joins an existing account with this address only when its holder proves the address).

    The group inwoner is added in one statement (looked up by name inside the INSERT), and
    its `rollen` are known without a query.
    """
    gebruiker = Gebruiker(username=f"inwoner-{secrets.token_hex(12)}", email=email,
                          first_name=voornaam[:150], last_name=achternaam[:150])
    gebruiker.set_unusable_password()
    gebruiker.save()
    Gebruiker.groups.through.objects.create(  # a missing group fails on NOT NULL
        gebruiker=gebruiker,
        group_id=Subquery(Group.objects.filter(name=Rol.INWONER).values("pk")))
    gebruiker.rollen = frozenset({Rol.INWONER})  # exactly the group added above
    return gebruiker


@transaction.atomic
def dien_aanmelding_in(*, gegevens: dict, gemeente, postcodecontrole: str) -> Aanmeldresultaat:
    """Register an aanmelding (status aangemeld) in the queue of its loket.

    `gegevens` is the cleaned AanmeldForm. A second aanmelding of the same person
    (e-mail + geboortedatum) while one is open creates nothing: the address gets a login
    link to the existing one, unless it is the same form sent again within minutes
    (`herhaald`: no mail). The caller shows the same receipt in every case: whether an
    address has an open aanvraag is told only to that address. Race-safe: concurrent
    submissions for one address are serialised by `vergrendel_adres`.
    """
    email = gegevens["email"]
    vergrendel_adres(email)
    loket = selectors.loket_voor(gegevens["voorkeur_loket"], gemeente)
    bestaande = (Aanvraag.objects.select_related("aanvrager").filter(aanvrager__email__iexact=email,
                                         aanvrager__is_active=True,
                                         geboortedatum=gegevens["geboortedatum"],
                                         status__in=Aanvraag.OPEN_STATUSSEN)
                 .order_by("pk").first())
    if bestaande is not None and _zelfde_inzending(bestaande, gegevens):
        return Aanmeldresultaat(bestaande, nieuw=False, loket=loket, herhaald=True)
    if bestaande is not None:
        registreer_gebeurtenis(
            actor=bestaande.aanvrager, obj=bestaande, actie="dubbele_aanmelding",
            dossier_id=bestaande.pk,
            reden=_("Opnieuw aangemeld terwijl deze aanvraag openstaat; er is geen nieuwe "
                    "aanvraag gemaakt en het e-mailadres kreeg een inloglink."),
        )
        plan_taak("aanvragen.tasks.mail_inloglink", gebruiker_id=bestaande.aanvrager_id,
                  al_aangemeld=True)
        return Aanmeldresultaat(bestaande, nieuw=False, loket=loket)

    gebruiker = _nieuw_account(email=email, voornaam=gegevens["voornaam"],
                               achternaam=gegevens["achternaam"])
    vandaag = timezone.localdate()
    aanvraag = Aanvraag.objects.create(
        referentie=f"TF-{vandaag.year}-{volgende(f'aanvraag-{vandaag.year}'):06d}",
        aanvrager=gebruiker, aanvraagdatum=vandaag, gemeente=gemeente,
        postcodecontrole=postcodecontrole, loket=loket, privacy_akkoord_op=timezone.now(),
        toestemming_vervolgvragen_op=(timezone.now() if gegevens.get("toestemming_vervolgvragen")
                                      else None),
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
    return Aanmeldresultaat(aanvraag, nieuw=True, loket=loket)


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
    """Render aanvragen/mail/<sjabloon>[_onderwerp].txt and send it through tfvv.mail (which
    keeps the subject one line); names in the templates pass the `mailveilig` filter."""
    context = {**context, "uren": settings.TFVV_INLOGLINK_UREN, "site_url": settings.SITE_URL}
    verstuur(aan=[aan],
             onderwerp=render_to_string(f"aanvragen/mail/{sjabloon}_onderwerp.txt", context),
             tekst=render_to_string(f"aanvragen/mail/{sjabloon}.txt", context))


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
    """Plan the search for this address's account and its login link (`terug_naar`: a
    checked path on this site, where the link leads after logging in).

    Whether an address is known is never shown: the request does the same work for every
    address (one outbox row); the worker looks the account up (`mail_inloglink_als_bekend`).
    """
    plan_taak("aanvragen.tasks.mail_inloglink_als_bekend", email=email,
              **({"terug_naar": terug_naar} if terug_naar else {}))


def mail_inloglink_als_bekend(*, email: str, terug_naar: str = "") -> None:
    """In the worker: a login link when this address belongs to a resident with an aanvraag."""
    gebruiker = selectors.account_voor_inloglink(email)
    if gebruiker is not None:
        mail_inloglink(gebruiker_id=gebruiker.pk, terug_naar=terug_naar)


def mail_emailwijziging_bevestigen(*, wijziging_id: int) -> None:
    """To the NEW address: the link that confirms it (nothing when the request is gone)."""
    gemaakt = inwoneraccount.maak_bevestigingslink(wijziging_id=wijziging_id)
    if gemaakt is not None:
        wijziging, link = gemaakt
        _mail(sjabloon="emailwijziging_bevestigen", aan=wijziging.nieuw_email,
              context={"link": link})


def mail_emailwijziging_aangevraagd(*, aan: str, nieuw: str) -> None:
    """To the OLD address: someone asked to move the account to another address."""
    _mail(sjabloon="emailwijziging_aangevraagd", aan=aan,
          context={"nieuw": verberg_email(nieuw)})


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


def mail_email_gewijzigd(*, aan: str) -> None:
    _mail(sjabloon="email_gewijzigd", aan=aan, context={})


def verberg_email(email: str) -> str:
    """'inge.devries@voorbeeld.nl' -> 'i…@voorbeeld.nl': enough to recognise, not to copy."""
    naam, _at, domein = email.partition("@")
    return f"{naam[:1]}…@{domein}"


# --- the resident's own actions -------------------------------------------------------------


@transaction.atomic
def trek_in(*, aanvraag: Aanvraag, actor) -> Aanvraag:
    """The resident withdraws their aanvraag (raises OngeldigeTransitie when closed).

    Later stages close their open records (gesprekken, plan, concept decision,
    aanvulverzoek) on the event `intrekken`, inside this transaction."""
    return wijzig_status(aanvraag=aanvraag, transitie="intrekken", actor=actor,
                         reden=_("Ingetrokken door de inwoner via Mijn aanvraag."))


@transaction.atomic
def wijzig_contactgegevens(*, gebruiker: Gebruiker, email: str, telefoon: str) -> bool:
    """The phone number of the open aanvragen changes at once; a new e-mail address only
    after the new address confirms it (aanvragen.inwoneraccount). Returns True when a new
    address now waits for that confirmation."""
    open_aanvragen = list(Aanvraag.objects.select_for_update()
                          .filter(aanvrager=gebruiker, status__in=Aanvraag.OPEN_STATUSSEN)
                          .exclude(telefoon=telefoon))
    for aanvraag in open_aanvragen:
        aanvraag.telefoon = telefoon
    Aanvraag.objects.bulk_update(open_aanvragen, ["telefoon"])
    for aanvraag in open_aanvragen:
        registreer_gebeurtenis(actor=gebruiker, obj=aanvraag, actie="contactgegevens_gewijzigd",
                               dossier_id=aanvraag.pk,
                               tekst_inwoner=_("U heeft uw telefoonnummer gewijzigd."))
    if email == gebruiker.email.lower():
        return False
    inwoneraccount.vraag_emailwijziging_aan(gebruiker=gebruiker, email=email)
    return True


class AanvraagGesloten(Exception):
    """Documents can only be added while the aanvraag is open."""


@atomic_met_bestanden()
def voeg_document_toe(*, aanvraag: Aanvraag, soort: str, bestand, mime: str, actor) -> Document:
    """Store an uploaded file (already checked by aanvragen.bestanden) in private storage;
    when anything fails before the commit, the file is removed again (tfvv.opslag)."""
    aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    if not aanvraag.is_open:
        raise AanvraagGesloten
    document = Document(aanvraag=aanvraag, soort=soort, mime=mime, grootte=bestand.size,
                        originele_naam=(bestand.name or "")[-200:], geupload_door=actor)
    document.bestand.save(bestand.name, bestand, save=False)
    document.save()
    registreer_gebeurtenis(
        actor=actor, obj=document, actie="document_toegevoegd", dossier_id=aanvraag.pk,
        tekst_inwoner=_("Document toegevoegd: %(soort)s.") % {
            "soort": document.get_soort_display()},
    )
    return document


def trek_toestemming_vervolgvragen_in(*, aanvraag: Aanvraag) -> bool:
    """The resident asked to stop the questions after the training: the consent given at the
    aanmelding ends now (the moment stays in the event). Call inside the caller's transaction
    (rapportage.vervolgvragen.stop, which also stops the planned moments). False when there
    was no consent (left)."""
    if aanvraag.toestemming_vervolgvragen_op is None:
        return False
    aanvraag.toestemming_vervolgvragen_op = None
    aanvraag.save(update_fields=["toestemming_vervolgvragen_op"])
    registreer_gebeurtenis(
        actor=None, obj=aanvraag, actie="toestemming_vervolgvragen_ingetrokken",
        dossier_id=aanvraag.pk,
        tekst_inwoner=_("U heeft gevraagd om geen vragen meer te sturen over werk en "
                        "opleiding. Wij sturen u deze vragen niet meer."))
    return True
