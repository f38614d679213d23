"""Factories of the scholingsplan stage: reference data, budget and plans."""

import datetime
from decimal import Decimal

import factory

from loopbaangesprekken.models import (
    Cofinancieringsregel,
    Erkenning,
    Kansberoep,
    Kansberoepenlijst,
    Kostenregel,
    Opleider,
    Planakkoord,
    Scholingsplan,
    Sector,
    Werkgever,
)
from loopbaangesprekken.selectors.akkoord import planinhoud, versie_van
from loopbaangesprekken.subsidietoets import Casus, Cofinanciering, RegelingParameters
from tests.aanvragen.factories import AanvraagFactory
from tests.tfvv.factories import begroting as budget_fixture
from tfvv.demo import maak_medewerker
from tfvv.models import Begrotingsperiode
from tfvv.roles import Organisatie, Rol

REGELING_2023 = RegelingParameters(
    code="2023-2026", naam="Twents Fonds 2023–2026", geldig_van=datetime.date(2023, 1, 1),
    geldig_tot=datetime.date(2026, 12, 31), minimumleeftijd=18,
    cofinanciering_aandeel=Decimal("0.500"), maximum_per_jaar=Decimal("2500.00"),
    niveauregel="2023",
)
REGELING_PILOT = RegelingParameters(
    code="pilot-2019-2022", naam="Pilot 2019–2022", geldig_van=datetime.date(2019, 1, 1),
    geldig_tot=datetime.date(2022, 12, 31), minimumleeftijd=18,
    cofinanciering_aandeel=Decimal("0"), maximum_per_jaar=Decimal("2500.00"),
    niveauregel="pilot",
)


def casus(**wijzig) -> Casus:
    """A case that passes every rule under the 2023–2026 regeling; override any fact."""
    feiten = dict(  # noqa: C408 - reads like the Casus constructor
        regeling=REGELING_2023, aanvraagdatum=datetime.date(2024, 3, 1),
        geboortedatum=datetime.date(1990, 5, 17), postcode="7511AB", postcodesoort="woon",
        opleidingsniveau="mbo-3", scholingsniveau="mbo-4",
        startdatum=datetime.date(2024, 4, 1), einddatum=datetime.date(2024, 12, 31),
        opleider_erkend=True, totale_kosten=Decimal("4000.00"), op_kansberoepenlijst=True,
        perspectief_onderbouwd=False,
        cofinanciering=(Cofinanciering("werkgever", Decimal("2000.00")),),
        gevraagd_bedrag=Decimal("2000.00"), eerder_toegekend_dit_jaar=Decimal("0.00"),
        beschikbaar_budget=Decimal("100000.00"), open_cheque_zelfde_opleiding=False,
    )
    feiten.update(wijzig)
    return Casus(**feiten)


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Sector {n}")
    kansrijk = True


class OpleiderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opleider
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Opleider {n}")
    kvk_nummer = "41027452"
    iban = "NL91ABNA0417164300"

    erkenning = factory.RelatedFactory(
        "tests.loopbaangesprekken.factories_scholingsplan.ErkenningFactory", "opleider")


class WerkgeverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkgever

    naam = "Werkgever BV"
    kvk_nummer = factory.Sequence(lambda n: f"{60000000 + n:08d}")
    contactpersoon = "Petra Personeelszaken"
    email = factory.Sequence(lambda n: f"hr{n}@werkgever.example")


def bevestiging(bedrag: Decimal) -> dict:
    """The fields of a line its party confirmed through its link (services.toezegging)."""
    return {"toezegging": "bevestigd", "toezegging_bedrag": bedrag,
            "toezegging_naam": "Petra Personeelszaken", "toezegging_functie": "HR-adviseur",
            "toezegging_op": datetime.datetime(2024, 2, 20, 10, tzinfo=datetime.UTC),
            "toezegging_ip": "192.0.2.10"}


class ErkenningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Erkenning

    opleider = factory.SubFactory(OpleiderFactory, erkenning=None)
    soort = Erkenning.Soort.RIO
    geldig_van = datetime.date(2015, 1, 1)
    geldig_tot = None
    gecontroleerd_op = datetime.date(2024, 1, 1)


class KansberoepenlijstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kansberoepenlijst

    naam = factory.Sequence(lambda n: f"Kansberoepen Twente {n}")
    gepubliceerd_op = datetime.date(2023, 1, 1)
    geldig_van = datetime.date(2023, 1, 1)
    geldig_tot = datetime.date(2026, 12, 31)


class KansberoepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kansberoep

    lijst = factory.SubFactory(KansberoepenlijstFactory)
    naam = "Elektromonteur"
    sector = factory.SubFactory(SectorFactory, naam="Techniek en energietransitie")


def begroting(bedrag="100000.00", van=datetime.date(2023, 1, 1),
              tot=datetime.date(2026, 12, 31)) -> Begrotingsperiode:
    return budget_fixture(naam=f"Periode {van}", van=van, tot=tot, plafond=bedrag,
                          bron="Regio Twente")


def geef_akkoord(plan: Scholingsplan) -> Planakkoord:
    """The resident's approval of the plan's current content, as the portal records it
    (loopbaangesprekken.services.akkoord.keur_goed): submitting then needs no reason.
    Reads the plan as stored (a test's instance may be older than the last edit)."""
    plan = Scholingsplan.objects.select_related("opleider", "aanvraag").get(pk=plan.pk)
    inhoud = planinhoud(plan)
    return Planakkoord.objects.create(plan=plan, soort=Planakkoord.Soort.AKKOORD,
                                      versie=versie_van(inhoud), inhoud=inhoud,
                                      door=plan.aanvraag.aanvrager)


class ScholingsplanFactory(factory.django.DjangoModelFactory):
    """A plan that passes the subsidietoets when a kansberoep and a budget exist, approved
    by the resident as created (`akkoord=False`: not yet put up to the resident)."""

    class Meta:
        model = Scholingsplan
        skip_postgeneration_save = True

    aanvraag = factory.SubFactory(AanvraagFactory, status="scholingsplan")
    consulent = factory.Sequence(lambda n: maak_medewerker(
        f"consulent-fabriek-{n}", Rol.CONSULENT, Organisatie.LEERWERKLOKET, "Cas", "Ulent")[0])
    opleiding_naam = "Eerste monteur elektrotechnische installaties"
    opleiding_niveau = "mbo-4"
    opleider = factory.SubFactory(OpleiderFactory)
    startdatum = datetime.date(2024, 4, 1)
    einddatum = datetime.date(2024, 12, 31)
    route = "andere_sector"
    doelberoep = "Elektromonteur"
    doelsector = factory.SubFactory(SectorFactory, naam="Techniek en energietransitie")
    kansberoep = factory.SubFactory(KansberoepFactory)
    gevraagd_bedrag = Decimal("2000.00")

    @factory.post_generation
    def regels(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        Kostenregel.objects.create(plan=self, soort="cursusgeld", bedrag=Decimal("4000.00"))
        werkgever = WerkgeverFactory()
        Cofinancieringsregel.objects.create(
            plan=self, bron="werkgever", werkgever=werkgever, partij=werkgever.naam,
            bedrag=Decimal("2000.00"), status="toegezegd", **bevestiging(Decimal("2000.00")))

    @factory.post_generation
    def akkoord(self, create, extracted, **kwargs):
        if create and extracted is not False:
            geef_akkoord(self)
