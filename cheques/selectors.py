"""Reads for the cheques pages; query counts do not depend on the amount of data."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Prefetch, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cheques import toets
from cheques.models import (
    Aanvulantwoord,
    Aanvulverzoek,
    Beschikking,
    Betaalbatch,
    Bezwaar,
    Cheque,
    Invorderingsstap,
    Terugvordering,
    Vervolgbesluit,
)
from loopbaangesprekken.models import Scholingsplan
from tfvv.models import Gebeurtenis
from tfvv.termijnen import einde_termijn

P = Scholingsplan.Status
BESLISTERMIJN = datetime.timedelta(weeks=8)  # Awb 4:13 and the verordening
WAARSCHUWING_NA = datetime.timedelta(weeks=6)
PLAN_TYPE = "loopbaangesprekken.scholingsplan"


@dataclass
class Termijn:
    ontvangen: datetime.date
    opgeschort_dagen: int
    einde: datetime.date | None  # None while suspended (aanvulling pending)
    opgeschort: bool
    waarschuwing: bool
    overschreden: bool


def termijnmomenten(plan_ids) -> dict[int, list[tuple[str, datetime.datetime]]]:
    """The plan events that stop or restart the clock, per plan in time order: a return
    for changes (`terugsturen`) and the resubmissions (`indienen`, `aanvullen`, written by
    the scholingsplan machine when the consulent submits again). One query."""
    per_plan: dict[int, list] = {}
    for object_id, actie, tijdstip in (
            Gebeurtenis.objects
            .filter(objecttype=PLAN_TYPE, actie__in=("terugsturen", "indienen", "aanvullen"),
                    object_id__in=[str(i) for i in plan_ids])
            .order_by("tijdstip", "id").values_list("object_id", "actie", "tijdstip")):
        per_plan.setdefault(int(object_id), []).append((actie, tijdstip))
    return per_plan


def _pauzes(plan: Scholingsplan, momenten: list):
    """(start, end or None while pending) of each suspension: an aanvulverzoek until the
    next `aanvullen`, a return for changes until the next `indienen`."""
    starts = [(v.gevraagd_op, "aanvullen") for v in plan.aanvulverzoeken.all()]
    starts += [(t, "indienen") for actie, t in momenten if actie == "terugsturen"]
    for start, hervat in starts:
        yield start, next((t for actie, t in momenten if actie == hervat and t >= start), None)


def beslistermijn(plan: Scholingsplan, momenten: list, vandaag: datetime.date) -> Termijn:
    """8 weeks from receipt of the complete plan (`ingediend_op`, the first submission),
    suspended while an aanvulling or a changed plan is awaited (Awb 4:15): each
    suspension runs from the request to the day the plan came back (`momenten`: see
    termijnmomenten)."""
    ontvangen = timezone.localdate(plan.ingediend_op)
    opgeschort = 0
    lopend = False
    for start, einde in _pauzes(plan, momenten):
        begin = timezone.localdate(start)
        if einde is None:
            lopend = True
            opgeschort += (vandaag - begin).days
        else:
            opgeschort += (timezone.localdate(einde) - begin).days
    # Algemene termijnenwet: a beslistermijn ending on a weekend day or holiday runs on.
    einde = einde_termijn(ontvangen + BESLISTERMIJN + datetime.timedelta(days=opgeschort))
    verstreken = vandaag - ontvangen - datetime.timedelta(days=opgeschort)
    return Termijn(
        ontvangen=ontvangen, opgeschort_dagen=opgeschort, einde=None if lopend else einde,
        opgeschort=lopend, waarschuwing=not lopend and verstreken >= WAARSCHUWING_NA,
        overschreden=not lopend and vandaag > einde,
    )


@dataclass
class Regel:
    plan: Scholingsplan
    termijn: Termijn
    verdict: str
    concept: Beschikking | None


FILTERS = {
    "status": {"": _("alle"), "ingediend": _("ingediend"),
               "aanvulling": _("aanvulling gevraagd"),
               "medeondertekening": _("wacht op tweede beoordelaar")},
    "toets": {"": _("alle"), toets.VOLDAAN: _("voldaan"),
              toets.HANDMATIG: _("handmatig beoordelen"), toets.NIET_VOLDAAN: _("niet voldaan")},
    "termijn": {"": _("alle"), "waarschuwing": _("week 6 of later"),
                "overschreden": _("overschreden"), "opgeschort": _("opgeschort")},
}


# The queue's column orderings (?sorteer=…); any other value gets the default: oldest
# first (first come, first served).
WERKVOORRAAD_SORTERING = {
    "ontvangen": ("ingediend_op", "id"), "-ontvangen": ("-ingediend_op", "-id"),
    "referentie": ("aanvraag__referentie", "id"), "-referentie": ("-aanvraag__referentie", "-id"),
    "bedrag": ("gevraagd_bedrag", "ingediend_op", "id"),
    "-bedrag": ("-gevraagd_bedrag", "ingediend_op", "id"),
}


def werkvoorraad_plannen(*, status: str = "", sorteer: str = "ontvangen"):
    """Submitted plans without a final decision, in the order `sorteer` (a key of
    WERKVOORRAAD_SORTERING, default oldest first); `status` (ingediend / aanvulling /
    medeondertekening) is applied in SQL."""
    plannen = (Scholingsplan.objects.filter(status__in=(P.INGEDIEND, P.AANVULLING))
               .order_by(*WERKVOORRAAD_SORTERING.get(sorteer,
                                                     WERKVOORRAAD_SORTERING["ontvangen"])))
    if status in (P.INGEDIEND, P.AANVULLING):
        plannen = plannen.filter(status=status)
    elif status == "medeondertekening":
        plannen = plannen.filter(beschikking__status=Beschikking.Status.CONCEPT)
    return plannen


def regels_voor(plannen, vandaag: datetime.date | None = None) -> list[Regel]:
    """The queue rows (beslistermijn, verdict, pending co-signature) of `plannen`, in the
    order given; a fixed number of queries."""
    vandaag = vandaag or timezone.localdate()
    volgorde = {p.pk: i for i, p in enumerate(plannen)}
    plannen = sorted(Scholingsplan.objects.filter(pk__in=volgorde)
                     .select_related("aanvraag", "opleider", "consulent")
                     .prefetch_related(Prefetch("aanvulverzoeken",
                                                queryset=Aanvulverzoek.objects.order_by(
                                                    "gevraagd_op"))),
                     key=lambda p: volgorde[p.pk])
    concepten = {b.plan_id: b for b in Beschikking.objects.filter(
        plan__in=plannen, status=Beschikking.Status.CONCEPT).select_related("beoordelaar")}
    momenten = termijnmomenten([p.pk for p in plannen])
    return [Regel(plan=plan, termijn=beslistermijn(plan, momenten.get(plan.pk, []), vandaag),
                  verdict=toets.verdict(plan.toets_snapshot), concept=concepten.get(plan.pk))
            for plan in plannen]


def werkvoorraad(*, status: str = "", verdict: str = "", termijn: str = "",
                 sorteer: str = "ontvangen", vandaag: datetime.date | None = None) -> list[Regel]:
    """The whole queue, also filtered on verdict and beslistermijn (computed per plan)."""
    regels = regels_voor(werkvoorraad_plannen(status=status, sorteer=sorteer), vandaag)
    return [r for r in regels
            if (not verdict or r.verdict == verdict)
            and (not termijn or getattr(r.termijn, termijn, False))]


def aanvulverzoeken_met_antwoorden() -> Prefetch:
    """A plan's aanvulverzoeken with the resident's answers and their documents (3 queries)."""
    return Prefetch("aanvulverzoeken", queryset=Aanvulverzoek.objects
                    .select_related("gevraagd_door")
                    .prefetch_related(Prefetch("antwoorden", queryset=Aanvulantwoord.objects
                                               .prefetch_related("documenten")))
                    .order_by("gevraagd_op"))


def plan_voor_beoordeling(plan_id: int) -> Scholingsplan:
    return (Scholingsplan.objects.select_related("aanvraag", "opleider", "consulent", "regeling",
                                                 "doelsector", "kansberoep")
            .prefetch_related("kosten", "cofinanciering", aanvulverzoeken_met_antwoorden())
            .get(pk=plan_id))


# --- the resident's side of an aanvulverzoek ----------------------------------------------

# open: the consulent has not yet submitted the aanvulling and no decision ended the plan
OPEN_VERZOEK = Q(beantwoord_op__isnull=True, vervallen_op__isnull=True,
                 plan__status=P.AANVULLING)


def aanvulverzoek_open(verzoek: Aanvulverzoek) -> bool:
    return (verzoek.beantwoord_op is None and verzoek.vervallen_op is None
            and verzoek.plan.status == P.AANVULLING)


def open_aanvulverzoeken(aanvraag) -> list[Aanvulverzoek]:
    """The open requests of an aanvraag, each with `aantal_antwoorden`; one query."""
    return list(Aanvulverzoek.objects.filter(OPEN_VERZOEK, plan__aanvraag=aanvraag)
                .select_related("plan").annotate(aantal_antwoorden=Count("antwoorden"))
                .order_by("hersteltermijn_tot", "pk"))


def aanvulverzoek_van(aanvraag, verzoek_id: int) -> Aanvulverzoek | None:
    """A request on a plan of this aanvraag, with its answers; None for any other."""
    return (Aanvulverzoek.objects.filter(pk=verzoek_id, plan__aanvraag=aanvraag)
            .select_related("plan")
            .prefetch_related(Prefetch("antwoorden", queryset=Aanvulantwoord.objects
                                       .prefetch_related("documenten")))
            .first())


FINANCIEN_SORTERING = {
    "nummer": ("nummer",), "-nummer": ("-nummer",),
    "geldig_tot": ("geldig_tot", "nummer"), "-geldig_tot": ("-geldig_tot", "-nummer"),
    "bedrag": ("bedrag", "nummer"), "-bedrag": ("-bedrag", "-nummer"),
}


def cheques_voor_financien(*, status: str = "", zoek: str = "", sorteer: str = "nummer"):
    """The finance list, optionally one status and a search on cheque number, opleider or
    the resident's name or reference; sorted by `sorteer` (a key of FINANCIEN_SORTERING).
    A queryset, so a Paginator pages it in SQL (a count and one page of rows with the
    opleider and the aanvraag)."""
    qs = (Cheque.objects.select_related("opleider", "beschikking__plan__aanvraag")
          .order_by(*FINANCIEN_SORTERING.get(sorteer, ("nummer",))))
    if status:
        qs = qs.filter(status=status)
    zoek = zoek.strip()
    if zoek:
        aanvraag = "beschikking__plan__aanvraag__"
        voorwaarde = (Q(nummer__icontains=zoek)
                      | Q(opleider__naam__icontains=zoek)
                      | Q(**{f"{aanvraag}referentie__iexact": zoek})
                      | Q(**{f"{aanvraag}achternaam__icontains": zoek})
                      | Q(**{f"{aanvraag}voornaam__icontains": zoek}))
        # "Jan Jansen": every word must match a first or last name
        delen = zoek.split()
        if len(delen) > 1:
            naam = Q()
            for deel in delen:
                naam &= (Q(**{f"{aanvraag}voornaam__icontains": deel})
                         | Q(**{f"{aanvraag}achternaam__icontains": deel}))
            voorwaarde |= naam
        qs = qs.filter(voorwaarde)
    return qs


def vast_te_stellen():
    """Finance's worklist for an ambtshalve vaststelling (Awb 4:47): declared cheques whose
    end date passed without a completion proof (marked by the daily job)."""
    return (Cheque.objects.filter(vast_te_stellen_sinds__isnull=False,
                                  status__in=(Cheque.Status.GEDECLAREERD,
                                              Cheque.Status.VOORSCHOT_BETAALD))
            .select_related("opleider").order_by("vast_te_stellen_sinds", "nummer"))


def betaalbatches(aantal: int = 20):
    """The latest batches with their count and total (one query)."""
    return (Betaalbatch.objects.select_related("opgesteld_door", "goedgekeurd_door")
            .annotate(aantal=Count("regels"), totaal=Sum("regels__bedrag"))[:aantal])


TERUGVORDERINGEN_SORTERING = {
    "betalen_voor": ("betalen_voor", "id"), "-betalen_voor": ("-betalen_voor", "-id"),
    "cheque": ("cheque__nummer", "id"), "-cheque": ("-cheque__nummer", "-id"),
    "bedrag": ("bedrag", "betalen_voor", "id"), "-bedrag": ("-bedrag", "betalen_voor", "id"),
    "open": ("open_bedrag", "betalen_voor", "id"), "-open": ("-open_bedrag", "betalen_voor", "id"),
}


def terugvorderingen(*, status: str = "", sorteer: str = "betalen_voor"):
    """Finance's worklist of claims with what is still open, earliest deadline first unless
    `sorteer` (a key of TERUGVORDERINGEN_SORTERING) says otherwise."""
    afgeboekt = Sum("stappen__bedrag",
                    filter=Q(stappen__soort__in=Invorderingsstap.AFBOEKINGEN))
    qs = (Terugvordering.objects.select_related("cheque__beschikking__plan__aanvraag")
          .annotate(open_bedrag=F("bedrag") - Coalesce(afgeboekt, Value(Decimal("0")),
                                                       output_field=DecimalField()))
          .order_by(*TERUGVORDERINGEN_SORTERING.get(
              sorteer, TERUGVORDERINGEN_SORTERING["betalen_voor"])))
    if status:
        qs = qs.filter(status=status)
    return qs


# --- bezwaar -----------------------------------------------------------------------------

def verdaging_van(bezwaar: Bezwaar) -> Vervolgbesluit | None:
    """The letter announcing the deferral of the beslissing op bezwaar (Awb 7:10 lid 3)."""
    if not bezwaar.verdaagd:
        return None
    return Vervolgbesluit.objects.filter(soort=Vervolgbesluit.Soort.VERDAGING,
                                         beschikking_id=bezwaar.beschikking_id,
                                         gegevens__bezwaar=bezwaar.pk).first()


def bezwaren_werkvoorraad():
    """Bezwaren without a beslissing, and decided ones with a beroep pending, by
    beslistermijn (Awb 7:10), oldest first."""
    return (Bezwaar.objects.filter(Q(uitkomst="") | Q(beroep_ingesteld_op__isnull=False,
                                                       beroep_uitspraak_op__isnull=True))
            .select_related("beschikking__plan__aanvraag", "vervolgbesluit")
            .order_by("beslistermijn_tot", "pk"))


def besluit_met_kenmerk(referentie: str, verzonden_op: datetime.date):
    """The decision on aanvraag `referentie` sent on `verzonden_op` (the kenmerk and date on
    its letter): the latest vervolgbesluit of that day, else the beschikking; None if none.
    A letter that is no besluit (an aanmaning, a verdaging) is never what a bezwaar is
    against."""
    vervolg = (Vervolgbesluit.objects.filter(beschikking__plan__aanvraag__referentie=referentie,
                                             verzonden_op=verzonden_op)
               .exclude(soort__in=Vervolgbesluit.MEDEDELINGEN).order_by("-pk").first())
    if vervolg is not None:
        return vervolg
    return Beschikking.objects.filter(plan__aanvraag__referentie=referentie,
                                      verzonden_op=verzonden_op,
                                      status=Beschikking.Status.VERZONDEN).first()
