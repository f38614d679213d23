"""A large data set for the funder report (rapportage.verantwoording), made with bulk_create:
`aantal` aanvragen, a share of them with a plan, a beschikking and a cheque, every cheque
with a life in the ledger (every kind of Budgetboeking) charged to one or two public bronnen
(or, for some, uncharged: booked before earmarking), co-financing lines with realisations,
completions and answered follow-up questionnaires.

While generating it keeps its own sums, so a test can compare the report with figures that
were not read back from the database: `Verwacht.per_bron[bron_id][soort]`,
`Verwacht.niet_toegerekend[soort]`, `Verwacht.cofinanciering[bron_id]` (promised, realised).
Used by tests/rapportage/test_verantwoording_10000.py and bench/scenario_verantwoording.py.
"""

import copy
import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from aanvragen.models import Aanvraag, Arbeidssituatie, Opleidingsniveau
from cheques.models import Afronding, Beschikking, Cheque, Cofinancieringsrealisatie
from loopbaangesprekken.models import Cofinancieringsregel, Opleider, Scholingsplan, Sector
from loopbaangesprekken.models.scholingsplan import Route
from rapportage.models import Vervolgmeting
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tests.conftest import werk_statistieken_bij
from tests.tfvv.factories import begroting
from tfvv.models import (
    Bronlast,
    Budgetboeking,
    Financieringsbron,
    Gebruiker,
    Gemeente,
    Toezegging,
)

S = Budgetboeking.Soort
CENT = Decimal("0.01")
NUL = Decimal("0.00")
BATCH = 2000
LEVENSLOPEN = ("open", "vervallen", "betaald", "lager", "voorschot", "terug", "vervallen_vordering")
# what a lapsed claim/terugvordering shows as the cheque's state (the report shows the label)
STATUS = {"open": Cheque.Status.UITGEGEVEN, "vervallen": Cheque.Status.VERVALLEN,
          "betaald": Cheque.Status.BETAALD, "lager": Cheque.Status.BETAALD,
          "voorschot": Cheque.Status.VOORSCHOT_BETAALD, "terug": Cheque.Status.INGETROKKEN,
          "vervallen_vordering": Cheque.Status.BETAALD}


@dataclass
class Verwacht:
    periode: object
    bronnen: list
    cheques: int = 0
    per_bron: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(lambda: NUL)))
    niet_toegerekend: dict = field(default_factory=lambda: defaultdict(lambda: NUL))
    cofinanciering: dict = field(default_factory=lambda: defaultdict(lambda: [NUL, NUL]))
    deelnemers: dict = field(default_factory=lambda: defaultdict(int))


def _boekingen(levensloop: str, bedrag: Decimal, rnd) -> list[tuple[str, Decimal]]:
    """The ledger entries of one cheque's life (the same sums the services book)."""
    deel = (bedrag * Decimal(rnd.randrange(30, 95)) / 100).quantize(CENT)
    uit = [(S.RESERVERING, bedrag)]
    if levensloop == "vervallen":
        uit.append((S.VRIJVAL, bedrag))
    elif levensloop == "betaald":
        uit += [(S.REALISATIE, bedrag), (S.VRIJVAL, bedrag)]
    elif levensloop == "lager":
        uit += [(S.VRIJVAL, bedrag - deel), (S.REALISATIE, deel), (S.VRIJVAL, deel)]
    elif levensloop == "voorschot":
        uit += [(S.VOORSCHOT, deel), (S.VRIJVAL, deel)]
    elif levensloop == "terug":
        terug = (deel / 3).quantize(CENT)
        uit += [(S.REALISATIE, bedrag), (S.VRIJVAL, bedrag), (S.TERUGVORDERING, deel),
                (S.AANMANING, deel), (S.BETALINGSREGELING, deel), (S.ONTVANGST, terug),
                (S.ONINBAAR, deel - terug)]
    elif levensloop == "vervallen_vordering":
        uit += [(S.REALISATIE, bedrag), (S.VRIJVAL, bedrag), (S.TERUGVORDERING, deel),
                (S.VORDERING_VERVALLEN, deel)]
    return uit


def _verdeel(bedrag: Decimal, bronnen: list[int], aandeel: Decimal) -> list[tuple[int, Decimal]]:
    """Split over one or two bronnen; the second takes the rest, so the parts add up."""
    if len(bronnen) < 2:
        return [(b, bedrag) for b in bronnen]
    eerste = (bedrag * aandeel).quantize(CENT, rounding=ROUND_HALF_UP)
    return [(b, d) for b, d in ((bronnen[0], eerste), (bronnen[1], bedrag - eerste)) if d > 0]


def _kopie(sjabloon, **velden):
    obj = copy.copy(sjabloon)
    obj._state = copy.copy(sjabloon._state)
    for naam, waarde in velden.items():
        setattr(obj, naam, waarde)
    return obj


def maak_verantwoordingsdata(aantal: int, *, aandeel_cheques: float = 1.0, seed: int = 19,
                             jaar: int = 2023) -> Verwacht:
    """`jaar`: the first year of the four-year period (the bench uses a far-off one)."""
    rnd = random.Random(seed)
    periode = begroting(naam=f"verantwoording {seed}", van=datetime.date(jaar, 1, 1),
                        tot=datetime.date(jaar + 3, 12, 31), plafond="900000000")
    eerste = Toezegging.objects.get(periode=periode).bron
    bronnen = [eerste] + [Financieringsbron.objects.get_or_create(naam=n)[0]
                          for n in ("Provincie Overijssel", "Rijk / Regiodeal",
                                    "EU-programma's")]
    for bron in bronnen[1:]:
        Toezegging.objects.create(bron=bron, periode=periode, bedrag=Decimal("300000000"),
                                  datum=periode.van)
    verwacht = Verwacht(periode=periode, bronnen=bronnen)
    inwoner = InwonerFactory()
    medewerker = Gebruiker.objects.create(username=f"verantwoording-{seed}")
    opleider = Opleider.objects.create(naam=f"Opleider verantwoording {seed}")
    sector, _ = Sector.objects.get_or_create(naam="Techniek en energietransitie")
    gemeente = Gemeente.objects.order_by("naam").first()
    nu = timezone.now()

    sjabloon = AanvraagFactory.build(aanvrager=inwoner, gemeente=gemeente, consulent=medewerker,
                                     status=Aanvraag.Status.TOEGEKEND)
    aanvragen = Aanvraag.objects.bulk_create([_kopie(
        sjabloon, referentie=f"V{seed % 10000}-{i:07d}", email=f"v{seed}-{i}@voorbeeld.nl",
        geboortedatum=datetime.date(rnd.randint(1960, 2004), rnd.randint(1, 12), 15),
        opleidingsniveau=rnd.choice(Opleidingsniveau.values),
        arbeidssituatie=rnd.choice(Arbeidssituatie.values)) for i in range(aantal)],
        batch_size=BATCH)
    met_cheque = [a for a in aanvragen if rnd.random() < aandeel_cheques]
    plannen = Scholingsplan.objects.bulk_create([Scholingsplan(
        aanvraag=a, consulent=medewerker, status=Scholingsplan.Status.BESLOTEN,
        opleiding_naam="Opleiding", opleiding_niveau="mbo-3", opleider=opleider,
        startdatum=datetime.date(2025, 2, 1), einddatum=datetime.date(2025, 12, 1),
        route=rnd.choice(Route.values), doelberoep="Monteur", doelsector=sector,
        gevraagd_bedrag=Decimal(rnd.randrange(500, 2500))) for a in met_cheque],
        batch_size=BATCH)
    beschikkingen = Beschikking.objects.bulk_create([Beschikking(
        plan=p, uitkomst=Beschikking.Uitkomst.TOEKENNING, status=Beschikking.Status.VERZONDEN,
        bedrag=p.gevraagd_bedrag + Decimal(rnd.randrange(0, 100)) / 100, motivering="m",
        grondslag="g", beoordelaar=medewerker) for p in plannen], batch_size=BATCH)

    cheques, boekingen, lasten, levens = [], [], [], []
    for i, b in enumerate(beschikkingen):
        leven = LEVENSLOPEN[i % len(LEVENSLOPEN)]
        nummer = f"TFV-{seed % 100:02d}{i // 1_000_000:02d}-{i % 1_000_000:06d}"  # 16 chars
        cheques.append(Cheque(nummer=nummer, beschikking=b, periode=periode, opleider=opleider,
                              bedrag=b.bedrag, verificatiecode_hash="x", status=STATUS[leven],
                              uitgegeven_op=datetime.date(2025, 1, 15),
                              geldig_tot=datetime.date(2026, 1, 15)))
        r = rnd.random()
        geladen = ([] if r < 0.1 else rnd.sample([x.pk for x in bronnen], 1 if r < 0.6 else 2))
        aandeel = Decimal(rnd.randrange(20, 80)) / 100
        for soort, bedrag in _boekingen(leven, b.bedrag, rnd):
            boeking = Budgetboeking(periode=periode, soort=soort, bedrag=bedrag,
                                    referentie=nummer, tijdstip=nu)
            boekingen.append(boeking)
            if not geladen:
                verwacht.niet_toegerekend[soort] += bedrag
            for bron_id, deel in _verdeel(bedrag, geladen, aandeel):
                lasten.append((boeking, bron_id, deel))
                verwacht.per_bron[bron_id][soort] += deel
        levens.append((b.plan, geladen))
    cheques = Cheque.objects.bulk_create(cheques, batch_size=BATCH)
    Budgetboeking.objects.bulk_create(boekingen, batch_size=BATCH)
    Bronlast.objects.bulk_create([
        Bronlast(boeking=boeking, bron_id=bron_id, bedrag=deel, periode=periode,
                 soort=boeking.soort, referentie=boeking.referentie)
        for boeking, bron_id, deel in lasten], batch_size=BATCH)
    verwacht.cheques = len(cheques)

    regels, realisaties, afrondingen, metingen = [], [], [], []
    for cheque, (plan, geladen) in zip(cheques, levens, strict=True):
        for bron_id in geladen:
            verwacht.deelnemers[bron_id] += 1
        if rnd.random() < 0.5:
            toegezegd = (cheque.bedrag * Decimal("0.5")).quantize(CENT)
            regel = Cofinancieringsregel(plan=plan, bron="werkgever", partij="Werkgever",
                                         bedrag=toegezegd, status="toegezegd")
            regels.append(regel)
            gerealiseerd = None
            if rnd.random() < 0.6:
                gerealiseerd = toegezegd if rnd.random() < 0.7 else (toegezegd / 2).quantize(CENT)
                realisaties.append((regel, cheque, gerealiseerd))
            for bron_id in geladen:
                verwacht.cofinanciering[bron_id][0] += toegezegd
                verwacht.cofinanciering[bron_id][1] += gerealiseerd or NUL
        if cheque.status in (Cheque.Status.BETAALD, Cheque.Status.VOORSCHOT_BETAALD):
            afrondingen.append(Afronding(cheque=cheque, soort=rnd.choice(Afronding.Soort.values),
                                         aanwezigheid_procent=None, bewijs="afrondingen/x.pdf",
                                         geregistreerd_door=medewerker))
            if rnd.random() < 0.4:
                metingen.append(Vervolgmeting(
                    cheque=cheque, moment=Vervolgmeting.Moment.ZES_MAANDEN,
                    gepland_op=datetime.date(2025, 6, 1), ingevuld_op=nu,
                    werksituatie=rnd.choice(Vervolgmeting.Werksituatie.values)))
    Cofinancieringsregel.objects.bulk_create(regels, batch_size=BATCH)
    Cofinancieringsrealisatie.objects.bulk_create([Cofinancieringsrealisatie(
        regel=regel, cheque=cheque, bedrag=bedrag, betaald_aan="opleider",
        datum=datetime.date(2025, 6, 1), bewijs="cofinanciering_realisatie/x.pdf",
        door=medewerker) for regel, cheque, bedrag in realisaties], batch_size=BATCH)
    Afronding.objects.bulk_create(afrondingen, batch_size=BATCH)
    Vervolgmeting.objects.bulk_create(metingen, batch_size=BATCH)
    werk_statistieken_bij()
    return verwacht
