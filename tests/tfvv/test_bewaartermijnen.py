"""Retention (tfvv.bewaartermijnen + aanvragen/bewaartermijnen.py), with frozen time."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count

from aanvragen.models import Aanvraag
from aanvragen.services import wijzig_status
from tests.aanvragen.factories import AanvraagFactory
from tfvv import bewaartermijnen, tasks
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)
ROUTES = {
    "geen_vervolg": ["geen_vervolg"],
    "afgewezen": ["claimen", "scholingsplan_starten", "plan_indienen", "afwijzen"],
    "afgerond": ["claimen", "scholingsplan_starten", "plan_indienen", "toekennen", "afronden"],
    "toegekend": ["claimen", "scholingsplan_starten", "plan_indienen", "toekennen"],
}


def afgesloten(route, **kwargs):
    aanvraag = AanvraagFactory(**kwargs)
    for transitie in ROUTES[route]:
        aanvraag = wijzig_status(aanvraag=aanvraag, transitie=transitie, actor=None,
                                 reden="Persoonlijke toelichting van Inge Jansen")
    return aanvraag


def dag(n, uur=9):
    return START + datetime.timedelta(days=n, hours=uur - 9)


def anoniem(aanvraag) -> bool:
    aanvraag.refresh_from_db()
    return aanvraag.geanonimiseerd_op is not None


def test_zonder_vervolg_na_een_jaar(time_machine):
    time_machine.move_to(START, tick=False)
    aanvraag = afgesloten("geen_vervolg")
    open_aanvraag = AanvraagFactory()
    time_machine.move_to(dag(365, uur=8), tick=False)
    assert bewaartermijnen.pas_toe()["aanvragen.aanvraag"] == 0
    time_machine.move_to(dag(365, uur=10), tick=False)
    assert bewaartermijnen.pas_toe()["aanvragen.aanvraag"] == 1
    assert anoniem(aanvraag)
    assert not anoniem(open_aanvraag)
    assert (aanvraag.voornaam, aanvraag.achternaam, aanvraag.email, aanvraag.telefoon) == \
        ("", "", "", "")
    assert aanvraag.geboortedatum == datetime.date(1985, 1, 1)
    assert aanvraag.postcode == "7511"
    assert aanvraag.huisnummer == 0 and aanvraag.scholingswens == ""
    # what the statistics use stays
    assert aanvraag.gemeente.naam == "Enschede"
    assert aanvraag.status == "geen_vervolg" and aanvraag.loket == "leerwerkloket"
    assert aanvraag.aanvraagdatum == datetime.date(2024, 3, 1)
    assert aanvraag.opleidingsniveau == "mbo-3"


def test_afgewezen_pas_na_bezwaartermijn_plus_termijn(time_machine, settings):
    time_machine.move_to(START, tick=False)
    aanvraag = afgesloten("afgewezen")
    grens = 365 + settings.TFVV_BEZWAARTERMIJN_DAGEN
    time_machine.move_to(dag(grens - 1), tick=False)
    bewaartermijnen.pas_toe()
    assert not anoniem(aanvraag)
    time_machine.move_to(dag(grens, uur=10), tick=False)
    bewaartermijnen.pas_toe()
    assert anoniem(aanvraag)


def test_toegekend_na_financiele_bewaartermijn(time_machine):
    time_machine.move_to(START, tick=False)
    afgerond = afgesloten("afgerond")
    lopend = afgesloten("toegekend")  # cheque still running: never
    time_machine.move_to(dag(7 * 365), tick=False)
    bewaartermijnen.pas_toe()
    assert not anoniem(afgerond)
    time_machine.move_to(dag(7 * 365 + 3), tick=False)
    bewaartermijnen.pas_toe()
    assert anoniem(afgerond)
    assert not anoniem(lopend)


def test_termijnen_instelbaar(time_machine, settings):
    settings.TFVV_BEWAARTERMIJNEN = {**settings.TFVV_BEWAARTERMIJNEN, "zonder_vervolg": 30}
    time_machine.move_to(START, tick=False)
    aanvraag = afgesloten("geen_vervolg")
    time_machine.move_to(dag(31), tick=False)
    bewaartermijnen.pas_toe()
    assert anoniem(aanvraag)


def test_account_gesloten_tenzij_nog_een_dossier(time_machine):
    time_machine.move_to(START, tick=False)
    enige = afgesloten("geen_vervolg")
    tweede = afgesloten("geen_vervolg")
    AanvraagFactory(aanvrager=tweede.aanvrager)  # an open case of the same resident
    time_machine.move_to(dag(400), tick=False)
    bewaartermijnen.pas_toe()
    enige.aanvrager.refresh_from_db()
    tweede.aanvrager.refresh_from_db()
    assert not enige.aanvrager.is_active
    assert enige.aanvrager.email == "" and not enige.aanvrager.has_usable_password()
    assert enige.aanvrager.username == f"geanonimiseerd-{enige.aanvrager.pk}"
    assert tweede.aanvrager.is_active and tweede.aanvrager.email


def test_vrije_tekst_in_gebeurtenissen_gewist(time_machine):
    time_machine.move_to(START, tick=False)
    aanvraag = afgesloten("afgewezen")
    time_machine.move_to(dag(500), tick=False)
    bewaartermijnen.pas_toe()
    gebeurtenissen = Gebeurtenis.objects.filter(dossier_id=aanvraag.pk)
    assert gebeurtenissen.count() == 4
    assert not gebeurtenissen.exclude(reden="").exists()
    assert list(gebeurtenissen.values_list("naar_status", flat=True))[-1] == "afgewezen"


def test_statistieken_blijven_gelijk(time_machine):
    time_machine.move_to(START, tick=False)
    for route in ("geen_vervolg", "afgewezen", "afgerond", "geen_vervolg"):
        afgesloten(route)
    AanvraagFactory.create_batch(2)

    def telling():
        return list(Aanvraag.objects.values("gemeente__naam", "status", "loket",
                                            "aanvraagdatum", "opleidingsniveau")
                    .annotate(n=Count("id")).order_by("status"))

    voor = telling()
    time_machine.move_to(dag(3000), tick=False)
    assert bewaartermijnen.pas_toe()["aanvragen.aanvraag"] == 4
    assert telling() == voor


def test_droog_verandert_niets_en_commando(time_machine, capsys):
    time_machine.move_to(START, tick=False)
    aanvraag = afgesloten("geen_vervolg")
    time_machine.move_to(dag(400), tick=False)
    call_command("bewaartermijnen", "--droog")
    assert "aanvragen.aanvraag: 1 te anonimiseren" in capsys.readouterr().out
    assert not anoniem(aanvraag)
    call_command("bewaartermijnen")
    assert "aanvragen.aanvraag: 1 geanonimiseerd" in capsys.readouterr().out
    assert anoniem(aanvraag)
    call_command("bewaartermijnen")  # idempotent
    assert "aanvragen.aanvraag: 0 geanonimiseerd" in capsys.readouterr().out


def test_beat_taak(time_machine, settings):
    assert settings.CELERY_BEAT_SCHEDULE["bewaartermijnen"]["task"] == \
        "tfvv.tasks.pas_bewaartermijnen_toe"
    time_machine.move_to(START, tick=False)
    aanvraag = afgesloten("geen_vervolg")
    time_machine.move_to(dag(400), tick=False)
    assert tasks.pas_bewaartermijnen_toe.apply().get() == {"aanvragen.aanvraag": 1,
                                                          "rapportage.verantwoordingsrapport": 0}
    assert anoniem(aanvraag)


def test_helpers():
    assert bewaartermijnen.pc4("7511AB") == "7511"
    assert bewaartermijnen.geboortejaar(datetime.date(1990, 7, 3)) == datetime.date(1990, 1, 1)
    with pytest.raises(KeyError):
        bewaartermijnen.termijn("onbekend")
