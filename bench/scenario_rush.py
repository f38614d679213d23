"""Scenario rush: N residents at once submit the public aanmeldformulier for a fixed time,
then the same load against the bare-INSERT baseline under the same gunicorn.

Per target: accepted submissions/s, p50/p95/p99 latency, errors, and stored == accepted
(nothing lost, nothing doubled), checked in the database after the run.
"""

import os
import time

from bench import belasting
from bench import formulier as fm
from bench.draai import doel, niet_beschikbaar
from bench.profiel import profileer

FORMULIER = "/aanmelden/"
BASISLIJN = "/bench-basislijn/"
DOEL_PER_S = 100
DOEL_P95_MS = 500
DOEL_AANDEEL_BASISLIJN = 0.25
OPWARMEN_S = 5
OUTBOX_MAXIMAAL_S = 300


def _aanvragen(run: str) -> tuple[int, int]:
    """(stored aanvragen of this run, distinct e-mail addresses among them)."""
    from aanvragen.models import Aanvraag

    rijen = Aanvraag.objects.filter(email__startswith=f"bench-{run}-")
    return rijen.count(), rijen.values("email").distinct().count()


def _basislijnrijen(run: str) -> tuple[int, int]:
    from bench.basislijn.models import Invoer

    rijen = Invoer.objects.filter(waarde__startswith=f"bench-{run}-")
    return rijen.count(), rijen.values("waarde").distinct().count()


def _formulier(ctx, pad: str) -> tuple[fm.Formulier | None, str]:
    pagina = belasting.verzoek(ctx.host, ctx.poort, "GET", pad, cookies={})
    if pagina.status != 200:
        return None, f"GET {pad} gaf {pagina.status}"
    formulier = fm.lees_formulier(pagina.tekst)
    if formulier is None:
        return None, f"{pad} bevat (nog) geen POST-formulier"
    verplicht_bestand = [v.naam for v in formulier.velden if v.soort == "file" and v.verplicht]
    if verplicht_bestand:
        return None, f"verplicht uploadveld niet ondersteund: {', '.join(verplicht_bestand)}"
    return formulier, ""


def _cpu_per_inzending(cpu: dict, resultaat) -> dict:
    """CPU per accepted submission of the server side (gunicorn + PostgreSQL + Redis), of the
    background work it causes (the Celery worker sending the confirmation), and the
    throughput both together imply if they had every core to themselves: figures that do
    not depend on what else ran on the machine (see `kernen_door_andere_processen`)."""
    kernen = cpu["kernen_gebruikt_per_groep"]
    server = sum(kernen.get(g, 0.0) for g in ("gunicorn", "postgres", "redis"))
    if not resultaat.geaccepteerd or not server:
        return {}
    per_inzending = 1000 * resultaat.duur_s / resultaat.geaccepteerd
    ms = server * per_inzending
    achtergrond = kernen.get("celery", 0.0) * per_inzending
    return {"server_cpu_ms_per_inzending": round(ms, 2),
            "achtergrond_cpu_ms_per_inzending": round(achtergrond, 2),
            "geschat_per_s_met_alle_kernen": round(1000 * (os.cpu_count() or 1)
                                                   / (ms + achtergrond))}


def _open_outbox() -> int:
    from tfvv.models import Outboxtaak

    return Outboxtaak.objects.filter(gedaan_op__isnull=True).count()


def _wacht_tot_outbox_leeg(maximaal: float) -> float | None:
    """Seconds until the worker has done every side effect (confirmation mails) the rush
    left behind; None when it took longer than `maximaal`."""
    t0 = time.perf_counter()
    while _open_outbox():
        if time.perf_counter() - t0 > maximaal:
            return None
        time.sleep(0.5)
    return round(time.perf_counter() - t0, 1)


def meet(ctx, pad: str, run: str, tel) -> dict:
    """Probe once (the form must accept our data), then load for ctx.duur seconds."""
    formulier, reden = _formulier(ctx, pad)
    if formulier is None:
        return niet_beschikbaar(reden)
    postcodes = fm.twentse_postcodes()
    proef = belasting.verstuur(ctx.host, ctx.poort, pad, formulier,
                               fm.Persoon(run=f"{run}p", volgnummer=0, rnd=fm.random.Random(1),
                                          postcodes=postcodes))
    if not proef.geaccepteerd:
        return {"status": "fout", "cijfers": {"velden": formulier.namen()}, "doelen": [],
                "reden": f"proefinzending niet geaccepteerd: {proef.soort} {proef.detail}"}
    # Warm-up, not counted: every worker thread opens its database connection and fills
    # its caches (templates, URLs, translations) at its first requests.
    ctx.log(f"  {pad}: {OPWARMEN_S} s opwarmen")
    belasting.belast(host=ctx.host, poort=ctx.poort, pad=pad, formulier=formulier,
                     run=f"{run}w", clients=ctx.clients, duur=OPWARMEN_S, postcodes=postcodes)
    _wacht_tot_outbox_leeg(OUTBOX_MAXIMAAL_S)
    ctx.log(f"  {pad}: {ctx.clients} clients, {ctx.duur:.0f} s")
    profiel = ctx.cpu_profiel().start()
    resultaat = belasting.belast(host=ctx.host, poort=ctx.poort, pad=pad, formulier=formulier,
                                 run=run, clients=ctx.clients, duur=ctx.duur,
                                 postcodes=postcodes)
    cpu = profiel.stop()
    time.sleep(0.5)  # let the last commits land before counting
    opgeslagen, uniek = tel(run)
    cijfers = resultaat.als_dict()
    cijfers.update(_cpu_per_inzending(cpu, resultaat))
    cijfers["open_outbox_na_afloop"] = _open_outbox()
    cijfers["outbox_leeg_na_s"] = _wacht_tot_outbox_leeg(OUTBOX_MAXIMAAL_S)
    cijfers.update({
        "opgeslagen": opgeslagen,
        "opgeslagen_uniek": uniek,
        "verloren": max(0, resultaat.geaccepteerd - opgeslagen),
        "dubbel_of_zonder_antwoord": max(0, opgeslagen - resultaat.geaccepteerd),
        "velden": formulier.namen(),
        "honeypotvelden": formulier.honeypots(),
    })
    ctx.log(f"  {pad}: profiel in proces")
    cpu["in_proces"] = profileer(pad, formulier, run)
    return {"status": "gemeten", "cijfers": cijfers, "profiel": cpu, "doelen": []}


def run(ctx) -> dict:
    formulier = meet(ctx, FORMULIER, ctx.run, _aanvragen)
    basislijn = meet(ctx, BASISLIJN, ctx.run, _basislijnrijen)
    if formulier["status"] != "gemeten":
        uitkomst = dict(formulier)
        uitkomst["cijfers"] = {"basislijn": basislijn["cijfers"]}
        uitkomst["profiel"] = {"basislijn": basislijn.get("profiel", {})}
        return uitkomst
    f, b = formulier["cijfers"], basislijn["cijfers"]
    p95 = f["latentie_ms"]["inzending"].get("p95")
    aandeel = (f["geaccepteerd_per_s"] / b["geaccepteerd_per_s"]
               if basislijn["status"] == "gemeten" and b["geaccepteerd_per_s"] else None)
    heel = f["verloren"] == 0 and f["dubbel_of_zonder_antwoord"] == 0 \
        and f["opgeslagen_uniek"] == f["opgeslagen"]
    # Closed loop (Little's law): each client waits for its answer, so the mean time per
    # submission is clients / throughput whatever the server does with the requests.
    toelichting = (
        f"Gesloten lus: met {ctx.clients} clients is de gemiddelde tijd per inzending "
        f"clients / doorvoer = {1000 * ctx.clients / f['geaccepteerd_per_s']:.0f} ms; een p95 "
        f"onder {DOEL_P95_MS} ms vraagt bij {ctx.clients} clients meer dan "
        f"{1000 * ctx.clients / DOEL_P95_MS:.0f} inzendingen/s. Opwarmen ({OPWARMEN_S} s) telt "
        "niet mee. De bevestigingsmails (Celery) lopen tijdens de rush achter; "
        "`outbox_leeg_na_s` is hoe lang het na afloop duurde tot alle mails verstuurd waren."
    ) if f["geaccepteerd_per_s"] else ""
    return {
        "status": "gemeten",
        "toelichting": toelichting,
        "cijfers": {"clients": ctx.clients, "duur_s": ctx.duur, "formulier": f, "basislijn": b,
                    "aandeel_van_basislijn": round(aandeel, 3) if aandeel else None},
        "profiel": {"formulier": formulier["profiel"], "basislijn": basislijn.get("profiel")},
        "doelen": [
            doel(f">= {DOEL_PER_S} geaccepteerde inzendingen/s", f["geaccepteerd_per_s"],
                 f["geaccepteerd_per_s"] >= DOEL_PER_S),
            doel(f"p95 inzending (GET+POST) < {DOEL_P95_MS} ms", p95,
                 p95 is not None and p95 < DOEL_P95_MS),
            doel("niets verloren of dubbel (opgeslagen == geaccepteerd)",
                 f"{f['opgeslagen']} opgeslagen / {f['geaccepteerd']} geaccepteerd", heel),
            doel(f">= {DOEL_AANDEEL_BASISLIJN:.0%} van de kale-INSERT-doorvoer",
                 f"{aandeel:.1%}" if aandeel else "basislijn niet gemeten",
                 aandeel is not None and aandeel >= DOEL_AANDEEL_BASISLIJN),
        ],
    }
