"""Writes of the rapportage app: refreshing the summary tables and making progress reports."""

import datetime
import logging
import time

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone

from rapportage import samenvatting
from rapportage.models import Budgetstand, Telling, Verversing, Voortgangsrapportage
from tfvv.outbox import plan_taak

logger = logging.getLogger(__name__)


def ververs_samenvattingen() -> Verversing:
    """Recompute all summary tables in one transaction; readers keep seeing the old rows
    until it commits. Concurrent refreshes wait for each other (table lock on PostgreSQL)."""
    begin = time.monotonic()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {Telling._meta.db_table}, "  # noqa: S608 (names)
                               f"{Budgetstand._meta.db_table} IN EXCLUSIVE MODE")
        Telling.objects.all().delete()
        Budgetstand.objects.all().delete()
        samenvatting.vul_tellingen()
        samenvatting.vul_budgetstanden()
        aantal = Telling.objects.count() + Budgetstand.objects.count()
        verversing = Verversing.objects.create(
            status=Verversing.Status.KLAAR, klaar_op=timezone.now(), aantal_rijen=aantal,
            duur_seconden=round(time.monotonic() - begin, 3),
        )
    logger.info("Samenvattingen ververst: %s rijen in %.1f s", aantal, verversing.duur_seconden)
    return verversing


@transaction.atomic
def vraag_rapportage_aan(*, van: datetime.date, tot: datetime.date, door=None,
                         automatisch: bool = False) -> Voortgangsrapportage:
    """Register a report and have the worker make it after commit."""
    from rapportage.tasks import maak_voortgangsrapportage

    rapportage = Voortgangsrapportage.objects.create(
        van=van, tot=tot, aangevraagd_door=door, automatisch=automatisch
    )
    plan_taak(maak_voortgangsrapportage, rapportage_id=rapportage.pk)
    return rapportage


def maak_voortgangsrapportage(*, rapportage_id: int) -> Voortgangsrapportage:
    """Render the PDF of a registered report (idempotent: a finished one is left alone)."""
    from rapportage import selectors, uitkomsten_kort
    from tfvv.pdf import render_pdf

    with transaction.atomic():
        rapportage = Voortgangsrapportage.objects.select_for_update().get(pk=rapportage_id)
        if rapportage.status == Voortgangsrapportage.Status.KLAAR:
            return rapportage
        rapportage.status = Voortgangsrapportage.Status.BEZIG
        rapportage.save(update_fields=["status"])
    try:
        filters = selectors.Filters(van=rapportage.van, tot=rapportage.tot)
        pdf = render_pdf("rapportage/voortgangsrapportage_pdf.html", {
            "rapportage": rapportage, "dashboard": selectors.dashboard(filters),
            "kerncijfers": uitkomsten_kort.kerncijfers(filters),
        })
    except Exception as fout:
        logger.exception("Voortgangsrapportage %s mislukt", rapportage_id)
        rapportage.status = Voortgangsrapportage.Status.MISLUKT
        rapportage.foutmelding = str(fout)[:500]
        rapportage.save(update_fields=["status", "foutmelding"])
        raise
    with transaction.atomic():
        rapportage.bestand.save(
            f"voortgangsrapportage-{rapportage.van:%Y%m%d}-{rapportage.tot:%Y%m%d}.pdf",
            ContentFile(pdf), save=False,
        )
        rapportage.status = Voortgangsrapportage.Status.KLAAR
        rapportage.klaar_op = timezone.now()
        rapportage.foutmelding = ""
        rapportage.save(update_fields=["bestand", "status", "klaar_op", "foutmelding"])
    return rapportage


def maandelijkse_rapportage(*, vandaag: datetime.date | None = None) -> Voortgangsrapportage:
    """Beat, on the first of the month: refresh, then report on the year up to last month."""
    vandaag = vandaag or timezone.localdate()
    tot = vandaag.replace(day=1) - datetime.timedelta(days=1)
    van = tot.replace(month=1, day=1)
    bestaand = Voortgangsrapportage.objects.filter(van=van, tot=tot, automatisch=True).first()
    if bestaand:
        return bestaand
    ververs_samenvattingen()
    return vraag_rapportage_aan(van=van, tot=tot, automatisch=True)
