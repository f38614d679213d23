"""Retention reaches every later stage of an anonymised aanvraag: the beschikking and cheque
PDFs, the gesprek verslag and the personal facts in the stored subsidietoets."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from aanvragen.services import wijzig_status
from cheques import services
from loopbaangesprekken.models import Gesprek
from tfvv import bewaartermijnen

pytestmark = pytest.mark.django_db


def test_pdfs_verslag_en_toetsfeiten_weg_na_bewaartermijn(
        maak_plan, periode, medewerkers, time_machine, django_capture_on_commit_callbacks):
    time_machine.move_to(datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC), tick=False)
    plan = maak_plan(gevraagd_bedrag=Decimal("1500.00"))
    plan.toets_snapshot = {**plan.toets_snapshot, "feiten": {"geboortedatum": "1985-06-01"}}
    plan.save()
    gesprek = Gesprek.objects.create(
        aanvraag=plan.aanvraag, consulent=medewerkers["consulent_lwl"], status="gevoerd",
        gepland_op=timezone.now(), vorm="video", verslag="Inge vertelde over haar rugklachten.")
    with django_capture_on_commit_callbacks(execute=True):
        beschikking = services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                                         bedrag=Decimal("1500.00"), motivering="Voldoet.")
    beschikking.refresh_from_db()
    cheque = beschikking.cheque
    cheque.refresh_from_db()
    bestanden = [beschikking.brief.name, cheque.pdf.name]
    assert all(bestanden) and all(default_storage.exists(b) for b in bestanden)
    wijzig_status(aanvraag=plan.aanvraag, transitie="afronden", actor=None)

    time_machine.move_to(datetime.datetime(2033, 1, 10, 9, tzinfo=datetime.UTC), tick=False)
    assert bewaartermijnen.pas_toe()["aanvragen.aanvraag"] == 1

    assert not any(default_storage.exists(b) for b in bestanden)
    beschikking.refresh_from_db()
    cheque.refresh_from_db()
    assert (beschikking.brief.name, cheque.pdf.name) == ("", "")
    assert cheque.bedrag == Decimal("1500.00")  # the statistics keep the amount
    gesprek.refresh_from_db()
    assert gesprek.verslag == "" and gesprek.status == "gevoerd"
    plan.refresh_from_db()
    assert "feiten" not in plan.toets_snapshot and plan.toets_snapshot["uitkomst"]
