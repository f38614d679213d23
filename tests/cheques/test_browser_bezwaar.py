"""Browser journey: the resident files a bezwaar digitally against a refusal, the
beoordelaar finds it in the worklist, decides it gegrond with the amount of the toekenning
that takes the refusal's place, and the resident sees the beslissing op bezwaar and the
cheque in the portal; every new page checked by axe-core."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from cheques import services
from tests.cheques.factories import ScholingsplanFactory, maak_periode, toets_met
from tests.conftest import axe_schendingen, log_in_als_medewerker

pytestmark = pytest.mark.browser


def zet_sessie(page, live_server, client):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])


@pytest.fixture
def afwijzing(transactional_db, medewerkers):
    maak_periode()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"],
                                toets_snapshot=toets_met(R7="niet_voldaan"))
    return services.afwijzen(plan=plan, door=medewerkers["beoordelaar"],
                             motivering="Het niveau past niet.", regels=["R7"])


def test_bezwaar_digitaal_gegrond_en_nieuw_besluit(live_server, page, medewerkers, afwijzing):
    aanvraag = afwijzing.plan.aanvraag
    inwoner = Client()
    inwoner.force_login(aanvraag.aanvrager)
    zet_sessie(page, live_server, inwoner)
    page.goto(live_server.url + reverse("aanvragen:aanvraag", kwargs={"pk": aanvraag.pk}))
    page.get_by_role("link", name="Bezwaar maken").click()
    assert page.get_by_role("heading", name="Bezwaar maken").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_role("button", name="Bezwaar versturen").click()  # empty: refused
    assert page.locator(".invalid-feedback").first.is_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("Waarom bent u het niet eens met dit besluit?").fill(
        "Ik heb mijn mbo-2 diploma wel gehaald, zie bijlage.")
    page.get_by_role("button", name="Bezwaar versturen").click()
    assert page.get_by_text("Wij hebben uw bezwaar ontvangen").first.is_visible()

    zet_sessie(page, live_server, log_in_als_medewerker(Client(), medewerkers["beoordelaar"]))
    page.goto(live_server.url + reverse("cheques:bezwaren"))
    assert page.get_by_role("heading", name="Bezwaren").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_role("link", name=aanvraag.referentie).click()
    assert page.get_by_text("mbo-2 diploma wel gehaald").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("gegrond: besluit herroepen, nieuw besluit").check()
    page.get_by_label("Motivering (artikel 7:12 Awb)").fill(
        "Uit het diploma blijkt dat u aan de voorwaarde voldoet.")
    page.get_by_role("button", name="Beslissing op bezwaar nemen en verzenden").click()
    assert page.locator("#beslissen_nieuw_besluit.is-invalid").is_visible()  # required
    assert axe_schendingen(page) == []
    page.get_by_label("Nieuw besluit (alleen bij gegrond)").fill(
        "De aanvraag wordt alsnog toegekend met uw diploma als bewijs.")
    page.get_by_role("button", name="Beslissing op bezwaar nemen en verzenden").click()
    # against an afwijzing the new decision is a toekenning: its amount is needed
    assert page.locator("#beslissen_bedrag.is-invalid").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("Bedrag (bij gegrond tegen een afwijzing of een vaststelling)").fill(
        "1.500,00")
    page.get_by_role("button", name="Beslissing op bezwaar nemen en verzenden").click()
    assert page.get_by_text("De beslissing op bezwaar is genomen").is_visible()
    assert page.get_by_role("heading", name="Beroep bij de rechtbank").is_visible()
    assert axe_schendingen(page) == []

    page.goto(live_server.url + reverse("cheques:post"))
    assert page.get_by_role("heading", name="Brieven per post").is_visible()
    assert axe_schendingen(page) == []

    zet_sessie(page, live_server, inwoner)
    page.goto(live_server.url + reverse("aanvragen:aanvraag", kwargs={"pk": aanvraag.pk}))
    assert page.get_by_text("Wij hebben uw bezwaar ontvangen").first.is_visible()
    assert page.get_by_text("uw aanvraag is alsnog toegekend").first.is_visible()
    assert page.get_by_role("link", name="Scholingscheque (PDF)").first.is_visible()
    assert axe_schendingen(page) == []
