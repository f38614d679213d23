"""Reads for the scholingsplan and the subsidietoets. Every function runs a fixed number
of queries, independent of the amount of data."""

from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone

from aanvragen.models import Aanvraag, Postcodecontrole
from aanvragen.selectors import veilige_links
from loopbaangesprekken.models import (
    Erkenning,
    Kansberoep,
    Kansberoepenlijst,
    Opleider,
    Scholingsplan,
)
from loopbaangesprekken.models.scholingsplan import Toezeggingsstand
from loopbaangesprekken.subsidietoets import (
    Casus,
    Cofinanciering,
    RegelingParameters,
    Toetsuitslag,
    toets,
    voorgesteld_bedrag,
)
from tfvv import budget_selectors
from tfvv.models import Gebeurtenis, Postcodegebied, Regeling

NUL = Decimal("0.00")
PLAN_OBJECTTYPE = "loopbaangesprekken.scholingsplan"
# Events the cheques stage records on a plan (see docs/subsidietoets.md).
ACTIE_TOEKENNEN = "toekennen"
ACTIES_CHEQUE_DICHT = ("cheque_vervallen", "cheque_ingetrokken")
ACTIE_CHEQUE_HERSTELD = "cheque_hersteld"  # the intrekking herroepen after a gegrond bezwaar
GETOETSTE_STATUSSEN = (Scholingsplan.Status.INGEDIEND, Scholingsplan.Status.AANVULLING,
                       Scholingsplan.Status.BESLOTEN)
BEWERKBARE_STATUSSEN = (Scholingsplan.Status.CONCEPT, Scholingsplan.Status.TERUG,
                        Scholingsplan.Status.AANVULLING)


class GeenRegeling(Exception):
    """No regeling is in force on the aanvraagdatum: the case cannot be judged."""


# --- reference data -----------------------------------------------------------------

def regeling_op(datum: date) -> Regeling | None:
    return Regeling.objects.filter(geldig_van__lte=datum, geldig_tot__gte=datum).first()


def regeling_parameters(regeling: Regeling) -> RegelingParameters:
    return RegelingParameters(
        code=regeling.code, naam=regeling.naam, geldig_van=regeling.geldig_van,
        geldig_tot=regeling.geldig_tot, minimumleeftijd=regeling.minimumleeftijd,
        cofinanciering_aandeel=regeling.cofinanciering_aandeel,
        maximum_per_jaar=regeling.maximum_per_jaar, niveauregel=regeling.niveauregel,
    )


def regeling_parameters_op(datum: date) -> RegelingParameters | None:
    regeling = regeling_op(datum)
    return regeling_parameters(regeling) if regeling else None


def postcodesoort(pc4: str) -> str | None:
    """woon / grens / postbus for a Twente PC4; None when it is not in Twente."""
    return Postcodegebied.objects.filter(pc4=pc4).values_list("soort", flat=True).first()


def kansberoepenlijst_op(datum: date) -> Kansberoepenlijst | None:
    return (Kansberoepenlijst.objects.filter(geldig_van__lte=datum, geldig_tot__gte=datum)
            .order_by("-gepubliceerd_op", "-pk").first())


def kansberoepen_op(datum: date):
    """The occupations on the Kansberoepenlijst valid on `datum` (a queryset)."""
    lijst = kansberoepenlijst_op(datum)
    if lijst is None:
        return Kansberoep.objects.none()
    return Kansberoep.objects.filter(lijst=lijst).select_related("sector", "lijst")


def zoek_kansberoep(doelberoep: str, datum: date) -> Kansberoep | None:
    """Automatic lookup: the occupation of that name on the list valid on `datum`."""
    if not doelberoep.strip():
        return None
    return kansberoepen_op(datum).filter(naam__iexact=doelberoep.strip()).first()


def opleider_erkend_op(opleider: Opleider, datum: date) -> bool:
    return Erkenning.objects.filter(
        Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=datum),
        opleider=opleider, geldig_van__lte=datum,
    ).exists()


# --- other grants of the same person (from the event log of the cheques stage) ---------

def _andere_plannen(plan: Scholingsplan) -> dict[str, dict]:
    plannen = (Scholingsplan.objects.filter(aanvraag__aanvrager_id=plan.aanvraag.aanvrager_id)
               .exclude(pk=plan.pk).values("pk", "opleider_id", "opleiding_naam"))
    return {str(p["pk"]): p for p in plannen}


def _cheque_gebeurtenissen(plan_ids) -> tuple[dict[str, dict], set[str]]:
    """Grants per plan id and the plan ids whose cheque expired or was withdrawn (and not
    restored since), in the order the events happened."""
    toegekend, dicht = {}, set()
    for g in Gebeurtenis.objects.filter(
        objecttype=PLAN_OBJECTTYPE, object_id__in=list(plan_ids),
        actie__in=(ACTIE_TOEKENNEN, ACTIE_CHEQUE_HERSTELD, *ACTIES_CHEQUE_DICHT),
    ).order_by("tijdstip", "id").values("object_id", "actie", "gegevens"):
        if g["actie"] == ACTIE_TOEKENNEN:
            toegekend[g["object_id"]] = g["gegevens"] or {}
        elif g["actie"] == ACTIE_CHEQUE_HERSTELD:
            dicht.discard(g["object_id"])
        else:
            dicht.add(g["object_id"])
    return toegekend, dicht


def reden_teruggestuurd(plan: Scholingsplan) -> str:
    """What the beoordelaar asked to change, while the plan is back with the consulent."""
    if plan.status != Scholingsplan.Status.TERUG:
        return ""
    return (Gebeurtenis.objects.filter(objecttype=PLAN_OBJECTTYPE, object_id=str(plan.pk),
                                       actie="terugsturen")
            .order_by("-tijdstip", "-id").values_list("reden", flat=True).first()) or ""


ACTIE_AANVULLING_VRAGEN = "aanvulling_vragen"
ACTIE_ANTWOORD_INWONER = "aanvulling_beantwoord_door_inwoner"  # by the cheques stage
ACTIE_PLAN_GEWIJZIGD = "plan_gewijzigd"


def aanvulling_gevraagd(plan: Scholingsplan) -> dict | None:
    """The open aanvulverzoek, as the cheques stage recorded it in the event log (this
    stage does not import cheques), while the plan waits for the aanvulling, else None:
    {"vraag", "gevraagd_op", "hersteltermijn_tot", "antwoorden" (the resident's answers
    since the request: "tekst", "op", "te_laat", "documenten" as links), "plan_gewijzigd"
    (whether the consulent changed the plan since the request)}. One query."""
    if plan.status != Scholingsplan.Status.AANVULLING:
        return None
    gebeurtenissen = list(
        Gebeurtenis.objects.filter(objecttype=PLAN_OBJECTTYPE, object_id=str(plan.pk),
                                   actie__in=(ACTIE_AANVULLING_VRAGEN, ACTIE_ANTWOORD_INWONER,
                                              ACTIE_PLAN_GEWIJZIGD))
        .only("actie", "tijdstip", "reden", "gegevens").order_by("tijdstip", "id"))
    vragen = [i for i, g in enumerate(gebeurtenissen) if g.actie == ACTIE_AANVULLING_VRAGEN]
    if not vragen:
        return None
    vraag, sindsdien = gebeurtenissen[vragen[-1]], gebeurtenissen[vragen[-1] + 1:]
    tot = vraag.gegevens.get("hersteltermijn_tot")
    return {
        "vraag": vraag.reden, "gevraagd_op": vraag.tijdstip,
        "hersteltermijn_tot": date.fromisoformat(tot) if tot else None,
        "antwoorden": [{"tekst": g.reden, "op": g.tijdstip,
                        "te_laat": bool(g.gegevens.get("te_laat")),
                        "documenten": veilige_links(g.gegevens)}
                       for g in sindsdien if g.actie == ACTIE_ANTWOORD_INWONER],
        "plan_gewijzigd": any(g.actie == ACTIE_PLAN_GEWIJZIGD for g in sindsdien),
    }


def _bedrag(tekst) -> Decimal:
    try:
        return Decimal(str(tekst)).quantize(Decimal("0.01"))
    except ArithmeticError:
        return NUL


def andere_toekenningen(plan: Scholingsplan, *, jaar: int) -> tuple[Decimal, bool]:
    """(granted to this person in `jaar` on other plans, whether an open cheque exists for
    the same training). A cheque that expired or was withdrawn counts for neither."""
    andere = _andere_plannen(plan)
    if not andere:
        return NUL, False
    toegekend, dicht = _cheque_gebeurtenissen(andere)
    totaal, open_zelfde = NUL, False
    naam = plan.opleiding_naam.strip().casefold()
    for plan_id, gegevens in toegekend.items():
        if plan_id in dicht:
            continue
        if str(gegevens.get("jaar")) == str(jaar):
            totaal += _bedrag(gegevens.get("bedrag", "0"))
        ander = andere[plan_id]
        if (ander["opleider_id"] == plan.opleider_id
                and ander["opleiding_naam"].strip().casefold() == naam):
            open_zelfde = True
    return totaal, open_zelfde


# --- the case and the verdict ----------------------------------------------------------

def cofinancieringsregels(plan: Scholingsplan) -> list:
    """The lines that count as co-financing: a declined one will not be paid."""
    return [r for r in plan.cofinanciering.all() if r.toezegging != Toezeggingsstand.AFGEWEZEN]


def bedragen(plan: Scholingsplan) -> dict[str, Decimal]:
    """Total cost, total and committed co-financing of a saved plan (two queries, one
    with the lines prefetched)."""
    kosten = plan.kosten.aggregate(s=Sum("bedrag"))["s"] or NUL
    regels = cofinancieringsregels(plan)
    return {"totale_kosten": kosten, "cofinanciering": sum((r.bedrag for r in regels), NUL),
            "toegezegd": sum((r.bedrag for r in regels if r.telt_mee), NUL)}


def _adres_bevestigd(aanvraag: Aanvraag) -> bool | None:
    return {Postcodecontrole.BEVESTIGD: True,
            Postcodecontrole.AFGEKEURD: False}.get(aanvraag.postcodecontrole)


def casus_voor_plan(plan: Scholingsplan, *, peildatum: date | None = None) -> Casus:
    """The frozen case of a saved plan, with the regeling in force on the aanvraagdatum.
    `peildatum` (default today) fixes the calendar year of R6."""
    aanvraag = plan.aanvraag
    regeling = regeling_parameters_op(aanvraag.aanvraagdatum)
    if regeling is None:
        raise GeenRegeling(aanvraag.aanvraagdatum)
    peildatum = peildatum or timezone.localdate()
    eerder, open_zelfde = andere_toekenningen(plan, jaar=peildatum.year)
    periode = budget_selectors.periode_op(aanvraag.aanvraagdatum)
    return Casus(
        regeling=regeling,
        aanvraagdatum=aanvraag.aanvraagdatum,
        geboortedatum=aanvraag.geboortedatum,
        postcode=aanvraag.postcode,
        postcodesoort=postcodesoort(aanvraag.postcode[:4]),
        adres_bevestigd=_adres_bevestigd(aanvraag),
        opleidingsniveau=aanvraag.opleidingsniveau,
        scholingsniveau=plan.opleiding_niveau,
        startdatum=plan.startdatum,
        einddatum=plan.einddatum,
        opleider_erkend=opleider_erkend_op(plan.opleider, plan.startdatum),
        totale_kosten=bedragen(plan)["totale_kosten"],
        op_kansberoepenlijst=_op_kansberoepenlijst(plan),
        perspectief_onderbouwd=bool(plan.arbeidsmarktperspectief.strip()),
        cofinanciering=tuple(Cofinanciering(c.bron, c.bedrag, c.telt_mee)
                             for c in cofinancieringsregels(plan)),
        gevraagd_bedrag=plan.gevraagd_bedrag,
        eerder_toegekend_dit_jaar=eerder,
        beschikbaar_budget=budget_selectors.beschikbaar(periode) if periode else None,
        open_cheque_zelfde_opleiding=open_zelfde,
    )


def _op_kansberoepenlijst(plan: Scholingsplan) -> bool:
    """The chosen kansberoep must be on the list valid on the aanvraagdatum."""
    if plan.kansberoep_id is None:
        return False
    return kansberoepen_op(plan.aanvraag.aanvraagdatum).filter(pk=plan.kansberoep_id).exists()


def toets_voor_plan(plan: Scholingsplan) -> Toetsuitslag | None:
    """The verdict to show: the snapshot stored on submission once the plan is submitted
    (so later changes of reference data never rewrite it), else the live verdict.
    None when no regeling is in force on the aanvraagdatum."""
    if plan.status in GETOETSTE_STATUSSEN and plan.toets_snapshot:
        return Toetsuitslag.uit_dict(plan.toets_snapshot["uitslag"])
    return actuele_toets(plan)


def voorstel_bedrag(*, plan: Scholingsplan, totale_kosten: Decimal,
                    cofinanciering: Decimal) -> Decimal | None:
    """Proposed requested amount: total − co-financing, capped by the rest of the yearly cap.
    `plan` may be unsaved but needs its aanvraag and opleiding."""
    regeling = regeling_op(plan.aanvraag.aanvraagdatum)
    if regeling is None:
        return None
    eerder, _ = andere_toekenningen(plan, jaar=timezone.localdate().year)
    return voorgesteld_bedrag(totale_kosten=totale_kosten, cofinanciering=cofinanciering,
                              maximum_per_jaar=regeling.maximum_per_jaar,
                              eerder_toegekend=eerder)


def plannen_van_aanvraag(aanvraag: Aanvraag):
    return aanvraag.scholingsplannen.select_related("opleider").order_by("aangemaakt_op", "pk")


def plan_met_details(pk: int) -> Scholingsplan:
    """One plan with what its pages show (raises Scholingsplan.DoesNotExist)."""
    return (Scholingsplan.objects
            .select_related("aanvraag", "opleider", "doelsector", "huidige_sector",
                            "kansberoep__lijst", "consulent", "regeling")
            .prefetch_related("kosten", "cofinanciering__werkgever").get(pk=pk))


def actuele_toets(plan: Scholingsplan) -> Toetsuitslag | None:
    """The live verdict on the plan as saved now; None without a regeling in force."""
    try:
        return toets(casus_voor_plan(plan))
    except GeenRegeling:
        return None
