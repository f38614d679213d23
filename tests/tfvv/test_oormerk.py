"""Earmarking per financieringsbron: rules in order of preference, never over a bron's
toezegging (service and database, also under concurrency), and later entries follow the
charge of the reservation."""

import datetime
import threading
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from tests.tfvv.factories import begroting as maak_begroting
from tfvv import begroting, budget, budget_selectors
from tfvv.models import Begrotingsperiode, Bronlast, Budgetboeking, Financieringsbron, Toezegging
from tfvv.oormerk import Kenmerken

S = Budgetboeking.Soort
WERK = Kenmerken(arbeidssituatie="ww", route="geen_werk")
SKILLS = Kenmerken(arbeidssituatie="loondienst", route="skills")


def bron(periode, naam, toegezegd):
    b = Financieringsbron.objects.create(naam=naam)
    Toezegging.objects.create(bron=b, periode=periode, bedrag=D(toegezegd),
                              datum=periode.van)
    return b


@pytest.fixture
def drie_bronnen(medewerkers):
    """Plafond 100.000 (not the limit here); ESF+ 3.000 only for route to work (voorkeur 1),
    Provincie 4.000 with a maximum of 2.500 (2), Regio 4.000 (3). The factory's own bron
    carries the plafond; it gets no rule, so it pays nothing."""
    periode = maak_begroting(naam="Oormerk", van=datetime.date(2023, 1, 1),
                             tot=datetime.date(2026, 12, 31), plafond="100000")
    periode.oormerkregels.all().delete()
    fin = medewerkers["financieel"]
    esf, prov, regio = (bron(periode, "ESF+", "3000"), bron(periode, "Provincie", "4000"),
                        bron(periode, "Regio", "4000"))
    begroting.leg_oormerkregel_vast(periode=periode, bron=esf, volgorde=1, route="geen_werk",
                                    door=fin)
    begroting.leg_oormerkregel_vast(periode=periode, bron=prov, volgorde=2,
                                    maximum=D("2500"), door=fin)
    begroting.leg_oormerkregel_vast(periode=periode, bron=regio, volgorde=3, door=fin)
    return periode, esf, prov, regio


def lasten(referentie, soort=S.RESERVERING) -> dict:
    uit = {}
    for last in Bronlast.objects.filter(referentie=referentie, soort=soort):
        uit[last.bron.naam] = uit.get(last.bron.naam, D(0)) + last.bedrag
    return uit


def reserveer(periode, bedrag, referentie, kenmerken):
    return budget.reserveer(periode=periode, bedrag=D(bedrag), referentie=referentie,
                            door=None, kenmerken=kenmerken)


def test_voorkeur_beperking_en_maximum(drie_bronnen):
    periode, *_ = drie_bronnen
    reserveer(periode, "2000", "A", WERK)
    reserveer(periode, "2000", "B", SKILLS)  # ESF+ does not fit this route
    reserveer(periode, "2000", "C", WERK)
    assert lasten("A") == {"ESF+": D("2000")}
    assert lasten("B") == {"Provincie": D("2000")}
    assert lasten("C") == {"ESF+": D("1000"), "Provincie": D("500"), "Regio": D("500")}
    with pytest.raises(budget.BronnenVol) as fout:  # Regio has 3.500 left, ESF+ not for skills
        reserveer(periode, "4000", "D", SKILLS)
    assert "geen ruimte" in str(fout.value) and "€ 3.500,00" in str(fout.value)
    assert not Budgetboeking.objects.filter(referentie="D").exists()
    standen = {b.bron.naam: b for b in budget_selectors.bronstanden(periode)}
    assert standen["ESF+"].vrij == 0 and standen["Provincie"].gereserveerd == D("2500")
    assert standen["Regio"].vrij == D("3500")


def test_geen_regel_voor_de_aanvraag_weigert_de_toekenning(drie_bronnen, medewerkers):
    periode, esf, prov, regio = drie_bronnen
    for b in (prov, regio):
        begroting.leg_oormerkregel_vast(periode=periode, bron=b, volgorde=5, route="skills",
                                        door=medewerkers["beheerder"])
    with pytest.raises(budget.BronnenVol):
        reserveer(periode, "10", "X", Kenmerken(arbeidssituatie="zzp", route="andere_sector"))


def test_vrijval_realisatie_en_terugvordering_volgen_de_last(drie_bronnen):
    periode, *_ = drie_bronnen
    reserveer(periode, "2000", "A", WERK)
    reserveer(periode, "2000", "B", SKILLS)
    reserveer(periode, "2000", "C", WERK)  # ESF+ 1.000, Provincie 500, Regio 500
    budget.geef_vrij(periode=periode, bedrag=D("600"), referentie="C", door=None)
    # the bron charged last gives back first
    assert lasten("C", S.VRIJVAL) == {"Regio": D("500"), "Provincie": D("100")}
    budget.realiseer(periode=periode, bedrag=D("1200"), referentie="C", door=None)
    assert lasten("C", S.REALISATIE) == {"Provincie": D("400"), "ESF+": D("800")}
    budget.boek_terugvordering(periode=periode, bedrag=D("500"), referentie="C", door=None)
    assert lasten("C", S.TERUGVORDERING) == {"Provincie": D("400"), "ESF+": D("100")}
    budget.boek_invordering(periode=periode, soort=S.ONTVANGST, bedrag=D("450"),
                            referentie="C", door=None)
    assert lasten("C", S.ONTVANGST) == {"Provincie": D("400"), "ESF+": D("50")}
    # every entry is charged in full
    for boeking in Budgetboeking.objects.filter(periode=periode):
        assert sum(b.bedrag for b in boeking.bronlasten.all()) == boeking.bedrag
    standen = {b.bron.naam: b for b in budget_selectors.bronstanden(periode)}
    assert standen["ESF+"].gereserveerd == D("2000") + D("200")  # A, and C's 200 open
    assert standen["ESF+"].gerealiseerd == D("800") - D("50")
    assert standen["Regio"].gereserveerd == 0 and standen["Regio"].vrij == D("4000")
    # what the plafond counts equals what the bronnen carry
    stand = budget_selectors.standen([periode])[0]
    assert stand.gereserveerd + stand.gerealiseerd == sum(
        b.gereserveerd + b.gerealiseerd for b in standen.values())


def test_boekingen_van_voor_de_oormerking_blijven_zonder_last(drie_bronnen):
    periode, *_ = drie_bronnen
    Budgetboeking.objects.create(periode=periode, soort=S.RESERVERING, bedrag=D("100"),
                                 referentie="OUD")
    budget.geef_vrij(periode=periode, bedrag=D("100"), referentie="OUD", door=None)
    assert not Bronlast.objects.filter(referentie="OUD").exists()


def test_budgetpagina_toont_lasten_per_bron_en_wat_niet_is_toegerekend(drie_bronnen,
                                                                      client_als):
    periode, *_ = drie_bronnen
    reserveer(periode, "1000", "NIEUW", WERK)
    Budgetboeking.objects.create(periode=periode, soort=S.RESERVERING, bedrag=D("250"),
                                 referentie="OUD")
    los = budget_selectors.niet_toegerekend(periode)
    assert (los.gereserveerd, los.gerealiseerd) == (D("250"), D("0"))
    html = client_als("financieel").get(reverse("cheques:budget")).content.decode()
    assert "Niet toegerekend" in html and "€ 250,00" in html
    # ESF+ carries the new grant (route to work, first preference)
    assert "€ 1.000,00" in html


def test_database_weigert_last_boven_de_toezegging(drie_bronnen):
    periode, esf, *_ = drie_bronnen
    boeking = Budgetboeking.objects.create(periode=periode, soort=S.RESERVERING,
                                           bedrag=D("3000.01"), referentie="SQL")
    with pytest.raises(IntegrityError, match="toezegging"), transaction.atomic():
        Bronlast.objects.create(boeking=boeking, bron=esf, periode=periode, soort=S.RESERVERING,
                                referentie="SQL", bedrag=D("3000.01"))
    Bronlast.objects.create(boeking=boeking, bron=esf, periode=periode, soort=S.RESERVERING,
                            referentie="SQL", bedrag=D("3000.00"))


def test_database_weigert_last_die_afwijkt_van_haar_boeking_en_wijzigingen(drie_bronnen):
    periode, esf, *_ = drie_bronnen
    boeking = reserveer(periode, "10", "A", WERK)
    with pytest.raises(IntegrityError, match="wijkt af"), transaction.atomic():
        Bronlast.objects.create(boeking=boeking, bron=esf, periode=periode, soort=S.VRIJVAL,
                                referentie="A", bedrag=D("1"))
    with pytest.raises(Exception, match="alleen"), transaction.atomic():
        Bronlast.objects.filter(referentie="A").update(bedrag=D("1"))


def test_regel_alleen_voor_publiek_geld_en_budgetbeheer(drie_bronnen, medewerkers):
    periode, esf, *_ = drie_bronnen
    privaat = Financieringsbron.objects.create(naam="Werkgevers", publiek=False)
    with pytest.raises(ValidationError):
        begroting.leg_oormerkregel_vast(periode=periode, bron=privaat, volgorde=9,
                                        door=medewerkers["financieel"])
    with pytest.raises(PermissionError):
        begroting.leg_oormerkregel_vast(periode=periode, bron=esf, volgorde=9,
                                        door=medewerkers["beoordelaar"])


AANTAL = 16


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_reserveringen_nooit_boven_een_bron(transactional_db, medewerkers):
    """16 grants of 1.500 at once; the plafond has room for all, the bronnen for 5 (one
    with 4.000, one with a maximum of 3.500): exactly 5 succeed, no bron goes over."""
    periode = maak_begroting(naam="Gelijktijdig", van=datetime.date(2023, 1, 1),
                             tot=datetime.date(2026, 12, 31), plafond="100000")
    periode.oormerkregels.all().delete()
    eerste, tweede = bron(periode, "Eerste", "4000"), bron(periode, "Tweede", "9000")
    fin = medewerkers["financieel"]
    begroting.leg_oormerkregel_vast(periode=periode, bron=eerste, volgorde=1, door=fin)
    begroting.leg_oormerkregel_vast(periode=periode, bron=tweede, volgorde=2,
                                    maximum=D("3500"), door=fin)
    start = threading.Barrier(AANTAL)
    uitkomsten = []

    def ken_toe(i):
        try:
            start.wait()
            reserveer(Begrotingsperiode.objects.get(pk=periode.pk), "1500", f"T{i}", SKILLS)
            uitkomsten.append("ok")
        except budget.BronnenVol:
            uitkomsten.append("vol")
        finally:
            connection.close()

    threads = [threading.Thread(target=ken_toe, args=(i,)) for i in range(AANTAL)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert uitkomsten.count("ok") == 5 and uitkomsten.count("vol") == AANTAL - 5
    standen = {b.bron.naam: b for b in budget_selectors.bronstanden(periode)}
    assert standen["Eerste"].gereserveerd == D("4000")
    assert standen["Tweede"].gereserveerd == D("3500")


def test_migratie_geeft_bestaande_perioden_ongedeelde_regels(db):
    """Installations from before earmarking keep granting: each public bron with a
    toezegging gets an unrestricted rule; private bronnen and periods with rules none."""
    import importlib

    from django.apps import apps

    from tfvv.models import Oormerkregel

    migratie = importlib.import_module("tfvv.migrations.0013_oormerkregels_bestaande_perioden")
    periode = Begrotingsperiode.objects.create(naam="Oud", van=datetime.date(2021, 1, 1),
                                               tot=datetime.date(2022, 12, 31))
    for naam, publiek in (("Provincie", True), ("Regio", True), ("Werkgevers", False)):
        bron, _ = Financieringsbron.objects.get_or_create(naam=naam,
                                                          defaults={"publiek": publiek})
        for _keer in range(2):  # two letters from one bron: still one rule
            Toezegging.objects.create(bron=bron, periode=periode, bedrag=D("1000.00"),
                                      datum=datetime.date(2020, 12, 1))
    migratie.regels_voor_bestaande_perioden(apps, None)
    migratie.regels_voor_bestaande_perioden(apps, None)  # a period with rules is left alone
    regels = Oormerkregel.objects.filter(periode=periode).order_by("volgorde")
    assert [(r.bron.naam, r.volgorde, r.arbeidssituatie, r.route, r.maximum)
            for r in regels] == [("Provincie", 1, "", "", None), ("Regio", 2, "", "", None)]
