"""The digital co-financing commitment: the consulent asks the party of a co-financing line
(employer, O&O-fonds, UWV, gemeente) to confirm its share; the party answers through a
single-use link, without an account.

Only a hash of the token is stored and the link is made by the mail task, so neither the
database nor the outbox holds a usable link. The party's identity is what it types (name,
function) plus when and from which IP address; eHerkenning can later replace that at
`beantwoord` (the one place that records who answered).
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.auth import hash_token
from loopbaangesprekken.models import Cofinancieringsregel, Toezeggingsverzoek
from loopbaangesprekken.models.scholingsplan import Toezeggingsstand
from loopbaangesprekken.selectors.scholingsplan import BEWERKBARE_STATUSSEN
from loopbaangesprekken.selectors.toezegging import inhoud
from loopbaangesprekken.services import eigen_bijdrage
from tfvv.events import registreer_gebeurtenis
from tfvv.mail import verstuur
from tfvv.outbox import plan_taak
from tfvv.termijnen import einde_termijn

# how long the party has to answer (calendar days, extended to a working day by the Atw)
GELDIG_DAGEN = 14
# a change of one of these fields on the line makes an earlier answer void
WEZENLIJK = frozenset({"bron", "partij", "werkgever", "bedrag", "contact_email"})
# ... and of these the resident's declaration of their own contribution
VERKLAARD = frozenset({"bron", "bedrag"})
ANTWOORDVELDEN = ["toezegging", "toezegging_bedrag", "toezegging_naam", "toezegging_functie",
                  "toezegging_reden", "toezegging_op", "toezegging_ip"]


class LinkOngeldig(Exception):
    """The link is unknown, used, replaced or expired."""


def email_voor(regel: Cofinancieringsregel) -> str:
    """Where the request goes: the line's own address, else the employer's contact."""
    if regel.contact_email:
        return regel.contact_email
    return regel.werkgever.email if regel.werkgever_id else ""


def _verloopt_op() -> datetime.datetime:
    """The end (local midnight) of the last day the link may be used."""
    laatste = einde_termijn(timezone.localdate() + datetime.timedelta(days=GELDIG_DAGEN))
    return timezone.make_aware(datetime.datetime.combine(
        laatste + datetime.timedelta(days=1), datetime.time.min))


def _wis_antwoord(regel: Cofinancieringsregel) -> None:
    regel.toezegging, regel.toezegging_bedrag, regel.toezegging_op = "", None, None
    regel.toezegging_naam = regel.toezegging_functie = regel.toezegging_reden = ""
    regel.toezegging_ip = None
    regel.toezeggingsverzoeken.filter(gebruikt_op__isnull=True).delete()


@transaction.atomic
def vraag_toezegging(*, regel: Cofinancieringsregel, actor) -> Toezeggingsverzoek:
    """Mail the party a fresh link; an earlier open link stops working."""
    regel = (Cofinancieringsregel.objects.select_for_update().select_related("plan")
             .get(pk=regel.pk))
    if regel.plan.status not in BEWERKBARE_STATUSSEN:
        raise ValidationError(_("Dit scholingsplan kan niet meer worden gewijzigd."))
    if regel.door_aanvrager:
        raise ValidationError(_("De eigen bijdrage van de aanvrager hoeft niet te worden "
                                "toegezegd door een andere partij."))
    if regel.toezegging == Toezeggingsstand.BEVESTIGD:
        raise ValidationError(_("Deze bijdrage is al bevestigd."))
    email = email_voor(regel)
    if not email:
        raise ValidationError(_("Vul eerst een e-mailadres voor de toezegging in, of kies de "
                                "werkgever uit het register."))
    _wis_antwoord(regel)
    regel.toezegging = Toezeggingsstand.GEVRAAGD
    regel.save(update_fields=ANTWOORDVELDEN)
    verzoek = Toezeggingsverzoek.objects.create(regel=regel, email=email, gevraagd_door=actor,
                                                verloopt_op=_verloopt_op())
    registreer_gebeurtenis(actor=actor, obj=regel.plan, actie="cofinanciering_gevraagd",
                           dossier_id=regel.plan.aanvraag_id,
                           gegevens={"regel": regel.pk, "bedrag": str(regel.bedrag)})
    plan_taak("loopbaangesprekken.tasks.mail_toezeggingsverzoek", verzoek_id=verzoek.pk)
    return verzoek


def vervalt_na_wijziging(formset) -> None:
    """The consulent changed the party or the amount of a line: the party's answer no
    longer applies (and an open link stops working), nor does the resident's declaration of
    their own contribution. Call after the formset is saved."""
    for form in formset.forms:
        regel = form.instance
        if not regel.pk or form.cleaned_data.get("DELETE"):
            continue
        gewijzigd = set(form.changed_data)
        if regel.toezegging and WEZENLIJK & gewijzigd:
            _wis_antwoord(regel)
            regel.save(update_fields=ANTWOORDVELDEN)
        if regel.verklaard_op and VERKLAARD & gewijzigd:
            eigen_bijdrage.wis_verklaring(regel)


@transaction.atomic
def maak_link(*, verzoek_id: int) -> tuple[Toezeggingsverzoek, str] | None:
    """A fresh token for an open request; None when it was answered, replaced or expired."""
    verzoek = (Toezeggingsverzoek.objects.select_for_update()
               .filter(pk=verzoek_id, gebruikt_op__isnull=True, verloopt_op__gt=timezone.now())
               .first())
    if verzoek is None:
        return None
    token = secrets.token_urlsafe(32)
    verzoek.token_hash = hash_token(token)
    verzoek.save(update_fields=["token_hash"])
    return verzoek, settings.SITE_URL + reverse("toezegging:antwoord", args=[token])


def mail_verzoek(*, verzoek_id: int, herinnering: bool = False) -> None:
    """The request (or the reminder, services.toezegging_herinnering) with a fresh link; nothing
    when the party answered or the link expired in the meantime."""
    gemaakt = maak_link(verzoek_id=verzoek_id)
    if gemaakt is None:
        return
    verzoek, link = gemaakt
    regel = (Cofinancieringsregel.objects
             .select_related("plan__opleider", "plan__aanvraag", "werkgever")
             .get(pk=verzoek.regel_id))
    # the last day the link works (it stops at the midnight after it)
    laatste_dag = timezone.localtime(verzoek.verloopt_op).date() - datetime.timedelta(days=1)
    context = {"link": link, "inhoud": inhoud(regel), "laatste_dag": laatste_dag}
    sjabloon = ("loopbaangesprekken/mail/toezegging_herinnering" if herinnering
                else "loopbaangesprekken/mail/toezegging")
    verstuur(aan=[verzoek.email],
             onderwerp=render_to_string(f"{sjabloon}_onderwerp.txt", context),
             tekst=render_to_string(f"{sjabloon}.txt", context))


def open_verzoek(token: str) -> Toezeggingsverzoek:
    """The open request of this link, with what the public page shows; LinkOngeldig."""
    verzoek = (Toezeggingsverzoek.objects
               .select_related("regel__plan__opleider", "regel__plan__aanvraag",
                               "regel__werkgever")
               .filter(token_hash=hash_token(token or ""), gebruikt_op__isnull=True,
                       verloopt_op__gt=timezone.now(),
                       regel__toezegging=Toezeggingsstand.GEVRAAGD).first())
    if verzoek is None or not token:
        raise LinkOngeldig
    return verzoek


@transaction.atomic
def beantwoord(*, token: str, bevestigd: bool, naam: str, functie: str, reden: str = "",
               ip: str | None) -> Cofinancieringsregel:
    """The party confirms the line's amount or declines (with a reason). Spends the link.
    A decline reaches the consulent as a melding (loopbaangesprekken.meldingen)."""
    verzoek = open_verzoek(token)
    verzoek = Toezeggingsverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.gebruikt_op is not None:  # answered in another tab a moment ago
        raise LinkOngeldig
    regel = Cofinancieringsregel.objects.select_for_update().select_related("plan").get(
        pk=verzoek.regel_id)
    nu = timezone.now()
    verzoek.gebruikt_op = nu
    verzoek.save(update_fields=["gebruikt_op"])
    regel.toezegging = Toezeggingsstand.BEVESTIGD if bevestigd else Toezeggingsstand.AFGEWEZEN
    regel.toezegging_bedrag = regel.bedrag if bevestigd else None
    regel.toezegging_naam, regel.toezegging_functie = naam.strip(), functie.strip()
    regel.toezegging_reden = "" if bevestigd else reden.strip()
    regel.toezegging_op, regel.toezegging_ip = nu, ip
    regel.save(update_fields=ANTWOORDVELDEN)
    registreer_gebeurtenis(
        actor=None, obj=regel.plan, dossier_id=regel.plan.aanvraag_id,
        actie="cofinanciering_bevestigd" if bevestigd else "cofinanciering_afgewezen",
        reden=regel.toezegging_reden,
        gegevens={"regel": regel.pk, "partij": regel.partij, "bedrag": str(regel.bedrag),
                  "naam": regel.toezegging_naam, "functie": regel.toezegging_functie,
                  "ip": ip or ""})
    return regel
