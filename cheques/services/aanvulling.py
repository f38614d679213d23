"""Before a decision: ask for an aanvulling (Awb 4:5), return a plan for changes, and put
a case aside when the hersteltermijn passes unused."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques.models import Aanvulverzoek, Beschikking
from cheques.permissions import mag_besluiten
from cheques.services.besluiten import besluit_vastleggen, verzend
from cheques.services.gedeeld import (
    P,
    U,
    eis,
    geen_besluit,
    maak_documenten_na_commit,
    mail_na_commit,
    vergrendel_plan,
)
from loopbaangesprekken.models import Scholingsplan
from loopbaangesprekken.services import scholingsplan as plan_services
from tfvv.tekst import citeer, mailveilig
from tfvv.termijnen import einde_termijn

# --- aanvulling -------------------------------------------------------------------------

@transaction.atomic
def vraag_aanvulling(*, plan: Scholingsplan, door, omschrijving: str,
                     hersteltermijn_tot: datetime.date) -> Aanvulverzoek:
    """Awb 4:5: ask for what is missing; the beslistermijn pauses until it is supplied."""
    eis(mag_besluiten(door))
    plan = vergrendel_plan(plan)
    geen_besluit(plan)
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": _("Beschrijf wat er ontbreekt.")})
    if hersteltermijn_tot <= timezone.localdate():
        raise ValidationError({"hersteltermijn_tot": _("De hersteltermijn moet in de toekomst "
                                                       "liggen.")})
    # Algemene termijnenwet: a hersteltermijn typed on a weekend day or holiday ends on the
    # next working day; the resident is told the real end date.
    hersteltermijn_tot = einde_termijn(hersteltermijn_tot)
    verzoek = Aanvulverzoek.objects.create(plan=plan, gevraagd_door=door,
                                           omschrijving=omschrijving.strip(),
                                           hersteltermijn_tot=hersteltermijn_tot)
    plan_services.vraag_aanvulling(
        plan=plan, actor=door, reden=verzoek.omschrijving,
        gegevens={"hersteltermijn_tot": hersteltermijn_tot.isoformat()})
    tekst = _("Gemeente Enschede vraagt om een aanvulling op het scholingsplan "
              "'%(opleiding)s'.\n\nWat ontbreekt:\n%(wat)s\n\nLever de aanvulling uiterlijk "
              "%(tot)s aan via uw consulent. Zonder aanvulling kan de aanvraag buiten "
              "behandeling worden gesteld (artikel 4:5 Awb).") % {
        "opleiding": mailveilig(plan.opleiding_naam), "wat": citeer(verzoek.omschrijving),
        "tot": f"{hersteltermijn_tot:%d-%m-%Y}"}
    mail_na_commit(_("Aanvulling gevraagd op uw scholingsplan"), tekst,
                    [plan.aanvraag.email, plan.consulent.email])
    return verzoek


# --- terugsturen ---------------------------------------------------------------------------

@transaction.atomic
def terugsturen(*, plan: Scholingsplan, door, reden: str) -> Scholingsplan:
    """Return a submitted plan to the consulent for changes; the beslistermijn pauses until
    the consulent submits it again (see `selectors.termijnmomenten`)."""
    eis(mag_besluiten(door))
    plan = vergrendel_plan(plan)
    geen_besluit(plan)
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": _("Schrijf op wat de consulent moet aanpassen.")})
    plan = plan_services.terugsturen(plan=plan, actor=door, reden=reden)
    tekst = _("Gemeente Enschede heeft het scholingsplan '%(opleiding)s' van aanvraag "
              "%(referentie)s teruggestuurd voor aanpassing.\n\nWat moet er anders:\n"
              "%(reden)s\n\nPas het plan aan en dien het opnieuw in.") % {
        "opleiding": mailveilig(plan.opleiding_naam), "referentie": plan.aanvraag.referentie,
        "reden": citeer(reden)}
    mail_na_commit(_("Scholingsplan teruggestuurd voor aanpassing"), tekst,
                    [plan.consulent.email])
    return plan



def hersteltermijn_verstreken(plan: Scholingsplan, vandaag: datetime.date) -> bool:
    laatste = plan.aanvulverzoeken.order_by("-gevraagd_op").first()
    return (plan.status == P.AANVULLING and laatste is not None
            and laatste.hersteltermijn_tot < vandaag)


@transaction.atomic
def buiten_behandeling_stellen(*, plan: Scholingsplan, door, motivering: str = "") -> Beschikking:
    """Awb 4:5: the aanvulling did not arrive within the hersteltermijn."""
    eis(mag_besluiten(door))
    plan = vergrendel_plan(plan)
    geen_besluit(plan, toegestaan=(P.AANVULLING,))
    if not hersteltermijn_verstreken(plan, timezone.localdate()):
        raise ValidationError(_("De hersteltermijn is nog niet verstreken."))
    verzoek = plan.aanvulverzoeken.order_by("-gevraagd_op").first()
    standaard = _("Wij hebben u op %(op)s gevraagd om een aanvulling (%(wat)s) uiterlijk op "
                  "%(tot)s. Wij hebben die aanvulling niet ontvangen. Daarom nemen wij uw "
                  "aanvraag niet verder in behandeling.") % {
        "op": f"{timezone.localtime(verzoek.gevraagd_op):%d-%m-%Y}", "wat": verzoek.omschrijving,
        "tot": f"{verzoek.hersteltermijn_tot:%d-%m-%Y}"}
    beschikking = Beschikking.objects.create(
        plan=plan, uitkomst=U.BUITEN_BEHANDELING,
        motivering=(motivering.strip() or standaard),
        grondslag=_("Artikel 4:5, eerste lid, Algemene wet bestuursrecht."), beoordelaar=door)
    verzend(beschikking, door=door)
    besluit_vastleggen(plan, beschikking, door=door,
                        aanvraag_transitie="buiten_behandeling_stellen")
    maak_documenten_na_commit(beschikking)
    return beschikking
