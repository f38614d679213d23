"""The outcome tables of the adviesgroep dashboard (docs/uitkomsten.md): every figure
against an independent count on generated data, suppression (also with a gemeente filter)
and a query count that does not grow with the data."""

import datetime
import random
from collections import Counter
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cheques.models import Afronding
from loopbaangesprekken.models import Sector
from loopbaangesprekken.models.scholingsplan import Route
from rapportage import selectors
from rapportage.models import Vervolgmeting
from rapportage.samenvatting_uitkomsten import AFRONDING_LABELS, RESPONS_LABELS, WERKEND
from rapportage.services import ververs_samenvattingen
from rapportage.tabellen import ONDERDRUKT, is_klein
from rapportage.uitkomsten import WERK_LABELS
from tests.rapportage.conftest import JAAR_2024, rijen
from tests.rapportage.factories_vervolg import maak_afronding
from tests.tijd import middag
from tfvv.models import Gemeente

pytestmark = pytest.mark.django_db
M, W = Vervolgmeting.Moment, Vervolgmeting.Werksituatie
S = Afronding.Soort
SOORTEN = [S.DIPLOMA, S.CERTIFICAAT, S.AANWEZIGHEID, S.AANWEZIGHEID, S.GESTOPT]


def maak_uitkomsten(medewerkers, n: int, seed: int = 21) -> list[Vervolgmeting]:
    """n completions in 2024 (two gemeenten, two routes, two sectors before) with their
    three moments in random states; returns the moments."""
    rnd = random.Random(seed)
    sectoren = [Sector.objects.get_or_create(naam=naam, defaults={"kansrijk": k})[0]
                for naam, k in (("Zorg", True), ("Retail", False))]
    gemeenten = list(Gemeente.objects.filter(naam__in=("Enschede", "Hengelo")))
    metingen = []
    for _ in range(n):
        dag = datetime.date(2024, 1, 1) + datetime.timedelta(days=rnd.randrange(150))
        afronding = maak_afronding(
            medewerkers, geregistreerd_op=middag(dag), soort=rnd.choice(SOORTEN),
            procent=rnd.choice([60, 79, 80, 95]), route=rnd.choice(
                [Route.ANDERE_SECTOR, Route.BINNEN_SECTOR]),
            huidige_sector=rnd.choice(sectoren + [None]),
            aanvraag={"gemeente": rnd.choice(gemeenten)})
        for moment, maanden in ((M.EINDE, 0), (M.ZES_MAANDEN, 6), (M.TWAALF_MAANDEN, 12)):
            gepland = dag + datetime.timedelta(days=30 * maanden)
            if gepland.year > 2024 and rnd.random() < 0.5:
                continue  # not sent yet
            staat = rnd.choice(["open", "gestopt", "ingevuld", "ingevuld", "ingevuld"])
            werk = rnd.choice(W.values)
            metingen.append(Vervolgmeting.objects.create(
                cheque=afronding.cheque, moment=moment, gepland_op=gepland,
                verstuurd_op=middag(gepland),
                gestopt_op=middag(gepland) if staat == "gestopt" else None,
                ingevuld_op=middag(gepland + datetime.timedelta(days=3))
                if staat == "ingevuld" else None,
                werksituatie=werk if staat == "ingevuld" else "",
                sector=rnd.choice(sectoren) if staat == "ingevuld" and werk in WERKEND
                else None))
    ververs_samenvattingen()
    return metingen


def _vergelijk(tabel, telling: Counter, labels: dict):
    """Each row and the total equal the independent count, or are suppressed: always when
    1-4, otherwise only as a complement."""
    gezien = rijen(tabel)
    assert len(tabel.rijen) == len(telling), tabel.sleutel
    for sleutel, n in telling.items():
        cel = gezien[labels.get(sleutel, sleutel)][1]
        if is_klein(n):
            assert cel.tekst == ONDERDRUKT, (tabel.sleutel, sleutel)
        else:
            assert cel.waarde in (None, n), (tabel.sleutel, sleutel)
    totaal = sum(telling.values())
    if is_klein(totaal):
        assert tabel.totaal[1].tekst == ONDERDRUKT
    else:
        assert tabel.totaal[1].waarde == totaal, tabel.sleutel
    return gezien


def _in_2024(moment) -> bool:
    return moment is not None and moment.year == 2024


def _klasse(a: Afronding) -> str:
    """Independent of the SQL: straight from the model's own rule."""
    if a.soort == S.GESTOPT:
        return "gestopt"
    if not a.voltooid:
        return "niet_voltooid"
    return "presentie" if a.soort == S.AANWEZIGHEID else "diploma"


def _verwacht(metingen):
    afrondingen = [a for a in Afronding.objects.select_related(
        "cheque__beschikking__plan__huidige_sector") if _in_2024(a.geregistreerd_op)]
    uit = {"afronding": Counter(_klasse(a) for a in afrondingen),
           "voltooiing": Counter("ja" if a.voltooid else "nee" for a in afrondingen)}
    for moment in M.values:
        uit[f"respons_{moment}"] = Counter(
            "beantwoord" if m.ingevuld_op else "gestopt" if m.gestopt_op else "niet_beantwoord"
            for m in metingen if m.moment == moment and _in_2024(m.verstuurd_op))
    for moment in (M.ZES_MAANDEN, M.TWAALF_MAANDEN):
        beantwoord = [m for m in metingen if m.moment == moment and _in_2024(m.ingevuld_op)]
        uit[f"werk_{moment}"] = Counter(
            f"{m.cheque.beschikking.plan.route}|{m.werksituatie}" for m in beantwoord)
        uit[f"sector_{moment}"] = Counter(
            f"{getattr(m.cheque.beschikking.plan.huidige_sector, 'naam', 'onbekend')} → "
            f"{m.sector.naam if m.werksituatie in WERKEND else 'geen werk'}"
            for m in beantwoord)
    return uit


def test_elk_cijfer_gelijk_aan_een_eigen_telling(medewerkers):
    metingen = maak_uitkomsten(medewerkers, 45)
    verwacht = _verwacht(metingen)
    tabellen = selectors.dashboard(JAAR_2024)["tabellen"]
    labels = {"afronding": AFRONDING_LABELS,
              "voltooiing": {"ja": "Voltooid",
                             "nee": "Niet voltooid (gestopt of presentie onder 80 %)"},
              **{f"respons_{m}": RESPONS_LABELS for m in M.values},
              **{f"werk_{m}": WERK_LABELS for m in (M.ZES_MAANDEN, M.TWAALF_MAANDEN)}}
    for sleutel, telling in verwacht.items():
        assert sum(telling.values()) > 0, sleutel
        _vergelijk(tabellen[sleutel], telling, labels.get(sleutel, {}))
    # the response rate is stated as a share of what was sent
    respons = verwacht["respons_6_maanden"]
    rij = rijen(tabellen["respons_6_maanden"])["Beantwoord"]
    if not is_klein(respons["beantwoord"]) and rij[2].waarde is not None:
        verwacht_procent = Decimal(100 * respons["beantwoord"]) / sum(respons.values())
        assert abs(rij[2].waarde - verwacht_procent) < Decimal("0.1")


def test_met_gemeentefilter_alleen_wat_niet_terug_te_rekenen_is(medewerkers):
    metingen = maak_uitkomsten(medewerkers, 45)
    enschede = Gemeente.objects.get(naam="Enschede")
    filters = selectors.Filters(van=JAAR_2024.van, tot=JAAR_2024.tot, gemeente_id=enschede.pk)
    tabellen = selectors.dashboard(filters)["tabellen"]
    eigen = [m for m in metingen if m.cheque.beschikking.plan.aanvraag.gemeente_id == enschede.pk]
    verwacht = _verwacht(eigen)
    for moment in M.values:
        sleutel = f"respons_{moment}"
        gezien = rijen(tabellen[sleutel])
        for waarde_, n in verwacht[sleutel].items():
            cel = gezien[RESPONS_LABELS[waarde_]][1]
            assert cel.waarde is None or cel.waarde == n
            if is_klein(n):
                assert cel.waarde is None  # never a group of 1 to 4


def test_aantal_queries_hangt_niet_af_van_de_data(medewerkers):
    def meet():
        with CaptureQueriesContext(connection) as q:
            selectors.dashboard(JAAR_2024)
        return len(q)

    maak_uitkomsten(medewerkers, 6, seed=1)
    klein = meet()
    maak_uitkomsten(medewerkers, 30, seed=2)
    assert Vervolgmeting.objects.count() > 60
    assert meet() == klein
