"""Resubmitting a plan (after a return for changes or an aanvulling) keeps the first
submission as the received date; the latest submission has a field of its own."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from loopbaangesprekken.models import Scholingsplan
from loopbaangesprekken.services import scholingsplan as services
from tests.loopbaangesprekken.factories_scholingsplan import ScholingsplanFactory, begroting

pytestmark = pytest.mark.django_db
DAG = datetime.timedelta(days=1)
MIGRATIE = importlib.import_module(
    "loopbaangesprekken.migrations.0004_scholingsplan_laatst_ingediend_op")


@pytest.fixture
def plan():
    begroting()
    return ScholingsplanFactory()


@pytest.fixture
def start():
    """Noon, 30 days ago: whole days later are the same wall-clock day count."""
    return timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0) - 30 * DAG


def herindienen(plan, medewerkers, time_machine, start) -> Scholingsplan:
    """Submitted on day 0, returned on day 3, submitted again on day 10, aanvulling asked on
    day 12 and supplied on day 20."""
    consulent, beoordelaar = medewerkers["consulent_lwl"], medewerkers["beoordelaar"]
    stappen = [
        (0, lambda: services.indienen(plan=plan, actor=consulent)),
        (3, lambda: services.terugsturen(plan=plan, actor=beoordelaar, reden="Offerte?")),
        (10, lambda: services.indienen(plan=plan, actor=consulent)),
        (12, lambda: services.vraag_aanvulling(plan=plan, actor=beoordelaar, reden="Bewijs")),
        (20, lambda: services.indienen(plan=plan, actor=consulent,
                                       toelichting="Bewijs van de werkgever ontvangen.")),
    ]
    for dag, stap in stappen:
        time_machine.move_to(start + dag * DAG, tick=False)
        stap()
    plan.refresh_from_db()
    return plan


def test_eerste_indiening(plan, medewerkers, time_machine, start):
    time_machine.move_to(start, tick=False)
    services.indienen(plan=plan, actor=medewerkers["consulent_lwl"])
    plan.refresh_from_db()
    assert plan.ingediend_op == plan.laatst_ingediend_op == start
    assert plan.opnieuw_ingediend_op is None


def test_herindiening_houdt_de_ontvangstdatum(plan, medewerkers, time_machine, start):
    plan = herindienen(plan, medewerkers, time_machine, start)
    assert plan.status == Scholingsplan.Status.INGEDIEND
    assert plan.ingediend_op == start  # received: the first submission
    assert plan.laatst_ingediend_op == plan.opnieuw_ingediend_op == start + 20 * DAG


def test_consulent_ziet_beide_datums(plan, medewerkers, time_machine, start, client_als):
    plan = herindienen(plan, medewerkers, time_machine, start)
    time_machine.move_to(start + 30 * DAG, tick=True)  # back to about the present
    c = client_als("consulent_lwl")
    pagina = c.get(reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk}))
    tekst = pagina.content.decode()
    eerst = date_format(timezone.localtime(plan.ingediend_op), "j F Y H:i")
    laatst = date_format(timezone.localtime(plan.laatst_ingediend_op), "j F Y H:i")
    assert f"ontvangen op (eerste indiening) {eerst}, opnieuw ingediend op {laatst}" in tekst
    dossier = c.get(reverse("loopbaangesprekken:aanvraag", kwargs={"pk": plan.aanvraag_id}))
    assert (f"ontvangen op {date_format(timezone.localtime(plan.ingediend_op), 'j F Y')}, "
            f"opnieuw ingediend op "
            f"{date_format(timezone.localtime(plan.laatst_ingediend_op), 'j F Y')}"
            in dossier.content.decode())


def test_migratie_zet_de_eerste_indiening_terug(plan, medewerkers, time_machine, start):
    plan = herindienen(plan, medewerkers, time_machine, start)
    # the data as the old code left it: the latest submission in ingediend_op
    Scholingsplan.objects.filter(pk=plan.pk).update(ingediend_op=start + 20 * DAG,
                                                    laatst_ingediend_op=None)
    zonder_gebeurtenis = ScholingsplanFactory(status=Scholingsplan.Status.INGEDIEND,
                                              ingediend_op=start + 5 * DAG)
    concept = ScholingsplanFactory()
    MIGRATIE.eerste_indiening_terug(apps, None)
    plan.refresh_from_db()
    zonder_gebeurtenis.refresh_from_db()
    concept.refresh_from_db()
    assert (plan.ingediend_op, plan.laatst_ingediend_op) == (start, start + 20 * DAG)
    assert zonder_gebeurtenis.ingediend_op == zonder_gebeurtenis.laatst_ingediend_op \
        == start + 5 * DAG
    assert concept.ingediend_op is None and concept.laatst_ingediend_op is None
    MIGRATIE.laatste_indiening_terug(apps, None)
    plan.refresh_from_db()
    assert plan.ingediend_op == start + 20 * DAG
