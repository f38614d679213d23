import pytest

from aanvragen import demo
from aanvragen.models import Aanvraag, InlogLink, Postcodecontrole

pytestmark = pytest.mark.django_db


def test_demo_idempotent_en_in_fase_aangemeld():
    regels = []
    demo.laad(regels.append)
    demo.laad(regels.append)
    assert Aanvraag.objects.count() == len(demo.AANMELDINGEN)
    assert set(Aanvraag.objects.values_list("status", flat=True)) == {"aangemeld"}
    assert Aanvraag.objects.filter(postcodecontrole=Postcodecontrole.TE_CONTROLEREN).count() == 1
    assert set(Aanvraag.objects.values_list("loket", flat=True)) == {"leerwerkloket",
                                                                    "loopbaanstation"}
    assert InlogLink.objects.count() == 2  # one fresh link printed per run
    assert any("/inloggen/" in r for r in regels)
