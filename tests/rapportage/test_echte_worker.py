"""On-demand voortgangsrapportage through the real broker and Celery worker."""

import time

import pytest
from django.urls import reverse

from rapportage.models import Voortgangsrapportage


@pytest.mark.django_db(transaction=True)
def test_rapportage_via_worker_met_voortgang(celery_niet_eager, client_als):
    c = client_als("beheerder")
    antwoord = c.post(reverse("rapportage:rapportages"), {"van": "2025-01-01",
                                                          "tot": "2025-06-30"})
    status_url = antwoord["Location"]
    rapport = Voortgangsrapportage.objects.get()
    eerst = c.get(status_url).content.decode()
    if rapport.status != "klaar":  # the worker may already be done
        assert '<meta http-equiv="refresh" content="2">' in eerst
    for _ in range(600):
        rapport.refresh_from_db()
        if rapport.status in ("klaar", "mislukt"):
            break
        time.sleep(0.1)
    assert rapport.status == "klaar", celery_niet_eager["log"].read_text()[-2000:]
    pagina = c.get(status_url).content.decode()
    assert "http-equiv" not in pagina and "Download de PDF" in pagina
    pdf = c.get(reverse("rapportage:rapportage-pdf", kwargs={"pk": rapport.pk}))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
