"""The outcome breakdowns (docs/uitkomsten.md, "Uitkomsten per groep"): every figure equals
an independent count straight from the source models, on a generated data set, also with a
gemeente or loket filter; suppression; a query count that does not grow with the data."""

import datetime
from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cheques.models import Afronding
from rapportage import selectors
from rapportage.models import Vervolgmeting
from rapportage.samenvatting import leeftijdsklasse
from rapportage.samenvatting_uitkomsten import UITKOMSTEN, VOLTOOID_LABELS, WERKEND
from rapportage.services import ververs_samenvattingen
from rapportage.tabellen import ONDERDRUKT, is_klein
from rapportage.uitsplitsingen import GROEP_TITELS, _groeplabels
from tests.conftest import werk_statistieken_bij
from tests.rapportage.factories import maak_dataset
from tests.rapportage.factories_vervolg import voeg_uitkomsten_toe
from tfvv.models import Gemeente
from tfvv.roles import LOKETTEN

pytestmark = pytest.mark.django_db
M = Vervolgmeting.Moment
VAN, TOT = datetime.date(2024, 1, 1), datetime.date(2026, 12, 31)
GROEPEN = list(GROEP_TITELS)


@pytest.fixture
def gegevens(db):
    maak_dataset(300, seed=21)
    voeg_uitkomsten_toe(seed=21)
    ververs_samenvattingen()


def _leeftijd(geboren: datetime.date, op: datetime.date) -> int:
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))


def _groep(cheque, groep: str) -> str:
    """The group of a cheque, straight from the models (not the summary SQL)."""
    plan = cheque.beschikking.plan
    aanvraag = plan.aanvraag
    return {
        "niveau": aanvraag.opleidingsniveau,
        "leeftijd": leeftijdsklasse(_leeftijd(aanvraag.geboortedatum, aanvraag.aanvraagdatum)),
        "gemeente": str(aanvraag.gemeente_id) if aanvraag.gemeente_id else "onbekend",
        "loket": aanvraag.loket,
        "opleider": cheque.opleider.naam,
        "kansrijk": "ja" if plan.doelsector.kansrijk else "nee",
    }[groep]


def _uitkomst(m: Vervolgmeting) -> str:
    if m.ingevuld_op is None:
        return "geen_antwoord"
    if m.werksituatie not in WERKEND:
        return "geen_werk"
    if m.kansberoep_id:
        return "kansberoep"
    return "kansrijke_sector" if m.sector.kansrijk else "ander_werk"


def _in_periode(moment) -> bool:
    return VAN <= timezone.localdate(moment) <= TOT


def _past(cheque, gemeente_id, loket) -> bool:
    aanvraag = cheque.beschikking.plan.aanvraag
    return (not gemeente_id or aanvraag.gemeente_id == gemeente_id) and (
        not loket or aanvraag.loket == loket)


def eigen_telling(gemeente_id=None, loket="") -> dict[str, Counter]:
    """{table key: Counter("<group>|<class>")} counted in Python from the source rows."""
    pad = ("cheque__opleider", "cheque__beschikking__plan__aanvraag",
           "cheque__beschikking__plan__doelsector")
    uit = defaultdict(Counter)
    for a in Afronding.objects.select_related(*pad):
        if _in_periode(a.geregistreerd_op) and _past(a.cheque, gemeente_id, loket):
            for groep in GROEPEN:
                uit[f"voltooid_{groep}"][
                    f"{_groep(a.cheque, groep)}|{'ja' if a.voltooid else 'nee'}"] += 1
    for m in Vervolgmeting.objects.select_related(*pad, "sector").filter(
            moment__in=(M.ZES_MAANDEN, M.TWAALF_MAANDEN), verstuurd_op__isnull=False):
        if _in_periode(m.verstuurd_op) and _past(m.cheque, gemeente_id, loket):
            for groep in GROEPEN:
                uit[f"na_{m.moment}_{groep}"][f"{_groep(m.cheque, groep)}|{_uitkomst(m)}"] += 1
    return uit


def _label(sleutel: str, waarde: str) -> str:
    groep = sleutel.rpartition("_")[2]
    gemeenten = {str(g.pk): g.naam for g in Gemeente.objects.all()}
    groeplabels = _groeplabels(groep, gemeenten)
    klasselabels = VOLTOOID_LABELS if sleutel.startswith("voltooid") else UITKOMSTEN
    g, _, k = waarde.rpartition("|")
    return f"{groeplabels.get(g, g)}: {klasselabels[k]}"


def _controleer(tabellen, verwacht: dict[str, Counter], gefilterd: bool) -> int:
    """Every row, the total and every shown share within a group against the own count;
    returns how many counts were shown (and so compared exactly)."""
    getoond = 0
    for sleutel, telling in verwacht.items():
        tabel = tabellen[sleutel]
        rijen = {rij[0].tekst: rij for rij in tabel.rijen}
        assert len(rijen) == len(telling), sleutel
        per_groep = Counter()
        for waarde, n in telling.items():
            per_groep[waarde.rpartition("|")[0]] += n
        for waarde, n in telling.items():
            rij = rijen[_label(sleutel, waarde)]
            if is_klein(n):
                assert rij[1].waarde is None, (sleutel, waarde, n)
                if not gefilterd:
                    assert rij[1].tekst == ONDERDRUKT
            else:
                assert rij[1].waarde in (None, n), (sleutel, waarde, rij[1].waarde, n)
                getoond += rij[1].waarde is not None
            if rij[3].waarde is not None:
                groep = per_groep[waarde.rpartition("|")[0]]
                assert abs(rij[3].waarde - Decimal(100 * n) / groep) < Decimal("0.1")
        totaal = sum(telling.values())
        assert tabel.totaal[1].waarde in (None, totaal), sleutel
        if is_klein(totaal):
            assert tabel.totaal[1].waarde is None
    return getoond


def _tabellen(**filters) -> dict:
    """The tables of every group: the dashboard shows one group at a time."""
    uit = {}
    for groep in GROEPEN:
        uit |= selectors.dashboard(selectors.Filters(
            van=VAN, tot=TOT, uitsplitsing=groep, **filters))["tabellen"]
    return uit


def test_elk_cijfer_gelijk_aan_een_eigen_telling(gegevens):
    verwacht = eigen_telling()
    assert len(verwacht) == len(GROEPEN) * 3
    tabellen = _tabellen()
    assert _controleer(tabellen, verwacht, gefilterd=False) > 50
    # every table has a total without filter (it is the fund-wide figure)
    for sleutel, telling in verwacht.items():
        if not is_klein(sum(telling.values())):
            assert tabellen[sleutel].totaal[1].waarde == sum(telling.values())


def test_een_groep_tegelijk(gegevens):
    tabellen = selectors.dashboard(selectors.Filters(van=VAN, tot=TOT, uitsplitsing="opleider"))[
        "tabellen"]
    assert {"voltooid_opleider", "na_6_maanden_opleider", "na_12_maanden_opleider"} <= set(
        tabellen)
    assert not any(s.startswith(("voltooid_niveau", "na_6_maanden_niveau")) for s in tabellen)


@pytest.mark.parametrize("filter_", ["gemeente", "loket", "beide"])
def test_gefilterd_elk_getoond_cijfer_klopt_en_nooit_een_kleine_groep(gegevens, filter_):
    enschede = Gemeente.objects.get(naam="Enschede").pk
    loket = LOKETTEN[0].value
    gemeente_id = enschede if filter_ in ("gemeente", "beide") else None
    loket = loket if filter_ in ("loket", "beide") else ""
    tabellen = _tabellen(gemeente_id=gemeente_id, loket=loket)
    _controleer(tabellen, eigen_telling(gemeente_id, loket), gefilterd=True)


def test_non_respons_staat_in_de_tabel(gegevens):
    tabel = _tabellen()["na_6_maanden_kansrijk"]
    labels = [rij[0].tekst for rij in tabel.rijen]
    assert any(UITKOMSTEN["geen_antwoord"] in label for label in labels)
    assert tabel.kolommen[3] == "Aandeel binnen de groep"


def test_aantal_queries_gelijk_bij_10_en_1000_aanvragen(db):
    def meet(**filters):
        with CaptureQueriesContext(connection) as q:
            selectors.dashboard(selectors.Filters(van=VAN, tot=TOT, uitsplitsing="opleider",
                                                  **filters))
        return len(q)

    maak_dataset(10, seed=31)
    voeg_uitkomsten_toe(seed=31)
    ververs_samenvattingen()
    enschede = Gemeente.objects.get(naam="Enschede").pk
    klein = (meet(), meet(gemeente_id=enschede))
    maak_dataset(990, seed=32)
    voeg_uitkomsten_toe(seed=32)
    werk_statistieken_bij()
    ververs_samenvattingen()
    assert Vervolgmeting.objects.count() > 300
    assert (meet(), meet(gemeente_id=enschede)) == klein
