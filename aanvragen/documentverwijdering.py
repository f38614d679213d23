"""Service: remove a wrongly uploaded document. The file leaves the storage after the commit;
the record goes; the event log keeps its name, soort, who uploaded it and when, who removed
it and why (never the content)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from aanvragen import documentgebruik
from aanvragen.models import Aanvraag, Document
from aanvragen.permissions import mag_document_verwijderen
from tfvv.events import registreer_gebeurtenis


def verwijderbaar(user, aanvraag: Aanvraag, documenten) -> set[int]:
    """The ids of `documenten` (of `aanvraag`) that `user` may remove, for the lists."""
    tot = documentgebruik.vastgelegd_tot(aanvraag)
    for document in documenten:
        document.aanvraag = aanvraag  # known already: no query per document
    return {d.pk for d in documenten
            if mag_document_verwijderen(user, d, vastgelegd_tot=tot)}


@transaction.atomic
def verwijder_document(*, document: Document, actor, reden: str) -> None:
    aanvraag = Aanvraag.objects.select_for_update().get(pk=document.aanvraag_id)
    document = Document.objects.select_for_update().filter(pk=document.pk).first()
    if document is None:  # removed by a request that held the lock before this one
        raise PermissionDenied(_("Dit document is al verwijderd."))
    document.aanvraag = aanvraag
    toegang = mag_document_verwijderen(actor, document,
                                       vastgelegd_tot=documentgebruik.vastgelegd_tot(aanvraag))
    if not toegang:
        raise PermissionDenied(toegang.reden)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef aan waarom het document weg moet.")})
    registreer_gebeurtenis(
        actor=actor, obj=document, actie="document_verwijderen", dossier_id=aanvraag.pk,
        reden=reden.strip(),
        gegevens={"naam": document.originele_naam, "soort": document.soort,
                  "mime": document.mime, "grootte": document.grootte,
                  "geupload_op": document.geupload_op.isoformat(),
                  "geupload_door": document.geupload_door_id},
        tekst_inwoner=_("Document verwijderd: %(soort)s (%(naam)s).") % {
            "soort": document.get_soort_display(), "naam": document.originele_naam},
    )
    opslag, naam = document.bestand.storage, document.bestand.name
    document.delete()
    # only once the removal is committed: a rollback must not lose the file
    transaction.on_commit(lambda: opslag.delete(naam))
