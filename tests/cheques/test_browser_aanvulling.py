"""Browser journey: the beoordelaar asks for an aanvulling, the resident answers it in the
portal with a text and an upload, and the consulent sees the answer and the document next
to the question and submits the aanvulling with a note; the new page checked by axe-core."""

import pytest
from django.test import Client
from django.urls import reverse

from cheques import services
from tests.cheques.factories import VOLDAAN, ScholingsplanFactory, maak_periode
from tests.cheques.test_browser_bezwaar import zet_sessie
from tests.conftest import axe_schendingen, log_in_als_medewerker
from tests.tijd import werkdag_na

pytestmark = pytest.mark.browser

VRAAG = "Stuur de getekende werkgeversverklaring."


@pytest.fixture
def verzoek(transactional_db, medewerkers):
    maak_periode()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"],
                                opleiding_naam="Eerste monteur",
                                toets_snapshot={"uitslag": VOLDAAN})  # as submitted
    return services.vraag_aanvulling(plan=plan, door=medewerkers["beoordelaar"],
                                     omschrijving=VRAAG, hersteltermijn_tot=werkdag_na(dagen=14))


def test_inwoner_beantwoordt_met_upload_en_consulent_ziet_het(live_server, page, medewerkers,
                                                              verzoek, tmp_path):
    aanvraag = verzoek.plan.aanvraag
    inwoner = Client()
    inwoner.force_login(aanvraag.aanvrager, backend="aanvragen.auth.InlogLinkBackend")
    zet_sessie(page, live_server, inwoner)
    page.goto(live_server.url + reverse("aanvragen:aanvraag", kwargs={"pk": aanvraag.pk}))
    assert page.get_by_text(VRAAG).first.is_visible()
    page.get_by_role("link", name="Aanvulling sturen").click()
    assert page.get_by_role("heading", name="Aanvulling sturen").is_visible()
    assert axe_schendingen(page) == []

    page.get_by_role("button", name="Aanvulling sturen").click()  # empty: refused
    assert page.get_by_text("Schrijf een antwoord of voeg een document toe").first.is_visible()
    assert axe_schendingen(page) == []

    bestand = tmp_path / "verklaring.pdf"
    bestand.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n")
    page.get_by_label("Uw antwoord").fill("Hierbij de getekende verklaring.")
    document1 = page.get_by_role("group", name="Document 1")
    document1.get_by_label("Wat voor document is het?").select_option("werkgeversverklaring")
    document1.get_by_label("Bestand").set_input_files(str(bestand))
    page.get_by_role("button", name="Aanvulling sturen").click()
    assert page.get_by_text("Wij hebben uw aanvulling ontvangen").is_visible()
    assert page.get_by_text("U heeft een aanvulling gestuurd met 1 document.").is_visible()

    zet_sessie(page, live_server, log_in_als_medewerker(Client(), medewerkers["consulent_lwl"]))
    page.goto(live_server.url + reverse("loopbaangesprekken:scholingsplan",
                                        kwargs={"pk": verzoek.plan_id}))
    assert page.get_by_text("Hierbij de getekende verklaring.").is_visible()
    assert page.get_by_role("link", name="werkgeversverklaring: verklaring.pdf").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_role("button", name="Aanvulling indienen").click()  # no change, no note
    assert page.locator("#id_toelichting.is-invalid").is_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("Wat is er aangevuld?").fill("De inwoner stuurde de verklaring.")
    page.get_by_role("button", name="Aanvulling indienen").click()
    assert page.get_by_text("Het scholingsplan is ingediend bij gemeente Enschede").is_visible()
