"""A real Celery worker on the real Redis renders the beschikking and the cheque."""

import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from cheques import services, verificatie
from cheques.models import Beschikking
from cheques.tasks import maak_documenten
from tests.cheques.factories import ScholingsplanFactory, maak_periode


def wacht_tot(voorwaarde, log: Path, seconden=60):
    for _ in range(seconden * 10):
        if voorwaarde():
            return
        time.sleep(0.1)
    pytest.fail(f"De worker was niet op tijd klaar:\n{log.read_text()[-4000:]}")


def tekst(pad) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pad).pages))


@pytest.mark.celery_worker
def test_worker_maakt_pdfs_en_mailt_precies_een_keer(celery_niet_eager,
                                                   medewerkers):
    maak_periode()
    opslag = Path(settings.STORAGES["default"]["OPTIONS"]["location"])
    voor = set(opslag.rglob("*.pdf"))
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"],
                                gevraagd_bedrag=Decimal("1750.00"))
    beschikking = services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                                     bedrag=Decimal("1750.00"),
                                     motivering="Het plan voldoet aan alle regels.")
    cheque = beschikking.cheque
    log, mailmap = celery_niet_eager["log"], celery_niet_eager["mailmap"]

    def klaar():
        b = Beschikking.objects.select_related("cheque").get(pk=beschikking.pk)
        return b.mail_verzonden_op and b.cheque.mail_verzonden_op

    wacht_tot(klaar, log)
    # run it twice more: a retry and a duplicate change nothing
    ids = [maak_documenten.delay(beschikking_id=beschikking.pk).id for _ in range(2)]
    wacht_tot(lambda: all(f"[{i}] succeeded" in log.read_text() for i in ids), log)

    beschikking.refresh_from_db()
    cheque.refresh_from_db()
    nieuw = set(opslag.rglob("*.pdf")) - voor
    assert {p.name for p in nieuw} == {Path(cheque.pdf.name).name,
                                       Path(beschikking.brief.name).name}
    assert len(nieuw) == 2  # one beschikking, one cheque, despite three task runs

    chequetekst = tekst(cheque.pdf.path)
    assert cheque.nummer in chequetekst
    assert "1.750,00" in chequetekst
    code = verificatie.opgemaakt(verificatie.code(nummer=cheque.nummer,
                                                  zout=cheque.verificatiezout))
    assert code in chequetekst

    brief = tekst(beschikking.brief.path)
    assert cheque.nummer in brief and "1.750,00" in brief
    assert "bezwaar" in brief and "zes weken" in brief
    assert "college van burgemeester en wethouders van de gemeente Enschede" in brief
    assert "80 %" in brief

    mails = [p.read_text() for p in mailmap.iterdir()]
    naar_inwoner = [m for m in mails if f"To: {plan.aanvraag.email}" in m]
    naar_opleider = [m for m in mails if f"To: {plan.opleider.email}" in m]
    assert len(naar_inwoner) == 1 and len(naar_opleider) == 1
    assert code in naar_opleider[0] and cheque.nummer in naar_opleider[0]
    assert "/mijn-aanvraag/" in naar_inwoner[0]
