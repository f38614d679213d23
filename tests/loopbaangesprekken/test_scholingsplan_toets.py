"""The case built from the database, the facts from the event log and the budget ledger,
and the snapshot stored on submission."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from aanvragen.models import Aanvraag
from loopbaangesprekken.models import Erkenning, Kansberoep, Scholingsplan
from loopbaangesprekken.models.referentie import valideer_iban
from loopbaangesprekken.selectors import scholingsplan as selectors
from loopbaangesprekken.services import scholingsplan as services
from tests.aanvragen.factories import AanvraagFactory
from tests.loopbaangesprekken.factories_scholingsplan import ScholingsplanFactory, begroting
from tfvv import budget_selectors
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Budgetboeking, Gebeurtenis, Postcodegebied, Regeling
from tfvv.statemachine import OngeldigeTransitie

pytestmark = pytest.mark.django_db
E = Decimal


def uitkomsten(plan):
    return {r.id: r.uitkomst for r in selectors.toets_voor_plan(plan).regels}


@pytest.fixture
def plan():
    begroting()
    return ScholingsplanFactory()


def test_plan_uit_de_fabriek_voldoet(plan):
    uitslag = selectors.toets_voor_plan(plan)
    assert uitslag.uitkomst == "voldaan", uitslag


def test_regeling_op_de_wisseldatum():
    assert selectors.regeling_op(datetime.date(2022, 12, 31)).code == "pilot-2019-2022"
    assert selectors.regeling_op(datetime.date(2023, 1, 1)).code == "2023-2026"
    assert selectors.regeling_op(datetime.date(2018, 12, 31)) is None


def test_plan_wordt_getoetst_volgens_regeling_van_de_aanvraagdatum():
    begroting(van=datetime.date(2019, 1, 1), tot=datetime.date(2022, 12, 31))
    plan = ScholingsplanFactory(aanvraag__aanvraagdatum=datetime.date(2022, 12, 31),
                                startdatum=datetime.date(2023, 1, 2), kansberoep=None,
                                arbeidsmarktperspectief="Veel vacatures.",
                                opleiding_niveau="hbo")
    casus = selectors.casus_voor_plan(plan)
    assert casus.regeling.code == "pilot-2019-2022"
    assert uitkomsten(plan)["R7"] == "niet voldaan"  # pilot: training up to mbo-4
    Aanvraag.objects.filter(pk=plan.aanvraag_id).update(aanvraagdatum=datetime.date(2023, 1, 1))
    plan.refresh_from_db()
    assert selectors.casus_voor_plan(plan).regeling.code == "2023-2026"
    assert uitkomsten(plan)["R7"] == "voldaan"


def test_grenspostcode_en_adrescontrole(plan):
    Aanvraag.objects.filter(pk=plan.aanvraag_id).update(postcode="7693AB")
    plan.refresh_from_db()
    assert uitkomsten(plan)["R1"] == "handmatig beoordelen"
    Aanvraag.objects.filter(pk=plan.aanvraag_id).update(postcodecontrole="bevestigd")
    plan.refresh_from_db()
    assert uitkomsten(plan)["R1"] == "voldaan"


def test_erkenning_op_de_startdatum(plan):
    Erkenning.objects.filter(opleider=plan.opleider).update(geldig_tot=plan.startdatum)
    assert uitkomsten(plan)["R3"] == "voldaan"
    Erkenning.objects.filter(opleider=plan.opleider).update(
        geldig_tot=plan.startdatum - datetime.timedelta(days=1))
    assert uitkomsten(plan)["R3"] == "niet voldaan"


def test_kansberoep_van_een_andere_lijst_telt_niet(plan):
    Kansberoep.objects.filter(pk=plan.kansberoep_id).update(lijst=type(
        plan.kansberoep.lijst).objects.create(
        naam="oud", gepubliceerd_op=datetime.date(2019, 1, 1),
        geldig_van=datetime.date(2019, 1, 1), geldig_tot=datetime.date(2022, 12, 31)))
    assert uitkomsten(plan)["R4"] == "niet voldaan"


def test_automatisch_opzoeken_op_de_kansberoepenlijst(plan):
    gevonden = selectors.zoek_kansberoep(" elektromonteur ", datetime.date(2024, 3, 1))
    assert gevonden == plan.kansberoep
    assert selectors.zoek_kansberoep("Elektromonteur", datetime.date(2022, 3, 1)) is None


def toekennen(plan, bedrag, jaar=2024):
    registreer_gebeurtenis(actor=None, obj=plan, actie="toekennen", dossier_id=plan.aanvraag_id,
                           gegevens={"bedrag": bedrag, "jaar": jaar})


def test_eerder_toegekend_en_open_cheque_uit_het_gebeurtenissenlog(plan):
    ander = ScholingsplanFactory(aanvraag=AanvraagFactory(aanvrager=plan.aanvraag.aanvrager),
                                 opleider=plan.opleider, opleiding_naam="EERSTE MONTEUR "
                                 "elektrotechnische installaties")
    toekennen(ander, "500.00", jaar=datetime.date.today().year)
    eerder, open_zelfde = selectors.andere_toekenningen(plan, jaar=datetime.date.today().year)
    assert (eerder, open_zelfde) == (E("500.00"), True)
    assert uitkomsten(plan)["R6"] == "voldaan"  # 2000 + 500 = cap exactly
    assert uitkomsten(plan)["R10"] == "niet voldaan"
    registreer_gebeurtenis(actor=None, obj=ander, actie="cheque_ingetrokken",
                           dossier_id=ander.aanvraag_id)
    assert selectors.andere_toekenningen(plan, jaar=datetime.date.today().year) == (E("0.00"),
                                                                                    False)


def test_toekenning_van_een_ander_jaar_of_ander_persoon_telt_niet(plan):
    vorig_jaar = ScholingsplanFactory(
        aanvraag=AanvraagFactory(aanvrager=plan.aanvraag.aanvrager), opleiding_naam="Andere")
    toekennen(vorig_jaar, "2500.00", jaar=datetime.date.today().year - 1)
    ander_persoon = ScholingsplanFactory()
    toekennen(ander_persoon, "2500.00", jaar=datetime.date.today().year)
    assert selectors.andere_toekenningen(plan, jaar=datetime.date.today().year) == (E("0.00"),
                                                                                    False)
    toekennen(vorig_jaar, "600.00")  # recorded for a later year: still not this one
    assert uitkomsten(plan)["R6"] == "voldaan"


def test_beschikbaar_budget_volgens_grootboekconventie():
    periode = begroting("10000.00")
    assert budget_selectors.periode_op(datetime.date(2024, 3, 1)) == periode
    assert budget_selectors.periode_op(datetime.date(2027, 1, 1)) is None
    S = Budgetboeking.Soort
    for soort, bedrag in [(S.RESERVERING, "3000.00"), (S.RESERVERING, "2000.00"),
                          (S.VRIJVAL, "2000.00"),  # expired cheque
                          (S.REALISATIE, "1000.00"), (S.VRIJVAL, "1000.00")]:  # payment
        Budgetboeking.objects.create(periode=periode, soort=soort, bedrag=E(bedrag),
                                     referentie="x")
    # gereserveerd 5000 − 3000 = 2000, gerealiseerd 1000: 10000 − 2000 − 1000 = 7000
    assert budget_selectors.beschikbaar(periode) == E("7000.00")


def test_r9_volgt_het_budget(plan):
    periode = budget_selectors.periode_op(plan.aanvraag.aanvraagdatum)
    Budgetboeking.objects.create(periode=periode, soort="reservering", bedrag=E("98000.00"),
                                 referentie="x")
    assert uitkomsten(plan)["R9"] == "voldaan"  # exactly 2000 left
    Budgetboeking.objects.create(periode=periode, soort="reservering", bedrag=E("0.01"),
                                 referentie="y")
    assert uitkomsten(plan)["R9"] == "niet voldaan"


def test_indienen_bewaart_snapshot_die_niet_meer_verandert(plan, medewerkers):
    plan = services.indienen(plan=plan, actor=medewerkers["consulent_lwl"])
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.INGEDIEND and plan.ingediend_op
    assert plan.aanvraag.status == Aanvraag.Status.INGEDIEND
    assert plan.regeling.code == "2023-2026"
    snapshot = plan.toets_snapshot
    assert snapshot["uitslag"]["uitkomst"] == "voldaan"
    assert snapshot["regeling"]["cofinanciering_aandeel"] == "0.500"
    assert snapshot["feiten"]["gevraagd_bedrag"] == "2000.00"
    # reference data changes afterwards
    Regeling.objects.filter(code="2023-2026").update(maximum_per_jaar=E("1000.00"))
    Postcodegebied.objects.filter(pc4="7511").update(soort="postbus")
    Erkenning.objects.filter(opleider=plan.opleider).delete()
    plan.refresh_from_db()
    assert plan.toets_snapshot == snapshot
    assert selectors.toets_voor_plan(plan).uitkomst == "voldaan"
    assert selectors.actuele_toets(plan).uitkomst == "niet voldaan"
    gebeurtenis = Gebeurtenis.objects.get(objecttype="loopbaangesprekken.scholingsplan",
                                          actie="indienen")
    assert gebeurtenis.gegevens["subsidietoets"] == "voldaan"


def test_terugsturen_aanvullen_en_besluiten(plan, medewerkers):
    consulent, beoordelaar = medewerkers["consulent_lwl"], medewerkers["beoordelaar"]
    services.indienen(plan=plan, actor=consulent)
    plan = services.terugsturen(plan=plan, actor=beoordelaar, reden="Offerte ontbreekt.")
    assert plan.status == "terug" and plan.aanvraag.status == "scholingsplan"
    plan = services.indienen(plan=plan, actor=consulent)
    assert plan.status == "ingediend" and plan.aanvraag.status == "ingediend"
    plan = services.vraag_aanvulling(plan=plan, actor=beoordelaar, reden="Bewijs werkgever.")
    assert plan.status == "aanvulling"
    with pytest.raises(ValidationError) as fout:  # nothing changed and no note
        services.indienen(plan=plan, actor=consulent)
    assert "niet gewijzigd" in str(fout.value.message_dict["toelichting"])
    plan = services.indienen(plan=plan, actor=consulent,  # aanvullen
                             toelichting="De werkgever heeft getekend.")
    assert plan.status == "ingediend"
    aanvullen = Gebeurtenis.objects.get(actie="aanvullen")
    assert aanvullen.reden == "De werkgever heeft getekend."
    plan = services.besluiten(plan=plan, actor=beoordelaar)
    assert plan.status == "besloten"
    with pytest.raises(OngeldigeTransitie):
        services.indienen(plan=plan, actor=consulent)


def test_indienen_zonder_regeling(medewerkers):
    plan = ScholingsplanFactory(aanvraag__aanvraagdatum=datetime.date(2018, 6, 1))
    with pytest.raises(selectors.GeenRegeling):
        services.indienen(plan=plan, actor=medewerkers["consulent_lwl"])
    plan.refresh_from_db()
    assert plan.status == "concept" and plan.toets_snapshot is None
    assert selectors.toets_voor_plan(plan) is None


@pytest.mark.parametrize("iban", ["NL91ABNA0417164300", "nl91 abna 0417 1643 00",
                                  "BE68539007547034", "DE89370400440532013000"])
def test_iban_geldig(iban):
    valideer_iban(iban)


@pytest.mark.parametrize(("iban", "code"), [
    ("NL91ABNA0417164301", "iban_controle"), ("NL91ABNA041716430", "iban_lengte"),
    ("GB82WEST12345698765432", "iban_land"), ("12345", "iban_vorm"), ("", "iban_vorm"),
])
def test_iban_ongeldig(iban, code):
    with pytest.raises(ValidationError) as e:
        valideer_iban(iban)
    assert e.value.code == code
