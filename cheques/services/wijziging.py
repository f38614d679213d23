"""A wijzigingsbeschikking: the resident's request after the grant (obligation 4 of the
beschikking: another opleiding, other dates, another amount), decided by a beoordelaar.
Granted, the cheque follows the new facts and the budget the new amount (more is reserved
under the plafond and the per-person cap, less is released); refused, the letter says why.
Either way a Vervolgbesluit WIJZIGING with a letter and a bezwaar clause."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.models import Wijzigingsverzoek
from cheques.models import Beschikking, Vervolgbesluit
from cheques.permissions import mag_besluiten
from cheques.services.besluiten import CHEQUE_GELDIG_NA_EINDDATUM, jaarruimte
from cheques.services.gedeeld import C, U, eis, regeling_van, vergrendel_cheque
from cheques.services.vervolgbesluiten import neem_vervolgbesluit
from tfvv import budget
from tfvv.templatetags.bedragen import euro

LOPEND = (C.UITGEGEVEN, C.GEDECLAREERD)  # a cheque that is not settled or ended

GRONDSLAG = _("Subsidieverordening Twents Fonds voor Vakmanschap (CVDR631008); Algemene wet "
              "bestuursrecht, titel 4.2: wijziging van de subsidieverlening op aanvraag van "
              "de subsidieontvanger (bij een lager bedrag artikel 4:48, eerste lid)")


def open_verzoeken():
    return (Wijzigingsverzoek.objects.filter(afgehandeld_op__isnull=True)
            .select_related("aanvraag").order_by("ingediend_op", "pk"))


def _nieuw(verzoek, cheque, plan, bedrag) -> dict:
    return {"opleiding": verzoek.opleiding_naam or plan.opleiding_naam,
            "startdatum": (verzoek.startdatum or plan.startdatum).isoformat(),
            "einddatum": (verzoek.einddatum or plan.einddatum).isoformat(),
            "bedrag": str(bedrag)}


@transaction.atomic
def beslis_op_wijziging(*, verzoek: Wijzigingsverzoek, door, toegekend: bool, motivering: str,
                        bedrag: Decimal | None = None) -> Vervolgbesluit:
    """`bedrag`: the amount granted (default: the amount asked, else unchanged)."""
    eis(mag_besluiten(door))
    verzoek = Wijzigingsverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.afgehandeld_op:
        raise ValidationError(_("Op dit verzoek is al beslist."))
    beschikking = (Beschikking.objects.select_related("plan__aanvraag", "plan__regeling")
                   .filter(plan__aanvraag=verzoek.aanvraag, uitkomst=U.TOEKENNING).first())
    if beschikking is None or not hasattr(beschikking, "cheque"):
        raise ValidationError(_("Bij deze aanvraag hoort geen toegekende cheque."))
    cheque = vergrendel_cheque(beschikking.cheque)
    if not motivering.strip():
        raise ValidationError({"motivering": _("Een besluit moet gemotiveerd worden (artikel "
                                               "3:47 Awb).")})
    plan = beschikking.plan
    oud = {"opleiding": plan.opleiding_naam, "startdatum": plan.startdatum.isoformat(),
           "einddatum": plan.einddatum.isoformat(), "bedrag": str(cheque.bedrag)}
    nieuw_bedrag = cheque.bedrag
    if toegekend:
        if cheque.status not in LOPEND:
            raise ValidationError(_("De cheque is al afgehandeld of beëindigd (%(status)s); "
                                    "wijzigen kan niet meer.") % {
                "status": cheque.get_status_display()})
        nieuw_bedrag = bedrag if bedrag is not None else (verzoek.bedrag or cheque.bedrag)
        if nieuw_bedrag <= 0:
            raise ValidationError({"bedrag": _("Vul een bedrag groter dan € 0 in.")})
        _boek_verschil(cheque=cheque, plan=plan, nieuw_bedrag=nieuw_bedrag, door=door)
        if verzoek.einddatum:
            cheque.geldig_tot = verzoek.einddatum + CHEQUE_GELDIG_NA_EINDDATUM
        cheque.bedrag = nieuw_bedrag
        cheque.save(update_fields=["bedrag", "geldig_tot"])
    besluit = neem_vervolgbesluit(
        beschikking=beschikking, soort=Vervolgbesluit.Soort.WIJZIGING, door=door,
        motivering=motivering.strip(), grondslag=str(GRONDSLAG), cheque=cheque,
        bedrag=nieuw_bedrag if toegekend else None,
        gegevens={"verzoek": verzoek.pk, "toegekend": toegekend, "oud": oud,
                  "gevraagd": _nieuw(verzoek, cheque, plan, verzoek.bedrag or cheque.bedrag),
                  "nieuw": _nieuw(verzoek, cheque, plan, nieuw_bedrag) if toegekend else oud,
                  "geldig_tot": cheque.geldig_tot.isoformat()})
    verzoek.afgehandeld_op = timezone.now()
    verzoek.save(update_fields=["afgehandeld_op"])
    return besluit


def _boek_verschil(*, cheque, plan, nieuw_bedrag: Decimal, door) -> None:
    verschil = nieuw_bedrag - cheque.bedrag
    omschrijving = f"Wijziging {plan.aanvraag.referentie}"
    if verschil > 0:
        regeling = regeling_van(plan)
        ruimte = jaarruimte(plan=plan, jaar=cheque.uitgegeven_op.year, regeling=regeling)
        if verschil > ruimte:
            raise ValidationError({"bedrag": _(
                "Dit is meer dan het maximum per persoon per kalenderjaar: er kan nog "
                "%(ruimte)s bij (maximum %(max)s).") % {
                "ruimte": euro(max(ruimte, Decimal("0"))),
                "max": euro(regeling.maximum_per_jaar)}})
        # refuses above the subsidieplafond (PlafondOverschreden), under the period lock
        budget.reserveer(periode=cheque.periode, bedrag=verschil, referentie=cheque.nummer,
                         door=door, omschrijving=omschrijving)
    elif verschil < 0:
        budget.geef_vrij(periode=cheque.periode, bedrag=-verschil, referentie=cheque.nummer,
                         door=door, omschrijving=omschrijving)
