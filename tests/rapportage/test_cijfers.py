"""Every dashboard figure against an independent count on the generated data set."""

import datetime
import math
from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from aanvragen import models as m
from aanvragen.models import Aanvraag
from cheques.models import Beschikking, Cheque
from loopbaangesprekken.models import Cofinancieringsregel, Gesprek, Scholingsplan
from loopbaangesprekken.models.scholingsplan import Opleidingsniveau, Route
from rapportage import selectors
from rapportage.budget import NIET_TOEGEREKEND
from rapportage.samenvatting import leeftijdsklasse
from rapportage.services import ververs_samenvattingen
from rapportage.tabellen import AFGESCHERMD_TEKEN, ONDERDRUKT, is_klein
from tests.rapportage.conftest import JAAR_2024, rijen, waarde
from tfvv import budget_selectors
from tfvv.models import Bronlast, Budgetboeking, Gebeurtenis, Gemeente, Toezegging

pytestmark = pytest.mark.django_db
JAAR = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))


def _vergelijk_verdeling(tabel, telling: Counter, labels: dict):
    """Each row equals the independent count (or is suppressed when 1-4); total too."""
    gezien = rijen(tabel)
    for sleutel, n in telling.items():
        rij = gezien[labels.get(sleutel, sleutel or "onbekend")]
        if is_klein(n):
            assert rij[1].tekst == ONDERDRUKT
        elif rij[1].waarde is not None:  # otherwise complementary suppression
            assert rij[1].waarde == n, (tabel.sleutel, sleutel)
    assert sum(r[1].waarde or 0 for r in tabel.rijen) <= sum(telling.values())
    assert tabel.totaal[1].waarde == sum(telling.values())
    assert len(tabel.rijen) == len(telling)


def test_trechter_en_doorverwijzingen(dataset):
    d = selectors.dashboard(JAAR_2024)
    cohort = Aanvraag.objects.filter(aanvraagdatum__range=JAAR)
    trechter = d["tabellen"]["trechter"]
    assert waarde(trechter, "Aanmeldingen", 1) == cohort.count() == 300
    assert waarde(trechter, "Met gevoerd loopbaangesprek", 1) == cohort.filter(
        gesprekken__status="gevoerd").distinct().count()
    assert waarde(trechter, "Met ingediend scholingsplan", 1) == cohort.filter(
        scholingsplannen__ingediend_op__isnull=False).distinct().count()
    assert waarde(trechter, "Toegekend", 1) == cohort.filter(
        scholingsplannen__beschikking__uitkomst="toekenning").distinct().count()
    assert waarde(trechter, "Afgerond", 1) == cohort.filter(status="afgerond").count()

    doorverwezen = Counter(Gesprek.objects.filter(
        status="gevoerd", uitkomst="doorverwijzing", gevoerd_op__date__range=JAAR,
    ).values_list("doorverwezen_naar", flat=True))
    _vergelijk_verdeling(d["tabellen"]["doorverwijzingen"], doorverwezen,
                         dict(Gesprek.Doorverwijzing.choices))
    uitkomsten = Counter(Beschikking.objects.filter(besloten_op__date__range=JAAR)
                         .values_list("uitkomst", flat=True))
    _vergelijk_verdeling(d["tabellen"]["beschikkingen"], uitkomsten,
                         dict(Beschikking.Uitkomst.choices))


def test_doelen(dataset):
    vandaag = datetime.date(2024, 7, 1)
    d = selectors.dashboard(JAAR_2024, vandaag=vandaag)
    doelen = d["tabellen"]["doelen"]
    cheques_2024 = Cheque.objects.filter(uitgegeven_op__range=JAAR).count()
    gesprekken_2024 = Gesprek.objects.filter(status="gevoerd",
                                             gevoerd_op__date__range=JAAR).count()
    assert waarde(doelen, "Cheques in de gekozen periode", 1) == cheques_2024
    assert waarde(doelen, "LLO-gesprekken in de gekozen periode", 1) == gesprekken_2024
    verwacht = Decimal(625) * 366 / Decimal("365.25") * 183 / 366
    assert waarde(doelen, "Cheques in de gekozen periode", 2) == verwacht.quantize(Decimal(1))
    assert waarde(doelen, "Cheques 2023–2026", 3) == 2500


def test_doelen_programma_telt_alles_sinds_2023(dataset):
    d = selectors.dashboard(JAAR_2024, vandaag=datetime.date(2026, 1, 1))
    doelen = d["tabellen"]["doelen"]
    assert waarde(doelen, "Cheques 2023–2026", 1) == Cheque.objects.count()
    assert waarde(doelen, "LLO-gesprekken 2023–2026", 1) == Gesprek.objects.filter(
        status="gevoerd").count()


def test_verdelingen_van_aanvragen(dataset):
    d = selectors.dashboard(JAAR_2024)
    cohort = Aanvraag.objects.filter(aanvraagdatum__range=JAAR)
    for sleutel, veld, labels in (
        ("arbeidssituatie", "arbeidssituatie", "Arbeidssituatie"),
        ("niveau_aanvrager", "opleidingsniveau", "Opleidingsniveau"),
        ("bron", "bron", "Bron"),
    ):
        _vergelijk_verdeling(d["tabellen"][sleutel],
                             Counter(cohort.values_list(veld, flat=True)),
                             dict(getattr(m, labels).choices))
    leeftijden = Counter()
    for a in cohort:
        jaren = a.aanvraagdatum.year - a.geboortedatum.year - (
            (a.aanvraagdatum.month, a.aanvraagdatum.day)
            < (a.geboortedatum.month, a.geboortedatum.day))
        leeftijden[leeftijdsklasse(jaren)] += 1
    _vergelijk_verdeling(d["tabellen"]["leeftijd"], leeftijden, {})


def test_gemeenten(dataset):
    d = selectors.dashboard(JAAR_2024)
    tabel = d["tabellen"]["gemeenten"]
    per = Counter(Aanvraag.objects.filter(aanvraagdatum__range=JAAR)
                  .values_list("gemeente__naam", flat=True))
    cheques = Counter(Cheque.objects.filter(uitgegeven_op__range=JAAR).values_list(
        "beschikking__plan__aanvraag__gemeente__naam", flat=True))
    totaal_inwoners = sum(Gemeente.objects.values_list("inwoners", flat=True))
    gezien = rijen(tabel)
    for g in Gemeente.objects.all():
        rij = gezien[g.naam]
        assert rij[1].waarde == g.inwoners
        assert rij[2].waarde == (Decimal(g.inwoners) * 100 / totaal_inwoners).quantize(
            Decimal("0.1"))
        n = per[g.naam]
        if rij[3].waarde is not None:
            assert rij[3].waarde == n
            assert rij[4].waarde == (Decimal(n) * 1000 / g.inwoners).quantize(Decimal("0.01"))
        else:
            assert rij[4].onderdrukt
        if rij[6].waarde is not None:
            assert rij[6].waarde == cheques[g.naam]
    assert tabel.totaal[3].waarde == sum(per.values())
    assert tabel.totaal[6].waarde == sum(cheques.values())


def test_gemeente_en_loket_filter(dataset):
    almelo = Gemeente.objects.get(naam="Almelo")
    filters = selectors.Filters(van=JAAR[0], tot=JAAR[1], gemeente_id=almelo.pk,
                                loket="leerwerkloket")
    d = selectors.dashboard(filters)
    n = Aanvraag.objects.filter(aanvraagdatum__range=JAAR, gemeente=almelo,
                                loket="leerwerkloket").count()
    cel = d["tabellen"]["trechter"].rijen[0][1]
    # shown, or hidden: "<5" when small, else "x" (rapportage.afscherming)
    assert cel.waarde == n or cel.tekst == (ONDERDRUKT if 0 < n < 5 else AFGESCHERMD_TEKEN)


def test_scholingsplannen_en_cheques(dataset):
    d = selectors.dashboard(JAAR_2024)
    plannen = Scholingsplan.objects.filter(ingediend_op__date__range=JAAR)
    _vergelijk_verdeling(d["tabellen"]["routes"], Counter(plannen.values_list("route", flat=True)),
                         dict(Route.choices))
    _vergelijk_verdeling(d["tabellen"]["niveau_opleiding"],
                         Counter(plannen.values_list("opleiding_niveau", flat=True)),
                         dict(Opleidingsniveau.choices))
    _vergelijk_verdeling(d["tabellen"]["doelsectoren"],
                         Counter(plannen.values_list("doelsector__naam", flat=True)), {})
    overgangen = Counter(f"{p.huidige_sector.naam if p.huidige_sector else 'onbekend'} → "
                         f"{p.doelsector.naam}" for p in plannen.select_related(
                             "huidige_sector", "doelsector"))
    _vergelijk_verdeling(d["tabellen"]["sectorovergangen"], overgangen, {})
    kansrijk = rijen(d["tabellen"]["doelsectoren"])
    assert kansrijk["Zorg"][3].tekst == "ja" and kansrijk["Retail"][3].tekst == "nee"

    cheques = Cheque.objects.filter(uitgegeven_op__range=JAAR)
    totaal = cheques.aggregate(s=Sum("bedrag"))["s"]
    cb = d["tabellen"]["chequebedrag"].rijen[0]
    assert cb[1].waarde == cheques.count()
    assert cb[2].waarde == totaal
    assert cb[3].waarde == (totaal / cheques.count()).quantize(Decimal("0.01"))
    assert cb[4].waarde == Decimal("2500.00")
    per_opleider = Counter(cheques.values_list("opleider__naam", flat=True))
    opleiders = d["tabellen"]["opleiders"]
    for naam, rij in rijen(opleiders).items():
        assert rij[1].waarde in (per_opleider[naam], None)
    assert [r[1].waarde for r in opleiders.rijen] == [
        n if n >= 5 else None for n in sorted(per_opleider.values(), reverse=True)[:10]]


def _nearest_rank(waarden, p):
    waarden = sorted(waarden)
    return waarden[max(1, math.ceil(p * len(waarden))) - 1]


def _dagen_teruggestuurd() -> dict[str, int]:
    """Per plan id: days from each `terugsturen` to the next `indienen` (the data set has
    at most one return per plan)."""
    momenten = defaultdict(dict)
    for g in Gebeurtenis.objects.filter(actie__in=("terugsturen", "indienen")):
        momenten[g.object_id][g.actie] = timezone.localdate(g.tijdstip)
    return {plan: (m["indienen"] - m["terugsturen"]).days for plan, m in momenten.items()}


def test_doorlooptijden(dataset):
    d = selectors.dashboard(JAAR_2024)
    tabel = d["tabellen"]["doorlooptijden"]
    eerste = []
    for a in Aanvraag.objects.filter(aanvraagdatum__range=JAAR).prefetch_related("gesprekken"):
        gevoerd = [g.gevoerd_op for g in a.gesprekken.all() if g.status == "gevoerd"]
        if gevoerd:
            eerste.append((min(gevoerd).date() - a.aanvraagdatum).days)
    rij = tabel.rijen[0]
    assert rij[1].waarde == len(eerste)
    assert rij[2].waarde == _nearest_rank(eerste, 0.5)
    assert rij[3].waarde == _nearest_rank(eerste, 0.9)

    teruggestuurd = _dagen_teruggestuurd()
    assert teruggestuurd  # the data set has returns for changes
    netto = []
    for b in Beschikking.objects.filter(besloten_op__date__range=JAAR).select_related("plan"):
        pauze = sum(((v.beantwoord_op or b.besloten_op).date() - v.gevraagd_op.date()).days
                    for v in b.plan.aanvulverzoeken.all())
        pauze += teruggestuurd.get(str(b.plan_id), 0)
        netto.append((b.besloten_op.date() - b.plan.ingediend_op.date()).days - pauze)
    rij = tabel.rijen[1]
    assert rij[1].waarde == len(netto)
    assert rij[2].waarde == _nearest_rank(netto, 0.5)
    assert rij[3].waarde == _nearest_rank(netto, 0.9)
    over = sum(1 for n in netto if n > 56)
    assert rij[5].waarde == over and rij[4].waarde == len(netto) - over


def test_budget_identiteit_en_bronnen(dataset):
    periode = dataset["periode"]
    d = selectors.dashboard(JAAR_2024)
    boekingen = Budgetboeking.objects.filter(periode=periode)

    def som(soort):
        return boekingen.filter(soort=soort).aggregate(s=Sum("bedrag"))["s"] or Decimal(0)

    toegezegd = Toezegging.objects.filter(periode=periode).aggregate(s=Sum("bedrag"))["s"]
    gereserveerd = som("reservering") - som("vrijval")
    # a claim (terugvordering) lowers nothing until money comes back (ontvangst)
    gerealiseerd = som("realisatie") + som("voorschot") - som("ontvangst")
    rij = rijen(d["tabellen"]["budget"])[periode.naam]
    assert [c.waarde for c in rij[1:5]] == [toegezegd, gereserveerd, gerealiseerd,
                                            toegezegd - gereserveerd - gerealiseerd]
    assert rij[1].waarde == rij[2].waarde + rij[3].waarde + rij[4].waarde
    # the data set books without earmarking: every entry is on the "niet toegerekend" row
    per_bron = [r for r in d["tabellen"]["budget_bronnen"].rijen if r[0].tekst == periode.naam]
    assert len(per_bron) == 4
    los = per_bron[-1]
    assert los[1].tekst == NIET_TOEGEREKEND
    assert [los[3].waarde, los[4].waarde] == [gereserveerd, gerealiseerd]
    assert all(r[3].waarde == r[4].waarde == 0 for r in per_bron[:3])


def test_budget_per_bron_uit_de_oormerking(dataset):
    """Entries with a charge count for their bron, exactly as on the staff budget page;
    the rest stays on its own row (never spread pro rata)."""
    periode, bronnen = dataset["periode"], dataset["bronnen"]
    for boeking in (Budgetboeking.objects.filter(periode=periode)
                    .exclude(referentie="terug").order_by("id")):
        nummer = int(boeking.referentie[1:])
        if nummer % 3 == 2:
            continue  # booked "before earmarking"
        Bronlast.objects.create(boeking=boeking, bron=bronnen[nummer % 2], periode=periode,
                                soort=boeking.soort, referentie=boeking.referentie,
                                bedrag=boeking.bedrag)
    ververs_samenvattingen()
    cache.clear()
    d = selectors.dashboard(JAAR_2024)
    per_bron = {r[1].tekst: r for r in d["tabellen"]["budget_bronnen"].rijen
                if r[0].tekst == periode.naam}
    for b in budget_selectors.bronstanden(periode):
        rij = per_bron[b.bron.naam]
        assert [c.waarde for c in rij[2:]] == [b.toegezegd, b.gereserveerd, b.gerealiseerd,
                                               b.vrij]
    assert per_bron["Regio Twente"][3].waarde > 0
    assert per_bron["Provincie Overijssel"][4].waarde > 0
    los = budget_selectors.niet_toegerekend(periode)
    assert los.gereserveerd > 0
    assert [per_bron[NIET_TOEGEREKEND][3].waarde,
            per_bron[NIET_TOEGEREKEND][4].waarde] == [los.gereserveerd, los.gerealiseerd]
    stand = budget_selectors.standen([periode])[0]
    rijen_ = per_bron.values()
    assert sum(r[3].waarde for r in rijen_) == stand.gereserveerd
    assert sum(r[4].waarde for r in rijen_) == stand.gerealiseerd


def test_budget_uitputting():
    from rapportage.budget import Stand, uitputting
    from tfvv.models import Begrotingsperiode

    periode = Begrotingsperiode(naam="p", van=datetime.date(2024, 1, 1),
                                tot=datetime.date(2026, 12, 31))
    maanden = {datetime.date(2025, m, 1): Decimal(1000) for m in range(1, 7)}
    stand = Stand(periode, Decimal(20000), Decimal(4000), Decimal(4000), maanden)
    # 12,000 free at 1,000 a month: about a year after 1 July 2025
    assert uitputting(stand, datetime.date(2025, 7, 1)) == "01-07-2026"
    assert uitputting(stand, datetime.date(2027, 1, 1)) == "periode afgelopen"
    stand.per_maand = {}
    assert uitputting(stand, datetime.date(2025, 7, 1)) == "niet in zicht"


def test_cofinanciering_per_bron_en_ikbindr(dataset):
    """Per bron the promised and the confirmed amount (Cofinancieringsregel.telt_mee in
    Python against its SQL form), and the IKBINDR partners' share on the plan's date."""
    d = selectors.dashboard(JAAR_2024)
    regels = [r for r in Cofinancieringsregel.objects.select_related("plan", "werkgever")
              if r.plan.ingediend_op
              and timezone.localtime(r.plan.ingediend_op).date().year == 2024
              and r.toezegging != "afgewezen"]
    assert len({r.bron for r in regels}) == 5
    assert any(r.telt_mee for r in regels) and not all(r.telt_mee for r in regels)
    tabel = d["tabellen"]["cofinanciering"]
    labels = dict(Cofinancieringsregel.Bron.choices)
    for bron, label in labels.items():
        eigen = [r for r in regels if r.bron == bron]
        rij = rijen(tabel)[label]
        assert rij[1].waarde == len(eigen)
        assert rij[3].waarde == sum(r.bedrag for r in eigen)
        bevestigd = [r for r in eigen if r.telt_mee]
        if not (is_klein(len(bevestigd)) or is_klein(len(eigen) - len(bevestigd))):
            assert rij[4].waarde == sum(r.bedrag for r in bevestigd), label
    assert tabel.totaal[3].waarde == sum(r.bedrag for r in regels)

    def partner(r):
        return r.werkgever.ikbindr_partner_op(timezone.localtime(r.plan.ingediend_op).date())

    werkgevers = [r for r in regels if r.bron == "werkgever"]
    ikbindr = rijen(d["tabellen"]["ikbindr_cofinanciering"])
    assert ikbindr["IKBINDR-zakelijk partner"][1].waarde == sum(map(partner, werkgevers))
    assert ikbindr["IKBINDR-zakelijk partner"][3].waarde == sum(
        r.bedrag for r in werkgevers if partner(r))
    assert ikbindr["andere werkgever"][1].waarde == sum(not partner(r) for r in werkgevers)

    cheques = list(Cheque.objects.filter(uitgegeven_op__year=2024)
                   .select_related("beschikking__plan"))
    met = [c for c in cheques if any(
        partner(r) for r in c.beschikking.plan.cofinanciering.select_related("plan", "werkgever")
        if r.bron == "werkgever" and r.toezegging != "afgewezen")]
    per_cheque = rijen(d["tabellen"]["ikbindr_cheques"])
    assert per_cheque["met bijdrage van een IKBINDR-zakelijk partner"][1].waarde == len(met)
    assert per_cheque["met bijdrage van een IKBINDR-zakelijk partner"][3].waarde == sum(
        c.bedrag for c in met)
    assert per_cheque["zonder bijdrage van een IKBINDR-zakelijk partner"][1].waarde == (
        len(cheques) - len(met))
