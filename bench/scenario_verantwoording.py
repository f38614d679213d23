"""Scenario verantwoording: the funder report (rapportage.verantwoordingsrapport) at 100k
aanvragen.

Generates `--aantal` aanvragen (default 100,000), a third with a cheque, each cheque with a
life in the ledger charged to one or two of four public bronnen, co-financing with
realisations, completions and answered follow-up questionnaires
(tests/rapportage/factories_verantwoording.py, bulk_create), in a far-off period so no real
one is touched. Then, for the bron with the most participants:

(b) the background build: a report is requested (`vraag_verantwoording_aan`) and the Celery
    worker makes it through the outbox (`maak_verantwoordingsrapport`: the full report, the
    XLSX, the PDF, stored with their SHA-256); seconds from request to finished, PDF and
    XLSX size;
(a) the page (`rapportage:verantwoording`) through the Django test client, logged in as
    financieel: N requests, p50/p95 and the query count (bound p95 < 300 ms, like the
    dashboard); it reads only the stored report;
(c) the stored totals against the sums kept while generating (not read back from the
    database): every reconciliation difference € 0,00, participants and amounts per kind.
"""

import time

from bench.draai import doel
from bench.meten import percentielen

STANDAARD_AANTAL = 100_000
HERHALINGEN = 30
MAX_WACHTEN_S = 1800


def _wacht_op(rapport, ctx) -> float:
    """Seconds until the worker has finished (or given up on) `rapport`."""
    begin = time.perf_counter()
    while rapport.is_lopend and time.perf_counter() - begin < MAX_WACHTEN_S:
        time.sleep(0.5)
        rapport.refresh_from_db()
    ctx.log(f"verantwoording: rapport {rapport.pk} {rapport.status} na "
            f"{time.perf_counter() - begin:.0f} s")
    return time.perf_counter() - begin


def _sluit_op_verwacht(s, verwacht, bron) -> bool:
    """The stored totals equal what was charged while generating, to the cent."""
    per_soort = verwacht.per_bron[bron.pk]
    toegezegd, gerealiseerd = verwacht.cofinanciering[bron.pk]
    return (s.sluit and s.aantal_deelnemers == verwacht.deelnemers[bron.pk]
            and all(a.verschil == 0 for a in s.aansluiting)
            and all(a.deze_bron == per_soort.get(a.soort, 0)
                    and a.niet_toegerekend == verwacht.niet_toegerekend.get(a.soort, 0)
                    for a in s.aansluiting)
            and s.totalen["cofinanciering_toegezegd"] == toegezegd
            and s.totalen["cofinanciering_gerealiseerd"] == gerealiseerd)


def run(ctx) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from rapportage.verantwoordingsrapport import stand, vraag_verantwoording_aan
    from tests.conftest import log_in_als_medewerker
    from tests.rapportage.factories_verantwoording import maak_verantwoordingsdata
    from tfvv.demo import maak_medewerker
    from tfvv.roles import Organisatie, Rol

    aantal = ctx.aantal or STANDAARD_AANTAL
    t0 = time.perf_counter()
    seed = int(ctx.run) % 100_000
    verwacht = maak_verantwoordingsdata(aantal, aandeel_cheques=1 / 3, seed=seed,
                                        jaar=3000 + (seed % 1000) * 4)
    genereren = time.perf_counter() - t0
    ctx.log(f"verantwoording: {aantal} aanvragen, {verwacht.cheques} cheques in "
            f"{genereren:.0f} s")
    bron = max(verwacht.bronnen, key=lambda b: verwacht.deelnemers[b.pk])
    financieel, device = maak_medewerker(f"bench-financieel-{seed}", Rol.FINANCIEEL,
                                         Organisatie.GEMEENTE_ENSCHEDE, "Bench", "Financieel")
    financieel.totp_device = device
    profiel = ctx.cpu_profiel().start()

    # (b) the background build, by the worker through the outbox
    rapport = vraag_verantwoording_aan(periode=verwacht.periode, bron=bron, door=financieel)
    wachten = _wacht_op(rapport, ctx)
    bouw = ((rapport.klaar_op - rapport.stand_van).total_seconds()
            if rapport.status == rapport.Status.KLAAR else None)

    # (a) the page: only the stored report
    client = log_in_als_medewerker(Client(HTTP_HOST="127.0.0.1"), financieel)
    url = reverse("rapportage:verantwoording", kwargs={"periode_id": verwacht.periode.pk,
                                                       "bron_id": bron.pk})
    assert client.get(url).status_code == 200  # warm-up
    pagina, aantallen = [], set()
    for _ in range(HERHALINGEN):
        with CaptureQueriesContext(connection) as queries:
            t = time.perf_counter()
            antwoord = client.get(url)
            pagina.append(time.perf_counter() - t)
        assert antwoord.status_code == 200
        aantallen.add(len(queries))
    cpu = profiel.stop()
    lat = percentielen(pagina)

    # (c) the stored totals against the generator's own sums
    klaar = rapport.status == rapport.Status.KLAAR
    sluit = klaar and _sluit_op_verwacht(stand(rapport.totalen), verwacht, bron)
    return {
        "status": "gemeten",
        "cijfers": {
            "aanvragen": aantal, "cheques": verwacht.cheques, "genereren_s": round(genereren),
            "bron": bron.naam, "deelnemers": verwacht.deelnemers[bron.pk],
            "rapport_status": rapport.status,
            "aanvraag_tot_klaar_s": round(wachten, 1),
            "bouw_in_worker_s": round(bouw, 1) if bouw is not None else None,
            "pdf_kb": rapport.pdf.size // 1024 if klaar else None,
            "xlsx_kb": rapport.xlsx.size // 1024 if klaar else None,
            "pagina_ms": lat, "pagina_queries": sorted(aantallen),
        },
        "profiel": cpu,
        "doelen": [
            doel("pagina p95 < 300 ms (grens van het dashboard)", lat.get("p95"),
                 lat.get("p95", 1e9) < 300),
            doel("pagina: vast aantal queries (gelijk bij 10 en 200 deelnemers: tests/"
                 "rapportage/test_verantwoordingsrapport.py)", sorted(aantallen),
                 len(aantallen) == 1),
            doel("rapport gemaakt door de worker (via de outbox)", rapport.status, klaar),
            doel("bewaarde totalen sluiten tot op de cent aan (grootboek en de sommen van "
                 "het genereren)", sluit, sluit),
        ],
        "toelichting": "De pagina leest alleen het bewaarde rapport (totalen, aansluiting, "
                       "lijst); de worker maakt het rapport één keer (volledige "
                       "deelnemerslijst, Excel-bestand, PDF). Boven 2.000 deelnemers staat "
                       "de lijst alleen in het Excel-bestand; de PDF noemt zijn SHA-256.",
    }
