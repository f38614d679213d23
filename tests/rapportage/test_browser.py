"""The dashboard in Chromium: charts render without a CDN and axe-core finds nothing.
Writes the screenshot of docs/uitkomsten.md (docs/img/dashboard-uitkomsten.png)."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from rapportage.services import ververs_samenvattingen
from tests.conftest import axe_schendingen, log_in_als_medewerker
from tests.rapportage.factories import maak_dataset
from tests.rapportage.factories_vervolg import voeg_uitkomsten_toe

ROOT = Path(__file__).resolve().parents[2]


def _inloggen(page, live_server, user):
    page.context.clear_cookies()
    client = log_in_als_medewerker(Client(), user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])


@pytest.mark.django_db(transaction=True)
def test_paginas_zonder_axe_schendingen(live_server, page, medewerkers):
    maak_dataset(80)
    ververs_samenvattingen()
    externe = []
    page.on("request", lambda r: externe.append(r.url)
            if not r.url.startswith(live_server.url) else None)

    _inloggen(page, live_server, medewerkers["adviesgroep"])
    page.goto(live_server.url + reverse("rapportage:dashboard") + "?jaar=2024")
    assert page.locator("svg.grafiek rect.grafiek-balk").count() > 20
    assert page.get_by_role("table", name="Per gemeente").is_visible()
    assert axe_schendingen(page) == []
    # the bars are drawn by one tag per table (rapportage.templatetags.rapportagetabel)
    assert page.locator("svg.grafiek text.grafiek-waarde").count() == \
        page.locator("svg.grafiek rect.grafiek-balk").count()

    # the outcome section over the whole programme, for docs/uitkomsten.md
    voeg_uitkomsten_toe()
    ververs_samenvattingen()
    page.goto(live_server.url + reverse("rapportage:dashboard")
              + "?van=01-01-2023&tot=31-12-2026")
    sectie = page.get_by_role("heading", name="Uitkomsten", exact=True).locator("xpath=..")
    assert sectie.locator("svg.grafiek rect.grafiek-balk").count() > 0
    assert axe_schendingen(page) == []
    page.set_viewport_size({"width": 1100, "height": 900})
    sectie.screenshot(path=ROOT / "docs" / "img" / "dashboard-uitkomsten.png")

    page.goto(live_server.url + reverse("rapportage:rapportages"))
    assert axe_schendingen(page) == []

    _inloggen(page, live_server, medewerkers["beheerder"])
    page.goto(live_server.url + reverse("rapportage:werkvoorraad"))
    assert page.get_by_role("heading", name="Werkvoorraad projectbureau").is_visible()
    assert axe_schendingen(page) == []
    assert externe == []
