"""The opleider scorecard (docs/uitkomsten.md): every figure against the data it was made
from, small groups suppressed, the signals at their thresholds, three queries whatever the
data, the exports and who may see it."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from cheques.models import Afronding, Cheque
from rapportage import scorekaart as sk
from rapportage.models import Vervolgmeting
from rapportage.tabellen import AFGESCHERMD_TEKEN, ONDERDRUKT
from tests.cheques.factories import OpleiderFactory
from tests.rapportage.conftest import rijen
from tests.rapportage.factories_vervolg import maak_afronding
from tests.tijd import middag

pytestmark = pytest.mark.django_db
S, M, W = Afronding.Soort, Vervolgmeting.Moment, Vervolgmeting.Werksituatie
K = {n: i for i, n in enumerate(sk.KOLOMMEN)}


def _cheques(medewerkers, naam: str, n: int, bedrag: str, afrondingen=()) -> list[Cheque]:
    """n cheques of opleider `naam` at `bedrag`; the first ones completed as `afrondingen`
    gives ((soort, procent), ...), the others without afronding."""
    opleider = OpleiderFactory(naam=naam)
    cheques = []
    for i in range(n):
        soort, procent = afrondingen[i] if i < len(afrondingen) else (S.DIPLOMA, 90)
        afronding = maak_afronding(medewerkers, soort=soort, procent=procent, opleider=opleider)
        if i >= len(afrondingen):
            afronding.delete()
        cheques.append(afronding.cheque)
    Cheque.objects.filter(pk__in=[c.pk for c in cheques]).update(bedrag=Decimal(bedrag))
    return cheques


def _meting(cheque, moment=M.ZES_MAANDEN, *, verstuurd=True, werk=""):
    dag = datetime.date(2025, 6, 2)
    Vervolgmeting.objects.create(
        cheque=cheque, moment=moment, gepland_op=dag,
        verstuurd_op=middag(dag) if verstuurd else None,
        ingevuld_op=middag(dag) if werk else None, werksituatie=werk)


@pytest.fixture
def markt(medewerkers):
    """Groot: many cheques (a share signal); Duur: a high price (price and spending
    signals); three ordinary ones; Klein: 3 cheques (suppressed)."""
    groot = _cheques(medewerkers, "Groot", 20, "1400.00", afrondingen=(
        [(S.DIPLOMA, None)] * 6 + [(S.CERTIFICAAT, None), (S.AANWEZIGHEID, 85),
                                   (S.AANWEZIGHEID, 60), (S.GESTOPT, None)]))
    for cheque, werk in zip(groot[:8], [W.ZELFDE_WERK, W.ZELFDE_WERK, W.ANDER_WERK, W.ZELFSTANDIG,
                                    W.ZOEKEND, W.GEEN_WERK, "", ""], strict=True):
        _meting(cheque, werk=werk)
    _meting(groot[8], verstuurd=False)  # planned, not sent: not counted
    _meting(groot[0], M.TWAALF_MAANDEN, werk=W.ZOEKEND)  # another moment
    duur = _cheques(medewerkers, "Duur", 7, "3000.00")
    # a settled lower amount counts as spending; a lapsed cheque spends nothing
    Cheque.objects.filter(pk=duur[0].pk).update(vastgesteld_bedrag=Decimal("2000.00"))
    Cheque.objects.filter(pk=duur[1].pk).update(status=Cheque.Status.VERVALLEN)
    for i in (1, 2, 3):
        _cheques(medewerkers, f"Gewoon {i}", 5, "1000.00")
    _cheques(medewerkers, "Klein", 3, "1000.00")
    # issued before the programme: not on the scorecard
    oud = _cheques(medewerkers, "Pilot", 1, "1000.00")[0]
    Cheque.objects.filter(pk=oud.pk).update(uitgegeven_op=datetime.date(2022, 12, 31))


def test_cijfers_per_opleider(markt):
    kaart = sk.scorekaart()
    tabel = rijen(kaart.tabel)
    assert list(tabel) == ["Groot", "Duur", "Gewoon 1", "Gewoon 2", "Gewoon 3", "Klein"]
    groot = tabel["Groot"]
    assert groot[K["Cheques"]].waarde == 20
    assert groot[K["Aandeel cheques"]].waarde == Decimal("44.4")  # 20 of 45
    # spending: 28,000 + 2,000 + 5 x 3,000 (one lapsed) + 3 x 5,000 + 3,000 = 63,000
    assert groot[K["Uitgaven"]].waarde == Decimal("28000.00")
    assert groot[K["Aandeel uitgaven"]].waarde == Decimal("44.4")
    assert groot[K["Gemiddeld chequebedrag"]].waarde == Decimal("1400.00")
    assert groot[K["Afrondingen"]].waarde == 10
    assert groot[K["Voltooid"]].waarde == Decimal("80.0")  # 7 diploma/cert. + 85 %
    assert groot[K["Vragenlijsten na 6 maanden verstuurd"]].waarde == 8
    assert groot[K["Respons"]].waarde == Decimal("75.0")  # 6 of 8
    assert groot[K["Werkend na 6 maanden"]].waarde == Decimal("66.7")  # 4 of 6
    duur = tabel["Duur"]
    assert duur[K["Uitgaven"]].waarde == Decimal("17000.00")
    assert duur[K["Gemiddeld chequebedrag"]].waarde == Decimal("3000.00")
    # median of the shown averages (Gewoon 1 is the complement of Klein): 1,000 1,000
    # 1,400 3,000 -> 1,200
    assert kaart.mediaan_bedrag == Decimal(1200)
    assert duur[K["Gemiddeld als % van de mediaan"]].waarde == Decimal("250.0")
    totaal = kaart.tabel.totaal
    assert totaal[K["Cheques"]].waarde == 45 and totaal[K["Uitgaven"]].waarde == Decimal(63000)
    assert "Pilot" not in tabel


def test_kleine_groepen_afgeschermd(markt):
    tabel = rijen(sk.scorekaart().tabel)
    klein = tabel["Klein"]
    assert klein[K["Cheques"]].tekst == ONDERDRUKT
    for kolom in ("Aandeel cheques", "Uitgaven", "Aandeel uitgaven", "Gemiddeld chequebedrag",
                  "Gemiddeld als % van de mediaan"):
        assert klein[K[kolom]].tekst == AFGESCHERMD_TEKEN, kolom
    # the complement: with the total shown, Klein's 3 would follow from the others
    assert tabel["Gewoon 1"][K["Cheques"]].tekst == AFGESCHERMD_TEKEN
    assert tabel["Gewoon 2"][K["Cheques"]].waarde == 5
    # a rate of fewer than 5 answers is hidden
    duur = _cheques_van("Duur")
    for cheque, werk in zip(duur, (W.ZELFDE_WERK, W.ZOEKEND, "", "", "", "", ""), strict=True):
        _meting(cheque, werk=werk)
    rij = rijen(sk.scorekaart().tabel)["Duur"]
    assert rij[K["Respons"]].waarde == Decimal("28.6")
    assert rij[K["Werkend na 6 maanden"]].tekst == AFGESCHERMD_TEKEN


def _cheques_van(naam):
    return list(Cheque.objects.filter(opleider__naam=naam).order_by("pk"))


def test_signalen_bij_de_drempels(markt):
    kaart = sk.scorekaart()
    assert kaart.signalen == {
        # 20 of 45 cheques = 44 % >= 3 x the median share 5/45; spending 44 % likewise
        "Groot": [sk.SIGNAAL_CHEQUES, sk.SIGNAAL_UITGAVEN],
        # spending 17,000 of 63,000 = 27 % >= 3 x 5,000/63,000; 3,000 >= 1.5 x 1,200
        "Duur": [sk.SIGNAAL_UITGAVEN, sk.SIGNAAL_PRIJS],
    }
    assert rijen(kaart.tabel)["Duur"][K["Signalen"]].tekst == (
        f"{sk.SIGNAAL_UITGAVEN}; {sk.SIGNAAL_PRIJS}")


def test_aantal_queries_constant(medewerkers):
    def meet():
        with CaptureQueriesContext(connection) as q:
            sk.scorekaart()
        return len(q)

    leeg = meet()
    _cheques(medewerkers, "Een", 5, "1000.00", afrondingen=[(S.DIPLOMA, None)])
    klein = meet()
    for cheque in _cheques(medewerkers, "Twee", 7, "900.00", afrondingen=[(S.GESTOPT, None)] * 7):
        _meting(cheque, werk=W.ANDER_WERK)
    _cheques(medewerkers, "Drie", 6, "800.00")
    assert leeg == klein == meet() == 3


def test_pagina_en_exports_voor_het_projectbureau(markt, client_als):
    c = client_als("beheerder")
    pagina = c.get(reverse("rapportage:scorekaart"))
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Scorekaart opleiders" in tekst and "Groot" in tekst
    assert sk.SIGNAAL_PRIJS in tekst and "studie-uren" in tekst
    antwoord = c.get(reverse("rapportage:scorekaart-csv"))
    assert antwoord["Content-Type"].startswith("text/csv")
    regels = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    assert regels[0] == sk.KOLOMMEN
    per_naam = {r[0]: r for r in regels[1:]}
    assert per_naam["Groot"][1] == "20" and per_naam["Klein"][1] == ONDERDRUKT
    assert per_naam["Alle opleiders"][1] == "45"
    xlsx = c.get(reverse("rapportage:scorekaart-xlsx"))
    blad = load_workbook(io.BytesIO(xlsx.content)).active
    assert [cel.value for cel in blad[1]] == sk.KOLOMMEN
    assert blad.max_row == len(regels)


def test_adviesgroep_ziet_de_scorekaart_niet(client_als):
    c = client_als("adviesgroep")
    assert c.get(reverse("rapportage:scorekaart")).status_code == 403
    assert c.get(reverse("rapportage:scorekaart-csv")).status_code == 403
