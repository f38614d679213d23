import datetime

import pytest
from django.utils import timezone

from cheques import selectors, services
from cheques.models import Aanvulverzoek
from loopbaangesprekken.workflow import plan_statusmachine
from tests.tijd import dagen_geleden
from tfvv.models import Gebeurtenis
from tfvv.termijnen import einde_termijn

pytestmark = pytest.mark.django_db
DAG = datetime.timedelta(days=1)


def regel(plan, **filters):
    return next(r for r in selectors.werkvoorraad(**filters) if r.plan.pk == plan.pk)


def test_termijn_waarschuwing_en_overschrijding(periode, maak_plan):
    vers = maak_plan()
    week6 = maak_plan(ingediend_op=dagen_geleden(43))
    te_laat = maak_plan(ingediend_op=dagen_geleden(57))
    assert [r.plan for r in selectors.werkvoorraad()] == [te_laat, week6, vers]  # oldest first
    assert not regel(vers).termijn.waarschuwing
    assert regel(vers).termijn.einde == einde_termijn(
        timezone.localdate() + datetime.timedelta(weeks=8))
    assert regel(week6).termijn.waarschuwing and not regel(week6).termijn.overschreden
    assert regel(te_laat).termijn.overschreden
    assert [r.plan for r in selectors.werkvoorraad(termijn="overschreden")] == [te_laat]


def test_termijn_opgeschort_tijdens_aanvulling(periode, maak_plan, medewerkers):
    plan = maak_plan(ingediend_op=dagen_geleden(50))
    verzoek = services.vraag_aanvulling(plan=plan, door=medewerkers["beoordelaar"],
                                        omschrijving="Offerte",
                                        hersteltermijn_tot=timezone.localdate() + 14 * DAG)
    Aanvulverzoek.objects.filter(pk=verzoek.pk).update(gevraagd_op=dagen_geleden(10))
    termijn = regel(plan).termijn
    assert termijn.opgeschort and termijn.einde is None and not termijn.waarschuwing
    assert [r.plan for r in selectors.werkvoorraad(termijn="opgeschort")] == [plan]
    # the consulent supplies the aanvulling (scholingsplan machine): the clock runs again,
    # 10 days later than without the suspension
    plan.refresh_from_db()
    plan_statusmachine.voer_uit(plan, "aanvullen", actor=medewerkers["consulent_lwl"],
                                dossier_id=plan.aanvraag_id)
    assert Gebeurtenis.objects.filter(actie="aanvullen").exists()
    termijn = regel(plan).termijn
    assert termijn.opgeschort_dagen == 10 and not termijn.opgeschort
    assert termijn.einde == einde_termijn(timezone.localdate() - 50 * DAG
                                          + datetime.timedelta(weeks=8) + 10 * DAG)
    assert not termijn.waarschuwing  # 50 days minus 10 suspended: still before week 6


def test_filters(periode, maak_plan, medewerkers):
    from tests.cheques.factories import toets_met

    handmatig = maak_plan(toets_snapshot=toets_met(R4="handmatig beoordelen"))
    niet = maak_plan(toets_snapshot=toets_met(R5="niet voldaan"))
    concept = maak_plan(gevraagd_bedrag=2400)
    services.toekennen(plan=concept, door=medewerkers["beoordelaar"], bedrag=2400,
                       motivering="Voldoet")
    assert [r.plan for r in selectors.werkvoorraad(verdict="handmatig")] == [handmatig]
    assert [r.plan for r in selectors.werkvoorraad(verdict="niet_voldaan")] == [niet]
    assert [r.plan for r in selectors.werkvoorraad(status="medeondertekening")] == [concept]
