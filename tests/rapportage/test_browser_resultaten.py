"""The public results page with all its tables (per year, per quarter, outcomes, per
gemeente) and the opleider scorecard in Chromium: axe-core 0 violations, on a phone too, and
the public page works without JavaScript."""

import datetime

import pytest
from django.urls import reverse

from rapportage.models import Telling
from tests.conftest import axe_schendingen
from tests.rapportage.test_browser import _inloggen
from tests.rapportage.test_scorekaart import _cheques
from tfvv.models import Gemeente
from tfvv.referentiedata import laad_gemeenten

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _cijfers():
    """Fund-wide and per gemeente, with small numbers so suppression shows."""
    laad_gemeenten(Gemeente)
    for m in range(1, 13):
        maand = datetime.date(2024, m, 1)
        for dimensie, waarde, n in (("cheque", "", 40 + m), ("gesprek", "", 3 if m == 1 else 90),
                                    ("voltooid", "ja", 20), ("voltooid", "nee", 4),
                                    ("respons_6_maanden", "beantwoord", 12),
                                    ("respons_6_maanden", "niet_beantwoord", 8),
                                    ("werk_6_maanden", "skills|zelfde_werk", 10),
                                    ("werk_6_maanden", "skills|zoekend", 2)):
            Telling.objects.create(niveau=Telling.Niveau.TOTAAL, maand=maand, dimensie=dimensie,
                                   waarde=waarde, aantal=n)
    for i, g in enumerate(Gemeente.objects.all()):
        Telling.objects.create(niveau=Telling.Niveau.GEMEENTE, maand=datetime.date(2024, 3, 1),
                               gemeente_id=g.pk, dimensie="cheque", aantal=2 if i == 3 else 30)


def test_resultatenpagina_toegankelijk_en_zonder_javascript(live_server, browser):
    _cijfers()
    url = live_server.url + reverse("resultaten:pagina")
    for breedte in (1280, 375):
        context = browser.new_context(viewport={"width": breedte, "height": 900})
        page = context.new_page()
        page.goto(url)
        for naam in ("Resultaten per jaar", "Resultaten per kwartaal", "Uitkomsten per jaar",
                     "Per gemeente, 2023 tot nu"):
            assert page.get_by_role("table", name=naam).is_visible(), naam
        assert axe_schendingen(page) == [], breedte
        context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    assert page.get_by_role("table", name="Resultaten per kwartaal").is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download ‘Per gemeente, 2023 tot nu’ als CSV").click()
    assert download.value.suggested_filename.startswith("tfvv-gemeenten-")
    context.close()


def test_scorekaart_toegankelijk(live_server, page, medewerkers):
    # Groot: 16 of 31 cheques, over 3 x the median share: a signal
    for naam, n, bedrag in (("Groot", 16, "1000.00"), ("A", 5, "1000.00"), ("B", 5, "1000.00"),
                            ("C", 5, "1000.00")):
        _cheques(medewerkers, naam, n, bedrag)
    _inloggen(page, live_server, medewerkers["beheerder"])
    page.goto(live_server.url + reverse("rapportage:scorekaart"))
    assert page.get_by_role("table", name="Scorekaart opleiders").is_visible()
    assert page.get_by_role("status").is_visible()  # the signals
    assert axe_schendingen(page) == []
