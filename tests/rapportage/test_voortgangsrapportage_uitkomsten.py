"""Outcomes in the monthly voortgangsrapportage (docs/rapportage.md): the section "Uitkomsten
in het kort" and the dashboard's outcome tables, read back from the PDF with pypdf, hold the
same (suppressed) figures as the dashboard; the share working hides what the route table
hides."""

import datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader

from rapportage import selectors, uitkomsten_kort
from rapportage.models import Telling, Vervolgmeting
from rapportage.samenvatting_uitkomsten import WERKEND
from rapportage.services import vraag_rapportage_aan
from rapportage.tabellen import AFGESCHERMD_TEKEN, ONDERDRUKT, is_klein
from tests.rapportage.conftest import JAAR_2024, rijen
from tests.rapportage.factories import PERSOONLIJK
from tests.rapportage.test_uitkomsten import maak_uitkomsten

pytestmark = pytest.mark.django_db
M = Vervolgmeting.Moment


def _pdf_tekst(rapport) -> str:
    with rapport.bestand.open("rb") as f:
        tekst = " ".join(p.extract_text() for p in PdfReader(f).pages)
    return " ".join(tekst.split())


def test_uitkomsten_in_de_pdf_gelijk_aan_het_dashboard(medewerkers,
                                                      django_capture_on_commit_callbacks):
    metingen = maak_uitkomsten(medewerkers, 60)
    with django_capture_on_commit_callbacks(execute=True):
        rapport = vraag_rapportage_aan(van=JAAR_2024.van, tot=JAAR_2024.tot)
    rapport.refresh_from_db()
    assert rapport.status == "klaar"
    tekst = _pdf_tekst(rapport)
    assert "Uitkomsten in het kort" in tekst
    dashboard = selectors.dashboard(JAAR_2024)["tabellen"]
    for sleutel in ("voltooiing", "respons_6_maanden", "werk_6_maanden", "respons_12_maanden",
                    "werk_12_maanden"):
        assert dashboard[sleutel].titel in tekst, sleutel
    kort = rijen(uitkomsten_kort.kerncijfers(JAAR_2024))
    # completion and response: the very cells of the dashboard
    voltooid = rijen(dashboard["voltooiing"])["Voltooid"]
    assert kort["Voltooid"][3] == voltooid[2]
    assert kort["Voltooid"][2] == dashboard["voltooiing"].totaal[1]
    assert f"Voltooid afrondingen {kort['Voltooid'][2].tekst} {voltooid[2].tekst}" in tekst
    for moment in (M.ZES_MAANDEN, M.TWAALF_MAANDEN):
        titel = {M.ZES_MAANDEN: "na 6 maanden", M.TWAALF_MAANDEN: "na 12 maanden"}[moment]
        beantwoord = rijen(dashboard[f"respons_{moment}"])["Beantwoord"]
        assert kort[f"Respons {titel}"][3] == beantwoord[2]
        rij = kort[f"Werkend {titel}"]
        assert (f"Werkend {titel} antwoorden {rij[2].tekst} {rij[3].tekst}") in tekst
        # the share working against an independent count, or hidden
        antwoorden = [m for m in metingen if m.moment == moment and m.ingevuld_op
                      and m.ingevuld_op.year == 2024]
        werkend = sum(m.werksituatie in WERKEND for m in antwoorden)
        if is_klein(len(antwoorden)):
            assert rij[2].tekst == ONDERDRUKT and rij[3].tekst == AFGESCHERMD_TEKEN
            continue
        assert rij[2].waarde == len(antwoorden)
        if rij[3].tekst != AFGESCHERMD_TEKEN:  # hidden: test_werkend_verraadt_geen_...
            assert rij[3].waarde == (Decimal(werkend) * 100 / len(antwoorden)).quantize(
                Decimal("0.1"))
    for merk in PERSOONLIJK:
        assert merk not in tekst


def _werk(verdeling: dict[str, int]):
    Telling.objects.all().delete()
    for waarde, n in verdeling.items():
        Telling.objects.create(niveau=Telling.Niveau.TOTAAL, maand=datetime.date(2024, 3, 1),
                               dimensie="werk_6_maanden", waarde=waarde, aantal=n)
    return rijen(uitkomsten_kort.kerncijfers(JAAR_2024))["Werkend na 6 maanden"][3]


def test_werkend_verraadt_geen_verborgen_cel():
    # nothing hidden in the route table: shown (40 of 60)
    assert _werk({"skills|zelfde_werk": 30, "skills|ander_werk": 10,
                  "skills|zoekend": 20}).waarde == Decimal("66.7")
    # one hidden working cell (3) and its complement among the others (20): the share
    # would give the 3 away (working minus the shown working cells)
    assert _werk({"skills|zelfde_werk": 30, "skills|ander_werk": 3,
                  "skills|zoekend": 20, "skills|geen_werk": 25}).tekst == AFGESCHERMD_TEKEN
    # two hidden working cells whose sum is 5 or more, none among the others: shown
    assert _werk({"skills|zelfde_werk": 30, "skills|ander_werk": 3,
                  "skills|zelfstandig": 6, "skills|zoekend": 20}).waarde == Decimal("66.1")
    # hidden working cells adding up to 1-4: hidden
    assert _werk({"skills|zelfde_werk": 30, "skills|ander_werk": 2, "skills|zelfstandig": 1,
                  "skills|zoekend": 20}).tekst == AFGESCHERMD_TEKEN
    # too few not working
    assert _werk({"skills|zelfde_werk": 30, "skills|zoekend": 3}).tekst == AFGESCHERMD_TEKEN
