import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from aanvragen.models import Aanvraag
from loopbaangesprekken.models import Opleider, Scholingsplan, Sector
from tests.aanvragen.factories import AanvraagFactory
from tests.loopbaangesprekken.factories_scholingsplan import geef_akkoord
from tests.tfvv.factories import begroting
from tfvv.models import Begrotingsperiode, Regeling

VOLDAAN = {"regeling": "2023-2026", "uitkomst": "voldaan", "regels": [
    {"id": f"R{i}", "uitkomst": "voldaan", "uitleg": f"Regel {i} is voldaan.",
     "grondslag": "Subsidieverordening Twents Fonds voor Vakmanschap"} for i in range(1, 11)]}


def toets_met(**uitkomsten) -> dict:
    """toets_met(R4="handmatig") -> a snapshot with those rules changed."""
    return {**VOLDAAN, "regels": [
        {**r, "uitkomst": uitkomsten.get(r["id"], r["uitkomst"])} for r in VOLDAAN["regels"]]}


class OpleiderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opleider

    naam = factory.Sequence(lambda n: f"ROC van Twente {n}")
    email = factory.Sequence(lambda n: f"opleider{n}@roc.example")
    iban = "NL91ABNA0417164300"


class ScholingsplanFactory(factory.django.DjangoModelFactory):
    """A submitted plan, approved by the resident (Awb 4:2) as created."""

    class Meta:
        model = Scholingsplan
        skip_postgeneration_save = True

    aanvraag = factory.SubFactory(AanvraagFactory, status=Aanvraag.Status.INGEDIEND)
    consulent = None  # set by the fixture
    status = Scholingsplan.Status.INGEDIEND
    opleiding_naam = "Elektrotechnisch monteur"
    opleiding_niveau = "mbo-3"
    opleider = factory.SubFactory(OpleiderFactory)
    startdatum = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    einddatum = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=300))
    route = "andere_sector"
    doelberoep = "Elektromonteur"
    doelsector = factory.LazyFunction(lambda: Sector.objects.get_or_create(
        naam="Techniek en energietransitie", defaults={"kansrijk": True})[0])
    gevraagd_bedrag = Decimal("1500.00")
    ingediend_op = factory.LazyFunction(timezone.now)
    regeling = factory.LazyFunction(lambda: Regeling.objects.get(geldig_van__year=2023))
    toets_snapshot = factory.LazyFunction(lambda: VOLDAAN)

    @factory.post_generation
    def akkoord(self, create, extracted, **kwargs):
        if create and extracted is not False:
            geef_akkoord(self)


def maak_periode(plafond: Decimal = Decimal("100000.00"), naam="2023–2026") -> Begrotingsperiode:
    return begroting(naam=naam, van=datetime.date(2023, 1, 1), tot=datetime.date(2026, 12, 31),
                     plafond=plafond)
