"""Recording events: the single service every transition in every app calls.

A later stage of the pipeline learns of what an earlier one did through the event log:
`gebeurtenis_geregistreerd` is sent (inside the same transaction) for every event.
"""

from django.db import models
from django.dispatch import Signal

from tfvv.models import Gebeurtenis, Inzage

gebeurtenis_geregistreerd = Signal()  # kwargs: gebeurtenis


def _objecttype(obj: models.Model) -> str:
    return obj._meta.label_lower


def registreer_gebeurtenis(
    *,
    actor,
    obj: models.Model,
    actie: str,
    dossier_id: int | None,
    van_status: str = "",
    naar_status: str = "",
    reden: str = "",
    tekst_inwoner: str = "",
    gegevens: dict | None = None,
) -> Gebeurtenis:
    """Append one event. Call inside the transaction of the change it describes."""
    actor_rol = ""
    if actor is not None and getattr(actor, "is_authenticated", False):
        actor_rol = ",".join(sorted(actor.rollen))
    else:
        actor = None
    gebeurtenis = Gebeurtenis.objects.create(
        actor=actor,
        actor_rol=actor_rol,
        objecttype=_objecttype(obj),
        object_id=str(obj.pk),
        dossier_id=dossier_id,
        actie=actie,
        van_status=van_status,
        naar_status=naar_status,
        reden=reden,
        tekst_inwoner=str(tekst_inwoner),
        gegevens=gegevens or {},
    )
    gebeurtenis_geregistreerd.send(sender=Gebeurtenis, gebeurtenis=gebeurtenis)
    return gebeurtenis


def registreer_inzage(
    *, gebruiker, handeling: str, onderdeel: str, dossier_id: int | None = None,
    betrokkene_id: int | None = None, pad: str = "",
) -> Inzage:
    """AVG access log: record that `gebruiker` viewed or exported personal data."""
    return Inzage.objects.create(
        gebruiker=gebruiker if getattr(gebruiker, "is_authenticated", False) else None,
        handeling=handeling,
        onderdeel=onderdeel,
        dossier_id=dossier_id,
        betrokkene_id=betrokkene_id,
        pad=pad[:300],
    )
