"""Intrekking (Awb 4:48 before, 4:49 after the vaststelling, five years), terugvordering
(4:57) and the invordering (aanmaning 4:112, betalingsregeling, ontvangst, oninbaar),
with frozen time for the limits and the deadlines (Algemene termijnenwet)."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cheques import services
from cheques.models import Cheque, Invorderingsstap, Terugvordering, Vervolgbesluit
from cheques.services.terugvordering import open_bedrag, termijnschema
from tests.cheques.financien import betaal, declareer, ken_toe, rond_af, stel_vast
from tests.cheques.test_documenten import tekst as tekst_van
from tfvv import budget_selectors
from tfvv.models import Budgetboeking

pytestmark = pytest.mark.django_db
D = Decimal
TZ = datetime.UTC


def op(time_machine, jaar, maand, dag):
    time_machine.move_to(datetime.datetime(jaar, maand, dag, 10, tzinfo=TZ), tick=False)


def stand(periode):
    return budget_selectors.standen([periode])[0]


def test_intrekken_voor_vaststelling_is_4_48(periode, maak_plan, medewerkers):
    b, fin = medewerkers["beoordelaar"], medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), b)
    with pytest.raises(PermissionDenied):
        services.intrekken(cheque=cheque, door=fin, grond="niet_verricht", motivering="x")
    with pytest.raises(ValidationError) as e:
        services.intrekken(cheque=cheque, door=b, grond="niet_verricht", motivering="")
    assert "motivering" in e.value.error_dict
    besluit = services.intrekken(cheque=cheque, door=b, grond="niet_verricht",
                                 motivering="De opleiding is niet gestart.")
    assert besluit.soort == Vervolgbesluit.Soort.INTREKKING
    assert besluit.gegevens["artikel"] == "4:48 lid 1 onder a"
    assert "4:48 lid 1 onder a" in besluit.grondslag
    assert stand(periode).gereserveerd == 0
    assert not Terugvordering.objects.exists()  # nothing was paid
    with pytest.raises(ValidationError):
        services.intrekken(cheque=cheque, door=b, grond="niet_verricht", motivering="nogmaals")


def test_intrekken_na_voorschot_vordert_terug_en_meldt_opleider(
        periode, maak_plan, medewerkers, django_capture_on_commit_callbacks):
    b, fin = medewerkers["beoordelaar"], medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), b)
    declareer(cheque, fin, "1000.00")
    betaal(fin, medewerkers["financieel2"])
    with pytest.raises(ValidationError):
        services.intrekken(cheque=cheque, door=b, grond="onjuiste_gegevens", motivering="x",
                           terug_te_vorderen=D("1000.01"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.intrekken(cheque=cheque, door=b, grond="onjuiste_gegevens",
                           motivering="De presentielijst bleek vervalst.")
    t = cheque.terugvorderingen.get()
    assert t.bedrag == D("1000.00") and "vervalst" in t.grond
    assert Vervolgbesluit.objects.filter(cheque=cheque, soort="terugvordering").exists()
    s = stand(periode)
    assert (s.gereserveerd, s.gerealiseerd, s.terug_te_vorderen) == (0, D("1000"), D("1000"))
    assert any(cheque.opleider.email in m.to and "ingetrokken" in m.subject
               for m in mail.outbox)


def vastgesteld_op(time_machine, maak_plan, medewerkers, jaar, maand, dag):
    op(time_machine, jaar, maand, dag)
    fin = medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"])
    declareer(cheque, fin)
    rond_af(cheque, fin)
    stel_vast(cheque, fin, "1500.00")
    cheque.refresh_from_db()
    return cheque


def test_4_49_binnen_vijf_jaar(periode, maak_plan, medewerkers, time_machine):
    cheque = vastgesteld_op(time_machine, maak_plan, medewerkers, 2026, 3, 2)
    assert cheque.vastgesteld_op == datetime.date(2026, 3, 2)
    op(time_machine, 2031, 3, 2)  # the last day
    b = medewerkers["beoordelaar"]
    with pytest.raises(ValidationError) as e:  # 4:49 knows no "activiteiten niet verricht"
        services.intrekken(cheque=cheque, door=b, grond="niet_verricht", motivering="x")
    assert "4:49" in str(e.value)
    besluit = services.intrekken(cheque=cheque, door=b, grond="onjuiste_gegevens",
                                 motivering="Het diploma bleek vals.")
    assert besluit.gegevens["artikel"] == "4:49 lid 1 onder a"


def test_4_49_na_vijf_jaar_geweigerd(periode, maak_plan, medewerkers, time_machine):
    cheque = vastgesteld_op(time_machine, maak_plan, medewerkers, 2026, 3, 2)
    op(time_machine, 2031, 3, 3)
    with pytest.raises(ValidationError) as e:
        services.intrekken(cheque=cheque, door=medewerkers["beoordelaar"],
                           grond="onjuiste_gegevens", motivering="Het diploma bleek vals.")
    tekst = str(e.value)
    assert "na vijf jaar niet meer worden ingetrokken (artikel 4:49 lid 3 Awb)" in tekst
    assert "02-03-2031" in tekst
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.VASTGESTELD  # unchanged


def test_invordering_met_termijnen(periode, maak_plan, medewerkers, time_machine,
                                   django_capture_on_commit_callbacks):
    # Friday 13 November 2026: six weeks later is Christmas (Friday), then Boxing Day and a
    # Sunday: the payment deadline moves to Monday 28 December (Algemene termijnenwet).
    op(time_machine, 2026, 11, 13)
    b, fin = medewerkers["beoordelaar"], medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), b)
    declareer(cheque, fin, "1200.00")
    betaal(fin, medewerkers["financieel2"])
    services.intrekken(cheque=cheque, door=b, grond="verplichtingen",
                       motivering="Niet deelgenomen aan de lessen.")
    t = cheque.terugvorderingen.get()
    assert t.betalen_voor == datetime.date(2026, 12, 28)

    op(time_machine, 2026, 12, 28)
    with pytest.raises(ValidationError) as e:
        services.stuur_aanmaning(terugvordering=t, door=fin)
    assert "loopt nog tot en met 28-12-2026" in str(e.value)
    op(time_machine, 2026, 12, 29)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        stap = services.stuur_aanmaning(terugvordering=t, door=fin)
    assert stap.nieuwe_termijn == datetime.date(2027, 1, 12)  # two weeks, a Tuesday
    # the aanmaning is a letter (PDF) through the outbox, announced by mail
    aanmaning = Vervolgbesluit.objects.get(soort=Vervolgbesluit.Soort.AANMANING)
    assert aanmaning.bezwaartermijn_tot is None  # no besluit: no bezwaar clause
    assert [m.to for m in mail.outbox] == [[cheque.beschikking.plan.aanvraag.email]]
    brief = tekst_van(aanmaning.brief.path)
    assert "Aanmaning" in brief and "€ 1.200,00" in brief and "12 januari 2027" in brief
    assert "4:112" in brief and "dwangbevel" in brief and "wettelijke rente" in brief
    assert settings.TFVV_SEPA_DEBITEUR_IBAN in brief and cheque.nummer in brief
    assert "28-12-2026" in brief  # the deadline that was missed, in the motivering
    assert "bezwaar" not in brief.lower()

    op(time_machine, 2027, 1, 13)
    with pytest.raises(ValidationError):
        services.treffen_betalingsregeling(terugvordering=t, door=fin, aantal_termijnen=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.treffen_betalingsregeling(terugvordering=t, door=fin, aantal_termijnen=3)
    regeling = Vervolgbesluit.objects.get(soort=Vervolgbesluit.Soort.BETALINGSREGELING)
    # monthly from Wednesday 13 January: 13 February and 13 March 2027 are Saturdays
    assert [r["datum"] for r in regeling.gegevens["termijnen"]] == [
        "2027-02-15", "2027-03-15", "2027-04-13"]
    brief = tekst_van(regeling.brief.path)
    assert "3 maandelijkse termijnen" in brief and "15 februari 2027" in brief
    assert brief.count("€ 400,00") == 3 and "€ 1.200,00" in brief
    assert "vervalt de regeling" in brief and settings.TFVV_SEPA_DEBITEUR_IBAN in brief
    t.refresh_from_db()
    assert t.status == Terugvordering.Status.BETALINGSREGELING
    assert t.betalen_voor == datetime.date(2027, 4, 13)

    with pytest.raises(ValidationError) as e:
        services.registreer_ontvangst(terugvordering=t, door=fin, bedrag=D("1300"),
                                      ontvangen_op=datetime.date(2027, 1, 13))
    assert "nog € 1.200,00 open" in str(e.value)
    with pytest.raises(ValidationError):
        services.registreer_ontvangst(terugvordering=t, door=fin, bedrag=D("400"),
                                      ontvangen_op=datetime.date(2027, 1, 14))
    services.registreer_ontvangst(terugvordering=t, door=fin, bedrag=D("400"),
                                  ontvangen_op=datetime.date(2027, 1, 13))
    assert open_bedrag(t) == D("800")
    s = stand(periode)
    assert (s.gerealiseerd, s.terug_te_vorderen) == (D("800"), D("800"))

    with pytest.raises(ValidationError):
        services.verklaar_oninbaar(terugvordering=t, door=fin, toelichting="")
    services.verklaar_oninbaar(terugvordering=t, door=fin, toelichting="Schuldsanering.")
    t.refresh_from_db()
    assert t.status == Terugvordering.Status.ONINBAAR and open_bedrag(t) == 0
    s = stand(periode)
    assert (s.gerealiseerd, s.terug_te_vorderen) == (D("800"), D("0"))
    with pytest.raises(ValidationError):
        services.registreer_ontvangst(terugvordering=t, door=fin, bedrag=D("1"),
                                      ontvangen_op=datetime.date(2027, 1, 13))
    soorten = list(Budgetboeking.objects.filter(referentie=cheque.nummer)
                   .values_list("soort", flat=True))
    assert soorten[-5:] == ["terugvordering", "aanmaning", "betalingsregeling", "ontvangst",
                            "oninbaar"]
    assert list(t.stappen.values_list("soort", flat=True)) == [
        Invorderingsstap.Soort.AANMANING, Invorderingsstap.Soort.BETALINGSREGELING,
        Invorderingsstap.Soort.ONTVANGST, Invorderingsstap.Soort.ONINBAAR]


def test_termijnschema_rondt_af_op_de_laatste_termijn():
    schema = termijnschema(D("100.00"), 3, datetime.date(2026, 1, 30))
    assert [r["bedrag"] for r in schema] == ["33.33", "33.33", "33.34"]
    # 28 February 2026 is a Saturday: Monday 2 March; 30 April 2026 is a Thursday
    assert [r["datum"] for r in schema] == ["2026-03-02", "2026-03-30", "2026-04-30"]


def test_werkvoorraad_en_stappen_via_pagina(periode, maak_plan, medewerkers, client_als):
    b, fin = medewerkers["beoordelaar"], medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), b)
    declareer(cheque, fin, "1000.00")
    betaal(fin, medewerkers["financieel2"])
    services.intrekken(cheque=cheque, door=b, grond="niet_verricht", motivering="Niet gestart.")
    t = cheque.terugvorderingen.get()
    c = client_als("financieel")
    lijst = c.get(reverse("cheques:terugvorderingen")).content.decode()
    assert cheque.nummer in lijst and "€ 1.000,00" in lijst
    url = reverse("cheques:invorderingsstap", kwargs={"pk": t.pk, "stap": "ontvangst"})
    r = c.post(url, {"bedrag": "2.000,00", "ontvangen_op": "2026-12-04"})
    assert r.status_code == 400 and "meer kan niet worden ontvangen" in r.content.decode()
    aangemaakt = timezone.localdate(t.aangemaakt_op)
    r = c.post(url, {"bedrag": "1.000,00", "ontvangen_op": aangemaakt.isoformat()})
    assert r.status_code == 302
    t.refresh_from_db()
    assert t.status == Terugvordering.Status.VOLDAAN
    assert c.post(reverse("cheques:invorderingsstap", kwargs={"pk": t.pk, "stap": "x"})
                  ).status_code == 404


def test_aanmaning_termijn_op_koningsdag_met_brief(periode, maak_plan, medewerkers,
                                                   time_machine,
                                                   django_capture_on_commit_callbacks):
    op(time_machine, 2026, 2, 27)  # a Friday; six weeks later: Friday 10 April 2026
    b, fin = medewerkers["beoordelaar"], medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), b)
    declareer(cheque, fin, "900.00")
    betaal(fin, medewerkers["financieel2"])
    services.intrekken(cheque=cheque, door=b, grond="niet_verricht",
                       motivering="De opleiding is niet gestart.")
    t = cheque.terugvorderingen.get()
    assert t.betalen_voor == datetime.date(2026, 4, 10)
    op(time_machine, 2026, 4, 13)  # two weeks later is Koningsdag, Monday 27 April
    with django_capture_on_commit_callbacks(execute=True):
        stap = services.stuur_aanmaning(terugvordering=t, door=fin)
    assert stap.nieuwe_termijn == datetime.date(2026, 4, 28)
    brief = tekst_van(Vervolgbesluit.objects.get(soort="aanmaning").brief.path)
    assert "28 april 2026" in brief and "€ 900,00" in brief and "10-04-2026" in brief
    with pytest.raises(PermissionDenied):  # the beoordelaar does not do invordering
        services.stuur_aanmaning(terugvordering=t, door=b)
