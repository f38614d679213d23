"""The wijzigingsbeschikking: the resident asks in the portal, the beoordelaar decides; a
higher amount reserves more budget (plafond and per-person cap), a lower one releases."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aanvragen.models import Wijzigingsverzoek
from aanvragen.services import vraag_wijziging
from cheques import services
from cheques.models import Vervolgbesluit
from cheques.services.wijziging import beslis_op_wijziging
from tests.cheques.test_documenten import tekst
from tfvv import budget_selectors

pytestmark = pytest.mark.django_db
D = Decimal


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
