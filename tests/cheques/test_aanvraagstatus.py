"""A cheque that lapses or is withdrawn closes the aanvraag: the resident sees it in the
portal and retention covers the end state."""

import datetime
from decimal import Decimal

import pytest

from aanvragen.models import Aanvraag
from cheques import services
from tfvv import bewaartermijnen
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db


def ken_toe(plan, door):
    return services.toekennen(plan=plan, door=door, bedrag=Decimal("1500.00"),
                              motivering="Voldoet.").cheque


def test_vervallen_cheque_sluit_aanvraag_en_valt_onder_bewaartermijn(
        maak_plan, periode, medewerkers, time_machine):
    time_machine.move_to(datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC), tick=False)
    plan = maak_plan()
    cheque = ken_toe(plan, medewerkers["beoordelaar"])
    services.laat_vervallen(cheque=cheque, vandaag=cheque.geldig_tot + datetime.timedelta(1))
    aanvraag = Aanvraag.objects.get(pk=plan.aanvraag_id)
    assert aanvraag.status == Aanvraag.Status.VERVALLEN
    assert aanvraag.get_status_display() == "cheque vervallen"
    teksten = list(Gebeurtenis.objects.filter(dossier_id=aanvraag.pk)
                   .exclude(tekst_inwoner="").values_list("tekst_inwoner", flat=True))
    assert any("scholingscheque is vervallen" in t for t in teksten)

    time_machine.move_to(datetime.datetime(2034, 1, 10, 9, tzinfo=datetime.UTC), tick=False)
    assert bewaartermijnen.pas_toe()["aanvragen.aanvraag"] == 1


def test_ingetrokken_subsidie_sluit_aanvraag(maak_plan, periode, medewerkers):
    plan = maak_plan()
    cheque = ken_toe(plan, medewerkers["beoordelaar"])
    services.intrekken(cheque=cheque, door=medewerkers["beoordelaar"], grond="niet_verricht",
                       motivering="De opleiding is niet gestart.")
    aanvraag = Aanvraag.objects.get(pk=plan.aanvraag_id)
    assert aanvraag.status == Aanvraag.Status.SUBSIDIE_INGETROKKEN
    assert aanvraag.afgesloten_op is not None
