"""Decisions after the grant: a record, a letter with motivering, grondslag and bezwaar
clause (deadline by the Algemene termijnenwet), an event in the resident's timeline and a
mail, each once."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from pypdf import PdfReader

from cheques import services
from cheques.models import Vervolgbesluit
from cheques.services.vervolgbesluiten import neem_vervolgbesluit
from cheques.vervolgbrieven import maak_brief
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db


def _tekst(bestand) -> str:
    with bestand.open("rb") as f:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(f).pages)


@pytest.fixture
def toegekend(periode, maak_plan, medewerkers):
    with TestCase.captureOnCommitCallbacks(execute=True):
        beschikking = services.toekennen(plan=maak_plan(), door=medewerkers["beoordelaar"],
                                         bedrag=Decimal("1500.00"), motivering="Voldoet.")
    return beschikking


def _besluit(toegekend, medewerkers, **extra):
    velden = {"beschikking": toegekend, "cheque": toegekend.cheque,
              "soort": Vervolgbesluit.Soort.VASTSTELLING, "door": medewerkers["financieel"],
              "motivering": "De opleiding is afgerond met een diploma.",
              "grondslag": "Artikel 4:42 en 4:47 Awb.", "bedrag": Decimal("1250.00"), **extra}
    with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
        besluit = neem_vervolgbesluit(**velden)
    besluit.refresh_from_db()
    return besluit


def test_letter_mail_and_event(toegekend, medewerkers, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 13, 10, 0), tick=False)
    mail.outbox.clear()
    besluit = _besluit(toegekend, medewerkers)
    # sent on Friday 13 November 2026: six weeks end on Christmas Day -> Monday 28 December
    assert besluit.bezwaartermijn_tot == datetime.date(2026, 12, 28)
    tekst = _tekst(besluit.brief)
    for verwacht in ("vaststelling van de subsidie", "€ 1.250,00", "€ 1.500,00",
                     "afgerond met een diploma", "Artikel 4:42", "28 december 2026",
                     "bezwaar", toegekend.cheque.nummer):
        assert verwacht in tekst
    assert len(mail.outbox) == 1 and toegekend.plan.aanvraag.email in mail.outbox[0].to
    acties = set(Gebeurtenis.objects.filter(dossier_id=toegekend.plan.aanvraag_id)
                 .values_list("actie", flat=True))
    assert {"vervolgbesluit", "documenten_verzonden"} <= acties


def test_idempotent(toegekend, medewerkers):
    besluit = _besluit(toegekend, medewerkers)
    mail.outbox.clear()
    naam = besluit.brief.name
    maak_brief(besluit_id=besluit.pk)
    besluit.refresh_from_db()
    assert besluit.brief.name == naam and mail.outbox == []


def test_no_bezwaar_clause_when_not_open_to_bezwaar(toegekend, medewerkers):
    besluit = _besluit(toegekend, medewerkers, bezwaar_mogelijk=False,
                       soort=Vervolgbesluit.Soort.INTREKKING, bedrag=None)
    assert besluit.bezwaartermijn_tot is None
    assert "bezwaar maken" not in _tekst(besluit.brief)


def test_motivering_required(toegekend, medewerkers):
    with pytest.raises(ValidationError) as fout:
        _besluit(toegekend, medewerkers, motivering="  ")
    assert "motivering" in fout.value.error_dict
    assert not Vervolgbesluit.objects.exists()


def test_resident_downloads_own_letter(toegekend, medewerkers, client):
    besluit = _besluit(toegekend, medewerkers)
    client.force_login(toegekend.plan.aanvraag.aanvrager)
    r = client.get(reverse("cheques:besluit-pdf", args=[besluit.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
