"""Scenario pdf: what our PDF path costs over a bare WeasyPrint render of the same HTML.

1. In this process, alternating: bare `weasyprint.HTML(string=html).write_pdf()` vs
   `tfvv.pdf.html_naar_pdf(html)` (font, house style, tagged PDF/UA-1).
2. Through the real Celery worker (one worker; run.sh sets its concurrency): N tasks that
   render with tfvv.pdf, store the PDF in private storage and write a row; PDFs/s from the
   first enqueue to the last row.
3. The real cheque task: N grants through `cheques.services.toekennen`, each scheduling
   `cheques.tasks.maak_documenten` through the outbox; the worker renders the beschikking
   and the cheque, stores both and sends two mails. Cheques/s from the first grant to the
   last stored cheque PDF, and the worker's CPU per cheque against bare WeasyPrint renders
   of the same two HTML documents. One grant before the measurement warms the worker up
   (its first cheque also imports the URLconf and compiles the letter templates).

The sample HTML is bench/cheque_voorbeeld.html: a one-page cheque like the fund's.
Targets are judged on CPU time (this thread's, or the worker's from /proc), which other
load on the shared machine does not inflate the way it inflates wall time; both are shown.
"""

import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from bench.draai import doel
from bench.meten import percentielen

VOORBEELD = Path(__file__).resolve().parent / "cheque_voorbeeld.html"
DOEL_FACTOR = 1.5
STANDAARD_AANTAL = 30
WACHTTIJD_S = 180
BEDRAG = Decimal("1500.00")  # below the co-signing threshold: one beoordelaar grants


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


def _beschikkingen(ctx, aantal: int) -> list:
    """`aantal` plans ready for a decision (test factories: realistic rows, each with its
    own resident and opleider), a beoordelaar, and a toezegging for them in today's budget
    period (an earlier scenario may have used up its plafond)."""
    from tests.cheques.factories import ScholingsplanFactory
    from tests.tfvv.factories import plafond_in_werking
    from tfvv import budget_selectors
    from tfvv.demo import maak_medewerker
    from tfvv.models import Begrotingsperiode, Financieringsbron, Oormerkregel, Toezegging
    from tfvv.roles import Organisatie, Rol

    vandaag = date.today()
    periode = budget_selectors.periode_op(vandaag) or Begrotingsperiode.objects.create(
        naam=f"bench-pdf-{ctx.run}", van=vandaag.replace(month=1, day=1),
        tot=vandaag.replace(month=12, day=31))
    # the generated data of `schaal` may have booked more than its toezeggingen
    tekort = max(Decimal(0), -budget_selectors.standen([periode])[0].vrij)
    bron = Financieringsbron.objects.create(naam=f"bench-pdf-{ctx.run}")
    Toezegging.objects.create(bron=bron, periode=periode, bedrag=BEDRAG * aantal + tekort,
                              datum=vandaag)
    # charged first (voorkeur 0), so the other bronnen' rules of a real period stay untouched
    Oormerkregel.objects.create(periode=periode, bron=bron, volgorde=0)
    plafond_in_werking(periode, budget_selectors.standen([periode])[0].plafond
                       + BEDRAG * aantal + tekort)
    beoordelaar, _ = maak_medewerker(f"bench-beoordelaar-{ctx.run}", Rol.BEOORDELAAR,
                                     Organisatie.GEMEENTE_ENSCHEDE, "Bench", "Beoordelaar")
    consulent, _ = maak_medewerker(f"bench-consulent-{ctx.run}", Rol.CONSULENT,
                                   Organisatie.LEERWERKLOKET, "Bench", "Consulent")
    return beoordelaar, [ScholingsplanFactory(consulent=consulent) for _ in range(aantal)]


def _kale_render_cpu(beschikking) -> float:
    """CPU seconds (this thread, p50 of 15) for bare WeasyPrint renders of the beschikking
    and cheque HTML exactly as the task renders them."""
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from cheques import documenten

    ctx = documenten.context(beschikking)
    html = [render_to_string(t, ctx) for t in ("cheques/pdf/beschikking.html",
                                               "cheques/pdf/cheque.html")]
    for h in html:  # warm-up
        HTML(string=h).write_pdf()
    tijden = []
    for _ in range(15):
        c0 = time.thread_time()
        for h in html:
            HTML(string=h).write_pdf()
        tijden.append(time.thread_time() - c0)
    return percentielen(tijden)["p50"] / 1000


def _echte_chequetaak(ctx, aantal: int) -> dict:
    from cheques import services
    from cheques.models import Cheque

    beoordelaar, (opwarmplan, *plannen) = _beschikkingen(ctx, aantal + 1)
    einde = time.monotonic() + WACHTTIJD_S

    def wacht_op(plannen_) -> int:
        cheques = Cheque.objects.filter(beschikking__plan__in=plannen_)
        klaar = 0
        while klaar < len(plannen_) and time.monotonic() < einde:
            time.sleep(0.05)
            klaar = cheques.exclude(pdf="").filter(mail_verzonden_op__isnull=False).count()
        return klaar

    def ken_toe(plannen_) -> None:
        for plan in plannen_:
            services.toekennen(plan=plan, door=beoordelaar, bedrag=BEDRAG,
                               motivering="Voldoet aan de regels (bench).")

    # the worker's first cheque also loads the URLconf and the letter templates (~0.5 s)
    ken_toe([opwarmplan])
    wacht_op([opwarmplan])
    profiel = ctx.cpu_profiel().start()
    t0 = time.perf_counter()
    ken_toe(plannen)
    klaar = wacht_op(plannen)
    duur = time.perf_counter() - t0
    cpu = profiel.stop()
    worker_s = cpu["kernen_gebruikt_per_groep"].get("celery", 0) * duur
    kaal_s = _kale_render_cpu(Cheque.objects.get(beschikking__plan=opwarmplan).beschikking)
    per_cheque = worker_s / klaar if klaar else None
    return {"toekenningen": aantal, "klaar": klaar, "duur_s": round(duur, 2),
            "cheques_per_s": round(klaar / duur, 2) if klaar else 0,
            "worker_cpu_ms_per_cheque": round(1000 * per_cheque, 1) if per_cheque else None,
            "kaal_cpu_ms_beschikking_plus_cheque": round(1000 * kaal_s, 1),
            "factor_vs_kaal": round(per_cheque / kaal_s, 2) if per_cheque else None,
            "profiel": cpu}


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
    echt = _echte_chequetaak(ctx, aantal)
    factor_echt = echt["factor_vs_kaal"]
    return {
        "status": "gemeten",
        "cijfers": {
            "html": VOORBEELD.name,
            "ms_per_render": tijden,
            "factor_tfvv_pdf_vs_kaal_cpu_p50": round(factor_direct, 2),
            "celery_worker": celery,
            "factor_celery_cpu_per_pdf_vs_kaal_cpu_p50":
                round(factor_celery, 2) if factor_celery else None,
            "echte_chequetaak": {k: v for k, v in echt.items() if k != "profiel"},
        },
        "profiel": {"celery_worker": profiel, "echte_chequetaak": echt["profiel"]},
        "doelen": [
            doel(f"tfvv.pdf per PDF <= {DOEL_FACTOR}x kale WeasyPrint (CPU, p50)",
                 f"{factor_direct:.2f}x", factor_direct <= DOEL_FACTOR),
            doel(f"per PDF via Celery-worker <= {DOEL_FACTOR}x kale WeasyPrint (CPU, p50)",
                 f"{factor_celery:.2f}x" if factor_celery else "niet gemeten",
                 factor_celery <= DOEL_FACTOR if factor_celery else None),
            doel(f"per cheque via de echte chequetaak <= {DOEL_FACTOR}x kale WeasyPrint van "
                 "dezelfde beschikking + cheque (worker-CPU)",
                 f"{factor_echt:.2f}x ({echt['klaar']}/{aantal} klaar)" if factor_echt
                 else f"niet gemeten ({echt['klaar']}/{aantal} klaar)",
                 factor_echt <= DOEL_FACTOR if factor_echt else False),
        ],
        "toelichting": "De echte chequetaak maakt per toekenning twee PDF's (beschikking en "
                       "cheque), slaat ze op en verstuurt twee mails; de kale vergelijking "
                       "rendert dezelfde twee HTML-documenten met WeasyPrint zonder huisstijl "
                       "of PDF/UA.",
    }
