"""The auditor's zip, written file by file into a temporary file (low memory).

Per dossier: `dossier.pdf` (the whole dossier, with the scholingsplan and its subsidietoets),
the files of `cheques.exportinhoud`, and `inhoud.csv`: every file with what it is, its date,
its size and its SHA-256, so an auditor can check the zip is complete and unchanged. A
sample has a folder per dossier and `steekproef.csv` (the selection and how it was drawn).
"""

import hashlib
import tempfile
import zipfile

from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.models import Aanvraag
from cheques import dossier as dossiers
from cheques.exportinhoud import Stuk, stukken
from cheques.steekproef import Steekproef, sleutel
from tfvv.export import csv_bytes
from tfvv.pdf import render_pdf

BLOK = 1024 * 1024
INHOUDKOLOMMEN = ("bestand", "wat", "datum", "bytes", "sha256", "opmerking")
STEEKPROEFKOLOMMEN = ("volgnummer", "map", "referentie", "aanvraagdatum", "status",
                      "sleutel (sha256 van zaad:id)", "aanvraag-id", "zaad",
                      "aanvraagdatum vanaf", "aanvraagdatum tot en met", "gevraagde omvang",
                      "alleen status")


def _schrijf(zf: zipfile.ZipFile, pad: str, stuk: Stuk) -> list:
    """One file into the zip in blocks; its row for inhoud.csv."""
    hasher, grootte = hashlib.sha256(), 0
    if stuk.maak is not None:
        bron = None
        blokken = [stuk.maak()]
    else:
        try:
            bron = stuk.bestand.open("rb")
        except FileNotFoundError:
            # the record names a file the storage no longer has: say so, never hide it
            return [stuk.naam, stuk.omschrijving, stuk.datum, "", "",
                    _("bestand ontbreekt in de opslag")]
        blokken = iter(lambda: bron.read(BLOK), b"")
    try:
        with zf.open(pad, "w", force_zip64=True) as doel:
            for blok in blokken:
                hasher.update(blok)
                grootte += len(blok)
                doel.write(blok)
    finally:
        if bron is not None:
            bron.close()
    return [stuk.naam, stuk.omschrijving, stuk.datum, grootte, hasher.hexdigest(), ""]


def schrijf_dossier(zf: zipfile.ZipFile, *, user, aanvraag: Aanvraag, map_: str = "") -> None:
    """One dossier into `map_` of the zip, as `user` may see it."""
    dossier = dossiers.dossier(aanvraag)
    context = {**dossiers.weergave(user, aanvraag, dossier), "pdf": True}
    pdf = render_pdf("cheques/pdf/dossier.html", context)
    alle = [Stuk("dossier.pdf", _("Dossier: aanvraag, gesprekken, scholingsplan met "
                                  "subsidietoets, besluiten, cheque en gebeurtenissen"),
                 timezone.localdate(), maak=lambda: pdf), *stukken(dossier)]
    regels = [_schrijf(zf, map_ + stuk.naam, stuk) for stuk in alle]
    zf.writestr(map_ + "inhoud.csv", csv_bytes(INHOUDKOLOMMEN, regels))


def _steekproefregels(steekproef: Steekproef, aanvragen: list[Aanvraag]) -> list[list]:
    return [[i, map_van(a), a.referentie, a.aanvraagdatum,
             a.get_status_display(),
             sleutel(steekproef.zaad, a.pk), a.pk, steekproef.zaad, steekproef.van,
             steekproef.tot, steekproef.omvang, steekproef.status]
            for i, a in enumerate(aanvragen, start=1)]


def map_van(aanvraag: Aanvraag) -> str:
    return f"{aanvraag.referentie}/"


def maak_zip(*, user, aanvragen: list[Aanvraag], steekproef: Steekproef | None = None):
    """The zip as an open temporary file at position 0 (deleted when closed) and its
    SHA-256. One dossier: its files at the top; a sample: a folder per dossier."""
    # not a `with`: the caller streams the file and closes it
    uit = tempfile.TemporaryFile(suffix=".zip")  # noqa: SIM115
    try:
        with zipfile.ZipFile(uit, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            if steekproef is None:
                for aanvraag in aanvragen:
                    schrijf_dossier(zf, user=user, aanvraag=aanvraag)
            else:
                zf.writestr("steekproef.csv", csv_bytes(
                    STEEKPROEFKOLOMMEN, _steekproefregels(steekproef, aanvragen)))
                for aanvraag in aanvragen:
                    schrijf_dossier(zf, user=user, aanvraag=aanvraag, map_=map_van(aanvraag))
        uit.seek(0)
        hasher = hashlib.sha256()
        for blok in iter(lambda: uit.read(BLOK), b""):
            hasher.update(blok)
        uit.seek(0)
    except BaseException:
        uit.close()
        raise
    return uit, hasher.hexdigest()
