"""The resident's consent to the scholingsplan (Awb 4:2: the aanvraag is the resident's).

The consulent puts the plan up (`leg_voor`), the resident approves it (`keur_goed`) or asks
for a change (`vraag_wijziging`). Each step is a Planakkoord row holding the version of the
content it concerns, and an event (the actie names are what staff notifications hook).
A later edit voids the step (`vervalt_na_wijziging`, called by `bewaar_concept`).
Submitting the plan requires the approval (`eis_akkoord`, called by `indienen`) unless the
consulent submits on the resident's behalf with a recorded reason (`leg_namens_vast`).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from aanvragen.permissions import is_eigenaar
from loopbaangesprekken.models import Planakkoord, Scholingsplan
from loopbaangesprekken.selectors import akkoord as selectors
from loopbaangesprekken.selectors.akkoord import Stand
from loopbaangesprekken.selectors.scholingsplan import BEWERKBARE_STATUSSEN
from tfvv.events import registreer_gebeurtenis
from tfvv.mail import plan_mail
from tfvv.opslag import atomic_met_bestanden
from tfvv.statemachine import OngeldigeTransitie

S = Planakkoord.Soort


class AkkoordNietMogelijk(OngeldigeTransitie):
    """The step does not fit the plan's state; the message says why, in Dutch."""


class GeenAkkoord(OngeldigeTransitie):
    """The plan was submitted without the resident's approval of this version."""


def _vergrendel(plan: Scholingsplan) -> Scholingsplan:
    return (Scholingsplan.objects.select_for_update(of=("self",))
            .select_related("aanvraag", "opleider", "consulent").get(pk=plan.pk))


def _stap(plan, *, soort, door, inhoud=None, toelichting="", formulier=None) -> Planakkoord:
    inhoud = selectors.planinhoud(plan) if inhoud is None else inhoud
    return Planakkoord.objects.create(
        plan=plan, soort=soort, versie=selectors.versie_van(inhoud), inhoud=inhoud, door=door,
        toelichting=toelichting, formulier=formulier or "")


def _mail_voorgelegd(plan: Scholingsplan) -> None:
    """Tells the resident to log in: no login link in this mail (it is sent on the
    consulent's action, not the resident's request, and must not be a phishing template)."""
    aanvraag = plan.aanvraag
    if not aanvraag.email:
        return
    context = {"aanvraag": aanvraag, "consulent": str(plan.consulent),
               "inloggen": settings.SITE_URL + reverse("aanvragen:inloggen")}
    plan_mail(aan=[aanvraag.email],
              onderwerp=render_to_string(
                  "loopbaangesprekken/mail/plan_voorgelegd_onderwerp.txt", context),
              tekst=render_to_string("loopbaangesprekken/mail/plan_voorgelegd.txt", context))


@atomic_met_bestanden()
def leg_voor(*, plan: Scholingsplan, actor, informeer_inwoner: bool = True) -> Planakkoord:
    """The consulent puts the current version up for the resident's approval and mails them
    (`informeer_inwoner=False`: no mail, for demo data)."""
    plan = _vergrendel(plan)
    if plan.status not in BEWERKBARE_STATUSSEN:
        raise AkkoordNietMogelijk(_("Dit scholingsplan is al ingediend."))
    stand = selectors.akkoordstand(plan)
    if stand.akkoord:
        raise AkkoordNietMogelijk(_("De inwoner heeft al akkoord gegeven op dit plan."))
    stap = _stap(plan, soort=S.VOORGELEGD, door=actor)
    registreer_gebeurtenis(
        actor=actor, obj=plan, actie="plan_voorgelegd_aan_inwoner", dossier_id=plan.aanvraag_id,
        gegevens={"versie": stap.versie, "links": [{
            "label": _("Uw scholingsplan bekijken"),
            "url": reverse("scholingsplan-inwoner:bekijken", kwargs={"pk": plan.aanvraag_id})}]},
        tekst_inwoner=_("Uw consulent heeft uw scholingsplan klaargezet. Bekijk het plan en "
                        "geef uw akkoord, of vraag om een wijziging."))
    if informeer_inwoner:
        _mail_voorgelegd(plan)
    return stap


def _antwoord_mogelijk(plan: Scholingsplan, actor, versie: str) -> dict:
    """The resident may answer: their own plan, still with the consulent, put up in exactly
    the version they saw (`versie`, from the page). Returns the content approved."""
    if not is_eigenaar(actor, plan.aanvraag):
        raise PermissionDenied(_("Alleen de aanvrager kan dit scholingsplan goedkeuren."))
    if plan.status not in BEWERKBARE_STATUSSEN:
        raise AkkoordNietMogelijk(_("Dit scholingsplan is al ingediend bij gemeente Enschede."))
    stand = selectors.akkoordstand(plan)
    if stand.stand != Stand.WACHT or versie != stand.versie:
        raise AkkoordNietMogelijk(_(
            "Uw consulent heeft het plan intussen gewijzigd, of u heeft al geantwoord. "
            "Bekijk het plan opnieuw."))
    return selectors.planinhoud(plan)


@atomic_met_bestanden()
def keur_goed(*, plan: Scholingsplan, actor, versie: str) -> Planakkoord:
    """The resident approves the version `versie` of their plan."""
    plan = _vergrendel(plan)
    inhoud = _antwoord_mogelijk(plan, actor, versie)
    stap = _stap(plan, soort=S.AKKOORD, door=actor, inhoud=inhoud)
    registreer_gebeurtenis(
        actor=actor, obj=plan, actie="plan_goedgekeurd_door_inwoner",
        dossier_id=plan.aanvraag_id, gegevens={"versie": stap.versie},
        tekst_inwoner=_("U heeft uw akkoord gegeven op uw scholingsplan. Uw consulent dient "
                        "het plan in bij gemeente Enschede."))
    return stap


@atomic_met_bestanden()
def vraag_wijziging(*, plan: Scholingsplan, actor, versie: str, toelichting: str) -> Planakkoord:
    """The resident asks the consulent to change the version `versie` of their plan."""
    toelichting = toelichting.strip()
    if not toelichting:
        raise AkkoordNietMogelijk(_("Schrijf wat er anders moet in het plan."))
    plan = _vergrendel(plan)
    inhoud = _antwoord_mogelijk(plan, actor, versie)
    stap = _stap(plan, soort=S.WIJZIGING, door=actor, inhoud=inhoud, toelichting=toelichting)
    registreer_gebeurtenis(
        actor=actor, obj=plan, actie="plan_wijziging_gevraagd_door_inwoner",
        dossier_id=plan.aanvraag_id, reden=toelichting, gegevens={"versie": stap.versie},
        tekst_inwoner=_("U heeft gevraagd om een wijziging van uw scholingsplan. Uw consulent "
                        "past het plan aan en legt het opnieuw aan u voor."))
    return stap


def vervalt_na_wijziging(*, plan: Scholingsplan, actor) -> Planakkoord | None:
    """After the consulent saved the plan: when its content changed since it was put up,
    the step (an approval too) no longer holds. Call inside the saving transaction."""
    stand = selectors.akkoordstand(plan)
    if stand.stand != Stand.VERVALLEN or stand.laatste.soort == S.VERVALLEN:
        return None
    vorige = stand.laatste
    stap = _stap(plan, soort=S.VERVALLEN, door=actor)
    registreer_gebeurtenis(
        actor=actor, obj=plan, actie="plan_akkoord_vervallen", dossier_id=plan.aanvraag_id,
        gegevens={"vorige": vorige.soort, "vorige_versie": vorige.versie,
                  "versie": stap.versie})
    return stap


def eis_akkoord(plan: Scholingsplan) -> str:
    """The version of the plan, when the resident approved it; else GeenAkkoord."""
    stand = selectors.akkoordstand(plan)
    if not stand.akkoord:
        raise GeenAkkoord(_("De inwoner heeft nog geen akkoord gegeven op deze versie van het "
                            "scholingsplan."))
    return stand.versie


def leg_namens_vast(*, plan: Scholingsplan, actor, reden: str, formulier=None) -> Planakkoord:
    """Record that the consulent submits without the approval in the portal, and why
    (with the signed paper form, if any). Call inside the submitting transaction."""
    reden = reden.strip()
    if not reden:
        raise GeenAkkoord(_("Geef de reden waarom u namens de inwoner indient."))
    return _stap(plan, soort=S.NAMENS, door=actor, toelichting=reden, formulier=formulier)
