"""Many beoordelaars granting at the same moment against a plafond that fits only some."""

import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from cheques import services
from cheques.models import Cheque
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tfvv import budget, budget_selectors, outbox
from tfvv.models import Outboxtaak

AANTAL = 24
BEDRAG = Decimal("1500.00")
PLAFOND = Decimal("15000.00")  # fits 10 of the 24


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_toekenningen_blijven_binnen_plafond(transactional_db, medewerkers,
                                                          monkeypatch):
    # The PDF task is tested on its own (test_documenten); WeasyPrint is not thread-safe,
    # so here the outbox only records which documents the committed grants scheduled.
    gepland = []
    monkeypatch.setattr(outbox, "_naar_broker", gepland.append)
    periode = maak_periode(plafond=PLAFOND)
    plannen = [ScholingsplanFactory(consulent=medewerkers["consulent_lwl"])
               for _ in range(AANTAL)]
    start = threading.Barrier(AANTAL)
    resultaten: dict[int, str] = {}

    def ken_toe(plan):
        try:
            start.wait()
            b = services.toekennen(plan=plan, door=medewerkers["beoordelaar"], bedrag=BEDRAG,
                                   motivering="Voldoet aan alle regels.")
            resultaten[plan.pk] = b.cheque.nummer
        except budget.PlafondOverschreden as e:
            resultaten[plan.pk] = f"geweigerd: {e}"
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=ken_toe, args=(p,)) for p in plannen]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert len(resultaten) == AANTAL
    assert len(gepland) == 10  # only committed grants schedule their documents
    assert Outboxtaak.objects.filter(taak="cheques.tasks.maak_documenten").count() == 10
    toegekend = [r for r in resultaten.values() if r.startswith("TFV-")]
    geweigerd = [r for r in resultaten.values() if r.startswith("geweigerd")]
    assert len(toegekend) == 10 and len(geweigerd) == 14
    assert all("subsidieplafond" in r and "4:25" in r for r in geweigerd)

    stand = budget_selectors.standen([periode])[0]
    assert stand.gereserveerd + stand.gerealiseerd <= stand.plafond
    assert stand.gereserveerd == 10 * BEDRAG and stand.vrij == 0

    jaar = timezone.localdate().year
    nummers = sorted(Cheque.objects.values_list("nummer", flat=True))
    assert nummers == sorted(toegekend)
    assert nummers == [f"TFV-{jaar}-{i:06d}" for i in range(1, 11)]  # unique and gap-free
