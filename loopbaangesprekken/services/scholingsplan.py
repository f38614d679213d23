"""Writes and transitions of the scholingsplan. Keyword-only arguments, one transaction each.

The beoordelaar's steps (cheques app) call `terugsturen`, `vraag_aanvulling` and
`besluiten`; the consulent's pages call `bewaar_concept` and `indienen`. The resident's
consent to the plan lives in `loopbaangesprekken.services.akkoord`.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.models import Aanvraag
from aanvragen.services import wijzig_status
from loopbaangesprekken.models import Scholingsplan
from loopbaangesprekken.selectors import scholingsplan as selectors
from loopbaangesprekken.services import akkoord, toezegging
from loopbaangesprekken.subsidietoets import toets
from loopbaangesprekken.subsidietoets.casus import casus_als_dict
from loopbaangesprekken.workflow import plan_statusmachine
from tfvv.events import registreer_gebeurtenis
from tfvv.opslag import atomic_met_bestanden
from tfvv.statemachine import OngeldigeTransitie

P = Scholingsplan.Status
A = Aanvraag.Status
NUL = Decimal("0.00")


def _regels_totaal(formset) -> Decimal:
    return sum((f.cleaned_data["bedrag"] for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")), NUL)


@atomic_met_bestanden()  # the form's proof files: removed again when the save fails
def bewaar_concept(*, aanvraag: Aanvraag, actor, form, kosten, cofinanciering) -> Scholingsplan:
    """Save a new or changed plan from the validated plan form and its two line formsets.

    A new plan moves the aanvraag from in_behandeling to scholingsplan. An empty
    requested amount becomes the proposal (total − co-financing, capped by the year).
    """
    aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    plan = form.save(commit=False)
    nieuw = plan.pk is None
    if nieuw:
        if aanvraag.status not in (A.IN_BEHANDELING, A.SCHOLINGSPLAN):
            raise OngeldigeTransitie("Voor deze aanvraag kan geen scholingsplan worden gemaakt.")
        plan.aanvraag, plan.consulent = aanvraag, actor
    elif Scholingsplan.objects.select_for_update().get(pk=plan.pk).status not in \
            selectors.BEWERKBARE_STATUSSEN:
        raise OngeldigeTransitie("Dit scholingsplan kan niet meer worden gewijzigd.")
    if form.cleaned_data.get("gevraagd_bedrag") is None:
        plan.gevraagd_bedrag = selectors.voorstel_bedrag(
            plan=plan, totale_kosten=_regels_totaal(kosten),
            cofinanciering=_regels_totaal(cofinanciering)) or NUL
    plan.save()
    form.save_m2m()
    for formset in (kosten, cofinanciering):
        formset.instance = plan
        formset.save()
    toezegging.vervalt_na_wijziging(cofinanciering)
    if nieuw and aanvraag.status == A.IN_BEHANDELING:
        plan.aanvraag = wijzig_status(aanvraag=aanvraag, transitie="scholingsplan_starten",
                                      actor=actor)
    if nieuw:
        registreer_gebeurtenis(actor=actor, obj=plan, actie="plan_aangemaakt",
                               dossier_id=aanvraag.pk)
    else:
        if gewijzigd := _gewijzigde_onderdelen(form, kosten, cofinanciering):
            # only a real change: "Aanvulling indienen" asks for a note without one
            registreer_gebeurtenis(actor=actor, obj=plan, actie="plan_gewijzigd",
                                   dossier_id=aanvraag.pk, gegevens={"gewijzigd": gewijzigd})
        akkoord.vervalt_na_wijziging(plan=plan, actor=actor)
    return plan


def _gewijzigde_onderdelen(form, kosten, cofinanciering) -> list[str]:
    """The changed fields of the plan form, and "kosten"/"cofinanciering" for a changed,
    added or removed line."""
    return [*form.changed_data, *(f.prefix for f in (kosten, cofinanciering) if f.has_changed())]


def _snapshot(plan: Scholingsplan) -> tuple[dict, object]:
    """Facts, regeling version and verdict, frozen at this moment."""
    nu = timezone.now()
    casus = selectors.casus_voor_plan(plan, peildatum=timezone.localdate(nu))
    uitslag = toets(casus)
    return {"getoetst_op": nu.isoformat(), "regeling": casus_als_dict(casus)["regeling"],
            "feiten": casus_als_dict(casus), "uitslag": uitslag.als_dict()}, uitslag


@atomic_met_bestanden()  # the signed paper form: removed again when the submission fails
def indienen(*, plan: Scholingsplan, actor, toelichting: str = "", namens_inwoner: str = "",
             formulier=None) -> Scholingsplan:
    """Submit a draft or returned plan (also the aanvraag: plan_indienen), or answer a
    request for more information (aanvullen). Stores the subsidietoets snapshot.

    The resident must have approved this version of the plan (Awb 4:2), unless the
    consulent submits on their behalf: `namens_inwoner` is the reason, `formulier` the
    signed paper form if any; both are recorded. An aanvulling needs a change to the plan
    since the request or a `toelichting` (what was supplied, e.g. the resident's
    documents), kept as the event's reason. Raises OngeldigeTransitie (akkoord.GeenAkkoord
    without approval or reason), ValidationError (toelichting), or selectors.GeenRegeling
    without a regeling in force."""
    plan = Scholingsplan.objects.select_for_update().select_related("aanvraag").get(pk=plan.pk)
    transitie = "aanvullen" if plan.status == P.AANVULLING else "indienen"
    if not plan_statusmachine.toegestaan(plan, transitie):
        raise OngeldigeTransitie("Dit scholingsplan kan niet worden ingediend.")
    toelichting = toelichting.strip()
    if transitie == "aanvullen" and not toelichting:
        aanvulling = selectors.aanvulling_gevraagd(plan)
        if aanvulling is not None and not aanvulling["plan_gewijzigd"]:
            raise ValidationError({"toelichting": _(
                "U heeft het scholingsplan sinds het verzoek om aanvulling niet gewijzigd. "
                "Schrijf op wat er is aangevuld, of pas eerst het plan aan.")})
    if namens_inwoner.strip():
        stap = akkoord.leg_namens_vast(plan=plan, actor=actor, reden=namens_inwoner,
                                       formulier=formulier)
        # the reason itself is the event's `reden` (blanked when the dossier is anonymised)
        instemming = {"namens_inwoner": True, "versie": stap.versie,
                      "ondertekend_formulier": bool(stap.formulier)}
    else:
        instemming = {"akkoord_inwoner": akkoord.eis_akkoord(plan)}
    snapshot, uitslag = _snapshot(plan)
    plan.toets_snapshot = snapshot
    plan.regeling = selectors.regeling_op(plan.aanvraag.aanvraagdatum)
    # the first submission stays the received date; the beslistermijn (cheques.selectors)
    # pauses for the aanvulling or return in between
    plan.laatst_ingediend_op = timezone.now()
    plan.ingediend_op = plan.ingediend_op or plan.laatst_ingediend_op
    plan_statusmachine.voer_uit(
        plan, transitie, actor=actor, dossier_id=plan.aanvraag_id,
        reden="\n\n".join(t for t in (toelichting, namens_inwoner.strip()) if t),
        gegevens={"subsidietoets": uitslag.uitkomst, "regeling": uitslag.regeling,
                  **instemming},
        extra_velden=("toets_snapshot", "regeling", "ingediend_op", "laatst_ingediend_op",
                      "gewijzigd_op"),
    )
    if transitie == "indienen" and plan.aanvraag.status == A.SCHOLINGSPLAN:
        plan.aanvraag = wijzig_status(aanvraag=plan.aanvraag, transitie="plan_indienen",
                                      actor=actor)
    return plan


def _plan_voor_update(plan: Scholingsplan) -> Scholingsplan:
    return Scholingsplan.objects.select_for_update().select_related("aanvraag").get(pk=plan.pk)


@transaction.atomic
def terugsturen(*, plan: Scholingsplan, actor, reden: str) -> Scholingsplan:
    """The beoordelaar returns a submitted plan to the consulent for changes."""
    plan = _plan_voor_update(plan)
    plan_statusmachine.voer_uit(plan, "terugsturen", actor=actor, dossier_id=plan.aanvraag_id,
                                reden=reden)
    if plan.aanvraag.status == A.INGEDIEND:
        plan.aanvraag = wijzig_status(aanvraag=plan.aanvraag, transitie="plan_terugsturen",
                                      actor=actor, reden=reden)
    return plan


@transaction.atomic
def vraag_aanvulling(*, plan: Scholingsplan, actor, reden: str,
                     gegevens: dict | None = None) -> Scholingsplan:
    """The beoordelaar asks for more information (Awb 4:5); the aanvraag stays ingediend."""
    plan = _plan_voor_update(plan)
    plan_statusmachine.voer_uit(plan, "aanvulling_vragen", actor=actor,
                                dossier_id=plan.aanvraag_id, reden=reden, gegevens=gegevens)
    return plan


@transaction.atomic
def besluiten(*, plan: Scholingsplan, actor, reden: str = "",
              gegevens: dict | None = None) -> Scholingsplan:
    """Mark the plan decided; the beschikking itself and the aanvraag's transition
    (toekennen/afwijzen/buiten_behandeling_stellen) belong to the cheques stage."""
    plan = _plan_voor_update(plan)
    plan_statusmachine.voer_uit(plan, "besluiten", actor=actor, dossier_id=plan.aanvraag_id,
                                reden=reden, gegevens=gegevens)
    return plan


@transaction.atomic
def wijzig_na_besluit(*, plan: Scholingsplan, actor, opleiding_naam: str = "",
                      startdatum=None, einddatum=None, opleider=None,
                      reden: str = "") -> Scholingsplan:
    """A granted wijzigingsbeschikking (decided by the cheques stage) changes the plan it
    grew from: the opleiding and its dates, so every later step (cheque, vaststelling,
    letters) reads the facts as they now are. The old values stay in the event."""
    plan = _plan_voor_update(plan)
    if plan.status != P.BESLOTEN:
        raise OngeldigeTransitie("Alleen een scholingsplan waarop is besloten kan zo worden "
                                 "gewijzigd.")
    oud = {"opleiding": plan.opleiding_naam, "startdatum": plan.startdatum.isoformat(),
           "einddatum": plan.einddatum.isoformat(), "opleider": plan.opleider_id}
    plan.opleiding_naam = opleiding_naam.strip() or plan.opleiding_naam
    plan.startdatum = startdatum or plan.startdatum
    plan.einddatum = einddatum or plan.einddatum
    plan.opleider = opleider or plan.opleider
    plan.save(update_fields=["opleiding_naam", "startdatum", "einddatum", "opleider"])
    registreer_gebeurtenis(actor=actor, obj=plan, actie="plan_gewijzigd_na_besluit",
                           dossier_id=plan.aanvraag_id, reden=reden,
                           gegevens={"oud": oud, "nieuw": {
                               "opleiding": plan.opleiding_naam,
                               "startdatum": plan.startdatum.isoformat(),
                               "einddatum": plan.einddatum.isoformat(),
                               "opleider": plan.opleider_id}})
    return plan
