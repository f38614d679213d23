"""Scenario pdf: what our PDF path costs over a bare WeasyPrint render of the same HTML.

1. In this process, alternating: bare `weasyprint.HTML(string=html).write_pdf()` vs
   `tfvv.pdf.html_naar_pdf(html)` (font, house style, tagged PDF/UA-1).
2. Through the real Celery worker (one worker; run.sh sets its concurrency): N tasks that
   render with tfvv.pdf, store the PDF in private storage and write a row; PDFs/s from the
   first enqueue to the last row.
3. The real cheque task (cheques.tasks): reported as not available until it exists.

The sample HTML is bench/cheque_voorbeeld.html: a one-page cheque like the fund's.
Targets are judged on CPU time (this thread's, or the worker's from /proc), which other
load on the shared machine does not inflate the way it inflates wall time; both are shown.
"""

import importlib.util
import time
from pathlib import Path

from bench.draai import doel
from bench.meten import percentielen

VOORBEELD = Path(__file__).resolve().parent / "cheque_voorbeeld.html"
DOEL_FACTOR = 1.5
STANDAARD_AANTAL = 30
WACHTTIJD_S = 180


def _render_tijden(aantal: int, html: str) -> dict[str, list[float]]:
    """Wall and CPU (this thread) seconds per render, bare and through tfvv.pdf."""
    from weasyprint import HTML

    from tfvv.pdf import html_naar_pdf

    manieren = {"kaal": lambda: HTML(string=html).write_pdf(),
                "tfvv_pdf": lambda: html_naar_pdf(html)}
    tijden: dict[str, list[float]] = {f"{m}_{s}": [] for m in manieren for s in ("wand", "cpu")}
    for render in manieren.values():  # warm-up: fonts, caches
        render()
        render()
    for _ in range(aantal):
        for naam, render in manieren.items():
            w0, c0 = time.perf_counter(), time.thread_time()
            render()
            tijden[f"{naam}_cpu"].append(time.thread_time() - c0)
            tijden[f"{naam}_wand"].append(time.perf_counter() - w0)
    return tijden


def _via_celery(ctx, aantal: int, html: str) -> dict:
    from bench.basislijn.models import Invoer
    from bench.basislijn.tasks import render_pdf

    voorvoegsel = f"pdf-{ctx.run}-"
    render_pdf.delay(html, f"{voorvoegsel}opwarmen")  # the worker's first PDF is slower
    rijen = Invoer.objects.filter(waarde__startswith=voorvoegsel)
    einde = time.monotonic() + WACHTTIJD_S
    while not rijen.exists() and time.monotonic() < einde:
        time.sleep(0.05)
    profiel = ctx.cpu_profiel().start()
    t0 = time.perf_counter()
    for i in range(aantal):
        render_pdf.delay(html, f"{voorvoegsel}{i}")
    klaar = 0
    while klaar < aantal + 1 and time.monotonic() < einde:
        time.sleep(0.05)
        klaar = rijen.count()
    duur = time.perf_counter() - t0
    gerenderd = klaar - 1
    return {"taken": aantal, "gerenderd": gerenderd, "duur_s": round(duur, 2),
            "pdfs_per_s": round(gerenderd / duur, 2) if gerenderd else 0,
            "ms_per_pdf": round(1000 * duur / gerenderd, 1) if gerenderd else None,
            "profiel": profiel.stop()}


def run(ctx) -> dict:
    aantal = ctx.aantal or STANDAARD_AANTAL
    html = VOORBEELD.read_text(encoding="utf-8")
    tijden = {naam: percentielen(t) for naam, t in _render_tijden(aantal, html).items()}
    kaal_cpu = tijden["kaal_cpu"]["p50"]
    factor_direct = tijden["tfvv_pdf_cpu"]["p50"] / kaal_cpu
    celery = _via_celery(ctx, aantal, html)
    profiel = celery.pop("profiel")
    cpu_celery = profiel["kernen_gebruikt_per_groep"].get("celery", 0) * celery["duur_s"]
    celery["cpu_ms_per_pdf"] = round(1000 * cpu_celery / celery["gerenderd"], 1) \
        if celery["gerenderd"] else None
    factor_celery = celery["cpu_ms_per_pdf"] / kaal_cpu if celery["cpu_ms_per_pdf"] else None
    cheque_taak = importlib.util.find_spec("cheques.tasks") is not None
    return {
        "status": "gemeten",
        "cijfers": {
            "html": VOORBEELD.name,
            "ms_per_render": tijden,
            "factor_tfvv_pdf_vs_kaal_cpu_p50": round(factor_direct, 2),
            "celery_worker": celery,
            "factor_celery_cpu_per_pdf_vs_kaal_cpu_p50":
                round(factor_celery, 2) if factor_celery else None,
            "echte_chequetaak": "cheques.tasks bestaat, nog niet aangesloten in bench"
            if cheque_taak else "niet beschikbaar: cheques.tasks bestaat (nog) niet",
        },
        "profiel": {"celery_worker": profiel},
        "doelen": [
            doel(f"tfvv.pdf per PDF <= {DOEL_FACTOR}x kale WeasyPrint (CPU, p50)",
                 f"{factor_direct:.2f}x", factor_direct <= DOEL_FACTOR),
            doel(f"per PDF via Celery-worker <= {DOEL_FACTOR}x kale WeasyPrint (CPU, p50)",
                 f"{factor_celery:.2f}x" if factor_celery else "niet gemeten",
                 factor_celery <= DOEL_FACTOR if factor_celery else None),
            doel("per cheque via de echte chequetaak <= 1.5x kale WeasyPrint",
                 "cheques.tasks ontbreekt" if not cheque_taak else "nog niet aangesloten", None),
        ],
    }
