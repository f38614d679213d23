"""The wijzigingsbeschikking: the resident asks in the portal, the beoordelaar decides; a
higher amount reserves more budget (plafond and per-person cap), a lower one releases."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from aanvragen.models import Wijzigingsverzoek
from aanvragen.services import vraag_wijziging
from cheques import services
from cheques.models import Vervolgbesluit
from cheques.services.besluiten import geldig_tot
from cheques.services.wijziging import beslis_op_wijziging
from loopbaangesprekken.models import Erkenning
from tests.cheques.factories import OpleiderFactory, maak_periode
from tests.cheques.financien import betaal, declareer
from tests.cheques.test_documenten import tekst
from tfvv import budget_selectors
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db
D = Decimal


def datum_nl(d) -> str:
    return date_format(d, "j F Y")


def gereserveerd(periode):
    return budget_selectors.standen([periode])[0].gereserveerd


@pytest.fixture
def toekenning(maak_plan, periode, medewerkers, django_capture_on_commit_callbacks):
    plan = maak_plan(gevraagd_bedrag=D("1500.00"))
    with django_capture_on_commit_callbacks(execute=True):
        return services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                                  bedrag=D("1500.00"), motivering="Voldoet.")


def test_inwoner_vraagt_in_het_portaal(toekenning, client):
    aanvraag = toekenning.plan.aanvraag
    client.force_login(aanvraag.aanvrager)
    url = reverse("aanvragen:wijziging", kwargs={"pk": aanvraag.pk})
    r = client.post(url, {"bedrag": "1.800,50", "toelichting": ""})
    assert r.status_code == 400 and "Schrijf kort op" in r.content.decode()
    r = client.post(url, {"toelichting": "Niets"})
    assert r.status_code == 400 and "Vul in wat u wilt veranderen" in r.content.decode()
    r = client.post(url, {"bedrag": "1.800,50", "toelichting": "Het lesgeld is hoger."})
    assert r.status_code == 302
    verzoek = Wijzigingsverzoek.objects.get()
    assert verzoek.bedrag == D("1800.50")


def test_hoger_bedrag_toegekend_reserveert_meer(toekenning, periode, medewerkers,
                                                django_capture_on_commit_callbacks):
    aanvraag = toekenning.plan.aanvraag
    verzoek = vraag_wijziging(aanvraag=aanvraag, actor=aanvraag.aanvrager,
                              bedrag=D("2000.00"), toelichting="Duurder lesmateriaal.")
    assert gereserveerd(periode) == D("1500.00")
    with django_capture_on_commit_callbacks(execute=True):
        besluit = beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"],
                                      toegekend=True,
                                      motivering="De hogere kosten zijn aangetoond.")
    besluit.refresh_from_db()
    assert besluit.soort == Vervolgbesluit.Soort.WIJZIGING and besluit.bedrag == D("2000.00")
    assert gereserveerd(periode) == D("2000.00")
    toekenning.cheque.refresh_from_db()
    assert toekenning.cheque.bedrag == D("2000.00")
    brief = tekst(besluit.brief.path)
    assert "€ 1.500,00" in brief and "€ 2.000,00" in brief
    assert "De hogere kosten zijn aangetoond." in brief
    assert "bezwaar" in brief.lower()


def test_boven_het_maximum_per_jaar_geweigerd(toekenning, periode, medewerkers):
    aanvraag = toekenning.plan.aanvraag
    verzoek = vraag_wijziging(aanvraag=aanvraag, actor=aanvraag.aanvrager,
                              bedrag=D("3000.00"), toelichting="Veel duurder.")
    with pytest.raises(ValidationError) as e:
        beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"], toegekend=True,
                            motivering="Ja.")
    assert "maximum per persoon" in str(e.value)
    assert gereserveerd(periode) == D("1500.00")


def test_lager_bedrag_geeft_vrij_en_afwijzing_is_ook_een_besluit(
        toekenning, periode, medewerkers):
    aanvraag = toekenning.plan.aanvraag
    verzoek = vraag_wijziging(aanvraag=aanvraag, actor=aanvraag.aanvrager,
                              bedrag=D("1000.00"), toelichting="Korter traject.")
    beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"], toegekend=True,
                        motivering="Akkoord.")
    assert gereserveerd(periode) == D("1000.00")
    verzoek = vraag_wijziging(aanvraag=aanvraag, actor=aanvraag.aanvrager,
                              opleiding_naam="Installatiemonteur", toelichting="Andere keuze.")
    besluit = beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"],
                                  toegekend=False, motivering="Geen kansberoep.")
    assert besluit.gegevens["toegekend"] is False and besluit.bezwaartermijn_tot
    toekenning.cheque.refresh_from_db()
    assert toekenning.cheque.bedrag == D("1000.00")


def test_wijziging_werkt_plan_en_cheque_bij_en_brief_noemt_oud_en_nieuw(
        toekenning, medewerkers, django_capture_on_commit_callbacks):
    plan, cheque = toekenning.plan, toekenning.cheque
    vandaag = timezone.localdate()
    nieuw_start, nieuw_eind = vandaag + datetime.timedelta(days=30), \
        vandaag + datetime.timedelta(days=200)
    oud_eind, oud_geldig = plan.einddatum, cheque.geldig_tot
    aanvraag = plan.aanvraag
    verzoek = vraag_wijziging(aanvraag=aanvraag, actor=aanvraag.aanvrager,
                              opleiding_naam="Elektrotechnisch installateur",
                              startdatum=nieuw_start, einddatum=nieuw_eind,
                              toelichting="De opleider start later met een andere opleiding.")
    with django_capture_on_commit_callbacks(execute=True):
        besluit = beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"],
                                      toegekend=True, motivering="Past in het plan.")
    plan.refresh_from_db()
    cheque.refresh_from_db()
    assert plan.opleiding_naam == "Elektrotechnisch installateur"
    assert (plan.startdatum, plan.einddatum) == (nieuw_start, nieuw_eind)
    # computed as at the grant: 90 days after the later of the end and today
    assert cheque.geldig_tot == geldig_tot(nieuw_eind, vandaag)
    assert Gebeurtenis.objects.filter(actie="plan_gewijzigd_na_besluit").get() \
        .gegevens["oud"]["einddatum"] == oud_eind.isoformat()
    besluit.refresh_from_db()
    brief = tekst(besluit.brief.path)
    assert "Elektrotechnisch installateur" in brief and plan.opleiding_naam in brief
    assert datum_nl(nieuw_eind) in brief and datum_nl(oud_eind) in brief
    assert datum_nl(oud_geldig) in brief and datum_nl(cheque.geldig_tot) in brief


def test_einddatum_voor_startdatum_geweigerd(toekenning, medewerkers):
    aanvraag = toekenning.plan.aanvraag
    verzoek = vraag_wijziging(aanvraag=aanvraag, actor=aanvraag.aanvrager,
                              einddatum=toekenning.plan.startdatum - datetime.timedelta(days=1),
                              toelichting="Eerder klaar.")
    with pytest.raises(ValidationError) as e:
        beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"], toegekend=True,
                            motivering="Ja.")
    assert "ligt voor de startdatum" in str(e.value)


def test_hoger_bedrag_boven_plafond_geweigerd(maak_plan, medewerkers):
    periode = maak_periode(plafond=D("1600.00"))
    plan = maak_plan(gevraagd_bedrag=D("1500.00"))
    cheque = services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                                bedrag=D("1500.00"), motivering="Voldoet.").cheque
    verzoek = vraag_wijziging(aanvraag=plan.aanvraag, actor=plan.aanvraag.aanvrager,
                              bedrag=D("2000.00"), toelichting="Duurder.")
    with pytest.raises(ValidationError) as e:
        beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"], toegekend=True,
                            motivering="Ja.")
    assert "subsidieplafond" in e.value.message_dict["bedrag"][0]
    cheque.refresh_from_db()
    assert cheque.bedrag == D("1500.00") and gereserveerd(periode) == D("1500.00")


def test_na_voorschot_niet_lager_dan_betaald(toekenning, periode, medewerkers):
    cheque = toekenning.cheque
    declareer(cheque, medewerkers["financieel"], "1200.00")
    betaal(medewerkers["financieel"], medewerkers["financieel2"])
    aanvraag = toekenning.plan.aanvraag
    verzoek = vraag_wijziging(aanvraag=aanvraag, actor=aanvraag.aanvrager,
                              bedrag=D("1000.00"), toelichting="Korter.")
    with pytest.raises(ValidationError) as e:
        beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"], toegekend=True,
                            motivering="Ja.", bedrag=D("1000.00"))
    assert "al € 1.200,00 als voorschot betaald" in str(e.value)
    beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"], toegekend=True,
                        motivering="Ja.", bedrag=D("1300.00"))
    assert gereserveerd(periode) == D("100.00")  # 1300 - 1200 paid; 200 released


def test_andere_opleider_krijgt_nieuwe_cheque(toekenning, medewerkers,
                                             django_capture_on_commit_callbacks):
    cheque, plan = toekenning.cheque, toekenning.plan
    oude_opleider = cheque.opleider
    nieuw = OpleiderFactory(naam="Techniek Academie Hengelo")
    aanvraag = plan.aanvraag
    verzoek = vraag_wijziging(aanvraag=aanvraag, actor=aanvraag.aanvrager,
                              opleiding_naam="Monteur zonne-energie",
                              toelichting="Deze opleiding geeft een andere opleider.")
    with pytest.raises(ValidationError) as e:  # not recognised on the start date
        beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"], toegekend=True,
                            motivering="Ja.", opleider=nieuw)
    assert "niet erkend" in e.value.message_dict["opleider"][0]
    Erkenning.objects.create(opleider=nieuw, soort=Erkenning.Soort.values[0],
                             geldig_van=plan.startdatum - datetime.timedelta(days=400),
                             gecontroleerd_op=timezone.localdate())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        besluit = beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"],
                                      toegekend=True, motivering="Erkende opleider.",
                                      opleider=nieuw)
    cheque.refresh_from_db()
    plan.refresh_from_db()
    assert cheque.opleider == nieuw and plan.opleider == nieuw and cheque.pdf
    assert any(nieuw.email in m.to and cheque.nummer in m.subject for m in mail.outbox)
    besluit.refresh_from_db()
    brief = tekst(besluit.brief.path)
    assert oude_opleider.naam in brief and "Techniek Academie Hengelo" in brief


def test_andere_opleider_niet_na_declaratie(toekenning, medewerkers):
    declareer(toekenning.cheque, medewerkers["financieel"], "1500.00")
    aanvraag = toekenning.plan.aanvraag
    verzoek = vraag_wijziging(aanvraag=aanvraag, actor=aanvraag.aanvrager,
                              opleiding_naam="Iets anders", toelichting="Andere opleider.")
    with pytest.raises(ValidationError) as e:
        beslis_op_wijziging(verzoek=verzoek, door=medewerkers["beoordelaar"], toegekend=True,
                            motivering="Ja.", opleider=OpleiderFactory())
    assert "al gedeclareerd" in str(e.value)
