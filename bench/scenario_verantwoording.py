"""Scenario verantwoording: the funder report (rapportage.verantwoording) at 100k aanvragen.

Generates `--aantal` aanvragen (default 100,000), a third with a cheque, each cheque with a
life in the ledger charged to one or two of four public bronnen, co-financing with
realisations, completions and answered follow-up questionnaires
(tests/rapportage/factories_verantwoording.py, bulk_create), in a far-off period so no real
one is touched. Then, for the bron with the most participants: the report
(`verantwoording()`, what the page, the PDF and the XLSX all start from) N times, p50/p95 and
its query count; one XLSX build; and whether the report reconciles with the ledger.
Measured in the bench process against the bench database, not through HTTP.
"""

import time

from bench.draai import doel
from bench.meten import percentielen

STANDAARD_AANTAL = 100_000
HERHALINGEN = 20


def run(ctx) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rapportage import verantwoording
    from tests.rapportage.factories_verantwoording import maak_verantwoordingsdata

    aantal = ctx.aantal or STANDAARD_AANTAL
    t0 = time.perf_counter()
    seed = int(ctx.run) % 100_000
    verwacht = maak_verantwoordingsdata(aantal, aandeel_cheques=1 / 3, seed=seed,
                                        jaar=3000 + (seed % 1000) * 4)
    genereren = time.perf_counter() - t0
    ctx.log(f"verantwoording: {aantal} aanvragen, {verwacht.cheques} cheques in "
            f"{genereren:.0f} s")
    bron = max(verwacht.bronnen, key=lambda b: verwacht.deelnemers[b.pk])
    profiel = ctx.cpu_profiel().start()
    pagina, volledig = [], []
    for _ in range(HERHALINGEN):
        t = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            s = verantwoording.samenvatting(verwacht.periode, bron)
        pagina.append(time.perf_counter() - t)
    for _ in range(3):
        t = time.perf_counter()
        v = verantwoording.verantwoording(verwacht.periode, bron)
        volledig.append(time.perf_counter() - t)
    t = time.perf_counter()
    xlsx = verantwoording.xlsx_bytes(v)
    xlsx_s = time.perf_counter() - t
    cpu = profiel.stop()
    lat = percentielen(pagina)
    gelijk = s.totalen == {k: b for k, b in v.totalen.items() if k != "cofinanciering_bevestigd"}
    return {
        "status": "gemeten",
        "cijfers": {
            "aanvragen": aantal, "cheques": verwacht.cheques, "genereren_s": round(genereren),
            "bron": bron.naam, "deelnemers": len(v.deelnemers), "pagina_ms": lat,
            "pagina_queries": len(queries), "volledig_rapport_ms": percentielen(volledig),
            "xlsx_s": round(xlsx_s, 2), "xlsx_kb": len(xlsx) // 1024,
        },
        "profiel": cpu,
        "doelen": [
            doel("pagina p95 < 300 ms (grens van het dashboard)", lat.get("p95"),
                 lat.get("p95", 1e9) < 300),
            doel("pagina: vast aantal queries (9 bij elke omvang, zie tests/rapportage/"
                 "test_verantwoording_uitkomsten.py)", len(queries), len(queries) == 9),
            doel("sluit tot op de cent aan op het grootboek; pagina = volledig rapport",
                 s.sluit and v.sluit and gelijk, s.sluit and v.sluit and gelijk),
        ],
        "toelichting": "De pagina toont alleen totalen (sommen in de database); de "
                       "deelnemersregels staan in de PDF en het Excel-bestand (volledig "
                       "rapport, een download). Gemeten in het bench-proces.",
    }
