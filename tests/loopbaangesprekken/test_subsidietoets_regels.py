"""Rules R1–R10 at and around every boundary: pure, no database."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loopbaangesprekken.subsidietoets import (
    HANDMATIG,
    NIET_VOLDAAN,
    UITKOMSTEN,
    VOLDAAN,
    Cofinanciering,
    toets,
    totaaluitkomst,
    voorgesteld_bedrag,
)
from loopbaangesprekken.subsidietoets.opmaak import leeftijd_op, procent
from loopbaangesprekken.subsidietoets.regels import GRONDSLAG, REGELS
from tests.loopbaangesprekken.factories_scholingsplan import REGELING_PILOT, casus
from tfvv.templatetags.bedragen import euro

D = datetime.date
E = Decimal


def regel(uitslag, regel_id):
    return next(r for r in uitslag.regels if r.id == regel_id)


def uitkomst(regel_id, **feiten):
    return regel(toets(casus(**feiten)), regel_id).uitkomst


def test_het_voorbeeld_voldoet_aan_alle_tien_regels():
    uitslag = toets(casus())
    assert [r.id for r in uitslag.regels] == [f"R{i}" for i in range(1, 11)]
    assert {r.uitkomst for r in uitslag.regels} == {VOLDAAN}
    assert uitslag.uitkomst == VOLDAAN
    assert uitslag.regeling == "Twents Fonds 2023–2026"


def test_elke_regel_noemt_zijn_grondslag():
    for r in toets(casus()).regels:
        assert r.grondslag == GRONDSLAG[r.id] and r.grondslag
    assert "4:25" in GRONDSLAG["R9"]
    assert "art. 4.1" in GRONDSLAG["R4"] and "art. 4.2" in GRONDSLAG["R4"]


@pytest.mark.parametrize(("soort", "bevestigd", "verwacht"), [
    ("woon", None, VOLDAAN),
    ("postbus", None, NIET_VOLDAAN),
    (None, None, NIET_VOLDAAN),
    ("grens", None, HANDMATIG),
    ("grens", True, VOLDAAN),
    ("grens", False, NIET_VOLDAAN),
])
def test_r1_woonplaats(soort, bevestigd, verwacht):
    assert uitkomst("R1", postcodesoort=soort, adres_bevestigd=bevestigd) == verwacht


def test_r1_uitleg_noemt_de_postcode():
    r = regel(toets(casus(postcode="7500AA", postcodesoort="postbus")), "R1")
    assert "7500 AA" in r.uitleg and "postbus" in r.uitleg


@pytest.mark.parametrize(("geboortedatum", "verwacht"), [
    (D(2006, 3, 1), VOLDAAN),       # 18 exactly on the aanvraagdatum
    (D(2006, 3, 2), NIET_VOLDAAN),  # one day short
    (D(2006, 2, 28), VOLDAAN),
])
def test_r2_leeftijd_grens_18(geboortedatum, verwacht):
    assert uitkomst("R2", geboortedatum=geboortedatum) == verwacht


def test_r2_uitleg_noemt_leeftijd():
    r = regel(toets(casus(geboortedatum=D(2006, 3, 2))), "R2")
    assert "17 jaar" in r.uitleg and "minimum 18 jaar" in r.uitleg


def test_leeftijd_29_februari():
    assert leeftijd_op(D(2004, 2, 29), D(2022, 2, 28)) == 17
    assert leeftijd_op(D(2004, 2, 29), D(2022, 3, 1)) == 18


@pytest.mark.parametrize(("erkend", "verwacht"), [(True, VOLDAAN), (False, NIET_VOLDAAN)])
def test_r3_opleider(erkend, verwacht):
    assert uitkomst("R3", opleider_erkend=erkend) == verwacht


@pytest.mark.parametrize(("op_lijst", "onderbouwd", "verwacht"), [
    (True, False, VOLDAAN), (True, True, VOLDAAN),
    (False, True, HANDMATIG), (False, False, NIET_VOLDAAN),
])
def test_r4_arbeidsmarkttoets(op_lijst, onderbouwd, verwacht):
    assert uitkomst("R4", op_kansberoepenlijst=op_lijst,
                    perspectief_onderbouwd=onderbouwd) == verwacht


def cofi(*bedragen, toegezegd=True):
    return tuple(Cofinanciering("werkgever", E(b), toegezegd) for b in bedragen)


@pytest.mark.parametrize(("cofinanciering", "gevraagd", "verwacht"), [
    (cofi("2000.00"), "2000.00", VOLDAAN),        # 50 % exactly, request exactly the rest
    (cofi("1999.99"), "2000.00", NIET_VOLDAAN),   # request above total − co-financing
    (cofi("1999.99"), "1500.00", NIET_VOLDAAN),   # one cent below 50 %
    (cofi("2000.01"), "1999.99", VOLDAAN),
    (cofi("2000.00"), "2000.01", NIET_VOLDAAN),
    (cofi("1000.00", "1000.00"), "2000.00", VOLDAAN),
    ((), "2000.00", NIET_VOLDAAN),
])
def test_r5_cofinanciering_50_procent(cofinanciering, gevraagd, verwacht):
    assert uitkomst("R5", cofinanciering=cofinanciering, gevraagd_bedrag=E(gevraagd)) == verwacht


def test_r5_aangevraagde_cofinanciering_vraagt_handmatige_controle():
    c = cofi("1000.00") + cofi("1000.00", toegezegd=False)
    assert uitkomst("R5", cofinanciering=c) == HANDMATIG


def test_r5_geen_kosten():
    assert uitkomst("R5", totale_kosten=E("0.00"), cofinanciering=(),
                    gevraagd_bedrag=E("0.00")) == NIET_VOLDAAN


def test_r5_pilot_zonder_verplichte_cofinanciering():
    assert uitkomst("R5", regeling=REGELING_PILOT, cofinanciering=(),
                    gevraagd_bedrag=E("2500.00"), totale_kosten=E("2500.00")) == VOLDAAN


def test_r5_uitleg_noemt_de_bedragen():
    r = regel(toets(casus(cofinanciering=cofi("1999.99"), gevraagd_bedrag=E("1500.00"))), "R5")
    assert "€ 4.000,00" in r.uitleg and "€ 1.999,99" in r.uitleg and "50 %" in r.uitleg


@pytest.mark.parametrize(("gevraagd", "eerder", "verwacht"), [
    ("2500.00", "0.00", VOLDAAN),        # cap exactly
    ("2500.01", "0.00", NIET_VOLDAAN),
    ("1000.00", "1500.00", VOLDAAN),     # cap exactly with an earlier grant
    ("1000.01", "1500.00", NIET_VOLDAAN),
])
def test_r6_maximum_per_kalenderjaar(gevraagd, eerder, verwacht):
    feiten = {"gevraagd_bedrag": E(gevraagd), "eerder_toegekend_dit_jaar": E(eerder),
              "totale_kosten": E("6000.00"), "cofinanciering": cofi("3000.00")}
    assert uitkomst("R6", **feiten) == verwacht


def test_r6_stelt_lager_bedrag_voor():
    r = regel(toets(casus(gevraagd_bedrag=E("2000.00"),
                          eerder_toegekend_dit_jaar=E("1500.00"))), "R6")
    assert r.uitkomst == NIET_VOLDAAN and "€ 1.000,00" in r.uitleg


@pytest.mark.parametrize(("regeling", "aanvrager", "scholing", "verwacht"), [
    ("2023", "mbo-4", "hbo", VOLDAAN),
    ("2023", "geen", "wo", VOLDAAN),
    ("2023", "hbo", "mbo-4", VOLDAAN),
    ("2023", "wo", "overig", VOLDAAN),
    ("2023", "hbo", "hbo-ad", NIET_VOLDAAN),
    ("2023", "wo", "wo", NIET_VOLDAAN),
    ("pilot", "mbo-4", "mbo-4", VOLDAAN),
    ("pilot", "havo", "overig", VOLDAAN),
    ("pilot", "mbo-4", "hbo-ad", NIET_VOLDAAN),
    ("pilot", "hbo", "mbo-2", NIET_VOLDAAN),
])
def test_r7_opleidingsniveau(regeling, aanvrager, scholing, verwacht):
    feiten = {"opleidingsniveau": aanvrager, "scholingsniveau": scholing}
    if regeling == "pilot":
        feiten.update(regeling=REGELING_PILOT, aanvraagdatum=D(2022, 3, 1))
    assert uitkomst("R7", **feiten) == verwacht


@pytest.mark.parametrize(("startdatum", "verwacht"), [
    (D(2024, 3, 1), VOLDAAN),  # equal to the aanvraagdatum
    (D(2024, 2, 29), NIET_VOLDAAN),
    (D(2024, 3, 2), VOLDAAN),
])
def test_r8_startdatum(startdatum, verwacht):
    assert uitkomst("R8", startdatum=startdatum) == verwacht


@pytest.mark.parametrize(("budget", "verwacht"), [
    ("2000.00", VOLDAAN), ("1999.99", NIET_VOLDAAN), (None, NIET_VOLDAAN),
])
def test_r9_budget(budget, verwacht):
    assert uitkomst("R9", beschikbaar_budget=None if budget is None else E(budget)) == verwacht


@pytest.mark.parametrize(("open_cheque", "verwacht"), [(False, VOLDAAN), (True, NIET_VOLDAAN)])
def test_r10_open_cheque(open_cheque, verwacht):
    assert uitkomst("R10", open_cheque_zelfde_opleiding=open_cheque) == verwacht


def test_voorgesteld_bedrag():
    kw = {"maximum_per_jaar": E("2500.00")}
    assert voorgesteld_bedrag(totale_kosten=E("4000"), cofinanciering=E("2000"),
                              eerder_toegekend=E("0"), **kw) == E("2000")
    assert voorgesteld_bedrag(totale_kosten=E("8000"), cofinanciering=E("4000"),
                              eerder_toegekend=E("1000"), **kw) == E("1500")
    assert voorgesteld_bedrag(totale_kosten=E("8000"), cofinanciering=E("4000"),
                              eerder_toegekend=E("3000"), **kw) == E("0.00")


def test_opmaak():
    assert euro(E("1234567.5")) == "€ 1.234.567,50"
    assert procent(E("0.500")) == "50 %"
    assert procent(E("0.125")) == "12,5 %"


@given(st.lists(st.sampled_from(UITKOMSTEN), min_size=1, max_size=10))
def test_totaaluitkomst_volgt_uit_de_regels(uitkomsten):
    totaal = totaaluitkomst(uitkomsten)
    if NIET_VOLDAAN in uitkomsten:
        assert totaal == NIET_VOLDAAN
    elif HANDMATIG in uitkomsten:
        assert totaal == HANDMATIG
    else:
        assert totaal == VOLDAAN


bedragen = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False)
datums = st.dates(min_value=D(1950, 1, 1), max_value=D(2030, 12, 31))


@given(
    geboortedatum=datums, startdatum=datums, postcodesoort=st.sampled_from(
        ["woon", "grens", "postbus", None]),
    opleidingsniveau=st.sampled_from(["geen", "vmbo", "mbo-4", "havo", "hbo", "wo"]),
    scholingsniveau=st.sampled_from(["mbo-1", "mbo-4", "hbo-ad", "hbo", "wo", "overig"]),
    totale_kosten=bedragen, gevraagd=bedragen, eerder=bedragen,
    budget=st.none() | bedragen, cofinanciering=st.lists(bedragen, max_size=3),
    vlaggen=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
    pilot=st.booleans(),
)
def test_elke_casus_geeft_tien_regels_en_een_consistente_totaaluitkomst(
    geboortedatum, startdatum, postcodesoort, opleidingsniveau, scholingsniveau,
    totale_kosten, gevraagd, eerder, budget, cofinanciering, vlaggen, pilot,
):
    uitslag = toets(casus(
        regeling=REGELING_PILOT if pilot else casus().regeling,
        geboortedatum=geboortedatum, startdatum=startdatum, einddatum=startdatum,
        postcodesoort=postcodesoort, opleidingsniveau=opleidingsniveau,
        scholingsniveau=scholingsniveau, totale_kosten=totale_kosten, gevraagd_bedrag=gevraagd,
        eerder_toegekend_dit_jaar=eerder, beschikbaar_budget=budget,
        cofinanciering=cofi(*cofinanciering), opleider_erkend=vlaggen[0],
        op_kansberoepenlijst=vlaggen[1], perspectief_onderbouwd=vlaggen[2],
        open_cheque_zelfde_opleiding=vlaggen[3],
    ))
    assert len(uitslag.regels) == len(REGELS) == 10
    assert all(r.uitkomst in UITKOMSTEN and r.uitleg for r in uitslag.regels)
    assert uitslag.uitkomst == totaaluitkomst(r.uitkomst for r in uitslag.regels)


def test_r5_noemt_alle_gebreken():
    r = regel(toets(casus(cofinanciering=cofi("1000.00"), gevraagd_bedrag=E("3500.00"))), "R5")
    assert "hoger dan de kosten min de cofinanciering" in r.uitleg
    assert "cofinanciering is te laag" in r.uitleg


def test_r5_zonder_gevraagd_bedrag():
    r = regel(toets(casus(gevraagd_bedrag=E("0.00"))), "R5")
    assert r.uitkomst == NIET_VOLDAAN and "geen bedrag gevraagd" in r.uitleg
