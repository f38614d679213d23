from decimal import Decimal

import pytest

from cheques import demo
from cheques.models import Beschikking, Cheque, Declaratieindiening, Opleideraccount
from loopbaangesprekken.models import Scholingsplan
from tests.cheques.factories import toets_met
from tfvv import budget_selectors
from tfvv.demo import laad as laad_medewerkers
from tfvv.models import Begrotingsperiode, Financieringsbron

pytestmark = pytest.mark.django_db


def test_demo_maakt_elke_toestand_en_is_idempotent(maak_plan):
    laad_medewerkers(lambda s: None)
    for _ in range(9):
        maak_plan()
    maak_plan(toets_snapshot=toets_met(R7="niet voldaan"))
    maak_plan(gevraagd_bedrag=Decimal("2400.00"))
    for _ in range(3):
        maak_plan()
    uitvoer = []
    demo.laad(uitvoer.append)
    demo.laad(uitvoer.append)

    periode = Begrotingsperiode.objects.get(naam="2023–2026")
    stand = budget_selectors.standen([periode])[0]
    assert Begrotingsperiode.objects.count() == 1
    assert stand.plafond == Decimal("3750000.00")  # public money for the cheques line only
    assert stand.besluit.goedgekeurd_door != stand.besluit.voorgesteld_door
    assert periode.posten.count() == 5
    assert sum(p.bedrag for p in periode.posten.all()) == Decimal("12000000.00")
    assert Financieringsbron.objects.count() == 5
    assert Financieringsbron.objects.filter(publiek=False).get().toezeggingen.get().bedrag \
        == Decimal("3750000.00")
    assert set(Cheque.objects.values_list("status", flat=True)) == set(Cheque.Status.values)
    assert Cheque.objects.count() == len(Cheque.Status.values)
    uitkomsten = set(Beschikking.objects.values_list("uitkomst", "status"))
    assert {("afwijzing", "verzonden"), ("buiten_behandeling", "verzonden"),
            ("toekenning", "concept"), ("toekenning", "verzonden")} <= uitkomsten
    assert Scholingsplan.objects.filter(status=Scholingsplan.Status.AANVULLING).exists()
    assert Scholingsplan.objects.filter(status=Scholingsplan.Status.INGEDIEND,
                                        beschikking__isnull=True).exists()
    stand = budget_selectors.standen([periode])[0]
    assert 0 < stand.gereserveerd + stand.gerealiseerd <= stand.plafond
    assert any("niets nieuw" in regel for regel in uitvoer[-2:])
    # one opleider account, made through the invitation and a second beheerder's approval
    account = Opleideraccount.objects.select_related("gebruiker").get()
    assert account.goedgekeurd_door.username == "beheerder2"
    assert account.opleider == Cheque.objects.order_by("pk").first().opleider
    assert sum("/opleider/inloggen/" in regel for regel in uitvoer) == 1
    # finance's queue holds the opleider's start declaratie, submitted once
    indiening = Declaratieindiening.objects.get()
    assert indiening.status == "ingediend" and indiening.ingediend_door == account.gebruiker
