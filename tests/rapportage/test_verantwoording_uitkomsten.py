"""The funder report per participant: co-financing promised / confirmed / realised and the
outcome (completion, work situation 6 months on where answered), with totals, in the page,
the stored PDF and XLSX; pseudonymised; the build's query count does not grow with the data;
a report stays as it was made."""

import hashlib
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from cheques.models import Afronding, Cofinancieringsrealisatie
from loopbaangesprekken.models import Cofinancieringsregel
from rapportage import verantwoording
from rapportage.models import Vervolgmeting
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tests.cheques.financien import declareer, ken_toe, rond_af, stel_vast
from tests.cheques.test_cofinanciering import realiseer
from tests.loopbaangesprekken.factories_scholingsplan import bevestiging
from tests.rapportage.test_verantwoordingsrapport import vraag_en_maak
from tfvv.models import Toezegging

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def tijdvak(db):
    return maak_periode()


def _deelnemer(medewerkers, *, afgerond=False, werk=""):
    fin = medewerkers["financieel"]
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"])
    bevestigd = Cofinancieringsregel.objects.create(
        plan=plan, bron="werkgever", partij="Werkgever Geheim BV", bedrag=D("1000.00"),
        status="toegezegd", **bevestiging(D("1000.00")))
    Cofinancieringsregel.objects.create(plan=plan, bron="uwv", partij="UWV",
                                        bedrag=D("250.00"), status="aangevraagd")
    cheque = ken_toe(plan, medewerkers["beoordelaar"])
    if afgerond:
        declareer(cheque, fin)
        rond_af(cheque, fin, Afronding.Soort.AANWEZIGHEID, aanwezigheid_procent=85)
        realiseer(cheque, bevestigd, fin, "800.00", toelichting="Minder")
        realiseer(cheque, plan.cofinanciering.get(bron="uwv"), fin, "0.00",
                  aan=Cofinancieringsrealisatie.BetaaldAan.NIET, toelichting="Niet")
        stel_vast(cheque, fin, motivering="Presentie 85 %; cofinanciering lager.")
    if werk:
        Vervolgmeting.objects.create(cheque=cheque, moment=Vervolgmeting.Moment.ZES_MAANDEN,
                                     gepland_op=timezone.localdate(),
                                     ingevuld_op=timezone.now(), werksituatie=werk)
    return cheque


@pytest.fixture
def rapport(tijdvak, medewerkers):
    _deelnemer(medewerkers, afgerond=True,
               werk=Vervolgmeting.Werksituatie.ANDER_WERK)
    _deelnemer(medewerkers)
    return tijdvak, Toezegging.objects.get(periode=tijdvak).bron


def test_cofinanciering_en_uitkomst_per_deelnemer(rapport):
    v = verantwoording.verantwoording(*rapport)
    assert v.sluit
    assert len(v.deelnemers) == 2
    for d in v.deelnemers:
        assert d.cofinanciering_toegezegd == D("1250.00")
        assert d.cofinanciering_bevestigd == D("1000.00")
    afgerond = next(d for d in v.deelnemers if d.cofinanciering_gerealiseerd)
    assert afgerond.cofinanciering_gerealiseerd == D("800.00")
    assert afgerond.afronding == "presentieverklaring (85 %)"
    assert afgerond.werk_na_6_maanden == "Ik werk bij een andere werkgever"
    lopend = next(d for d in v.deelnemers if not d.cofinanciering_gerealiseerd)
    assert (lopend.afronding, lopend.werk_na_6_maanden) == ("nog niet afgerond", "")
    assert v.totalen["cofinanciering_toegezegd"] == D("2500.00")
    assert v.totalen["cofinanciering_gerealiseerd"] == D("800.00")
    assert dict(v.afrondingen) == {"presentieverklaring": 1, "nog niet afgerond": 1}
    assert dict(v.werk_na_6_maanden) == {"Ik werk bij een andere werkgever": 1}


def test_pdf_xlsx_en_pagina_tonen_het(rapport, client_als, django_capture_on_commit_callbacks):
    periode, bron = rapport
    c = client_als("financieel")
    gemaakt = vraag_en_maak(c, periode, bron, django_capture_on_commit_callbacks)
    kwargs = {"periode_id": periode.pk, "bron_id": bron.pk}
    pagina = c.get(reverse("rapportage:verantwoording", kwargs=kwargs)).content.decode()
    assert "Cofinanciering en uitkomsten" in pagina and "€ 2.500,00" in pagina
    assert "€ 2.000,00" in pagina  # confirmed co-financing: stored, so on the page too
    with gemaakt.xlsx.open("rb") as f:
        boek = load_workbook(io.BytesIO(f.read()))
    deelnemers, _, uitkomsten = boek.worksheets
    kop = [cel.value for cel in deelnemers[1]]
    rijen = list(deelnemers.iter_rows(min_row=2, values_only=True))
    kolom = kop.index("Cofinanciering gerealiseerd (€)")
    assert sum(D(str(r[kolom])) for r in rijen) == D("800.00")
    assert "Werksituatie na 6 maanden" in kop
    assert ("Afronding", "presentieverklaring", 1) in set(
        uitkomsten.iter_rows(min_row=2, values_only=True))
    with gemaakt.pdf.open("rb") as f:
        tekst = " ".join(" ".join(p.extract_text() for p in PdfReader(f).pages).split())
    assert "Cofinanciering en uitkomsten" in tekst and "presentieverklaring (85 %)" in tekst
    # pseudonymised: no name of the resident or of the co-financing party, no cheque number
    for geheim in ("Werkgever Geheim", "TFV-"):
        assert geheim not in tekst and geheim not in pagina
        assert geheim not in " ".join(str(x) for r in rijen for x in r)


def test_rapport_blijft_zoals_het_is_gemaakt(rapport, medewerkers, client_als,
                                             django_capture_on_commit_callbacks):
    """A later grant changes the next report, never one already made (audit)."""
    periode, bron = rapport
    c = client_als("financieel")
    eerste = vraag_en_maak(c, periode, bron, django_capture_on_commit_callbacks)
    bewaard = (dict(eerste.totalen), eerste.pdf_sha256, eerste.xlsx_sha256)
    _deelnemer(medewerkers)
    tweede = vraag_en_maak(c, periode, bron, django_capture_on_commit_callbacks)
    eerste.refresh_from_db()
    assert (eerste.totalen, eerste.pdf_sha256, eerste.xlsx_sha256) == bewaard
    with eerste.pdf.open("rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == eerste.pdf_sha256
    assert (eerste.totalen["aantal_deelnemers"], tweede.totalen["aantal_deelnemers"]) == (2, 3)
    assert tweede.xlsx_sha256 != eerste.xlsx_sha256
    # the page shows the newest figures and lists both reports
    pagina = c.get(reverse("rapportage:verantwoording", kwargs={
        "periode_id": periode.pk, "bron_id": bron.pk})).content.decode()
    assert "3 deelnemers zijn" in pagina
    assert eerste.pdf_sha256 in pagina and tweede.pdf_sha256 in pagina


def test_vast_aantal_queries(tijdvak, medewerkers):
    bron = Toezegging.objects.get(periode=tijdvak).bron

    def tel():
        with CaptureQueriesContext(connection) as q:
            verantwoording.verantwoording(tijdvak, bron)
        return len(q)

    _deelnemer(medewerkers, afgerond=True, werk="zoekend")
    weinig = tel()
    for i in range(4):
        _deelnemer(medewerkers, afgerond=bool(i % 2), werk="ander_werk" if i else "")
    assert tel() == weinig
