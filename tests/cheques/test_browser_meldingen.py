"""The pages Meldingen and Termijnen in Chromium for a consulent: open a melding, change the
e-mail preference, the own and the team's deadlines; axe-core finds nothing. Writes the
screenshots of docs/meldingen.md (docs/img/)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cheques import services
from tests.conftest import ROOT, axe_schendingen, log_in_als_medewerker
from tfvv.models import Melding
from tfvv.models.gebruiker import Meldingsmail

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_meldingen_en_termijnen(live_server, page, medewerkers, maak_plan, periode):
    consulent = medewerkers["consulent_manager"]
    plan = maak_plan(consulent=consulent)
    maak_plan(consulent=consulent, ingediend_op=timezone.now() - datetime.timedelta(days=52))
    services.vraag_aanvulling(plan=plan, door=medewerkers["beoordelaar"],
                              omschrijving="Offerte van de opleider",
                              hersteltermijn_tot=timezone.localdate() + datetime.timedelta(days=10))
    Melding.objects.create(ontvanger=consulent, soort="plan_goedgekeurd_door_inwoner",
                           tekst=f"De inwoner van aanvraag {plan.aanvraag.referentie} is akkoord "
                                 "met het scholingsplan.",
                           link=reverse("loopbaangesprekken:aanvraag",
                                        kwargs={"pk": plan.aanvraag_id}))
    Melding.objects.create(ontvanger=consulent, soort="termijn_loopt_af",
                           tekst="Beslistermijn scholingsplan – loopt binnenkort af")
    client = log_in_als_medewerker(Client(), consulent)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])
    page.set_viewport_size({"width": 1200, "height": 900})

    page.goto(live_server.url + reverse("loopbaangesprekken:werkvoorraad"))
    page.get_by_role("link", name="Meldingen 2 ongelezen").click()
    assert axe_schendingen(page) == []
    page.screenshot(path=ROOT / "docs" / "img" / "meldingen.png", full_page=True)
    page.get_by_label("geen e-mail, alleen in de applicatie").check()
    page.get_by_role("button", name="Keuze opslaan").click()
    assert page.get_by_text("Uw keuze voor e-mail bij meldingen is opgeslagen.").is_visible()
    assert axe_schendingen(page) == []
    consulent.refresh_from_db()
    assert consulent.meldingen_mail == Meldingsmail.GEEN
    page.get_by_role("button", name="Openen").click()
    assert page.url.endswith(reverse("loopbaangesprekken:aanvraag",
                                     kwargs={"pk": plan.aanvraag_id}))
    assert page.get_by_role("link", name="Meldingen 1 ongelezen").is_visible()

    page.get_by_role("link", name="Termijnen").first.click()
    assert page.get_by_role("heading", name="Mijn termijnen").is_visible()
    assert page.get_by_text("Hersteltermijn aanvulling").is_visible()
    assert axe_schendingen(page) == []
    page.screenshot(path=ROOT / "docs" / "img" / "termijnen.png", full_page=True)
    page.get_by_role("link", name="Team").click()
    assert page.get_by_role("heading", name="Termijnen van het team").is_visible()
    assert axe_schendingen(page) == []
