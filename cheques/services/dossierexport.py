"""Exports of whole dossiers for an auditor (docs/controle.md): the writes.

One dossier, or a sample of at most `SYNCHROON_TOT` dossiers, is built in the request and
streamed to the requester; nothing is kept but the record of the export. A larger sample
is built by a Celery task into private storage; only the requester can download it, for
`TFVV_DOSSIEREXPORT_UREN` hours, after which `ruim_op` removes the file (the record stays).

Every export is logged when its zip is made: an AVG access log line per aanvraag (the
requester saw that person's data) and an event per aanvraag on the dossier, in the same
transaction as the record of the export.
"""

import datetime
import logging

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Aanvraag
from cheques.exportzip import maak_zip
from cheques.models import Dossierexport
from cheques.permissions import mag_dossier_exporteren
from cheques.steekproef import Steekproef
from tfvv.events import registreer_gebeurtenis, registreer_inzage
from tfvv.opslag import atomic_met_bestanden
from tfvv.outbox import plan_taak

logger = logging.getLogger(__name__)

# above this many dossiers a sample is made in the background (each dossier renders a PDF)
SYNCHROON_TOT = 20
ONDERDEEL = "dossierexport voor controle"


def _aanvragen(ids: list[int]) -> list[Aanvraag]:
    """The aanvragen in the order of `ids` (one query)."""
    per_id = Aanvraag.objects.select_related("gemeente", "consulent").in_bulk(ids)
    return [per_id[pk] for pk in ids if pk in per_id]


def _leg_vast(export: Dossierexport, aanvragen: list[Aanvraag], door) -> None:
    """The AVG access log and the dossier events of a made export (in its transaction)."""
    pad = reverse("cheques:controle")
    for aanvraag in aanvragen:
        registreer_inzage(gebruiker=door, handeling="geexporteerd", onderdeel=ONDERDEEL,
                          dossier_id=aanvraag.pk, betrokkene_id=aanvraag.aanvrager_id, pad=pad)
        registreer_gebeurtenis(actor=door, obj=export, actie="dossier_geexporteerd",
                               dossier_id=aanvraag.pk,
                               gegevens={"export": export.pk, "soort": export.soort})


def _controleer(door) -> None:
    toegang = mag_dossier_exporteren(door)
    if not toegang:
        raise PermissionError(toegang.reden)


def exporteer_direct(*, door, aanvraag_ids: list[int], steekproef: Steekproef | None = None):
    """Build the zip now; record the export and log it. Returns (export, open zip file):
    the caller streams the file and closes it (it is deleted then)."""
    _controleer(door)
    aanvragen = _aanvragen(aanvraag_ids)
    bestand, sha256 = maak_zip(user=door, aanvragen=aanvragen, steekproef=steekproef)
    soort = Dossierexport.Soort.STEEKPROEF if steekproef else Dossierexport.Soort.AANVRAAG
    try:
        with transaction.atomic():
            export = Dossierexport.objects.create(
                soort=soort,
                aangevraagd_door=door, aanvraag_ids=[a.pk for a in aanvragen],
                status=Dossierexport.Status.KLAAR, klaar_op=timezone.now(), sha256=sha256,
                **_parameters(steekproef))
            _leg_vast(export, aanvragen, door)
    except BaseException:
        bestand.close()
        raise
    return export, bestand


def _parameters(steekproef: Steekproef | None) -> dict:
    if steekproef is None:
        return {}
    return {"van": steekproef.van, "tot": steekproef.tot, "omvang": steekproef.omvang,
            "zaad": steekproef.zaad, "aanvraagstatus": steekproef.status}


def vraag_steekproef_aan(*, door, steekproef: Steekproef, aanvraag_ids: list[int]
                         ) -> Dossierexport:
    """A large sample: recorded now, built by `maak_export` in the background."""
    from cheques.tasks import maak_dossierexport

    _controleer(door)
    with transaction.atomic():
        export = Dossierexport.objects.create(
            soort=Dossierexport.Soort.STEEKPROEF, aangevraagd_door=door,
            aanvraag_ids=aanvraag_ids, **_parameters(steekproef))
        registreer_gebeurtenis(actor=door, obj=export, actie="steekproef_aangevraagd",
                               dossier_id=None, gegevens={"aantal": len(aanvraag_ids),
                                                          "zaad": steekproef.zaad})
        plan_taak(maak_dossierexport, export_id=export.pk)
    return export


def maak_export(*, export_id: int) -> Dossierexport:
    """Build a requested sample into private storage, once (idempotent)."""
    with transaction.atomic():
        export = (Dossierexport.objects.select_for_update(of=("self",))
                  .select_related("aangevraagd_door").get(pk=export_id))
        # BEZIG too: a worker that stopped halfway left it so; the retry builds it again
        if export.status in (Dossierexport.Status.KLAAR, Dossierexport.Status.MISLUKT):
            return export
        export.status = Dossierexport.Status.BEZIG
        export.save(update_fields=["status"])
    door = export.aangevraagd_door
    steekproef = Steekproef(van=export.van, tot=export.tot, omvang=export.omvang,
                            zaad=export.zaad, status=export.aanvraagstatus)
    aanvragen = _aanvragen(export.aanvraag_ids)
    try:
        _controleer(door)  # the role may have been taken away since the request
        bestand, sha256 = maak_zip(user=door, aanvragen=aanvragen, steekproef=steekproef)
    except Exception as fout:
        logger.exception("Dossierexport %s mislukt", export_id)
        export.status = Dossierexport.Status.MISLUKT
        export.foutmelding = str(fout)[:500]
        export.save(update_fields=["status", "foutmelding"])
        return export
    with bestand, atomic_met_bestanden():
        export.bestand.save(f"steekproef-{export.pk}.zip", File(bestand), save=False)
        export.status = Dossierexport.Status.KLAAR
        export.sha256 = sha256
        export.klaar_op = timezone.now()
        export.verloopt_op = export.klaar_op + datetime.timedelta(
            hours=settings.TFVV_DOSSIEREXPORT_UREN)
        export.save(update_fields=["bestand", "status", "sha256", "klaar_op", "verloopt_op"])
        _leg_vast(export, aanvragen, door)
    return export


def ruim_op(*, nu: datetime.datetime | None = None) -> int:
    """Remove the zips whose download time is over (the record of the export stays)."""
    nu = nu or timezone.now()
    aantal = 0
    for export in Dossierexport.objects.filter(verloopt_op__lte=nu).exclude(bestand=""):
        with transaction.atomic():
            export.bestand.delete(save=False)
            export.save(update_fields=["bestand"])
            aantal += 1
    return aantal
