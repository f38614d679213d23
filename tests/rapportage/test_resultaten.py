"""The public results page (docs/uitkomsten.md): no login, every figure equal to an
independent count, small numbers suppressed (also across the tables: quarters against the
year, years and gemeenten against the total), the same cells in the CSVs, few queries."""

import csv
import datetime
import io
from collections import Counter
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cheques.models import Afronding, Cheque
from loopbaangesprekken.models import Gesprek
from rapportage.models import Telling, Vervolgmeting
from rapportage.resultaten import resultaten, verberg_binnen
from rapportage.samenvatting_uitkomsten import WERKEND
from rapportage.tabellen import AFGESCHERMD_TEKEN, ONDERDRUKT
from tests.rapportage.conftest import rijen, waarde
from tests.rapportage.test_uitkomsten import maak_uitkomsten
from tfvv.models import Gemeente
from tfvv.referentiedata import laad_gemeenten

pytestmark = pytest.mark.django_db
JAAR = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
EIND = datetime.date(2026, 12, 5)
TABELLEN = ("resultaten", "kwartalen", "uitkomsten", "gemeenten")


def test_cijfers_per_jaar_en_kwartaal_gelijk_aan_eigen_telling(dataset):
    tabellen = resultaten(EIND)
    assert list(tabellen) == list(TABELLEN)
    jaren = tabellen["resultaten"]
    assert [r[0].tekst for r in jaren.rijen] == ["2023", "2024", "2025", "2026"]
    cheques = Cheque.objects.filter(uitgegeven_op__range=JAAR).count()
    gesprekken = Gesprek.objects.filter(status="gevoerd", gevoerd_op__date__range=JAAR).count()
    assert cheques >= 5 and gesprekken >= 5
    assert waarde(jaren, "2024", 1) == cheques
    assert waarde(jaren, "2024", 2) == 625
    assert waarde(jaren, "2024", 3) == (Decimal(cheques) * 100 / 625).quantize(Decimal("0.1"))
    assert waarde(jaren, "2024", 4) == gesprekken
    assert waarde(jaren, "2024", 5) == 1375

    kwartalen = tabellen["kwartalen"]
    assert [r[0].tekst for r in kwartalen.rijen] == [
        f"{j} K{k}" for j in (2023, 2024, 2025, 2026) for k in (1, 2, 3, 4)]
    per_kwartaal = Counter((c.uitgegeven_op.month - 1) // 3 + 1
                           for c in Cheque.objects.filter(uitgegeven_op__range=JAAR))
    for k in (1, 2, 3, 4):
        rij = rijen(kwartalen)[f"2024 K{k}"]
        assert rij[1].waarde in (None, per_kwartaal[k])  # None: suppressed
        assert rij[2].waarde == 156 and rij[5].waarde == 344  # a quarter of 625 and 1,375
    zichtbaar = [rijen(kwartalen)[f"2024 K{k}"][1].waarde for k in (1, 2, 3, 4)]
    assert sum(zichtbaar) == cheques or zichtbaar.count(None) >= 2


def test_kwartaal_naar_rato_en_afgeschermd_tegen_het_jaartotaal():
    for maand, n in ((1, 3), (4, 10), (7, 20), (10, 30)):
        _telling(datetime.date(2025, maand, 1), "cheque", n)
    _telling(datetime.date(2025, 2, 1), "gesprek", 400)
    tabellen = resultaten(datetime.date(2025, 12, 31))
    kwartalen = rijen(tabellen["kwartalen"])
    # 3 is "<5"; with the year's 63 shown, the smallest other quarter goes too, as "x"
    assert kwartalen["2025 K1"][1].tekst == ONDERDRUKT
    assert kwartalen["2025 K2"][1].tekst == AFGESCHERMD_TEKEN
    assert kwartalen["2025 K1"][3].tekst == AFGESCHERMD_TEKEN
    assert kwartalen["2025 K3"][1].waarde == 20 and kwartalen["2025 K4"][1].waarde == 30
    assert rijen(tabellen["resultaten"])["2025"][1].waarde == 63
    assert kwartalen["2025 K1"][4].waarde == 400
    # the running quarter: its target pro rata (1 Oct - 15 Nov: 46 of 92 days)
    tabel = rijen(resultaten(datetime.date(2025, 11, 15))["kwartalen"])
    assert tabel["2025 K4"][2].waarde == (Decimal(625) / 4 * 46 / 92).quantize(Decimal(1))
    assert "2026 K1" not in tabel


def test_verborgen_jaar_houdt_een_verborgen_kwartaal():
    _telling(datetime.date(2023, 2, 1), "cheque", 3)
    for maand in (1, 4, 7, 10):
        _telling(datetime.date(2024, maand, 1), "cheque", 25)
    tabellen = resultaten(EIND)
    jaren = rijen(tabellen["resultaten"])
    # 2023 is "<5"; 2024 its complement, "x" (the gemeente table shows the total 103)
    assert jaren["2023"][1].tekst == ONDERDRUKT
    assert jaren["2024"][1].tekst == AFGESCHERMD_TEKEN
    kwartalen = [rijen(tabellen["kwartalen"])[f"2024 K{k}"][1] for k in (1, 2, 3, 4)]
    # no sum gives 2024 away
    assert [c.tekst for c in kwartalen].count(AFGESCHERMD_TEKEN) == 1
    assert verberg_binnen([0, 0], True) == [False, False]
    assert verberg_binnen([6, 0, 7], True) == [True, False, False]
    assert verberg_binnen([6, 0, 7], False) == [False, False, False]


def test_uitkomsten_per_jaar_gelijk_aan_eigen_telling(medewerkers):
    metingen = maak_uitkomsten(medewerkers, 45)
    rij = rijen(resultaten(EIND)["uitkomsten"])["2024"]
    afrondingen = [a for a in Afronding.objects.all() if a.geregistreerd_op.year == 2024]
    voltooid = sum(a.voltooid for a in afrondingen)
    assert rij[1].waarde == len(afrondingen)
    _aandeel(rij[2], voltooid, len(afrondingen))
    zes = [m for m in metingen if m.moment == Vervolgmeting.Moment.ZES_MAANDEN]
    verstuurd = [m for m in zes if m.verstuurd_op.year == 2024]
    beantwoord = [m for m in zes if m.ingevuld_op and m.ingevuld_op.year == 2024]
    assert rij[3].waarde == len(verstuurd) >= 5
    _aandeel(rij[4], sum(bool(m.ingevuld_op) for m in verstuurd), len(verstuurd))
    assert rij[5].waarde == len(beantwoord) >= 5
    _aandeel(rij[6], sum(m.werksituatie in WERKEND for m in beantwoord), len(beantwoord))


def _aandeel(cel, ja: int, n: int):
    """The share, or hidden exactly when one of its two parts is 1 to 4."""
    if 0 < ja < 5 or 0 < n - ja < 5:
        assert cel.tekst == AFGESCHERMD_TEKEN
    else:
        assert cel.waarde == (Decimal(ja) * 100 / n).quantize(Decimal("0.1"))


def test_uitkomst_met_een_klein_deel_afgeschermd():
    _telling(datetime.date(2025, 3, 1), "voltooid", 7, "ja")
    _telling(datetime.date(2025, 4, 1), "voltooid", 2, "nee")
    _telling(datetime.date(2025, 5, 1), "respons_6_maanden", 30, "beantwoord")
    _telling(datetime.date(2025, 5, 1), "respons_6_maanden", 10, "niet_beantwoord")
    _telling(datetime.date(2025, 5, 1), "werk_6_maanden", 20, "skills|zelfde_werk")
    _telling(datetime.date(2025, 6, 1), "werk_6_maanden", 5, "skills|zoekend")
    _telling(datetime.date(2025, 6, 1), "werk_6_maanden", 5, "geen_werk|ander_werk")
    rij = rijen(resultaten(datetime.date(2025, 7, 1))["uitkomsten"])["2025"]
    assert rij[1].waarde == 9 and rij[2].tekst == AFGESCHERMD_TEKEN  # 2 not completed
    assert rij[3].waarde == 40 and rij[4].waarde == Decimal("75.0")
    assert rij[5].waarde == 30 and rij[6].waarde == Decimal("83.3")  # 25 of 30 working


def test_per_gemeente_gelijk_aan_eigen_telling(dataset):
    tabel = resultaten(EIND)["gemeenten"]
    namen = list(Gemeente.objects.order_by("naam").values_list("naam", flat=True))
    assert len(namen) == 14
    assert [r[0].tekst for r in tabel.rijen][:14] == namen
    cheques = Counter(Cheque.objects.filter(uitgegeven_op__gte=datetime.date(2023, 1, 1))
                      .values_list("beschikking__plan__aanvraag__gemeente__naam", flat=True))
    gezien = rijen(tabel)
    for naam, n in cheques.items():
        cel = gezien[naam or "onbekend"][4]
        assert cel.waarde in (None, n) and (cel.waarde is None) >= (0 < n < 5)
    # the total of Twente: every cheque of the programme, as the years add up to
    assert tabel.totaal[4].waarde == sum(cheques.values()) == Cheque.objects.filter(
        uitgegeven_op__range=(datetime.date(2023, 1, 1), EIND)).count()


def test_gemeente_afgeschermd_met_aanvulling():
    laad_gemeenten(Gemeente)
    gemeenten = list(Gemeente.objects.order_by("naam"))
    for i, g in enumerate(gemeenten):
        _telling(datetime.date(2024, 3, 1), "cheque", 3 if i == 0 else 10 + i,
                 niveau=Telling.Niveau.GEMEENTE, gemeente_id=g.pk)
    gezien = rijen(resultaten(EIND)["gemeenten"])
    assert gezien[gemeenten[0].naam][4].tekst == ONDERDRUKT
    assert gezien[gemeenten[0].naam][5].tekst == AFGESCHERMD_TEKEN  # per 1,000 of a "<5"
    assert gezien[gemeenten[1].naam][4].tekst == AFGESCHERMD_TEKEN  # the complement (11)
    assert gezien[gemeenten[2].naam][4].waarde == 12
    assert "onbekend" not in gezien


def _telling(maand, dimensie, n, waarde_="", niveau=Telling.Niveau.TOTAAL, gemeente_id=None):
    Telling.objects.create(niveau=niveau, maand=maand, dimensie=dimensie, waarde=waarde_,
                           aantal=n, gemeente_id=gemeente_id)


def _csv(antwoord) -> list[list[str]]:
    return list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))


def test_openbare_pagina_en_csv_per_tabel_zonder_inloggen(client):
    _telling(datetime.date(2024, 5, 1), "cheque", 3)
    _telling(datetime.date(2024, 5, 1), "gesprek", 1200)
    pagina = client.get(reverse("resultaten:pagina"))
    assert pagina.status_code == 200
    for tekst in ("Resultaten van het Twents Fonds voor Vakmanschap", "Hoe wij tellen",
                  "1.200", "Resultaten per kwartaal", "Uitkomsten per jaar",
                  "Per gemeente", "Kleine aantallen", "respons"):
        assert tekst in pagina.text, tekst
    for sleutel in TABELLEN:
        assert reverse("resultaten:csv", kwargs={"tabel": sleutel}) in pagina.text
    antwoord = client.get(reverse("resultaten:csv", kwargs={"tabel": "resultaten"}))
    assert antwoord["Content-Type"].startswith("text/csv")
    assert "attachment" in antwoord["Content-Disposition"]
    regels = _csv(antwoord)
    assert regels[0][:2] == ["Jaar", "Cheques"]
    rij_2024 = next(r for r in regels if r[0] == "2024")
    assert rij_2024[1] == ONDERDRUKT and rij_2024[4] == "1200"
    kwartalen = _csv(client.get(reverse("resultaten:csv", kwargs={"tabel": "kwartalen"})))
    assert kwartalen[0][0] == "Kwartaal"
    rij = next(r for r in kwartalen if r[0] == "2024 K2")
    assert rij[1] == ONDERDRUKT and rij[4] == "1200"
    for sleutel in ("uitkomsten", "gemeenten"):
        assert len(_csv(client.get(reverse("resultaten:csv", kwargs={"tabel": sleutel})))) > 1
    assert client.get(reverse("resultaten:csv", kwargs={"tabel": "geheim"})).status_code == 404


def test_vaste_aantal_queries_bij_elke_hoeveelheid():
    def meet():
        with CaptureQueriesContext(connection) as q:
            resultaten(EIND)
        return len(q)

    _telling(datetime.date(2024, 5, 1), "cheque", 30)
    klein = meet()
    laad_gemeenten(Gemeente)
    for m in range(1, 13):
        for jaar in (2023, 2025, 2026):
            _telling(datetime.date(jaar, m, 1), "cheque", m)
            _telling(datetime.date(jaar, m, 1), "voltooid", m, "ja")
            for g in Gemeente.objects.all()[:5]:
                _telling(datetime.date(jaar, m, 1), "gesprek", m, niveau=Telling.Niveau.GEMEENTE,
                         gemeente_id=g.pk)
    assert meet() == klein == 3
