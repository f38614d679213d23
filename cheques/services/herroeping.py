"""A gegrond bezwaar re-runs the money (Awb 7:11): the contested decision is herroepen and
the new decision that takes its place has its effects in the same transaction as the
beslissing op bezwaar.

- against an afwijzing: a toekenning through the grant's own path (per-person cap,
  reservation under the subsidieplafond, cheque, documents);
- against an intrekking: the cheque back in its prior state, the released reservation
  reserved again under the plafond, the terugvordering that followed it vervallen;
- against a vaststelling: a new, higher vaststelling (the difference reserved for payment,
  a claim on an excess voorschot adjusted);
- against a terugvordering: the claim vervalt.

Every booking is a new ledger entry; nothing is deleted. When the plafond has no room the
whole beslissing is refused (the invariant reserved + realised <= plafond holds)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from aanvragen.models import Aanvraag
from aanvragen.services import wijzig_status
from cheques.models import Beschikking, Cheque, Terugvordering, Vervolgbesluit
from cheques.services.besluiten import (
    geef_cheque_uit,
    registreer_uitgifte,
    verplichtingen,
)
from cheques.services.financien import betaald, laatste_declaratie
from cheques.services.gedeeld import (
    NUL,
    C,
    U,
    maak_documenten_na_commit,
    oormerkkenmerken,
    regeling_van,
    vergrendel_cheque,
    vergrendel_plan,
)
from cheques.services.terugvordering import laat_vervallen_na_bezwaar, start_terugvordering
from cheques.workflow import cheque_statusmachine
from tfvv import budget, budget_selectors
from tfvv.events import registreer_gebeurtenis
from tfvv.templatetags.bedragen import euro

V = Vervolgbesluit.Soort


def herroep(*, bestreden, door, bedrag: Decimal | None, reden: str) -> dict:
    """Carry out the new decision; returns its facts for the letter (`gevolgen`), empty
    when the new decision has no effect on the cheque or the money."""
    if isinstance(bestreden, Beschikking):
        if bestreden.uitkomst == U.AFWIJZING:
            return _toekennen(bestreden, door=door, bedrag=bedrag)
        return {}
    if bestreden.soort == V.INTREKKING:
        return _herstel_intrekking(bestreden, door=door, reden=reden)
    if bestreden.soort == V.VASTSTELLING:
        return _opnieuw_vaststellen(bestreden, door=door, bedrag=bedrag, reden=reden)
    if bestreden.soort == V.TERUGVORDERING and hasattr(bestreden, "terugvordering"):
        vervallen = laat_vervallen_na_bezwaar(terugvordering=bestreden.terugvordering,
                                              door=door, reden=reden)
        return {"soort": "terugvordering", "terugvordering_vervallen": str(vervallen)}
    return {}


def _reserveer(cheque: Cheque, bedrag: Decimal, *, door, omschrijving: str):
    try:
        budget.reserveer(periode=cheque.periode, bedrag=bedrag, referentie=cheque.nummer,
                         door=door, omschrijving=omschrijving,
                         kenmerken=oormerkkenmerken(cheque.beschikking.plan))
    except budget.BudgetGeweigerd as e:
        raise ValidationError({"bedrag": _(
            "Het nieuwe besluit kan niet worden uitgevoerd: %(reden)s Het bezwaar blijft "
            "open; beslis opnieuw zodra er ruimte is onder het plafond.") % {"reden": e}}) from e


# --- afwijzing -> toekenning --------------------------------------------------------------

def _toekennen(beschikking: Beschikking, *, door, bedrag: Decimal | None) -> dict:
    plan = vergrendel_plan(beschikking.plan)
    if Cheque.objects.filter(beschikking=beschikking).exists():
        raise ValidationError(_("Bij deze aanvraag is al een cheque uitgegeven."))
    if bedrag is None or bedrag <= 0:
        raise ValidationError({"bedrag": _(
            "Vul het bedrag in dat alsnog wordt toegekend (ten hoogste %(gevraagd)s).") % {
            "gevraagd": euro(plan.gevraagd_bedrag)}})
    if bedrag > plan.gevraagd_bedrag:
        raise ValidationError({"bedrag": _("Het bedrag is hoger dan gevraagd (%(gevraagd)s).")
                               % {"gevraagd": euro(plan.gevraagd_bedrag)}})
    try:
        cheque = geef_cheque_uit(beschikking=beschikking, plan=plan,
                                 regeling=regeling_van(plan), bedrag=bedrag, door=door)
    except budget.BudgetGeweigerd as e:
        raise ValidationError({"bedrag": _(
            "Toekennen kan niet: %(reden)s Het bezwaar blijft open; beslis opnieuw zodra er "
            "ruimte is onder het plafond.") % {"reden": e}}) from e
    wijzig_status(aanvraag=plan.aanvraag, transitie="toekennen_na_bezwaar", actor=door)
    registreer_uitgifte(plan, cheque, door=door)
    maak_documenten_na_commit(beschikking)  # the cheque PDF and the opleider's mail
    return {"soort": "toekenning", "bedrag": str(bedrag), "cheque": cheque.nummer,
            "geldig_tot": cheque.geldig_tot.isoformat(),
            "verplichtingen": verplichtingen(plan, cheque.geldig_tot)}


# --- intrekking herroepen -----------------------------------------------------------------

def _herstel_intrekking(besluit: Vervolgbesluit, *, door, reden: str) -> dict:
    cheque = vergrendel_cheque(besluit.cheque)
    if cheque.status != C.INGETROKKEN:
        raise ValidationError(_("Cheque %(nummer)s is niet (meer) ingetrokken (%(status)s).")
                              % {"nummer": cheque.nummer,
                                 "status": cheque.get_status_display()})
    gegevens = besluit.gegevens
    vervallen = NUL
    if gegevens.get("terugvordering"):
        vervallen = laat_vervallen_na_bezwaar(
            terugvordering=Terugvordering.objects.get(pk=gegevens["terugvordering"]),
            door=door, reden=reden)
    vrijval = Decimal(gegevens.get("vrijval") or "0")
    if vrijval > 0:
        _reserveer(cheque, vrijval, door=door,
                   omschrijving=_("Intrekking herroepen na bezwaar"))
    status = gegevens.get("status_voor") or C.UITGEGEVEN
    plan = cheque.beschikking.plan
    cheque.intrekkingsreden, cheque.terug_te_vorderen = "", None
    cheque_statusmachine.voer_uit(
        cheque, f"herstellen_{status}", actor=door, dossier_id=plan.aanvraag_id, reden=reden,
        gegevens={"gereserveerd": str(vrijval), "terugvordering_vervallen": str(vervallen)},
        extra_velden=["intrekkingsreden", "terug_te_vorderen"])
    registreer_gebeurtenis(actor=door, obj=plan, actie="cheque_hersteld",
                           dossier_id=plan.aanvraag_id, reden=reden,
                           gegevens={"cheque": cheque.nummer, "bedrag": str(vrijval)})
    aanvraag = plan.aanvraag
    if aanvraag.status == Aanvraag.Status.SUBSIDIE_INGETROKKEN:
        wijzig_status(aanvraag=aanvraag, actor=door, transitie=(
            "herstellen_afgerond_na_bezwaar" if gegevens.get("aanvraag_voor")
            == Aanvraag.Status.AFGEROND else "herstellen_na_bezwaar"))
    return {"soort": "intrekking", "cheque": cheque.nummer,
            "status": str(cheque.get_status_display()), "geldig_tot":
            cheque.geldig_tot.isoformat(), "gereserveerd": str(vrijval),
            "terugvordering_vervallen": str(vervallen)}


# --- vaststelling: a new, higher amount ---------------------------------------------------

def _opnieuw_vaststellen(besluit: Vervolgbesluit, *, door, bedrag: Decimal | None,
                         reden: str) -> dict:
    cheque = vergrendel_cheque(besluit.cheque)
    if cheque.status not in (C.VASTGESTELD, C.BETAALD):
        raise ValidationError(_("Cheque %(nummer)s is niet (meer) vastgesteld (%(status)s).")
                              % {"nummer": cheque.nummer,
                                 "status": cheque.get_status_display()})
    oud = cheque.vastgesteld_bedrag
    declaratie = laatste_declaratie(cheque)
    maximum = min(cheque.bedrag, declaratie.bedrag) if declaratie else cheque.bedrag
    if bedrag is None or not oud < bedrag <= maximum:
        raise ValidationError({"bedrag": _(
            "Vul het nieuwe vastgestelde bedrag in: hoger dan %(oud)s en ten hoogste %(max)s "
            "(cheque en declaratie).") % {"oud": euro(oud), "max": euro(maximum)}})
    vervallen = NUL
    for terugvordering in cheque.terugvorderingen.exclude(
            status__in=Terugvordering.AFGESLOTEN):
        vervallen += laat_vervallen_na_bezwaar(terugvordering=terugvordering, door=door,
                                               reden=reden)
    al_betaald = betaald(cheque)
    nog_te_betalen = max(bedrag - al_betaald, NUL)
    verschil = nog_te_betalen - budget_selectors.openstaande_reservering(
        periode=cheque.periode, referentie=cheque.nummer)
    omschrijving = _("Vaststelling herzien na bezwaar")
    if verschil > 0:
        _reserveer(cheque, verschil, door=door, omschrijving=omschrijving)
    elif verschil < 0:
        budget.geef_vrij(periode=cheque.periode, bedrag=-verschil, referentie=cheque.nummer,
                         door=door, omschrijving=omschrijving)
    cheque.vastgesteld_bedrag = bedrag
    plan = cheque.beschikking.plan
    if nog_te_betalen > 0:
        cheque_statusmachine.voer_uit(
            cheque, "opnieuw_vaststellen", actor=door, dossier_id=plan.aanvraag_id,
            reden=reden, gegevens={"oud": str(oud), "bedrag": str(bedrag)},
            extra_velden=["vastgesteld_bedrag"])
    else:
        cheque.save(update_fields=["vastgesteld_bedrag"])
    if al_betaald > bedrag:
        # the voorschot still exceeds the new amount: a new claim for the new excess
        start_terugvordering(cheque=cheque, door=door, bedrag=al_betaald - bedrag, grond=_(
            "Het voorschot (%(betaald)s) is hoger dan de vastgestelde subsidie "
            "(%(bedrag)s).") % {"betaald": euro(al_betaald), "bedrag": euro(bedrag)})
    return {"soort": "vaststelling", "oud": str(oud), "bedrag": str(bedrag),
            "nog_te_betalen": str(nog_te_betalen),
            "terugvordering_vervallen": str(vervallen)}
