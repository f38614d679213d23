"""The referral path: after the loopbaangesprek the consulent refers the resident to UWV;
the resident reads it in the own timeline."""

import pytest

from tests.reizen.stappen import (
    consulent_legt_gesprek_vast,
    consulent_neemt_in_behandeling,
    inwoner_logt_in,
    inwoner_meldt_aan,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_doorverwijzing_naar_uwv(reis, medewerkers, mailoutbox):
    referentie = inwoner_meldt_aan(reis, voornaam="Ahmet", achternaam="Yilmaz",
                                   email="ahmet@voorbeeld.nl")
    consulent_neemt_in_behandeling(reis, medewerkers["consulent_lwl"], referentie)
    page = consulent_legt_gesprek_vast(reis, uitkomst="doorverwijzing",
                                       doorverwezen_naar="UWV")
    assert "doorverwijzing: UWV" in page.get_by_role("region", name="Loopbaangesprekken") \
        .inner_text()
    assert page.get_by_role("link", name="Scholingsplan opstellen").count() == 0
    reis.log_uit()

    page = inwoner_logt_in(reis, email="ahmet@voorbeeld.nl")
    assert page.get_by_text("Status: doorverwezen").is_visible()
    assert page.get_by_text("Uw consulent heeft u doorverwezen naar UWV.").is_visible()
    assert "Inge wil" not in page.locator("main").inner_text()  # the verslag is staff-only
