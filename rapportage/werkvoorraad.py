"""Live work-queue figures for the project office and the beoordelaars (staff only).

A fixed number of GROUP BY queries on indexed open records; no summary tables, because
a queue must be current. Per-consultant workload names staff and is never shown to the
adviesgroep.
"""

import datetime

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from aanvragen.models import Aanvraag
from cheques.models import Aanvulverzoek, Beschikking
from loopbaangesprekken.models import Gesprek, Scholingsplan
from rapportage.opschorting import dagen_teruggestuurd
from rapportage.selectors import BESLISTERMIJN_DAGEN, LOKET_LABELS
from rapportage.sql import DagenTussen

LEEFTIJDEN = (("tot 2 weken", 0, 13), ("2 tot 4 weken", 14, 27), ("4 tot 8 weken", 28, 55),
              ("8 weken of langer", 56, None))


def _tussen(veld: str, laag: int, hoog: int | None) -> Q:
    q = Q(**{f"{veld}__gte": laag})
    return q & Q(**{f"{veld}__lte": hoog}) if hoog is not None else q


def wachtrijen() -> list[dict]:
    """Open aanvragen per status and loket."""
    statussen = dict(Aanvraag.Status.choices)
    rijen = (Aanvraag.objects.filter(status__in=Aanvraag.OPEN_STATUSSEN)
             .values("status", "loket").annotate(n=Count("id")).order_by("status", "loket"))
    return [{"status": statussen[r["status"]], "loket": LOKET_LABELS.get(r["loket"], r["loket"]),
             "aantal": r["n"]} for r in rijen]


def veroudering(vandaag: datetime.date) -> list[dict]:
    """Open aanvragen per status by time since receipt."""
    statussen = dict(Aanvraag.Status.choices)
    leeftijd = DagenTussen(Value(vandaag), "ontvangen_op")
    metingen = {f"k{i}": Count("id", filter=_tussen("dagen", laag, hoog))
                for i, (_, laag, hoog) in enumerate(LEEFTIJDEN)}
    rijen = (Aanvraag.objects.filter(status__in=Aanvraag.OPEN_STATUSSEN)
             .annotate(dagen=leeftijd).values("status").annotate(**metingen).order_by("status"))
    return [{"status": statussen[r["status"]],
             "aantallen": [r[f"k{i}"] for i in range(len(LEEFTIJDEN))]} for r in rijen]


def beslistermijnen(vandaag: datetime.date) -> dict:
    """Submitted plans without a sent beschikking: queue size, age since indiening and days
    left of the beslistermijn.

    The clock stops while an aanvulling is awaited and while the plan was back with the
    consulent for changes (answered requests and returns are subtracted; a plan with an
    open request is counted as 'opgeschort')."""
    pauzes = (Aanvulverzoek.objects.filter(plan=OuterRef("pk"), beantwoord_op__isnull=False)
              .annotate(d=DagenTussen("beantwoord_op", "gevraagd_op"))
              .values("plan").annotate(s=Sum("d")).values("s")[:1])
    open_verzoek = Aanvulverzoek.objects.filter(plan=OuterRef("pk"), beantwoord_op__isnull=True,
                                                vervallen_op__isnull=True)
    plannen = (Scholingsplan.objects
               .filter(ingediend_op__isnull=False,
                       status__in=(Scholingsplan.Status.INGEDIEND,
                                   Scholingsplan.Status.AANVULLING))
               .exclude(beschikking__status=Beschikking.Status.VERZONDEN)
               .annotate(dagen=DagenTussen(Value(vandaag), "ingediend_op"),
                         rest=Value(BESLISTERMIJN_DAGEN)
                         + Coalesce(Subquery(pauzes, output_field=IntegerField()), 0)
                         + dagen_teruggestuurd(OuterRef("pk"))
                         - DagenTussen(Value(vandaag), "ingediend_op"),
                         wacht=Exists(open_verzoek)))
    lopend = Q(wacht=False)
    return plannen.aggregate(
        totaal=Count("id"),
        ingediend=Count("id", filter=Q(status=Scholingsplan.Status.INGEDIEND)),
        aanvulling=Count("id", filter=Q(status=Scholingsplan.Status.AANVULLING)),
        wacht_op_medeondertekening=Count("id", filter=Q(
            beschikking__status=Beschikking.Status.CONCEPT)),
        opgeschort=Count("id", filter=Q(wacht=True)),
        overschreden=Count("id", filter=lopend & Q(rest__lt=0)),
        binnen_week=Count("id", filter=lopend & Q(rest__gte=0, rest__lte=7)),
        binnen_twee_weken=Count("id", filter=lopend & Q(rest__gte=8, rest__lte=14)),
        later=Count("id", filter=lopend & Q(rest__gt=14)),
        **{f"k{i}": Count("id", filter=_tussen("dagen", laag, hoog))
           for i, (_, laag, hoog) in enumerate(LEEFTIJDEN)},
    )


def werklast(vandaag: datetime.date) -> list[dict]:
    """Per consulent: open aanvragen, gesprekken planned in the next 14 days, plans in
    preparation (concept or returned)."""
    open_per = (Aanvraag.objects.filter(status__in=Aanvraag.OPEN_STATUSSEN,
                                        consulent__isnull=False)
                .values("consulent_id", "consulent__first_name", "consulent__last_name",
                        "consulent__organisatie")
                .annotate(n=Count("id")).order_by())
    gepland = dict(Gesprek.objects.filter(
        status=Gesprek.Status.GEPLAND, gepland_op__date__gte=vandaag,
        gepland_op__date__lte=vandaag + datetime.timedelta(days=14),
    ).values("consulent_id").annotate(n=Count("id")).values_list("consulent_id", "n"))
    concept = dict(Scholingsplan.objects.filter(
        status__in=(Scholingsplan.Status.CONCEPT, Scholingsplan.Status.TERUG),
    ).values("consulent_id").annotate(n=Count("id")).values_list("consulent_id", "n"))
    rijen = [{
        "naam": f"{r['consulent__first_name']} {r['consulent__last_name']}".strip(),
        "loket": LOKET_LABELS.get(r["consulent__organisatie"], r["consulent__organisatie"]),
        "open": r["n"], "gepland": gepland.get(r["consulent_id"], 0),
        "plannen": concept.get(r["consulent_id"], 0),
    } for r in open_per]
    return sorted(rijen, key=lambda r: (-r["open"], r["naam"]))


def werkvoorraad(*, projectbureau: bool) -> dict:
    vandaag = timezone.localdate()
    gegevens = {"beslistermijnen": beslistermijnen(vandaag), "leeftijden": LEEFTIJDEN,
                "vandaag": vandaag}
    if projectbureau:
        gegevens.update(wachtrijen=wachtrijen(), veroudering=veroudering(vandaag),
                        werklast=werklast(vandaag))
    return gegevens
