"""Set-based aggregation of the pipeline into `Telling` and `Budgetstand` rows.

Every function runs GROUP BY queries and yields summary rows; nothing loops over
individual aanvragen in Python (only over already aggregated groups, e.g. to map an age
in years onto an age band).
"""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import GreaterThan

from aanvragen.models import Aanvraag
from cheques.models import Aanvulverzoek, Beschikking, Cheque
from loopbaangesprekken.models import Gesprek, Scholingsplan
from rapportage.models import Budgetstand, Telling
from rapportage.sql import DagenTussen, maand
from tfvv.models import Budgetboeking, Toezegging

# Funnel stages (dimension "trechter"), counted per cohort of aanvraagdatum.
TRECHTER = ("aanmelding", "gesprek", "scholingsplan", "toekenning", "afgerond")

# Age bands (dimension "leeftijd"): (label, lowest age, highest age).
LEEFTIJDSKLASSEN = (
    ("jonger dan 18", 0, 17), ("18-24", 18, 24), ("25-34", 25, 34), ("35-44", 35, 44),
    ("45-54", 45, 54), ("55-64", 55, 64), ("65 en ouder", 65, 200),
)


def leeftijdsklasse(leeftijd: int) -> str:
    return next(label for label, laag, hoog in LEEFTIJDSKLASSEN if laag <= leeftijd <= hoog)


def _rij(groep: dict, dimensie: str, waarde, aantal: int, bedrag=0) -> Telling:
    return Telling(maand=groep["m"], gemeente_id=groep["g"], loket=groep["l"] or "",
                   dimensie=dimensie, waarde="" if waarde is None else str(waarde),
                   aantal=aantal, bedrag=bedrag or 0)


def _groepen(qs, gemeente: str, loket: str, datum: str, *velden, **metingen):
    """GROUP BY (month of `datum`, gemeente, loket, *velden) with the given aggregates."""
    return (qs.annotate(m=maand(datum), g=F(gemeente), l=F(loket))
            .values("m", "g", "l", *velden).annotate(**metingen).order_by())


def _aanvragen() -> Iterator[Telling]:
    a = Aanvraag.objects.all()
    gevoerd = Gesprek.objects.filter(aanvraag=OuterRef("pk"), status=Gesprek.Status.GEVOERD)
    ingediend = Scholingsplan.objects.filter(aanvraag=OuterRef("pk"), ingediend_op__isnull=False)
    toegekend = Beschikking.objects.filter(plan__aanvraag=OuterRef("pk"),
                                           uitkomst=Beschikking.Uitkomst.TOEKENNING)
    trechter = _groepen(
        a.annotate(h_g=Exists(gevoerd), h_p=Exists(ingediend), h_t=Exists(toegekend)),
        "gemeente_id", "loket", "aanvraagdatum",
        aanmelding=Count("id"), gesprek=Count("id", filter=Q(h_g=True)),
        scholingsplan=Count("id", filter=Q(h_p=True)),
        toekenning=Count("id", filter=Q(h_t=True)),
        afgerond=Count("id", filter=Q(status=Aanvraag.Status.AFGEROND)),
    )
    for groep in trechter:
        for fase in TRECHTER:
            if groep[fase]:
                yield _rij(groep, "trechter", fase, groep[fase])

    for veld in ("arbeidssituatie", "opleidingsniveau", "bron"):
        for groep in _groepen(a, "gemeente_id", "loket", "aanvraagdatum", veld, n=Count("id")):
            yield _rij(groep, veld, groep[veld], groep["n"])

    # Age on aanvraagdatum in whole years, grouped in SQL; bands are summed here.
    verjaard_later = ExtractMonth("geboortedatum") * 100 + ExtractDay("geboortedatum")
    dag_aanvraag = ExtractMonth("aanvraagdatum") * 100 + ExtractDay("aanvraagdatum")
    leeftijd = (ExtractYear("aanvraagdatum") - ExtractYear("geboortedatum")
                - Case(When(GreaterThan(verjaard_later, dag_aanvraag), then=Value(1)),
                       default=Value(0), output_field=IntegerField()))
    klassen: dict = defaultdict(int)
    for groep in _groepen(a.annotate(leeftijd=leeftijd), "gemeente_id", "loket",
                          "aanvraagdatum", "leeftijd", n=Count("id")):
        klassen[(groep["m"], groep["g"], groep["l"], leeftijdsklasse(groep["leeftijd"]))] += \
            groep["n"]
    for (m, g, loket, klasse), n in klassen.items():
        yield _rij({"m": m, "g": g, "l": loket}, "leeftijd", klasse, n)

    eerste = Subquery(gevoerd.values("aanvraag").annotate(e=Min("gevoerd_op")).values("e")[:1])
    doorloop = (a.annotate(eerste=eerste).filter(eerste__isnull=False)
                .annotate(dagen=DagenTussen("eerste", "aanvraagdatum")))
    for groep in _groepen(doorloop, "gemeente_id", "loket", "aanvraagdatum", "dagen",
                          n=Count("id")):
        yield _rij(groep, "dagen_tot_gesprek", groep["dagen"], groep["n"])


def _gesprekken() -> Iterator[Telling]:
    g = Gesprek.objects.filter(status=Gesprek.Status.GEVOERD, gevoerd_op__isnull=False)
    for groep in _groepen(g, "aanvraag__gemeente_id", "aanvraag__loket", "gevoerd_op",
                          n=Count("id")):
        yield _rij(groep, "gesprek", "", groep["n"])
    doorverwezen = g.filter(uitkomst=Gesprek.Uitkomst.DOORVERWIJZING)
    for groep in _groepen(doorverwezen, "aanvraag__gemeente_id", "aanvraag__loket",
                          "gevoerd_op", "doorverwezen_naar", n=Count("id")):
        yield _rij(groep, "doorverwijzing", groep["doorverwezen_naar"], groep["n"])


def _scholingsplannen() -> Iterator[Telling]:
    p = Scholingsplan.objects.filter(ingediend_op__isnull=False)
    dimensies = {
        "route": ("route",),
        "opleiding_niveau": ("opleiding_niveau",),
        "doelsector": ("doelsector__naam",),
        "sectorovergang": ("huidige_sector__naam", "doelsector__naam"),
    }
    for dimensie, velden in dimensies.items():
        for groep in _groepen(p, "aanvraag__gemeente_id", "aanvraag__loket", "ingediend_op",
                              *velden, n=Count("id")):
            waarde = " → ".join(groep[v] or "onbekend" for v in velden)
            yield _rij(groep, dimensie, waarde, groep["n"])


def _beschikkingen() -> Iterator[Telling]:
    b = Beschikking.objects.all()
    for groep in _groepen(b, "plan__aanvraag__gemeente_id", "plan__aanvraag__loket",
                          "besloten_op", "uitkomst", n=Count("id")):
        yield _rij(groep, "beschikking", groep["uitkomst"], groep["n"])
    # Beslistermijn: days from indiening to besluit minus the time the plan waited for an
    # aanvulling (Awb 4:15); an unanswered request counts until the besluit.
    pauzes = (Aanvulverzoek.objects.filter(plan=OuterRef("plan"))
              .annotate(d=DagenTussen(Coalesce("beantwoord_op", OuterRef("besloten_op")),
                                      "gevraagd_op"))
              .values("plan").annotate(s=Sum("d")).values("s")[:1])
    netto = (b.filter(plan__ingediend_op__isnull=False)
             .annotate(dagen=DagenTussen("besloten_op", "plan__ingediend_op")
                       - Coalesce(Subquery(pauzes, output_field=IntegerField()), 0)))
    for groep in _groepen(netto, "plan__aanvraag__gemeente_id", "plan__aanvraag__loket",
                          "besloten_op", "dagen", n=Count("id")):
        yield _rij(groep, "dagen_tot_beschikking", groep["dagen"], groep["n"])


def _cheques() -> Iterator[Telling]:
    c = Cheque.objects.all()
    gemeente = "beschikking__plan__aanvraag__gemeente_id"
    loket = "beschikking__plan__aanvraag__loket"
    for groep in _groepen(c, gemeente, loket, "uitgegeven_op", n=Count("id"), s=Sum("bedrag")):
        yield _rij(groep, "cheque", "", groep["n"], groep["s"])
    for groep in _groepen(c, gemeente, loket, "uitgegeven_op", "opleider__naam",
                          n=Count("id"), s=Sum("bedrag")):
        yield _rij(groep, "opleider", groep["opleider__naam"], groep["n"], groep["s"])


def tellingen() -> Iterator[Telling]:
    for bron in (_aanvragen, _gesprekken, _scholingsplannen, _beschikkingen, _cheques):
        yield from bron()


def budgetstanden() -> Iterator[Budgetstand]:
    for rij in Toezegging.objects.values("periode_id", "bron_id").annotate(s=Sum("bedrag")):
        yield Budgetstand(periode_id=rij["periode_id"], bron_id=rij["bron_id"],
                          soort=Budgetstand.TOEGEZEGD, bedrag=rij["s"])
    boekingen = (Budgetboeking.objects.annotate(m=maand("tijdstip"))
                 .values("periode_id", "m", "soort").annotate(s=Sum("bedrag")).order_by())
    for rij in boekingen:
        yield Budgetstand(periode_id=rij["periode_id"], maand=rij["m"], soort=rij["soort"],
                          bedrag=rij["s"])
