"""The controleur's audit in Chromium: a bad sample form is refused at its fields, a dossier
is found by its kenmerk and downloaded as a zip; axe-core on the Controle page and on the
dossier as the controleur sees it."""

import datetime
import zipfile

import pytest

from tests.aanvragen.factories import AanvraagFactory
from tests.cheques.test_browser import inloggen
from tests.conftest import axe_schendingen

pytestmark = pytest.mark.browser


def test_controleur_exporteert_een_dossier(live_server, page, transactional_db, medewerkers,
                                           tmp_path):
    aanvraag = AanvraagFactory(aanvraagdatum=datetime.date(2025, 3, 3))
    page.set_viewport_size({"width": 1280, "height": 900})
    inloggen(page, live_server, medewerkers["controleur"])
    page.goto(live_server.url + "/start/")
    assert page.get_by_role("heading", name="Controle: dossiers exporteren").is_visible()
    assert axe_schendingen(page) == []

    # bad input: the message at the field, the input kept
    page.get_by_label("Aanvraagdatum vanaf").fill("2025-03-31")
    page.get_by_label("Aanvraagdatum tot en met").fill("2025-03-01")
    page.get_by_label("Aantal dossiers").fill("0")
    page.get_by_role("button", name="Steekproef exporteren").click()
    assert page.get_by_text("Er ging iets mis").is_visible()
    assert page.get_by_text("De einddatum ligt voor de begindatum.").first.is_visible()
    assert page.get_by_label("Aantal dossiers").input_value() == "0"
    assert axe_schendingen(page) == []

    page.get_by_label("Kenmerk van de aanvraag").fill(aanvraag.referentie)
    page.get_by_role("button", name="Dossier openen").click()
    assert page.get_by_role("heading", name=f"Dossier {aanvraag.referentie}").is_visible()
    assert axe_schendingen(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteren voor controle (zip)").click()
    pad = tmp_path / "dossier.zip"
    download.value.save_as(pad)
    with zipfile.ZipFile(pad) as zf:
        assert {"dossier.pdf", "inhoud.csv"} <= set(zf.namelist())

    page.goto(live_server.url + "/controle/")
    assert page.get_by_role("table", name="De laatste 50 exports, nieuwste eerst").get_by_text(
        "Eén dossier").is_visible()
    assert axe_schendingen(page) == []
