"""Scenario budget: many grants at once against a plafond that fits only some of them.

Every grant reserves money through `tfvv.budget.reserveer` (the ledger service that locks
the period row; a grant service calls it). Threads, each with its own database
connection, race for a fresh period in the year 2100 (so no real period is touched).
Checked afterwards: exactly the grants that fit were reserved, the rest was refused with
PlafondOverschreden, nothing else failed, and reserved <= plafond.
"""

import threading
import time
from datetime import date
from decimal import Decimal

from bench.draai import doel
from bench.meten import percentielen

STANDAARD_AANTAL = 400
THREADS = 16
BEDRAG = Decimal("2500.00")


def run(ctx) -> dict:
    from django.db import connection

    from tests.tfvv.factories import plafond_in_werking
    from tfvv import budget, budget_selectors
    from tfvv.models import (
        Begrotingsperiode,
        Budgetboeking,
        Financieringsbron,
        Oormerkregel,
        Toezegging,
    )

    aantal = ctx.aantal or STANDAARD_AANTAL
    past = aantal * 5 // 8
    plafond = BEDRAG * past + BEDRAG / 2  # room for `past` grants and half of one more
    bron = Financieringsbron.objects.create(naam=f"bench-{ctx.run}")
    jaar = 2100 + int(ctx.run) % 800
    periode = Begrotingsperiode.objects.create(naam=f"bench-{ctx.run}", van=date(jaar, 1, 1),
                                               tot=date(jaar, 12, 31))
    Toezegging.objects.create(bron=bron, periode=periode, bedrag=plafond, datum=date.today())
    Oormerkregel.objects.create(periode=periode, bron=bron, volgorde=1)  # earmarking: one bron
    plafond_in_werking(periode, plafond)

    teller = iter(range(aantal))
    slot = threading.Lock()
    uitkomsten = {"toegekend": 0, "geweigerd": 0, "anders": 0}
    voorbeelden: list[str] = []
    tijden: list[float] = []

    def werker():
        try:
            while True:
                with slot:
                    i = next(teller, None)
                if i is None:
                    return
                t0 = time.perf_counter()
                try:
                    budget.reserveer(periode=periode, bedrag=BEDRAG,
                                     referentie=f"bench-{ctx.run}-{i}", door=None)
                    soort = "toegekend"
                except budget.PlafondOverschreden:
                    soort = "geweigerd"
                except Exception as fout:  # noqa: BLE001 - counted and shown as a failure
                    soort = "anders"
                    voorbeelden.append(f"{type(fout).__name__}: {fout}"[:200])
                with slot:
                    uitkomsten[soort] += 1
                    tijden.append(time.perf_counter() - t0)
        finally:
            connection.close()

    profiel = ctx.cpu_profiel().start()
    t0 = time.perf_counter()
    draden = [threading.Thread(target=werker) for _ in range(THREADS)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    duur = time.perf_counter() - t0
    cpu = profiel.stop()
    stand = budget_selectors.standen([periode])[0]
    reserveringen = Budgetboeking.objects.filter(periode=periode).count()
    invariant = stand.gereserveerd + stand.gerealiseerd <= stand.toegezegd
    exact = uitkomsten["toegekend"] == past == reserveringen \
        and uitkomsten["geweigerd"] == aantal - past and uitkomsten["anders"] == 0
    return {
        "status": "gemeten",
        "cijfers": {
            "pogingen": aantal, "threads": THREADS, "bedrag": str(BEDRAG),
            "plafond": str(plafond), "past_er_in": past, **uitkomsten,
            "gereserveerd": str(stand.gereserveerd), "vrij": str(stand.vrij),
            "duur_s": round(duur, 2), "pogingen_per_s": round(aantal / duur, 1),
            "toekenningen_per_s": round(uitkomsten["toegekend"] / duur, 1),
            "latentie_ms": percentielen(tijden), "voorbeeldfouten": voorbeelden[:3],
        },
        "profiel": cpu,
        "doelen": [
            doel("gereserveerd + gerealiseerd <= plafond",
                 f"{stand.gereserveerd} <= {stand.toegezegd}", invariant),
            doel("precies de toekenningen die passen; de rest geweigerd, geen andere fouten",
                 f"{uitkomsten['toegekend']} toegekend, {uitkomsten['geweigerd']} geweigerd, "
                 f"{uitkomsten['anders']} anders (verwacht {past}/{aantal - past}/0)", exact),
        ],
        "toelichting": "Gemeten op de grootboekservice tfvv.budget.reserveer (het punt waar "
                       "alle toekenningen serialiseren), in het bench-proces, niet via HTTP.",
    }
