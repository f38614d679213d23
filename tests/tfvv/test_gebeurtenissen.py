import pytest
from django.db import transaction

from tfvv.events import registreer_gebeurtenis
from tfvv.models import Gebeurtenis, Gemeente
from tfvv.volgnummers import volgende

pytestmark = pytest.mark.django_db


def test_gebeurtenis_is_alleen_toevoegen(medewerkers):
    gemeente = Gemeente.objects.first()
    g = registreer_gebeurtenis(actor=medewerkers["beheerder"], obj=gemeente, actie="gewijzigd",
                               dossier_id=None, van_status="a", naar_status="b", reden="test")
    assert g.actor_rol == "beheerder"
    assert g.objecttype == "tfvv.gemeente"
    g.reden = "anders"
    with pytest.raises(PermissionError):
        g.save()
    with pytest.raises(PermissionError):
        g.delete()
    assert Gebeurtenis.objects.get(pk=g.pk).reden == "test"


def test_volgnummer_zonder_gaten_bij_rollback():
    with transaction.atomic():
        assert volgende("test") == 1
    with pytest.raises(RuntimeError), transaction.atomic():
        volgende("test")
        raise RuntimeError("afgebroken")
    with transaction.atomic():
        assert volgende("test") == 2
