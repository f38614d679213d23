"""The manager's day: tick several new cases in the queue and assign them at once."""

import pytest

from aanvragen.models import Aanvraag
from tests.aanvragen.factories import AanvraagFactory
from tests.conftest import axe_schendingen
from tests.loopbaangesprekken.test_browser import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_wijst_meerdere_aanvragen_toe(live_server, page, medewerkers):
    zaken = [AanvraagFactory(voornaam=n, achternaam="Jansen") for n in ("Anna", "Bram", "Cor")]
    inloggen(page, live_server, medewerkers["consulent_manager"])
    page.goto(f"{live_server.url}/consulent/werkvoorraad/?lijst=nieuw")
    assert page.get_by_role("heading", name="Meerdere aanvragen toewijzen").is_visible()
    assert axe_schendingen(page) == []
    for zaak in zaken[:2]:
        page.get_by_label(f"Selecteer {zaak.referentie}").check()
    consulent = medewerkers["consulent_lwl"]
    page.get_by_label("Toewijzen aan").select_option(str(consulent.pk))
    page.get_by_role("button", name="Aangevinkte aanvragen toewijzen").click()
    assert page.get_by_text("2 aanvragen zijn toegewezen").is_visible()
    assert axe_schendingen(page) == []
    assert set(Aanvraag.objects.filter(consulent=consulent).values_list("pk", flat=True)) == {
        zaken[0].pk, zaken[1].pk}
