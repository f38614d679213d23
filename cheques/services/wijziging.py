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
from cheques.services.besluiten import geldig_tot, jaarruimte
from cheques.services.financien import betaald
from cheques.services.gedeeld import (
    C,
    eis,
    maak_documenten_na_commit,
    oormerkkenmerken,
    regeling_van,
    vergrendel_cheque,
)
from cheques.services.vervolgbesluiten import neem_vervolgbesluit
from loopbaangesprekken.selectors import scholingsplan as plan_selectors
from loopbaangesprekken.services import scholingsplan as plan_services
from tfvv import budget
from tfvv.templatetags.bedragen import euro

# a cheque that is not settled or ended; after a voorschot the amount cannot go below it
LOPEND = (C.UITGEGEVEN, C.GEDECLAREERD, C.VOORSCHOT_BETAALD)

GRONDSLAG = _("Subsidieverordening Twents Fonds voor Vakmanschap (CVDR631008); Algemene wet "
              "bestuursrecht, titel 4.2: wijziging van de subsidieverlening op aanvraag van "
              "de subsidieontvanger (bij een lager bedrag artikel 4:48, eerste lid)")


def open_verzoeken():
    return (Wijzigingsverzoek.objects.filter(afgehandeld_op__isnull=True)
            .select_related("aanvraag").order_by("ingediend_op", "pk"))


def _feiten(plan, cheque) -> dict:
    return {"opleiding": plan.opleiding_naam, "opleider": cheque.opleider.naam,
            "startdatum": plan.startdatum.isoformat(),
            "einddatum": plan.einddatum.isoformat(), "bedrag": str(cheque.bedrag),
            "geldig_tot": cheque.geldig_tot.isoformat()}


def _gevraagd(verzoek, plan, cheque) -> dict:
    return {"opleiding": verzoek.opleiding_naam or plan.opleiding_naam,
            "startdatum": (verzoek.startdatum or plan.startdatum).isoformat(),
            "einddatum": (verzoek.einddatum or plan.einddatum).isoformat(),
            "bedrag": str(verzoek.bedrag or cheque.bedrag)}


@transaction.atomic
def beslis_op_wijziging(*, verzoek: Wijzigingsverzoek, door, toegekend: bool, motivering: str,
                        bedrag: Decimal | None = None, opleider=None) -> Vervolgbesluit:
    """`bedrag`: the amount granted (default: the amount asked, else unchanged); `opleider`:
    another opleider the beoordelaar agreed to (the resident names it in the request). Granted,
    the plan (opleiding, opleider, dates), the cheque (amount, opleider, validity computed as
    at the grant) and the reservation follow; the letter states the old and the new values."""
    eis(mag_besluiten(door))
    verzoek = Wijzigingsverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.afgehandeld_op:
        raise ValidationError(_("Op dit verzoek is al beslist."))
    # the beschikking with its cheque (also a toekenning after a gegrond bezwaar)
    beschikking = (Beschikking.objects.select_related("plan__aanvraag", "plan__regeling")
                   .filter(plan__aanvraag=verzoek.aanvraag, cheque__isnull=False).first())
    if beschikking is None:
        raise ValidationError(_("Bij deze aanvraag hoort geen toegekende cheque."))
    cheque = vergrendel_cheque(beschikking.cheque)
    if not motivering.strip():
        raise ValidationError({"motivering": _("Een besluit moet gemotiveerd worden (artikel "
                                               "3:47 Awb).")})
    plan = beschikking.plan
    oud = _feiten(plan, cheque)
    if toegekend:
        _voer_uit(verzoek=verzoek, plan=plan, cheque=cheque, door=door, bedrag=bedrag,
                  opleider=opleider if opleider != cheque.opleider else None,
                  reden=motivering.strip())
        plan.refresh_from_db()
    besluit = neem_vervolgbesluit(
        beschikking=beschikking, soort=Vervolgbesluit.Soort.WIJZIGING, door=door,
        motivering=motivering.strip(), grondslag=str(GRONDSLAG), cheque=cheque,
        bedrag=cheque.bedrag if toegekend else None,
        gegevens={"verzoek": verzoek.pk, "toegekend": toegekend, "oud": oud,
                  "gevraagd": _gevraagd(verzoek, plan, cheque),
                  "nieuw": _feiten(plan, cheque) if toegekend else oud,
                  "geldig_tot": cheque.geldig_tot.isoformat()})
    verzoek.afgehandeld_op = timezone.now()
    verzoek.save(update_fields=["afgehandeld_op"])
    return besluit


def _voer_uit(*, verzoek, plan, cheque, door, bedrag, opleider, reden) -> None:
    if cheque.status not in LOPEND:
        raise ValidationError(_("De cheque is al afgehandeld of beëindigd (%(status)s); "
                                "wijzigen kan niet meer.") % {
            "status": cheque.get_status_display()})
    start = verzoek.startdatum or plan.startdatum
    eind = verzoek.einddatum or plan.einddatum
    if eind < start:
        raise ValidationError(_("De nieuwe einddatum (%(eind)s) ligt voor de startdatum "
                                "(%(start)s); wijs het verzoek af of vraag de inwoner om "
                                "juiste data.") % {"eind": f"{eind:%d-%m-%Y}",
                                                   "start": f"{start:%d-%m-%Y}"})
    nieuw_bedrag = bedrag if bedrag is not None else (verzoek.bedrag or cheque.bedrag)
    if nieuw_bedrag <= 0:
        raise ValidationError({"bedrag": _("Vul een bedrag groter dan € 0 in.")})
    al_betaald = betaald(cheque)
    if nieuw_bedrag < al_betaald:
        raise ValidationError({"bedrag": _(
            "Er is al %(betaald)s als voorschot betaald; een lager bedrag kan pas bij de "
            "vaststelling.") % {"betaald": euro(al_betaald)}})
    if opleider is not None:
        _controleer_opleider(cheque, opleider, start)
    _boek_verschil(cheque=cheque, plan=plan, nieuw_bedrag=nieuw_bedrag, door=door)
    if verzoek.opleiding_naam or verzoek.startdatum or verzoek.einddatum or opleider:
        plan_services.wijzig_na_besluit(plan=plan, actor=door,
                                        opleiding_naam=verzoek.opleiding_naam,
                                        startdatum=verzoek.startdatum,
                                        einddatum=verzoek.einddatum, opleider=opleider,
                                        reden=reden)
    velden = ["bedrag", "geldig_tot"]
    if opleider is not None:
        # a new cheque PDF for the new opleider, who gets the mail with the code
        cheque.opleider, cheque.pdf, cheque.mail_verzonden_op = opleider, "", None
        velden += ["opleider", "pdf", "mail_verzonden_op"]
        maak_documenten_na_commit(cheque.beschikking)
    if verzoek.einddatum:
        # as at the grant: never already expired, from the later of the end and today
        cheque.geldig_tot = geldig_tot(verzoek.einddatum, timezone.localdate())
    cheque.bedrag = nieuw_bedrag
    cheque.save(update_fields=velden)


def _controleer_opleider(cheque, opleider, start) -> None:
    if cheque.status != C.UITGEGEVEN:
        raise ValidationError({"opleider": _(
            "De opleider heeft de cheque al gedeclareerd (%(status)s); een andere opleider kan "
            "niet meer.") % {"status": cheque.get_status_display()}})
    if not plan_selectors.opleider_erkend_op(opleider, start):
        raise ValidationError({"opleider": _(
            "%(opleider)s is op de startdatum (%(start)s) niet erkend; kies een erkende "
            "opleider.") % {"opleider": opleider.naam, "start": f"{start:%d-%m-%Y}"}})


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
        try:  # under the period lock; refused above the subsidieplafond (Awb 4:25)
            budget.reserveer(periode=cheque.periode, bedrag=verschil,
                             referentie=cheque.nummer, door=door, omschrijving=omschrijving,
                             kenmerken=oormerkkenmerken(cheque.beschikking.plan))
        except budget.BudgetGeweigerd as e:
            raise ValidationError({"bedrag": str(e)}) from e
    elif verschil < 0:
        budget.geef_vrij(periode=cheque.periode, bedrag=-verschil, referentie=cheque.nummer,
                         door=door, omschrijving=omschrijving)
