"""The real components: Celery worker on Redis, WeasyPrint, Chromium with axe-core."""

import time

import pytest
from pypdf import PdfReader

from tests.conftest import axe_schendingen
from tfvv.models import Volgnummer
from tfvv.pdf import html_naar_pdf


@pytest.mark.celery_worker
def test_echte_worker_schrijft_in_database(celery_niet_eager):
    from tfvv.tasks import werker_hartslag

    werker_hartslag.delay()
    for _ in range(300):
        teller = Volgnummer.objects.filter(sleutel="werker-hartslag").first()
        if teller and teller.laatste >= 1:
            break
        time.sleep(0.1)
    else:
        log = celery_niet_eager["log"].read_text()
        pytest.fail(f"De worker heeft de taak niet uitgevoerd:\n{log}")


def test_weasyprint_pdf_terug_te_lezen(tmp_path):
    pdf = html_naar_pdf(
        '<html lang="nl"><head><title>Proef</title></head><body>'
        "<h1>Scholingscheque TFV-2026-000001</h1><p>Bedrag € 2.500,00</p></body></html>"
    )
    pad = tmp_path / "proef.pdf"
    pad.write_bytes(pdf)
    tekst = PdfReader(pad).pages[0].extract_text()
    assert "TFV-2026-000001" in tekst
    assert "2.500,00" in tekst


@pytest.mark.browser
def test_homepagina_zonder_axe_schendingen(live_server, page):
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", name="Twents Fonds voor Vakmanschap").is_visible()
    assert axe_schendingen(page) == []


@pytest.mark.django_db(transaction=True)
def test_referentiedata_blijft_na_transactionele_test():
    from tfvv.models import Postcodegebied, Regeling

    assert Regeling.objects.count() == 2
    assert Postcodegebied.objects.count() == 144
