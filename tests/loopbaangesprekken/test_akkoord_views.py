"""The resident's and the consulent's pages for the approval of the scholingsplan: bad
input kept with a message at the field, submitting refused before the approval, on behalf
only with a reason, an edit voids the approval, another resident gets 404, staff never
answer for the resident."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from loopbaangesprekken.models import Planakkoord, Scholingsplan
from loopbaangesprekken.selectors.akkoord import akkoordstand
from loopbaangesprekken.services import akkoord as services
from tests.aanvragen.bestanden import PDF, upload
from tests.aanvragen.factories import InwonerFactory
from tests.loopbaangesprekken.factories_scholingsplan import ScholingsplanFactory, begroting
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db

S = Planakkoord.Soort


@pytest.fixture
def plan(medewerkers):
    begroting()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"], akkoord=False)
    services.leg_voor(plan=plan, actor=plan.consulent, informeer_inwoner=False)
    return plan


@pytest.fixture
def inwoner(plan):
    c = Client()
    c.force_login(plan.aanvraag.aanvrager)
    return c


def url(plan, naam="bekijken"):
    return reverse(f"scholingsplan-inwoner:{naam}", kwargs={"pk": plan.aanvraag_id})


def plan_url(plan, naam=""):
    return reverse(f"loopbaangesprekken:scholingsplan{naam}", kwargs={"pk": plan.pk})


def tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_inwoner_ziet_het_plan_in_gewone_taal(plan, inwoner):
    pagina = tekst(inwoner.get(url(plan)))
    for stuk in ("Uw scholingsplan", "Eerste monteur elektrotechnische installaties",
                 "1 april 2024", "31 december 2024", "€ 4.000,00", "Werkgever BV",
                 "€ 2.000,00", "dit vraagt u aan", "Wat spreekt u af?",
                 "Ik ga akkoord met dit scholingsplan", "Wat moet er anders?"):
        assert stuk in pagina, stuk
    # reached from the task on the aanvraag page
    assert url(plan) in inwoner.get(reverse("aanvragen:aanvraag",
                                            kwargs={"pk": plan.aanvraag_id})).content.decode()


def test_akkoord_zonder_vinkje_blijft_staan_met_melding(plan, inwoner):
    versie = akkoordstand(plan).versie
    r = inwoner.post(url(plan, "akkoord"), {"akkoord-versie": versie})
    assert r.status_code == 400
    assert "Zet een vinkje als u akkoord gaat met dit scholingsplan." in tekst(r)
    assert not Planakkoord.objects.filter(soort=S.AKKOORD).exists()


def test_akkoord_geven(plan, inwoner):
    versie = akkoordstand(plan).versie
    r = inwoner.post(url(plan, "akkoord"), {"akkoord-versie": versie, "akkoord-akkoord": "on"})
    assert r.status_code == 302 and r["Location"] == reverse(
        "aanvragen:aanvraag", kwargs={"pk": plan.aanvraag_id})
    assert akkoordstand(plan).akkoord
    pagina = tekst(inwoner.get(url(plan)))
    assert "U heeft op" in pagina and "uw akkoord gegeven" in pagina
    assert "Akkoord geven" not in pagina  # no second answer
    assert "Akkoord gegeven op" in tekst(_consulent(plan).get(plan_url(plan)))


def test_wijziging_vragen_zonder_tekst_blijft_staan(plan, inwoner):
    versie = akkoordstand(plan).versie
    r = inwoner.post(url(plan, "wijziging"), {"wijziging-versie": versie,
                                              "wijziging-toelichting": "   "})
    assert r.status_code == 400 and "Schrijf wat er anders moet in het plan." in tekst(r)
    r = inwoner.post(url(plan, "wijziging"), {"wijziging-versie": versie,
                                              "wijziging-toelichting": "Kijk op www.x.nl"})
    assert r.status_code == 400 and "Kijk op www.x.nl" in tekst(r)  # input kept
    assert not Planakkoord.objects.filter(soort=S.WIJZIGING).exists()
    r = inwoner.post(url(plan, "wijziging"), {"wijziging-versie": versie,
                                              "wijziging-toelichting": "Start in oktober."})
    assert r.status_code == 302
    pagina = tekst(_consulent(plan).get(plan_url(plan)))
    assert "Wijziging gevraagd op" in pagina and "Start in oktober." in pagina


def test_verouderde_versie_geeft_een_melding(plan, inwoner):
    r = inwoner.post(url(plan, "akkoord"), {"akkoord-versie": "0" * 64, "akkoord-akkoord": "on"},
                     follow=True)
    assert "intussen gewijzigd" in tekst(r)
    assert not akkoordstand(plan).akkoord


def test_andere_inwoner_krijgt_404(plan):
    c = Client()
    c.force_login(InwonerFactory())
    versie = akkoordstand(plan).versie
    assert c.get(url(plan)).status_code == 404
    assert c.post(url(plan, "akkoord"), {"akkoord-versie": versie,
                                         "akkoord-akkoord": "on"}).status_code == 404
    assert c.post(url(plan, "wijziging"), {"wijziging-versie": versie,
                                           "wijziging-toelichting": "Nee."}).status_code == 404
    assert not akkoordstand(plan).akkoord


def test_geen_plan_voorgelegd_geeft_404(medewerkers):
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"], akkoord=False)
    c = Client()
    c.force_login(plan.aanvraag.aanvrager)
    assert c.get(url(plan)).status_code == 404


@pytest.mark.parametrize("rol", ["consulent_lwl", "beoordelaar"])
def test_medewerker_kan_niet_akkoord_geven(plan, client_als, rol):
    versie = akkoordstand(plan).versie
    r = client_als(rol).post(url(plan, "akkoord"), {"akkoord-versie": versie,
                                                    "akkoord-akkoord": "on"})
    assert r.status_code == 403
    assert not akkoordstand(plan).akkoord


def _consulent(plan):
    from tests.conftest import log_in_als_medewerker

    return log_in_als_medewerker(Client(), plan.consulent)


def test_indienen_geweigerd_voor_akkoord(plan, client_als):
    c = client_als("consulent_lwl")
    pagina = tekst(c.get(plan_url(plan)))
    assert "Wacht op akkoord" in pagina
    assert "Indienen bij gemeente Enschede" not in pagina
    r = c.post(plan_url(plan, "-indienen"), follow=True)
    assert "de inwoner heeft nog geen akkoord gegeven" in tekst(r)
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.CONCEPT


def test_namens_indienen_vraagt_een_reden(plan, client_als):
    c = client_als("consulent_lwl")
    r = c.post(plan_url(plan, "-indienen-namens"), {"reden": ""})
    assert r.status_code == 400
    assert "Geef de reden waarom u namens de inwoner indient." in tekst(r)
    r = c.post(plan_url(plan, "-indienen-namens"),
               {"reden": "Papier getekend.", "formulier": upload("a.exe", b"MZ\x90")})
    assert r.status_code == 400 and "Upload een pdf-, jpg- of png-bestand." in tekst(r)
    assert "Papier getekend." in tekst(r)  # input kept
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.CONCEPT
    r = c.post(plan_url(plan, "-indienen-namens"),
               {"reden": "Papier getekend.", "formulier": upload("akkoord.pdf", PDF)})
    assert r.status_code == 302
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.INGEDIEND
    gebeurtenis = Gebeurtenis.objects.get(actie="indienen")
    assert gebeurtenis.reden == "Papier getekend." and gebeurtenis.gegevens["namens_inwoner"]
    pagina = tekst(client_als("beoordelaar").get(plan_url(plan)))
    assert "Ingediend namens de inwoner" in pagina and "Papier getekend." in pagina
    stap = Planakkoord.objects.get(soort=S.NAMENS)
    download = c.get(reverse("loopbaangesprekken:scholingsplan-akkoordformulier",
                             kwargs={"pk": stap.pk}))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF


def test_bewerken_na_akkoord_waarschuwt_en_maakt_akkoord_ongeldig(plan, inwoner, client_als):
    from loopbaangesprekken.demo_scholingsplannen import formulierdata
    from tests.loopbaangesprekken.test_scholingsplan_views import _bestaande_regels

    versie = akkoordstand(plan).versie
    inwoner.post(url(plan, "akkoord"), {"akkoord-versie": versie, "akkoord-akkoord": "on"})
    c = client_als("consulent_lwl")
    bewerken = plan_url(plan, "-bewerken")
    assert "Dan vervalt het akkoord" in tekst(c.get(bewerken))
    velden = {"opleiding_naam": plan.opleiding_naam, "opleiding_niveau": plan.opleiding_niveau,
              "opleider": plan.opleider_id, "startdatum": "2024-05-01",
              "einddatum": "2024-12-31", "route": plan.route, "doelberoep": plan.doelberoep,
              "doelsector": plan.doelsector_id, "gevraagd_bedrag": "2000.00"}
    data = _bestaande_regels(plan, formulierdata(velden, [], []))
    assert c.post(bewerken, data).status_code == 302
    assert akkoordstand(plan).stand == "vervallen"
    assert Gebeurtenis.objects.filter(actie="plan_akkoord_vervallen").exists()
    pagina = tekst(c.get(plan_url(plan)))
    assert "een eerder akkoord geldt niet meer" in pagina
    assert "Voorleggen aan inwoner" in pagina
    c.post(plan_url(plan, "-indienen"))
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.CONCEPT


def test_voorleggen_via_de_pagina(medewerkers, client_als, mailoutbox,
                                  django_capture_on_commit_callbacks):
    begroting()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"], akkoord=False)
    c = client_als("consulent_lwl")
    assert "Nog niet voorgelegd aan de inwoner." in tekst(c.get(plan_url(plan)))
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(plan_url(plan, "-voorleggen"), follow=True)
    assert "Het plan is voorgelegd aan" in tekst(r) and "Wacht op akkoord" in tekst(r)
    assert [m.to for m in mailoutbox] == [[plan.aanvraag.email]]
