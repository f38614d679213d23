import datetime

import factory
from django.utils import timezone

from loopbaangesprekken.models import Gesprek
from tests.aanvragen.factories import AanvraagFactory


class GesprekFactory(factory.django.DjangoModelFactory):
    """A planned gesprek (for set-up only: real changes go through the services)."""

    class Meta:
        model = Gesprek

    aanvraag = factory.SubFactory(AanvraagFactory, status="in_behandeling")
    consulent = factory.LazyAttribute(lambda o: o.aanvraag.consulent)
    status = Gesprek.Status.GEPLAND
    gepland_op = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    vorm = Gesprek.Vorm.OP_LOCATIE
    locatie = Gesprek.Locatie.WERKPLEIN_ENSCHEDE
