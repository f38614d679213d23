"""The happy path, as the people involved click through it in Chromium: a resident applies
and logs in by link, a consulent claims, plans and logs the gesprek, writes and submits
the scholingsplan. Every page is checked with axe-core and photographed."""

import pytest

from tests.reizen.stappen import (
    consulent_legt_gesprek_vast,
    consulent_neemt_in_behandeling,
    consulent_schrijft_plan_en_dient_in,
    inwoner_logt_in,
    inwoner_meldt_aan,
    referentie_en_budget,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_van_aanmelding_tot_ingediend_plan(reis, referentiedata, medewerkers, mailoutbox):
    gegevens = referentie_en_budget()
    referentie = inwoner_meldt_aan(reis)
    page = inwoner_logt_in(reis, nieuwe_link=False)
    assert page.get_by_text("Wij hebben uw aanmelding ontvangen.").is_visible()
    reis.log_uit()

    consulent_neemt_in_behandeling(reis, medewerkers["consulent_lwl"], referentie)
    consulent_legt_gesprek_vast(reis, uitkomst="scholingsplan opstellen")
    consulent_schrijft_plan_en_dient_in(reis, gegevens)
    reis.log_uit()

    page = inwoner_logt_in(reis)
    tijdlijn = page.locator(".tijdlijn").inner_text()
    assert "loopbaangesprek" in tijdlijn.lower()
