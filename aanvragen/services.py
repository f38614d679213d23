"""Writes and transitions of the aanvraag. Every function: keyword-only, one transaction."""

from django.db import transaction

from aanvragen.models import Aanvraag
from aanvragen.workflow import aanvraag_statusmachine


@transaction.atomic
def wijzig_status(*, aanvraag: Aanvraag, transitie: str, actor, reden: str = "",
                  gegevens: dict | None = None, tekst_inwoner: str | None = None) -> Aanvraag:
    """Apply one transition of AANVRAAG_TRANSITIES (raises OngeldigeTransitie when not allowed).

    Later pipeline stages call this to move the aanvraag along; the event it records
    is what the resident's timeline shows.
    """
    aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    aanvraag_statusmachine.voer_uit(
        aanvraag, transitie, actor=actor, dossier_id=aanvraag.pk, reden=reden,
        gegevens=gegevens, tekst_inwoner=tekst_inwoner,
    )
    return aanvraag
