"""Checking an uploaded file by its content, never by its name or the browser's claim."""

import magic
from django.conf import settings
from django.utils.translation import gettext_lazy as _

TOEGESTAAN = {"application/pdf": "PDF", "image/jpeg": "JPG", "image/png": "PNG"}
SNIFF_BYTES = 8192


class OngeldigBestand(ValueError):
    pass


def controleer(bestand) -> str:
    """Return the MIME type detected from the content, or raise OngeldigBestand (Dutch)."""
    if bestand.size == 0:
        raise OngeldigBestand(_("Het bestand is leeg."))
    if bestand.size > settings.TFVV_MAX_UPLOAD_BYTES:
        mb = settings.TFVV_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise OngeldigBestand(_("Het bestand is te groot. Het mag maximaal %(mb)s MB zijn.")
                              % {"mb": mb})
    bestand.seek(0)
    kop = bestand.read(SNIFF_BYTES)
    bestand.seek(0)
    mime = magic.from_buffer(kop, mime=True)
    if mime not in TOEGESTAAN:
        raise OngeldigBestand(_("Dit bestand is geen PDF, JPG of PNG. Stuur een foto of scan "
                                "als PDF, JPG of PNG."))
    return mime
