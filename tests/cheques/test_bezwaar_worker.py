"""The real Celery worker renders the letter of a beslissing op bezwaar (outbox after
commit) and it reads back with outcome, motivering, new decision and beroep clause."""

import pytest

from cheques import services
from cheques.models import Vervolgbesluit
from cheques.services import bezwaar as bezwaren
from tests.cheques.factories import ScholingsplanFactory, maak_periode, toets_met
from tests.cheques.test_documenten import tekst, wacht_tot


@pytest.mark.celery_worker
def test_worker_maakt_brief_beslissing_op_bezwaar(celery_niet_eager, medewerkers):
    maak_periode()
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"],
                                toets_snapshot=toets_met(R7="niet_voldaan"))
    afwijzing = services.afwijzen(plan=plan, door=medewerkers["beoordelaar"],
                                  motivering="Het niveau past niet.", regels=["R7"])
    bezwaar = bezwaren.dien_bezwaar_in(besluit=afwijzing, door=plan.aanvraag.aanvrager,
                                       gronden="Mijn diploma is mbo-2.")
    besluit = bezwaren.beslis_op_bezwaar(
        bezwaar=bezwaar, door=medewerkers["beoordelaar"], uitkomst="ongegrond",
        motivering="Het diploma is van na de aanvraagdatum.")

    def klaar():
        return Vervolgbesluit.objects.get(pk=besluit.pk).brief

    wacht_tot(klaar, celery_niet_eager["log"])
    besluit.refresh_from_db()
    brief = tekst(besluit.brief.path)
    assert "ongegrond" in brief
    assert "Het diploma is van na de aanvraagdatum." in brief
    assert "rechtbank Overijssel" in brief
    assert "7:11" in brief
    assert plan.aanvraag.referentie in brief
