"""A gegrond bezwaar re-runs the money (Awb 7:11): afwijzing -> toekenning, intrekking
herroepen (cheque restored, terugvordering vervallen), a lower vaststelling -> a higher one.
The letters are read back; refusals (role, state, plafond) come with a Dutch message."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from aanvragen.models import Aanvraag
from cheques import services
from cheques.models import Cheque, Terugvordering, Vervolgbesluit
from cheques.services import bezwaar as bezwaren
from tests.cheques.factories import maak_periode, toets_met
from tests.cheques.financien import betaal, declareer, ken_toe, rond_af, stel_vast
from tests.cheques.test_documenten import tekst
from tfvv import budget_selectors
from tfvv.models import Budgetboeking, Gebeurtenis

pytestmark = pytest.mark.django_db
D = Decimal
S = Budgetboeking.Soort


def stand(periode):
    return budget_selectors.standen([periode])[0]


def beslis_gegrond(bezwaar, door, **kwargs):
    kwargs.setdefault("motivering", "Bij nader inzien klopt het besluit niet.")
    kwargs.setdefault("nieuw_besluit", "Het besluit wordt herroepen.")
    return bezwaren.beslis_op_bezwaar(bezwaar=bezwaar, door=door, uitkomst="gegrond", **kwargs)


def afgewezen(maak_plan, beoordelaar, bedrag="1500.00"):
    plan = maak_plan(toets_snapshot=toets_met(R7="niet_voldaan"), gevraagd_bedrag=D(bedrag))
    return services.afwijzen(plan=plan, door=beoordelaar, motivering="Het niveau past niet.",
                             regels=["R7"])


def test_gegrond_tegen_afwijzing_kent_toe_met_cheque_en_brief(
        periode, maak_plan, medewerkers, django_capture_on_commit_callbacks):
    b = medewerkers["beoordelaar"]
    beschikking = afgewezen(maak_plan, b)
    aanvraag = beschikking.plan.aanvraag
    bezwaar = bezwaren.dien_bezwaar_in(besluit=beschikking, door=aanvraag.aanvrager,
                                       gronden="Mijn diploma is mbo-2.")
    with pytest.raises(ValidationError) as e:  # the amount of the toekenning is needed
        beslis_gegrond(bezwaar, b)
    assert "bedrag" in e.value.error_dict
    with pytest.raises(ValidationError) as e:
        beslis_gegrond(bezwaar, b, bedrag=D("2000.00"))
    assert "hoger dan gevraagd" in str(e.value)
    with django_capture_on_commit_callbacks(execute=True):
        besluit = beslis_gegrond(bezwaar, b, bedrag=D("1500.00"),
                                 motivering="Uit het diploma blijkt mbo-2.",
                                 nieuw_besluit="De aanvraag wordt toegekend.")
    cheque = Cheque.objects.get(beschikking=beschikking)
    assert cheque.bedrag == D("1500.00") and cheque.status == Cheque.Status.UITGEGEVEN
    assert stand(periode).gereserveerd == D("1500.00")
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.TOEGEKEND
    cheque.refresh_from_db()
    assert cheque.pdf  # the cheque itself, rendered by the documents task
    besluit.refresh_from_db()
    assert besluit.cheque == cheque and besluit.gegevens["gevolgen"]["soort"] == "toekenning"
    brief = tekst(besluit.brief.path)
    assert "gegrond" in brief and "€ 1.500,00" in brief and cheque.nummer in brief
    assert "Uit het diploma blijkt mbo-2." in brief and "rechtbank Overijssel" in brief
    assert "80 %" in brief  # the obligations of the verleningsbeschikking
    # the subsidietoets of a later aanvraag sees the grant (R6/R10 read the event)
    assert Gebeurtenis.objects.filter(actie="toekennen", gegevens__cheque=cheque.nummer).exists()
    links = Gebeurtenis.objects.filter(actie="documenten_verzonden", object_id=str(besluit.pk),
                                       objecttype="cheques.vervolgbesluit").get().gegevens
    assert any("cheque.pdf" in link["url"] for link in links["links"])


def test_gegrond_tegen_afwijzing_geweigerd_als_plafond_vol(maak_plan, medewerkers):
    periode = maak_periode(plafond=D("1000.00"))
    b = medewerkers["beoordelaar"]
    beschikking = afgewezen(maak_plan, b)
    bezwaar = bezwaren.dien_bezwaar_in(besluit=beschikking,
                                       door=beschikking.plan.aanvraag.aanvrager, gronden="x")
    with pytest.raises(ValidationError) as e:
        beslis_gegrond(bezwaar, b, bedrag=D("1500.00"))
    assert "subsidieplafond" in str(e.value) and "Het bezwaar blijft open" in str(e.value)
    bezwaar.refresh_from_db()
    assert bezwaar.uitkomst == "" and not Cheque.objects.exists()
    assert stand(periode).gereserveerd == 0  # nothing half-saved


def test_alleen_beslisser_en_alleen_een_keer(periode, maak_plan, medewerkers):
    b = medewerkers["beoordelaar"]
    beschikking = afgewezen(maak_plan, b)
    bezwaar = bezwaren.dien_bezwaar_in(besluit=beschikking,
                                       door=beschikking.plan.aanvraag.aanvrager, gronden="x")
    with pytest.raises(PermissionDenied):
        beslis_gegrond(bezwaar, medewerkers["financieel"], bedrag=D("1500.00"))
    beslis_gegrond(bezwaar, b, bedrag=D("1500.00"))
    with pytest.raises(ValidationError) as e:
        beslis_gegrond(bezwaar, b, bedrag=D("1500.00"))
    assert "al beslist" in str(e.value)


def ingetrokken_na_voorschot(maak_plan, medewerkers):
    b, fin = medewerkers["beoordelaar"], medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), b)
    declareer(cheque, fin, "1000.00")
    betaal(fin, medewerkers["financieel2"])
    besluit = services.intrekken(cheque=cheque, door=b, grond="verplichtingen",
                                 motivering="Niet deelgenomen aan de lessen.")
    return cheque, besluit


def test_gegrond_tegen_intrekking_herstelt_cheque_en_laat_vordering_vervallen(
        periode, maak_plan, medewerkers, django_capture_on_commit_callbacks):
    b = medewerkers["beoordelaar"]
    cheque, intrekking = ingetrokken_na_voorschot(maak_plan, medewerkers)
    terugvordering = cheque.terugvorderingen.get()
    voor = stand(periode)
    assert voor.gereserveerd == 0  # the remaining 500 released at the intrekking
    assert voor.terug_te_vorderen == D("1000.00")
    aantal_boekingen = Budgetboeking.objects.count()
    bezwaar = bezwaren.dien_bezwaar_in(besluit=intrekking,
                                       door=cheque.beschikking.plan.aanvraag.aanvrager,
                                       gronden="Ik was ziek; zie de verklaring.")
    with django_capture_on_commit_callbacks(execute=True):
        besluit = beslis_gegrond(bezwaar, b, motivering="De afwezigheid was door ziekte.",
                                 nieuw_besluit="De subsidie wordt niet ingetrokken.")
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.VOORSCHOT_BETAALD and cheque.intrekkingsreden == ""
    terugvordering.refresh_from_db()
    assert terugvordering.status == Terugvordering.Status.VERVALLEN
    na = stand(periode)
    assert na.gereserveerd == D("500.00")  # the remainder reserved again
    assert na.terug_te_vorderen == 0 and na.gerealiseerd == D("1000.00")
    # reversed by new entries, none deleted
    nieuw = list(Budgetboeking.objects.order_by("id")[aantal_boekingen:]
                 .values_list("soort", "bedrag"))
    assert nieuw == [(S.VORDERING_VERVALLEN, D("1000.00")), (S.RESERVERING, D("500.00"))]
    aanvraag = cheque.beschikking.plan.aanvraag
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.TOEGEKEND
    besluit.refresh_from_db()
    brief = tekst(besluit.brief.path)
    assert "De intrekking is herroepen" in brief and cheque.nummer in brief
    assert "De terugvordering van € 1.000,00 vervalt" in brief
    assert "ziekte" in brief
    # the restored cheque counts again for the per-person cap of the subsidietoets
    assert Gebeurtenis.objects.filter(actie="cheque_hersteld").exists()
    # the claim is closed: no aanmaning on it
    with pytest.raises(ValidationError):
        services.stuur_aanmaning(terugvordering=terugvordering, door=medewerkers["financieel"])


def test_gegrond_tegen_intrekking_geweigerd_als_al_terugbetaald(periode, maak_plan,
                                                                 medewerkers):
    cheque, intrekking = ingetrokken_na_voorschot(maak_plan, medewerkers)
    services.registreer_ontvangst(terugvordering=cheque.terugvorderingen.get(),
                                  door=medewerkers["financieel"], bedrag=D("200.00"),
                                  ontvangen_op=intrekking.verzonden_op)
    bezwaar = bezwaren.dien_bezwaar_in(besluit=intrekking,
                                       door=cheque.beschikking.plan.aanvraag.aanvrager,
                                       gronden="x")
    with pytest.raises(ValidationError) as e:
        beslis_gegrond(bezwaar, medewerkers["beoordelaar"])
    assert "al € 200,00 ontvangen" in str(e.value)
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.INGETROKKEN


def test_gegrond_tegen_lagere_vaststelling_stelt_opnieuw_vast(
        periode, maak_plan, medewerkers, django_capture_on_commit_callbacks):
    b, fin, fin2 = medewerkers["beoordelaar"], medewerkers["financieel"], \
        medewerkers["financieel2"]
    cheque = ken_toe(maak_plan(), b)
    declareer(cheque, fin, "1500.00")
    rond_af(cheque, fin)
    vaststelling = stel_vast(cheque, fin, "1000.00", motivering="Een deel niet gevolgd.")
    betaal(fin, fin2)
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.BETAALD and stand(periode).gereserveerd == 0
    bezwaar = bezwaren.dien_bezwaar_in(besluit=vaststelling,
                                       door=cheque.beschikking.plan.aanvraag.aanvrager,
                                       gronden="Ik heb alles gevolgd.")
    with pytest.raises(ValidationError) as e:
        beslis_gegrond(bezwaar, b, bedrag=D("900.00"))
    assert "hoger dan € 1.000,00" in str(e.value)
    with django_capture_on_commit_callbacks(execute=True):
        besluit = beslis_gegrond(bezwaar, b, bedrag=D("1500.00"),
                                 motivering="De presentielijst toont volledige deelname.")
    cheque.refresh_from_db()
    assert cheque.vastgesteld_bedrag == D("1500.00")
    assert cheque.status == Cheque.Status.VASTGESTELD  # the difference waits for payment
    assert stand(periode).gereserveerd == D("500.00")
    betaal(fin, fin2)
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.BETAALD
    assert sum(p.bedrag for p in cheque.betalingen.all()) == D("1500.00")
    assert stand(periode).gereserveerd == 0 and stand(periode).gerealiseerd == D("1500.00")
    besluit.refresh_from_db()
    brief = tekst(besluit.brief.path)
    assert "vastgesteld op € 1.500,00 in plaats van € 1.000,00" in brief
    assert "Wij betalen nog € 500,00 aan de opleider" in brief


def test_gegrond_tegen_vaststelling_onder_voorschot_past_vordering_aan(
        periode, maak_plan, medewerkers):
    b, fin = medewerkers["beoordelaar"], medewerkers["financieel"]
    cheque = ken_toe(maak_plan(), b)
    declareer(cheque, fin, "1500.00")
    betaal(fin, medewerkers["financieel2"])  # voorschot 1500
    rond_af(cheque, fin)
    vaststelling = stel_vast(cheque, fin, "1000.00")
    oud = cheque.terugvorderingen.get()
    assert oud.bedrag == D("500.00")
    bezwaar = bezwaren.dien_bezwaar_in(besluit=vaststelling,
                                       door=cheque.beschikking.plan.aanvraag.aanvrager,
                                       gronden="x")
    beslis_gegrond(bezwaar, b, bedrag=D("1200.00"))
    oud.refresh_from_db()
    assert oud.status == Terugvordering.Status.VERVALLEN
    nieuw = cheque.terugvorderingen.exclude(pk=oud.pk).get()
    assert nieuw.bedrag == D("300.00")
    assert nieuw.besluit.soort == Vervolgbesluit.Soort.TERUGVORDERING
    assert stand(periode).terug_te_vorderen == D("300.00")


def test_ongegrond_laat_geld_ongemoeid(periode, maak_plan, medewerkers):
    cheque, intrekking = ingetrokken_na_voorschot(maak_plan, medewerkers)
    bezwaar = bezwaren.dien_bezwaar_in(besluit=intrekking,
                                       door=cheque.beschikking.plan.aanvraag.aanvrager,
                                       gronden="x")
    aantal = Budgetboeking.objects.count()
    bezwaren.beslis_op_bezwaar(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                               uitkomst="ongegrond", motivering="Blijft.")
    assert Budgetboeking.objects.count() == aantal
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.INGETROKKEN


def test_via_de_pagina_bedrag_bij_het_veld_en_invoer_bewaard(maak_plan, medewerkers,
                                                             client_als):
    periode = maak_periode(plafond=D("1000.00"))
    beschikking = afgewezen(maak_plan, medewerkers["beoordelaar"])
    bezwaar = bezwaren.dien_bezwaar_in(besluit=beschikking,
                                       door=beschikking.plan.aanvraag.aanvrager, gronden="x")
    client = client_als("beoordelaar")
    url = reverse("cheques:bezwaar", kwargs={"pk": bezwaar.pk})
    data = {"actie": "beslissen", "uitkomst": "gegrond", "motivering": "Klopt toch.",
            "nieuw_besluit": "Toegekend.", "bedrag": "1.500,00"}
    r = client.post(url, data)
    assert r.status_code == 400
    html = r.content.decode()
    assert "subsidieplafond" in html and "Klopt toch." in html  # at the field, input kept
    assert not Cheque.objects.exists() and stand(periode).gereserveerd == 0
    r = client.post(url, {**data, "bedrag": "900,00"})
    assert r.status_code == 302
    assert Cheque.objects.get().bedrag == D("900.00")
    assert client_als("financieel").post(url, data).status_code == 403
