"""The verleningsbeschikking states voorschot and ambtshalve vaststelling and has a full
address block; the opleider's mail names the holder, the training and how to invoice."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail

from cheques import services
from cheques.documenten import voorletters
from tests.cheques.test_documenten import tekst

pytestmark = pytest.mark.django_db


def test_brief_en_opleidermail(maak_plan, periode, medewerkers, time_machine,
                               django_capture_on_commit_callbacks):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False)
    plan = maak_plan(einddatum=datetime.date(2026, 6, 5))
    aanvraag = plan.aanvraag
    aanvraag.voornaam, aanvraag.achternaam = "Inge Maria", "de Vries"
    aanvraag.save()
    with django_capture_on_commit_callbacks(execute=True):
        b = services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                               bedrag=Decimal("1500.00"), motivering="Voldoet.")
    b.refresh_from_db()
    # 5 June + 22 weeks = Friday 6 November 2026
    assert "uiterlijk op 06-11-2026" in b.verplichtingen
    brief = tekst(b.brief.path)
    assert "ambtshalve" in brief and "4:47" in brief
    assert "voorschot" in brief and "4:95" in brief
    assert "Oude Markt 1" in brief and "7511 AB ENSCHEDE" in brief
    assert "Mijn aanvraag" in brief and "Postbus 20" in brief  # both bezwaar routes
    opleidermail = next(m for m in mail.outbox if m.to == [plan.opleider.email])
    assert "Chequehouder: I.M. de Vries" in opleidermail.body
    assert plan.opleiding_naam in opleidermail.body
    assert "Postbus 20" in opleidermail.body and "factuur" in opleidermail.body
    assert "/opleider/cheques/" in opleidermail.body  # the pointer to the opleider portal


def test_voorletters():
    assert voorletters("inge  maria") == "I.M."
    assert voorletters("") == ""
