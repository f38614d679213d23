"""Scenario declaraties: one opleider's bulk file of N declaraties (default 2,000), a CSV
plus a zip with two small PDFs per row (cheques.declaratiebestand).

Measured in the bench process (not through gunicorn: the upload path is the same code):
the check of every row (time, queries, peak Python memory with tracemalloc in a second,
separate pass) and the whole submission, all or nothing (time, queries, growth of the
process's peak RSS). The files go to a temporary folder."""

import csv
import io
import resource
import tempfile
import time
import tracemalloc
import zipfile

from bench.draai import doel

STANDAARD_AANTAL = 2000
# a small but real PDF header; the check reads only the first bytes
PDF = b"%PDF-1.4\n" + b"0" * 2000 + b"\n%%EOF\n"


def _gegevens(ctx, aantal):
    """An opleider with `aantal` fresh cheques and its account (test factories for the
    plans, one bulk insert for the beschikkingen and one for the cheques)."""
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from cheques.models import Beschikking, Cheque
    from tests.cheques.factories import OpleiderFactory, ScholingsplanFactory
    from tests.cheques.opleiders import maak_opleidergebruiker
    from tfvv.models import Begrotingsperiode, Gebruiker

    vandaag = timezone.localdate()
    opleider = OpleiderFactory(naam=f"bench-{ctx.run}")
    beheerder = Gebruiker.objects.create(username=f"bench-beheer-{ctx.run}")
    gebruiker = maak_opleidergebruiker(opleider, beheerder, email=f"bench-{ctx.run}@opl.example")
    periode = Begrotingsperiode.objects.filter(van__lte=vandaag, tot__gte=vandaag).first() \
        or Begrotingsperiode.objects.create(naam=f"bench-{ctx.run}", van=vandaag.replace(
            month=1, day=1), tot=vandaag.replace(month=12, day=31))
    plannen = ScholingsplanFactory.create_batch(aantal, opleider=opleider, consulent=beheerder)
    beschikkingen = Beschikking.objects.bulk_create([Beschikking(
        plan=p, uitkomst=Beschikking.Uitkomst.TOEKENNING, status=Beschikking.Status.VERZONDEN,
        bedrag=Decimal("1500.00"), motivering="Bench.", grondslag="Verordening",
        beoordelaar=beheerder) for p in plannen])
    reeks = int(ctx.run) % 1000
    cheques = Cheque.objects.bulk_create([Cheque(
        nummer=f"TFV-B{reeks:03d}-{i:06d}", beschikking=b, periode=periode, opleider=opleider,
        bedrag=Decimal("1500.00"), verificatiecode_hash="-", uitgegeven_op=vandaag,
        geldig_tot=vandaag + timedelta(days=400)) for i, b in enumerate(beschikkingen)])
    return opleider, gebruiker, cheques


def _bestanden(cheques, vandaag) -> tuple[bytes, bytes]:
    from cheques.declaratiebestand import KOLOMMEN

    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow(KOLOMMEN)
    archief_buffer = io.BytesIO()
    with zipfile.ZipFile(archief_buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        for i, cheque in enumerate(cheques):
            factuur, bewijs = f"factuur-{i}.pdf", f"start-{i}.pdf"
            schrijver.writerow([cheque.nummer, f"B-{i:06d}", f"{vandaag:%d-%m-%Y}", "1.234,50",
                                "start", "", "", "", factuur, bewijs])
            archief.writestr(factuur, PDF)
            archief.writestr(bewijs, PDF)
    return uit.getvalue().encode("utf-8"), archief_buffer.getvalue()


def run(ctx) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.utils import timezone

    from cheques import declaratiebestand
    from cheques.models import Declaratieindiening

    aantal = ctx.aantal or STANDAARD_AANTAL
    t0 = time.perf_counter()
    opleider, gebruiker, cheques = _gegevens(ctx, aantal)
    csv_inhoud, zip_inhoud = _bestanden(cheques, timezone.localdate())
    ctx.log(f"declaraties: {aantal} cheques en bestanden klaar in "
            f"{time.perf_counter() - t0:.1f} s")

    def controleer():
        with zipfile.ZipFile(io.BytesIO(zip_inhoud)) as archief:
            return declaratiebestand.controleer(opleider=opleider, csv_inhoud=csv_inhoud,
                                                archief=archief)

    with CaptureQueriesContext(connection) as q_controle:
        t0 = time.perf_counter()
        regels = controleer()
        controle_s = time.perf_counter() - t0
    assert len(regels) == aantal
    tracemalloc.start()
    controleer()
    _nu, controle_piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    rss_voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as map_, override_settings(STORAGES={
            "default": {"BACKEND": "tfvv.opslag.Opslag", "OPTIONS": {"location": map_}},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage."
                                       "StaticFilesStorage"}}), \
            CaptureQueriesContext(connection) as q_geheel:
        t0 = time.perf_counter()
        bestand = declaratiebestand.verwerk(opleider=opleider, door=gebruiker, naam="bench.csv",
                                            csv_inhoud=csv_inhoud,
                                            zip_bestand=io.BytesIO(zip_inhoud))
        geheel_s = time.perf_counter() - t0
    rss_groei = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_voor
    opgeslagen = Declaratieindiening.objects.filter(bestand=bestand).count()
    cijfers = {
        "regels": aantal, "csv_kb": round(len(csv_inhoud) / 1024),
        "zip_kb": round(len(zip_inhoud) / 1024),
        "controle_s": round(controle_s, 3),
        "controle_queries": len(q_controle.captured_queries),
        "controle_piek_python_mb": round(controle_piek / 1024 / 1024, 1),
        "indienen_s": round(geheel_s, 2),
        "indienen_ms_per_regel": round(1000 * geheel_s / aantal, 2),
        "indienen_queries": len(q_geheel.captured_queries),
        "indienen_queries_per_regel": round(len(q_geheel.captured_queries) / aantal, 1),
        "indienen_groei_piek_rss_mb": round(rss_groei / 1024, 1),
        "opgeslagen": opgeslagen,
    }
    return {
        "status": "gemeten", "cijfers": cijfers,
        "doelen": [
            doel("controle: vast aantal queries (≤ 5)", cijfers["controle_queries"],
                 cijfers["controle_queries"] <= 5),
            doel(f"controle van {aantal} regels < 5 s", cijfers["controle_s"],
                 controle_s < 5),
            doel(f"{aantal} regels ingediend < 60 s", cijfers["indienen_s"], geheel_s < 60),
            doel("alles opgeslagen", opgeslagen, opgeslagen == aantal),
        ],
        "toelichting": "In het bench-proces, niet via gunicorn. De controle laadt de cheques "
                       "van het bestand in één query; het indienen vergrendelt alle cheques "
                       "in één keer, controleert opnieuw, schrijft de PDF's (twee per regel) "
                       "en de declaraties met één insert, plus een gebeurtenis per regel, in "
                       "één transactie.",
    }
