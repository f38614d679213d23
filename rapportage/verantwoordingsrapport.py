"""The funder report as issued: requested, made once by the worker, stored, never changed.

`vraag_verantwoording_aan` records a request (a second request while one is in the making
gets that one); `maak_verantwoordingsrapport` (the Celery task, via the outbox) builds the
full report (rapportage.verantwoording) once, renders the XLSX and the PDF from it (the PDF
names the XLSX's SHA-256, so the two belong together), keeps both with their SHA-256, and
keeps the totals and the reconciliation as data (`totalen_van`), which the page reads back
(`stand`) without touching the ledger: the page costs the same at any size, and shows
exactly what was sent to the funder.
"""

import hashlib
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from rapportage import verantwoording
from rapportage.models import Verantwoordingsrapport
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Financieringsbron
from tfvv.opslag import atomic_met_bestanden
from tfvv.outbox import plan_taak

logger = logging.getLogger(__name__)
R = Verantwoordingsrapport.Status
# WeasyPrint lays out about 40 participant rows a second and keeps every page in memory
# (2,000 rows: a minute and ~900 MB). Above this many the PDF names the Excel file (with
# its SHA-256) instead of listing the participants, so a build stays bounded at any size.
PDF_MAX_DEELNEMERS = 2000
POGINGEN = 3
BEDRAGEN_AANSLUITING = ("grootboek", "deze_bron", "andere_bronnen", "niet_toegerekend")


@dataclass
class Stand:
    """The stored totals of a finished report, in the shape the templates read
    (rapportage/_verantwoording_aansluiting.html and _verantwoording_uitkomsten.html)."""

    toegezegd: Decimal
    aantal_deelnemers: int
    totalen: dict
    aansluiting: list[verantwoording.Aansluiting]
    afrondingen: list
    werk_na_6_maanden: list
    sluit: bool


def totalen_van(v: verantwoording.Verantwoording) -> dict:
    """The report's totals as JSON (Decimals as strings: exact to the cent)."""
    return {
        "toegezegd": str(v.toegezegd),
        "aantal_deelnemers": v.aantal_deelnemers,
        "totalen": {naam: str(bedrag) for naam, bedrag in v.totalen.items()},
        "aansluiting": [{"soort": a.soort, **{k: str(getattr(a, k))
                                               for k in BEDRAGEN_AANSLUITING}}
                        for a in v.aansluiting],
        "afrondingen": [[label, n] for label, n in v.afrondingen],
        "werk_na_6_maanden": [[label, n] for label, n in v.werk_na_6_maanden],
        # as checked when made: also that the participant rows add up to "deze bron"
        "sluit": v.sluit,
    }


def stand(gegevens: dict) -> Stand:
    """The stored totals read back (no query)."""
    soorten = dict(verantwoording.S.choices)
    return Stand(
        toegezegd=Decimal(gegevens["toegezegd"]),
        aantal_deelnemers=gegevens["aantal_deelnemers"],
        totalen={naam: Decimal(b) for naam, b in gegevens["totalen"].items()},
        aansluiting=[verantwoording.Aansluiting(
            soort=a["soort"], label=str(soorten.get(a["soort"], a["soort"])),
            **{k: Decimal(a[k]) for k in BEDRAGEN_AANSLUITING}) for a in gegevens["aansluiting"]],
        afrondingen=[tuple(r) for r in gegevens["afrondingen"]],
        werk_na_6_maanden=[tuple(r) for r in gegevens["werk_na_6_maanden"]],
        sluit=gegevens["sluit"],
    )


def vraag_verantwoording_aan(*, periode, bron, door) -> Verantwoordingsrapport:
    """Record a request and have the worker make the report after commit; while one for
    this periode and bron is waiting or being made, that one is returned (no second job)."""
    from rapportage.tasks import maak_verantwoordingsrapport

    with transaction.atomic():
        # requests for one bron one at a time (the unique constraint is the backstop)
        Financieringsbron.objects.select_for_update().get(pk=bron.pk)
        lopend = Verantwoordingsrapport.objects.filter(
            periode=periode, bron=bron, status__in=Verantwoordingsrapport.LOPEND).first()
        if lopend is not None:
            return lopend
        rapport = Verantwoordingsrapport.objects.create(periode=periode, bron=bron,
                                                        aangevraagd_door=door)
        registreer_gebeurtenis(actor=door, obj=rapport, actie="verantwoording_aangevraagd",
                               dossier_id=None,
                               gegevens={"periode": periode.pk, "bron": bron.pk})
        plan_taak(maak_verantwoordingsrapport, rapport_id=rapport.pk)
    return rapport


def bestandsnaam(rapport: Verantwoordingsrapport, formaat: str) -> str:
    """The name a download gets: bron, period and the moment of the figures."""
    moment = timezone.localtime(rapport.stand_van or rapport.aangemaakt_op)
    return (f"verantwoording-{slugify(rapport.bron.naam)}-{slugify(rapport.periode.naam)}-"
            f"{moment:%Y%m%d-%H%M}.{formaat}")


def _bouw(rapport: Verantwoordingsrapport):
    """(stand_van, the full report), read again while it does not reconcile: the worker's
    transaction (the outbox's) reads in several statements, each seeing the ledger as it is
    then, so a booking between two of them makes the reconciliation differ by that booking.
    One that still differs after POGINGEN reads is a real difference and is stored as such
    (the page shows it in bold)."""
    for _poging in range(POGINGEN):
        stand_van = timezone.now()
        v = verantwoording.verantwoording(rapport.periode, rapport.bron)
        if v.sluit:
            break
        logger.warning("Verantwoordingsrapport %s sluit niet aan; opnieuw gelezen", rapport.pk)
    return stand_van, v


def maak_verantwoordingsrapport(*, rapport_id: int) -> Verantwoordingsrapport:
    """Build, render and store a requested report, once (idempotent: a finished or failed
    one is left alone; one left "bezig" by a worker that stopped is built again)."""
    from tfvv.pdf import render_pdf

    with transaction.atomic():
        rapport = (Verantwoordingsrapport.objects.select_for_update(of=("self",))
                   .select_related("periode", "bron").get(pk=rapport_id))
        if rapport.status in (R.KLAAR, R.MISLUKT):
            return rapport
        rapport.status = R.BEZIG
        rapport.save(update_fields=["status"])
    try:
        stand_van, v = _bouw(rapport)
        xlsx = verantwoording.xlsx_bytes(v)
        xlsx_sha256 = hashlib.sha256(xlsx).hexdigest()
        pdf = render_pdf("rapportage/verantwoording_pdf.html", {
            "v": v, "gemaakt_op": timezone.localtime(stand_van), "xlsx_sha256": xlsx_sha256,
            "met_deelnemers": v.aantal_deelnemers <= PDF_MAX_DEELNEMERS})
        totalen = totalen_van(v)
    except Exception as fout:
        # the message is for the log and the admin; the page says only that it failed
        logger.exception("Verantwoordingsrapport %s mislukt", rapport_id)
        rapport.status = R.MISLUKT
        rapport.foutmelding = str(fout)[:500]
        rapport.save(update_fields=["status", "foutmelding"])
        return rapport
    with atomic_met_bestanden():
        rapport.stand_van = stand_van
        rapport.pdf.save(f"verantwoording-{rapport.pk}.pdf", ContentFile(pdf), save=False)
        rapport.xlsx.save(f"verantwoording-{rapport.pk}.xlsx", ContentFile(xlsx), save=False)
        rapport.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        rapport.xlsx_sha256 = xlsx_sha256
        rapport.totalen = totalen
        rapport.status = R.KLAAR
        rapport.klaar_op = timezone.now()
        rapport.save(update_fields=["stand_van", "pdf", "xlsx", "pdf_sha256", "xlsx_sha256",
                                    "totalen", "status", "klaar_op"])
        registreer_gebeurtenis(actor=None, obj=rapport, actie="verantwoording_gemaakt",
                               dossier_id=None,
                               gegevens={"pdf_sha256": rapport.pdf_sha256,
                                         "xlsx_sha256": rapport.xlsx_sha256,
                                         "sluit": totalen["sluit"]})
    logger.info("Verantwoordingsrapport %s gemaakt: %s deelnemers", rapport_id,
                totalen["aantal_deelnemers"])
    return rapport
