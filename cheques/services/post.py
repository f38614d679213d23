"""The postal channel (Awb 2:14): a resident who did not accept electronic decisions gets
every decision letter on paper. Staff print the letters in the worklist and mark them
posted; the posting date is the bekendmaking, so the bezwaartermijn runs from it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques.models import Postzending
from cheques.permissions import mag_besluiten
from cheques.services.gedeeld import eis
from tfvv.events import registreer_gebeurtenis
from tfvv.termijnen import bezwaartermijn_einde


def zet_klaar_voor_post(*, beschikking, vervolgbesluit=None) -> Postzending | None:
    """Queue the letter of a decision for printing when its resident wants paper."""
    aanvraag = beschikking.plan.aanvraag
    if aanvraag.besluiten_elektronisch:
        return None
    zending, _nieuw = Postzending.objects.get_or_create(
        beschikking=beschikking, vervolgbesluit=vervolgbesluit,
        defaults={"dossier_id": aanvraag.pk})
    return zending


@transaction.atomic
def markeer_gepost(*, zending: Postzending, door, gepost_op: datetime.date) -> Postzending:
    eis(mag_besluiten(door))
    zending = Postzending.objects.select_for_update().get(pk=zending.pk)
    if zending.gepost_op:
        raise ValidationError(_("Deze brief is al gepost."))
    if gepost_op > timezone.localdate():
        raise ValidationError({"gepost_op": _("De postdatum kan niet in de toekomst liggen.")})
    besluit = zending.besluit
    if gepost_op < besluit.verzonden_op:
        raise ValidationError({"gepost_op": _("De postdatum ligt vóór de datum van het "
                                              "besluit.")})
    zending.gepost_op, zending.gepost_door = gepost_op, door
    zending.save(update_fields=["gepost_op", "gepost_door"])
    if besluit.bezwaartermijn_tot is not None:
        # Awb 3:41: bekendmaking by sending; the term runs from the day after posting
        besluit.bezwaartermijn_tot = bezwaartermijn_einde(gepost_op)
        besluit.save(update_fields=["bezwaartermijn_tot"])
    registreer_gebeurtenis(actor=door, obj=zending, actie="per_post_verzonden",
                           dossier_id=zending.dossier_id,
                           tekst_inwoner=_("Wij hebben het besluit op %(op)s per post aan u "
                                           "verstuurd.") % {"op": f"{gepost_op:%d-%m-%Y}"},
                           gegevens={"gepost_op": gepost_op.isoformat()})
    return zending
