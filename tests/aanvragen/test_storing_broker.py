"""Issue 8: the broker is down while a resident submits — the aanvraag is saved and its
confirmation e-mail is sent later, by the real worker, once the broker is back."""

import time

import pytest
from django.test import Client

from aanvragen.models import Aanvraag
from tests.aanvragen.conftest import geldige_invoer
from tests.tfvv.test_outbox import broker, vrije_poort
from tfvv.models import Outboxtaak
from tfvv.outbox import verwerk_outbox

TAAK = "aanvragen.tasks.mail_ontvangstbevestiging"


@pytest.mark.celery_worker
def test_aanmelding_bij_brokerstoring_bewaard_en_later_bevestigd(celery_niet_eager, settings):
    settings.TFVV_OUTBOX_OPNIEUW_NA_SECONDEN = 0
    with broker(f"redis://127.0.0.1:{vrije_poort()}/0"):
        response = Client().post("/aanmelden/", geldige_invoer(email="storing@voorbeeld.nl"))
    assert response.status_code == 302  # the resident gets the confirmation page
    aanvraag = Aanvraag.objects.get(email="storing@voorbeeld.nl")
    rij = Outboxtaak.objects.get(taak=TAAK, argumenten={"aanvraag_id": aanvraag.pk})
    assert rij.gedaan_op is None and rij.laatste_fout

    assert verwerk_outbox() == 1  # Celery beat, once the broker is back
    for _ in range(150):
        rij.refresh_from_db()
        if rij.gedaan_op:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"Niet uitgevoerd:\n{celery_niet_eager['log'].read_text()[-3000:]}")
    berichten = [p.read_text() for p in celery_niet_eager["mailmap"].iterdir()]
    assert sum(aanvraag.referentie in b and "storing@voorbeeld.nl" in b for b in berichten) == 1
