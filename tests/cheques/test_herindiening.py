"""The beslistermijn and the beoordelaar's screens after a resubmission: received on the
first submission, suspended while an aanvulling or a changed plan was awaited."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cheques import selectors
from cheques import services as cheques_services
from loopbaangesprekken.services import scholingsplan as plan_services
from tests.loopbaangesprekken.factories_scholingsplan import ScholingsplanFactory, begroting
from tfvv.termijnen import einde_termijn

pytestmark = pytest.mark.django_db
DAG = datetime.timedelta(days=1)
ACHT_WEKEN = datetime.timedelta(weeks=8)


@pytest.fixture
def start():
    """Noon, 20 days ago."""
    return timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0) - 20 * DAG


@pytest.fixture
def plan(medewerkers):
    begroting()
    return ScholingsplanFactory(consulent=medewerkers["consulent_lwl"])


def op(time_machine, moment, stap):
    time_machine.move_to(moment, tick=False)
    return stap()


def termijn(plan):
    return selectors.regels_voor([plan])[0].termijn


def test_aanvulling_opgeschort_en_ontvangen_bij_eerste_indiening(plan, medewerkers, start,
                                                                  time_machine, client_als):
    consulent, beoordelaar = medewerkers["consulent_lwl"], medewerkers["beoordelaar"]
    op(time_machine, start, lambda: plan_services.indienen(plan=plan, actor=consulent))
    op(time_machine, start + 10 * DAG, lambda: cheques_services.vraag_aanvulling(
        plan=plan, door=beoordelaar, omschrijving="Offerte",
        hersteltermijn_tot=timezone.localdate() + 14 * DAG))
    op(time_machine, start + 17 * DAG, lambda: plan_services.indienen(
        plan=plan, actor=consulent, toelichting="De inwoner stuurde de offerte."))
    time_machine.move_to(start + 20 * DAG, tick=True)
    plan.refresh_from_db()
    t = termijn(plan)
    ontvangen = timezone.localdate(start)
    assert t.ontvangen == ontvangen and t.opgeschort_dagen == 7 and not t.opgeschort
    # 8 weeks from the first submission plus the 7 days of the aanvulling (the old code
    # restarted from the resubmission and added the pause again: 24 days too late)
    assert t.einde == einde_termijn(ontvangen + ACHT_WEKEN + 7 * DAG)

    c = client_als("beoordelaar")
    pagina = c.get(reverse("cheques:plan", kwargs={"plan_id": plan.pk})).content.decode()
    eerst = f"{start:%d-%m-%Y %H:%M}"
    laatst = f"{timezone.localtime(start + 17 * DAG):%d-%m-%Y %H:%M}"
    assert ("Ontvangen op (eerste indiening)</dt><dd class=\"col-sm-9\">" + eerst) in pagina
    assert ("Laatst opnieuw ingediend op</dt><dd class=\"col-sm-9\">" + laatst) in pagina
    assert f"{t.einde:%d-%m-%Y}" in pagina and "7 dagen opgeschort" in pagina
    lijst = c.get(reverse("cheques:beoordelen")).content.decode()
    assert f"<td>{start:%d-%m-%Y}<br><small>opnieuw ingediend {start + 17 * DAG:%d-%m-%Y}" \
        in lijst


def test_terugsturen_schort_de_termijn_op(plan, medewerkers, start, time_machine):
    consulent, beoordelaar = medewerkers["consulent_lwl"], medewerkers["beoordelaar"]
    op(time_machine, start, lambda: plan_services.indienen(plan=plan, actor=consulent))
    op(time_machine, start + 5 * DAG, lambda: plan_services.terugsturen(
        plan=plan, actor=beoordelaar, reden="Startdatum klopt niet."))
    time_machine.move_to(start + 8 * DAG, tick=False)
    plan.refresh_from_db()
    t = termijn(plan)
    assert t.opgeschort and t.einde is None and t.opgeschort_dagen == 3  # still with them
    op(time_machine, start + 12 * DAG, lambda: plan_services.indienen(plan=plan,
                                                                      actor=consulent))
    time_machine.move_to(start + 20 * DAG, tick=False)
    plan.refresh_from_db()
    t = termijn(plan)
    assert plan.ingediend_op == start and plan.laatst_ingediend_op == start + 12 * DAG
    assert not t.opgeschort and t.opgeschort_dagen == 7
    assert t.einde == einde_termijn(timezone.localdate(start) + ACHT_WEKEN + 7 * DAG)


def test_volgorde_werkvoorraad_blijft_op_eerste_indiening(medewerkers, start, time_machine):
    begroting()
    consulent, beoordelaar = medewerkers["consulent_lwl"], medewerkers["beoordelaar"]
    oud, nieuw = (ScholingsplanFactory(consulent=consulent) for _ in range(2))
    op(time_machine, start, lambda: plan_services.indienen(plan=oud, actor=consulent))
    op(time_machine, start + DAG, lambda: plan_services.indienen(plan=nieuw, actor=consulent))
    op(time_machine, start + 2 * DAG, lambda: plan_services.terugsturen(
        plan=oud, actor=beoordelaar, reden="x"))
    op(time_machine, start + 3 * DAG, lambda: plan_services.indienen(plan=oud,
                                                                     actor=consulent))
    assert list(selectors.werkvoorraad_plannen()) == [oud, nieuw]  # first come, first served


def test_aanvullen_beantwoordt_het_open_verzoek(plan, medewerkers, start, time_machine):
    """The consulent's `aanvullen` (loopbaangesprekken) reaches the cheques stage through
    the event log: the request is answered then, so the reports' suspension ends there."""
    consulent, beoordelaar = medewerkers["consulent_lwl"], medewerkers["beoordelaar"]
    op(time_machine, start, lambda: plan_services.indienen(plan=plan, actor=consulent))
    verzoek = op(time_machine, start + 10 * DAG, lambda: cheques_services.vraag_aanvulling(
        plan=plan, door=beoordelaar, omschrijving="Offerte",
        hersteltermijn_tot=timezone.localdate() + 14 * DAG))
    verzoek.refresh_from_db()
    assert verzoek.beantwoord_op is None
    op(time_machine, start + 17 * DAG, lambda: plan_services.indienen(
        plan=plan, actor=consulent, toelichting="De inwoner stuurde de offerte."))
    verzoek.refresh_from_db()
    assert verzoek.beantwoord_op == start + 17 * DAG
