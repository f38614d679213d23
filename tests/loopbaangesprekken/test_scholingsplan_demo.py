"""`manage.py demo` (this stage's part): plans in every state, passing and failing,
loaded twice without duplicates."""

import pytest

from loopbaangesprekken import demo_scholingsplannen
from loopbaangesprekken.models import Cofinancieringsregel, Opleider, Scholingsplan
from loopbaangesprekken.selectors.scholingsplan import toets_voor_plan
from tfvv import demo as tfvv_demo

pytestmark = pytest.mark.django_db


def test_demo_plannen_in_elke_status_en_uitkomst():
    regels = []
    for _ in range(2):
        tfvv_demo.laad(regels.append)
        demo_scholingsplannen.laad(regels.append)
    # nine in every state, seven more below the co-sign threshold for the cheques demo, two
    # with an own contribution (one declared by the resident)
    assert Scholingsplan.objects.count() == 18
    assert Scholingsplan.objects.filter(gevraagd_bedrag=1500,
                                        status=Scholingsplan.Status.INGEDIEND).count() == 7
    assert Opleider.objects.count() == 4
    # a withdrawn plan only follows the resident's withdrawal (tests/test_intrekking.py)
    assert set(Scholingsplan.objects.values_list("status", flat=True)) == set(
        Scholingsplan.Status.values) - {Scholingsplan.Status.INGETROKKEN}
    uitkomsten = {toets_voor_plan(p).uitkomst for p in Scholingsplan.objects.all()}
    assert uitkomsten == {"voldaan", "niet voldaan", "handmatig beoordelen"}
    assert any("Scholingsplannen: 0 nieuw" in r for r in regels)
    eigen = {r.plan.aanvraag.referentie: r for r in Cofinancieringsregel.objects.filter(
        bron="eigen_bijdrage").select_related("plan__aanvraag")}
    assert not eigen["TF-DEMO-SP17"].telt_mee
    assert eigen["TF-DEMO-SP18"].telt_mee and eigen["TF-DEMO-SP18"].verklaard_door == (
        eigen["TF-DEMO-SP18"].plan.aanvraag.aanvrager)
