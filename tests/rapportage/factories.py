"""A generated data set for the reporting tests: every pipeline stage, with known values.

Rows are created directly (bulk_create) from seeded random choices; aanvragen are built
with `AanvraagFactory`. Timestamps that the app sets itself (auto_now_add) are set here
explicitly through `eigen_tijdstippen`.
"""

import datetime
import random
from contextlib import contextmanager
from decimal import Decimal

from aanvragen.models import Aanvraag, Arbeidssituatie, Bron, Opleidingsniveau
from cheques.models import Aanvulverzoek, Beschikking, Cheque
from loopbaangesprekken.models import (
    Cofinancieringsregel,
    Gesprek,
    Opleider,
    Scholingsplan,
    Sector,
    Werkgever,
)
from loopbaangesprekken.models.scholingsplan import Opleidingsniveau as NiveauOpleiding
from loopbaangesprekken.models.scholingsplan import Route
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tests.conftest import werk_statistieken_bij
from tests.tfvv.factories import plafond_in_werking
from tests.tijd import middag
from tfvv.models import (
    Begrotingsperiode,
    Budgetboeking,
    Financieringsbron,
    Gebeurtenis,
    Gebruiker,
    Gemeente,
    Toezegging,
)
from tfvv.referentiedata import laad_gemeenten
from tfvv.roles import Organisatie

# Markers that must never appear in an adviesgroep response.
PERSOONLIJK = ("Geheimvoornaam", "Priveachternaam", "geheim-adres", "Consulentnaam",
               "TF-2024-", "7511ZZ", "0699999999")
SECTOREN = (("Techniek", True), ("ICT", True), ("Zorg", True), ("Industrie", False),
            ("Retail", False), ("Horeca", False))
S = Budgetboeking.Soort


@contextmanager
def eigen_tijdstippen(*modellen):
    modellen = modellen or (Aanvraag, Beschikking, Aanvulverzoek, Budgetboeking)
    velden = [f for m in modellen
              for f in m._meta.concrete_fields if getattr(f, "auto_now_add", False)]
    for veld in velden:
        veld.auto_now_add = False
    try:
        yield
    finally:
        for veld in velden:
            veld.auto_now_add = True


def _terugsturingen(plannen, rnd) -> list[Gebeurtenis]:
    """Some submitted plans were returned for changes on day 2 and resubmitted 1-3 days
    later (before any aanvulling of the data set, which is asked on day 5)."""
    gebeurtenissen = []
    for p in plannen:
        if p.ingediend_op is None or rnd.random() >= 0.15:
            continue
        terug = p.ingediend_op + datetime.timedelta(days=2)
        for actie, moment in (("terugsturen", terug),
                              ("indienen", terug + datetime.timedelta(days=rnd.randrange(1, 4)))):
            gebeurtenissen.append(Gebeurtenis(
                objecttype="loopbaangesprekken.scholingsplan", object_id=str(p.pk),
                dossier_id=p.aanvraag_id, actie=actie, tijdstip=moment))
    return gebeurtenissen


def maak_dataset(aantal: int = 300, seed: int = 7) -> dict:
    """`aantal` aanvragen in 2024 (plus a tenth in 2023) with everything downstream."""
    rnd = random.Random(seed)
    if not Gemeente.objects.exists():  # flushed by an earlier transactional test
        laad_gemeenten(Gemeente)
    gemeenten = list(Gemeente.objects.order_by("naam"))
    inwoner = InwonerFactory(first_name="Geheimvoornaam", last_name="Priveachternaam")
    consulenten = [Gebruiker.objects.create(username=f"cons-{seed}-{i}",
                                            first_name="Consulentnaam", last_name=str(i),
                                            organisatie=org)
                   for i, org in enumerate((Organisatie.LEERWERKLOKET,
                                            Organisatie.LOOPBAANSTATION))]
    beoordelaar = Gebruiker.objects.create(username=f"beoord-{seed}", first_name="Consulentnaam")
    sectoren = [Sector.objects.get_or_create(naam=n, defaults={"kansrijk": k})[0]
                for n, k in SECTOREN]
    opleiders = [Opleider.objects.get_or_create(naam=f"Opleider {c}")[0] for c in "ABCDEFG"]
    bronnen = [Financieringsbron.objects.get_or_create(naam=n)[0]
               for n in ("Regio Twente", "Provincie Overijssel", "EU/ESF")]
    # tijdvakken never overlap: a second data set books in the same period
    periode = Begrotingsperiode.objects.filter(van=datetime.date(2023, 1, 1),
                                               tot=datetime.date(2026, 12, 31)).first()
    if periode is None:
        periode = Begrotingsperiode.objects.create(naam=f"2023-2026 ({seed})",
                                                   van=datetime.date(2023, 1, 1),
                                                   tot=datetime.date(2026, 12, 31))
        for bron, bedrag in zip(bronnen, ("4000000.00", "2000000.00", "1250000.00"),
                                strict=True):
            Toezegging.objects.create(bron=bron, periode=periode, bedrag=Decimal(bedrag),
                                      datum=datetime.date(2023, 1, 1))
        plafond_in_werking(periode, "7250000.00")

    aanvragen = []
    for i in range(aantal + aantal // 10):
        jaar = 2024 if i < aantal else 2023
        datum = datetime.date(jaar, 1, 1) + datetime.timedelta(days=rnd.randrange(366 - 1))
        aanvragen.append(AanvraagFactory.build(
            referentie=f"TF-{jaar}-{seed:02d}{i:05d}", aanvrager=inwoner, aanvraagdatum=datum,
            ontvangen_op=middag(datum), voornaam="Geheimvoornaam",
            achternaam=f"Priveachternaam{i}", email=f"geheim-adres{i}@voorbeeld.nl",
            postcode="7511ZZ", telefoon="0699999999",
            geboortedatum=datetime.date(rnd.randint(1955, 2006), rnd.randint(1, 12),
                                        rnd.randint(1, 28)),
            gemeente=rnd.choice(gemeenten) if rnd.random() > 0.03 else None,
            loket=rnd.choice([Organisatie.LEERWERKLOKET, Organisatie.LOOPBAANSTATION]),
            opleidingsniveau=rnd.choice(Opleidingsniveau.values),
            arbeidssituatie=rnd.choice(Arbeidssituatie.values), bron=rnd.choice(Bron.values),
            status=rnd.choice([Aanvraag.Status.AANGEMELD, Aanvraag.Status.IN_BEHANDELING,
                               Aanvraag.Status.AFGEROND, Aanvraag.Status.DOORVERWEZEN]),
            consulent=rnd.choice(consulenten),
        ))
    with eigen_tijdstippen():
        aanvragen = Aanvraag.objects.bulk_create(aanvragen)

        gesprekken, plannen = [], []
        for a in aanvragen:
            if rnd.random() < 0.3:
                continue
            for _ in range(rnd.choice((1, 1, 2))):
                status = rnd.choice([Gesprek.Status.GEVOERD] * 5 + [Gesprek.Status.GEPLAND,
                                                                  Gesprek.Status.GEANNULEERD])
                dag = a.aanvraagdatum + datetime.timedelta(days=rnd.randrange(0, 60))
                doorverwezen = status == Gesprek.Status.GEVOERD and rnd.random() < 0.15
                gesprekken.append(Gesprek(
                    aanvraag=a, consulent=a.consulent, status=status, gepland_op=middag(dag),
                    vorm=Gesprek.Vorm.OP_LOCATIE,
                    gevoerd_op=middag(dag) if status == Gesprek.Status.GEVOERD else None,
                    uitkomst=Gesprek.Uitkomst.DOORVERWIJZING if doorverwezen else "",
                    doorverwezen_naar=rnd.choice(Gesprek.Doorverwijzing.values)
                    if doorverwezen else "",
                ))
            if rnd.random() < 0.6:
                ingediend = rnd.random() < 0.85
                dag = a.aanvraagdatum + datetime.timedelta(days=rnd.randrange(20, 90))
                plannen.append(Scholingsplan(
                    aanvraag=a, consulent=a.consulent, opleiding_naam="Opleiding",
                    opleiding_niveau=rnd.choice(NiveauOpleiding.values),
                    opleider=rnd.choice(opleiders), startdatum=dag, einddatum=dag,
                    route=rnd.choice(Route.values), huidige_sector=rnd.choice(sectoren + [None]),
                    doelberoep="beroep", doelsector=rnd.choice(sectoren),
                    gevraagd_bedrag=Decimal(rnd.randrange(500, 2500)),
                    ingediend_op=middag(dag) if ingediend else None,
                    status=Scholingsplan.Status.INGEDIEND if ingediend
                    else Scholingsplan.Status.CONCEPT,
                ))
        Gesprek.objects.bulk_create(gesprekken)
        plannen = Scholingsplan.objects.bulk_create(plannen)
        # a random stream of its own: the other figures stay what they were
        Cofinancieringsregel.objects.bulk_create(
            _cofinanciering(plannen, _werkgevers(), random.Random(seed + 2)))

        verzoeken, beschikkingen = [], []
        for p in plannen:
            if p.ingediend_op is None:
                continue
            if rnd.random() < 0.25:
                beantwoord = rnd.random() < 0.8
                verzoeken.append(Aanvulverzoek(
                    plan=p, gevraagd_door=beoordelaar,
                    gevraagd_op=p.ingediend_op + datetime.timedelta(days=5),
                    omschrijving="x", hersteltermijn_tot=p.ingediend_op.date(),
                    beantwoord_op=p.ingediend_op + datetime.timedelta(days=5 + rnd.randrange(
                        1, 20)) if beantwoord else None,
                ))
            if rnd.random() < 0.8:
                uitkomst = rnd.choice([Beschikking.Uitkomst.TOEKENNING] * 4
                                      + [Beschikking.Uitkomst.AFWIJZING])
                beschikkingen.append(Beschikking(
                    plan=p, uitkomst=uitkomst, status=Beschikking.Status.VERZONDEN,
                    bedrag=p.gevraagd_bedrag if uitkomst == Beschikking.Uitkomst.TOEKENNING
                    else None, motivering="m", grondslag="g", beoordelaar=beoordelaar,
                    besloten_op=p.ingediend_op + datetime.timedelta(days=rnd.randrange(30, 90)),
                ))
        Aanvulverzoek.objects.bulk_create(verzoeken)
        beschikkingen = Beschikking.objects.bulk_create(beschikkingen)
        with eigen_tijdstippen(Gebeurtenis):
            Gebeurtenis.objects.bulk_create(_terugsturingen(plannen, random.Random(seed + 1)))

        cheques, boekingen = [], []
        for i, b in enumerate(beschikkingen):
            if b.uitkomst != Beschikking.Uitkomst.TOEKENNING:
                continue
            status = rnd.choice([Cheque.Status.UITGEGEVEN, Cheque.Status.BETAALD,
                                 Cheque.Status.VERVALLEN])
            cheques.append(Cheque(
                nummer=f"TFV-{seed:02d}-{i:06d}", beschikking=b, periode=periode,
                opleider=b.plan.opleider, bedrag=b.bedrag, verificatiecode_hash="x",
                status=status, uitgegeven_op=b.besloten_op.date(),
                geldig_tot=b.besloten_op.date() + datetime.timedelta(days=365),
            ))
            boekingen.append(Budgetboeking(periode=periode, soort=S.RESERVERING, bedrag=b.bedrag,
                                           referentie=f"c{i}", tijdstip=b.besloten_op))
            later = b.besloten_op + datetime.timedelta(days=rnd.randrange(10, 200))
            if status == Cheque.Status.BETAALD:
                betaald = (b.bedrag * Decimal("0.9")).quantize(Decimal("0.01"))
                boekingen += [
                    Budgetboeking(periode=periode, soort=S.REALISATIE, bedrag=betaald,
                                  referentie=f"c{i}", tijdstip=later),
                    Budgetboeking(periode=periode, soort=S.VRIJVAL, bedrag=b.bedrag,
                                  referentie=f"c{i}", tijdstip=later),
                ]
            elif status == Cheque.Status.VERVALLEN:
                boekingen.append(Budgetboeking(periode=periode, soort=S.VRIJVAL,
                                               bedrag=b.bedrag, referentie=f"c{i}",
                                               tijdstip=later))
        boekingen.append(Budgetboeking(periode=periode, soort=S.TERUGVORDERING,
                                       bedrag=Decimal("100.00"), referentie="terug",
                                       tijdstip=middag(datetime.date(2025, 3, 3))))
        Cheque.objects.bulk_create(cheques)
        Budgetboeking.objects.bulk_create(boekingen)
    werk_statistieken_bij()  # the dashboard refresh joins these tables
    return {"periode": periode, "bronnen": bronnen, "sectoren": sectoren,
            "consulenten": consulenten}


def _werkgevers() -> list:
    """An IKBINDR partner from mid 2024 until 2025, one partner since 2023, one never."""
    return [Werkgever.objects.get_or_create(kvk_nummer=kvk, defaults={
        "naam": naam, "email": f"hr{kvk}@werkgever.example", "ikbindr_van": van,
        "ikbindr_tot": tot})[0]
        for naam, kvk, van, tot in (
            ("Partner vanaf juli", "11111111", datetime.date(2024, 7, 1),
             datetime.date(2025, 12, 31)),
            ("Partner sinds 2023", "22222222", datetime.date(2023, 1, 1), None),
            ("Geen partner", "33333333", None, None))]


def _cofinanciering(plannen, werkgevers, rnd) -> list:
    """0 to 2 co-financing lines per plan, in every state R5 knows."""
    B = Cofinancieringsregel.Bron
    regels = []
    for p in plannen:
        for _ in range(rnd.choice((0, 1, 1, 1, 2))):
            bron = rnd.choice([B.WERKGEVER] * 4 + [B.UWV, B.GEMEENTE, B.OO_FONDS]
                              + [B.EIGEN_BIJDRAGE] * 2)
            bedrag = Decimal(rnd.randrange(200, 2000))
            regel = Cofinancieringsregel(plan=p, bron=bron, partij="partij", bedrag=bedrag,
                                         status="toegezegd")
            if bron == B.WERKGEVER:
                regel.werkgever = rnd.choice(werkgevers)
            stand = rnd.random()
            if bron == B.EIGEN_BIJDRAGE:
                if stand < 0.6:
                    regel.verklaard_op = p.ingediend_op or middag(p.startdatum)
            elif stand < 0.5:
                regel.toezegging, regel.toezegging_bedrag = "bevestigd", bedrag
            elif stand < 0.6:
                regel.toezegging = "afgewezen"
            elif stand < 0.7:  # confirmed, but less than the line says: does not count
                regel.toezegging, regel.toezegging_bedrag = "bevestigd", bedrag - 1
            if rnd.random() < 0.1:
                regel.bewijs, regel.bewijs_reden = "cofinanciering/verklaring.pdf", "Getekend."
            regels.append(regel)
    return regels
