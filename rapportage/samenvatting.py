"""Set-based refresh of the summary tables: every figure is an INSERT ... SELECT ... GROUP BY
compiled from an ORM queryset, so no row of the pipeline passes through Python.

`Telling` rows are written at the most detailed level (month × gemeente × loket) and then
rolled up in SQL into three coarser levels, so each dashboard query reads one level; then
every month row is summed into quarter and year rows (rapportage.perioden).
"""

from decimal import Decimal

from django.db import connection
from django.db.models import (
    CharField,
    Count,
    DateField,
    DateTimeField,
    DecimalField,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat, Trunc

from aanvragen.models import Aanvraag
from cheques.models import Aanvulverzoek, Beschikking, Cheque
from loopbaangesprekken.models import Gesprek, Scholingsplan
from rapportage.leeftijd import LEEFTIJDSKLASSEN, leeftijdsklasse_sql
from rapportage.models import Budgetstand, Telling
from rapportage.opschorting import dagen_teruggestuurd
from rapportage.samenvatting_cofinanciering import vul_cofinanciering
from rapportage.samenvatting_uitkomsten import vul_uitkomsten
from rapportage.sql import DagenTussen, maand
from tfvv import budget_selectors
from tfvv.models import Begrotingsperiode, Budgetboeking, Toezegging

# Funnel stages (dimension "trechter"), counted per cohort of aanvraagdatum.
TRECHTER = ("aanmelding", "gesprek", "scholingsplan", "toekenning", "afgerond")

KOLOMMEN = "maand, gemeente_id, loket, dimensie, waarde, aantal, bedrag, niveau"
NUL = Value(Decimal("0.00"), output_field=DecimalField(max_digits=14, decimal_places=2))


def leeftijdsklasse(leeftijd: int) -> str:
    return next(label for label, laag, hoog in LEEFTIJDSKLASSEN if laag <= leeftijd <= hoog)


def _tekst(expressie):
    return Coalesce(Cast(expressie, CharField()), Value(""))


def _voeg_in(qs, dimensie: str, *, plek: tuple[str, str, str], waarde=None,
             bedrag: str | None = None, niveau: int = Telling.Niveau.DETAIL) -> None:
    """INSERT the counts of `qs` grouped by (month of plek[2], gemeente plek[0], loket
    plek[1], waarde) as detail-level `Telling` rows of `dimensie` (`niveau`: DETAIL, or
    DETAIL_UITSPLITSING for a breakdown)."""
    gemeente, loket, datum = plek
    qs = (qs.annotate(m=maand(datum), g=F(gemeente), l=F(loket),
                      w=_tekst(waarde) if waarde is not None else Value(""))
          .values("m", "g", "l", "w")
          .annotate(n=Count("pk"), s=Coalesce(Sum(bedrag), NUL) if bedrag else NUL)
          .order_by())
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Telling._meta.db_table} ({KOLOMMEN}) "  # noqa: S608 (own names)
            f"SELECT m, g, l, %s, w, n, s, {int(niveau)} FROM ({sql}) sub",
            [dimensie, *params],
        )


AANVRAAG = ("gemeente_id", "loket", "aanvraagdatum")


def _aanvragen() -> None:
    a = Aanvraag.objects.all()
    gevoerd = Gesprek.objects.filter(aanvraag=OuterRef("pk"), status=Gesprek.Status.GEVOERD)
    fasen = {
        "aanmelding": a,
        "gesprek": a.filter(Exists(gevoerd)),
        "scholingsplan": a.filter(Exists(Scholingsplan.objects.filter(
            aanvraag=OuterRef("pk"), ingediend_op__isnull=False))),
        # a toekenning, or a refusal herroepen after a gegrond bezwaar (it has a cheque)
        "toekenning": a.filter(Exists(Beschikking.objects.filter(
            Q(uitkomst=Beschikking.Uitkomst.TOEKENNING) | Q(cheque__isnull=False),
            plan__aanvraag=OuterRef("pk")))),
        "afgerond": a.filter(status=Aanvraag.Status.AFGEROND),
    }
    for fase, qs in fasen.items():
        _voeg_in(qs, "trechter", plek=AANVRAAG, waarde=Value(fase))
    for veld in ("arbeidssituatie", "opleidingsniveau", "bron"):
        _voeg_in(a, veld, plek=AANVRAAG, waarde=F(veld))

    # age bands (dimension "leeftijd") on aanvraagdatum
    _voeg_in(a, "leeftijd", plek=AANVRAAG,
             waarde=leeftijdsklasse_sql("geboortedatum", "aanvraagdatum"))

    eerste = Subquery(gevoerd.values("aanvraag").annotate(e=Min("gevoerd_op")).values("e")[:1])
    doorloop = a.annotate(eerste=eerste).filter(eerste__isnull=False)
    _voeg_in(doorloop, "dagen_tot_gesprek", plek=AANVRAAG,
             waarde=DagenTussen("eerste", "aanvraagdatum"))


def _gesprekken() -> None:
    g = Gesprek.objects.filter(status=Gesprek.Status.GEVOERD, gevoerd_op__isnull=False)
    plek = ("aanvraag__gemeente_id", "aanvraag__loket", "gevoerd_op")
    _voeg_in(g, "gesprek", plek=plek)
    _voeg_in(g.filter(uitkomst=Gesprek.Uitkomst.DOORVERWIJZING), "doorverwijzing", plek=plek,
             waarde=F("doorverwezen_naar"))


def _scholingsplannen() -> None:
    p = Scholingsplan.objects.filter(ingediend_op__isnull=False)
    plek = ("aanvraag__gemeente_id", "aanvraag__loket", "ingediend_op")
    _voeg_in(p, "route", plek=plek, waarde=F("route"))
    _voeg_in(p, "opleiding_niveau", plek=plek, waarde=F("opleiding_niveau"))
    _voeg_in(p, "doelsector", plek=plek, waarde=F("doelsector__naam"))
    _voeg_in(p, "sectorovergang", plek=plek, waarde=Concat(
        Coalesce("huidige_sector__naam", Value("onbekend")), Value(" → "), "doelsector__naam",
        output_field=CharField()))


def _beschikkingen() -> None:
    b = Beschikking.objects.all()
    plek = ("plan__aanvraag__gemeente_id", "plan__aanvraag__loket", "besloten_op")
    _voeg_in(b, "beschikking", plek=plek, waarde=F("uitkomst"))
    # Beslistermijn: days from indiening to besluit minus the time the plan waited for an
    # aanvulling or was back for changes (Awb 4:15); an unanswered request counts until
    # the besluit.
    pauzes = (Aanvulverzoek.objects.filter(plan=OuterRef("plan"))
              .annotate(d=DagenTussen(Coalesce("beantwoord_op", OuterRef("besloten_op"),
                                               output_field=DateTimeField()),
                                      "gevraagd_op"))
              .values("plan").annotate(s=Sum("d")).values("s")[:1])
    netto = b.filter(plan__ingediend_op__isnull=False).annotate(
        pauze=Coalesce(Subquery(pauzes, output_field=IntegerField()), 0)
        + dagen_teruggestuurd(OuterRef("plan")))
    _voeg_in(netto, "dagen_tot_beschikking", plek=plek,
             waarde=DagenTussen("besloten_op", "plan__ingediend_op") - F("pauze"))


def _cheques() -> None:
    c = Cheque.objects.all()
    plek = ("beschikking__plan__aanvraag__gemeente_id", "beschikking__plan__aanvraag__loket",
            "uitgegeven_op")
    _voeg_in(c, "cheque", plek=plek, bedrag="bedrag")
    _voeg_in(c, "opleider", plek=plek, waarde=F("opleider__naam"), bedrag="bedrag")


def _rol_op() -> None:
    """Roll the detail rows up to per gemeente and per loket, and that to the fund total."""
    N = Telling.Niveau
    niveaus = ((N.GEMEENTE, N.DETAIL, "gemeente_id", "''", "gemeente_id"),
               (N.LOKET, N.DETAIL, "NULL", "loket", "loket"),
               (N.TOTAAL, N.LOKET, "NULL", "''", ""))
    with connection.cursor() as cursor:
        for niveau, bron, gemeente, loket, extra in (
                *niveaus, *((n.uitsplitsing, b.uitsplitsing, *rest) for n, b, *rest in niveaus)):
            groep = "maand, dimensie, waarde" + (f", {extra}" if extra else "")
            cursor.execute(
                f"INSERT INTO {Telling._meta.db_table} ({KOLOMMEN}) "  # noqa: S608 (own names)
                f"SELECT maand, {gemeente}, {loket}, dimensie, waarde, SUM(aantal), SUM(bedrag), "
                f"{niveau} FROM {Telling._meta.db_table} WHERE niveau = %s GROUP BY {groep}",
                [bron],
            )


def _tel_op_per_kwartaal_en_jaar() -> None:
    """Sum the month rows of every level into quarter and year rows (rapportage.perioden)."""
    for duur, eenheid in ((Telling.Duur.KWARTAAL, "quarter"), (Telling.Duur.JAAR, "year")):
        qs = (Telling.objects.filter(maanden=Telling.Duur.MAAND)
              .annotate(p=Trunc("maand", eenheid, output_field=DateField()))
              .values("niveau", "p", "gemeente_id", "loket", "dimensie", "waarde")
              .annotate(n=Sum("aantal"), s=Sum("bedrag")).order_by())
        sql, params = qs.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {Telling._meta.db_table} ({KOLOMMEN}, maanden) "  # noqa: S608
                f"SELECT p, gemeente_id, loket, dimensie, waarde, n, s, niveau, {int(duur)} "
                f"FROM ({sql}) sub", params)


def _uitkomsten() -> None:
    vul_uitkomsten(_voeg_in)


def _cofinanciering() -> None:
    vul_cofinanciering(_voeg_in)


def vul_tellingen() -> None:
    for stap in (_aanvragen, _gesprekken, _scholingsplannen, _beschikkingen, _cheques,
                 _uitkomsten, _cofinanciering, _rol_op, _tel_op_per_kwartaal_en_jaar):
        stap()


def vul_budgetstanden() -> None:
    rijen = [Budgetstand(periode_id=r["periode_id"], bron_id=r["bron_id"],
                         soort=Budgetstand.TOEGEZEGD, bedrag=r["s"])
             for r in Toezegging.objects.values("periode_id", "bron_id").annotate(s=Sum("bedrag"))]
    boekingen = (Budgetboeking.objects.annotate(m=maand("tijdstip"))
                 .values("periode_id", "m", "soort").annotate(s=Sum("bedrag")).order_by())
    rijen += [Budgetstand(periode_id=r["periode_id"], maand=r["m"], soort=r["soort"],
                          bedrag=r["s"]) for r in boekingen]
    rijen += _lasten_per_bron()
    Budgetstand.objects.bulk_create(rijen)


def _lasten_per_bron() -> list[Budgetstand]:
    """What each public bron carries and what is not charged, per period: the figures of the
    staff budget page (tfvv.budget_selectors), so both show the same (five queries a period;
    there are few periods)."""
    rijen = []
    for periode in Begrotingsperiode.objects.all():
        for b in budget_selectors.bronstanden(periode):
            rijen += [Budgetstand(periode_id=periode.pk, bron_id=b.bron.pk, soort=soort,
                                  bedrag=bedrag)
                      for soort, bedrag in ((Budgetstand.BRON_GERESERVEERD, b.gereserveerd),
                                            (Budgetstand.BRON_GEREALISEERD, b.gerealiseerd))]
        los = budget_selectors.niet_toegerekend(periode)
        if los:
            rijen += [Budgetstand(periode_id=periode.pk, soort=soort, bedrag=bedrag)
                      for soort, bedrag in ((Budgetstand.LOS_GERESERVEERD, los.gereserveerd),
                                            (Budgetstand.LOS_GEREALISEERD, los.gerealiseerd))]
    return rijen

