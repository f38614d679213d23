"""The public results page (docs/uitkomsten.md): no login, every figure equal to an
independent count, small numbers suppressed, the same cells in the CSV, one query."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cheques.models import Cheque
from loopbaangesprekken.models import Gesprek
from rapportage.models import Telling
from rapportage.resultaten import resultaten
from rapportage.tabellen import AFGESCHERMD_TEKEN, ONDERDRUKT
from tests.rapportage.conftest import waarde

pytestmark = pytest.mark.django_db
JAAR = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))


def test_cijfers_per_jaar_gelijk_aan_eigen_telling(dataset):
    tabel = resultaten(datetime.date(2026, 12, 5))
    assert [r[0].tekst for r in tabel.rijen] == ["2023", "2024", "2025", "2026"]
    cheques = Cheque.objects.filter(uitgegeven_op__range=JAAR).count()
    gesprekken = Gesprek.objects.filter(status="gevoerd", gevoerd_op__date__range=JAAR).count()
    assert cheques >= 5 and gesprekken >= 5
    assert waarde(tabel, "2024", 1) == cheques
    assert waarde(tabel, "2024", 2) == 625
    assert waarde(tabel, "2024", 3) == (Decimal(cheques) * 100 / 625).quantize(Decimal("0.1"))
    assert waarde(tabel, "2024", 4) == gesprekken
    assert waarde(tabel, "2024", 5) == 1375


def _telling(maand, dimensie, n, waarde_=""):
    Telling.objects.create(niveau=Telling.Niveau.TOTAAL, maand=maand, dimensie=dimensie,
                           waarde=waarde_, aantal=n)


def test_kleine_aantallen_afgeschermd_en_lopend_jaar_naar_rato():
    _telling(datetime.date(2025, 3, 1), "cheque", 3)
    _telling(datetime.date(2025, 3, 1), "gesprek", 40)
    _telling(datetime.date(2025, 3, 1), "voltooid", 7, "ja")
    _telling(datetime.date(2025, 4, 1), "voltooid", 2, "nee")
    _telling(datetime.date(2025, 4, 1), "cheque", 99, "buiten de vier niveaus")  # other level
    Telling.objects.filter(waarde="buiten de vier niveaus").update(niveau=Telling.Niveau.DETAIL)
    tabel = resultaten(datetime.date(2025, 7, 1))
    rij = {r[0].tekst: r for r in tabel.rijen}["2025"]
    assert rij[1].tekst == ONDERDRUKT and rij[3].tekst == AFGESCHERMD_TEKEN  # 3 and its %
    assert rij[4].waarde == 40
    assert rij[5].waarde == (Decimal(1375) * 182 / 365).quantize(Decimal(1))  # 1 Jan - 1 Jul
    assert rij[7].waarde == 9 and rij[8].tekst == AFGESCHERMD_TEKEN  # 2 not completed


def test_openbare_pagina_en_csv_zonder_inloggen(client):
    _telling(datetime.date(2024, 5, 1), "cheque", 3)
    _telling(datetime.date(2024, 5, 1), "gesprek", 1200)
    pagina = client.get(reverse("resultaten:pagina"))
    assert pagina.status_code == 200
    assert "Resultaten van het Twents Fonds voor Vakmanschap" in pagina.text
    assert "Hoe wij tellen" in pagina.text and "1.200" in pagina.text
    antwoord = client.get(reverse("resultaten:csv"))
    assert antwoord["Content-Type"].startswith("text/csv")
    assert "attachment" in antwoord["Content-Disposition"]
    regels = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    if len(regels[0]) == 1:  # the writer's separator
        regels = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig"))))
    assert regels[0][:2] == ["Jaar", "Cheques"]
    rij_2024 = next(r for r in regels if r[0] == "2024")
    assert rij_2024[1] == ONDERDRUKT and rij_2024[4] == "1200"


def test_een_query_bij_elke_hoeveelheid(client):
    def meet():
        with CaptureQueriesContext(connection) as q:
            resultaten(datetime.date(2026, 12, 5))
        return len(q)

    _telling(datetime.date(2024, 5, 1), "cheque", 30)
    klein = meet()
    for m in range(1, 13):
        for jaar in (2023, 2025, 2026):
            _telling(datetime.date(jaar, m, 1), "cheque", m)
            _telling(datetime.date(jaar, m, 1), "voltooid", m, "ja")
    assert meet() == klein == 1
