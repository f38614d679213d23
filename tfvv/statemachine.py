"""State machines written as data.

Each app declares its transitions as `Transitie` rows; `voer_uit` is the only way a
record's status changes: it checks the transition is allowed from the current
state, saves the new state and records the event in the caller's transaction.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils.translation import gettext as _

from tfvv.events import registreer_gebeurtenis


class OngeldigeTransitie(Exception):
    """The record is not in a state from which this action is allowed. The message is
    shown to people as it is: Dutch, with the labels of the action and the status."""


def statuslabel(model: type[models.Model] | str, status: str, veld: str = "status") -> str:
    """The Dutch label of a status code of `model` (a model class or its
    `app_label.modelname`, as events store it); the code itself when unknown."""
    if not status:
        return _("nieuw")
    try:
        if isinstance(model, str):
            model = apps.get_model(model)
        keuzes = dict(model._meta.get_field(veld).flatchoices)
    except (LookupError, ValueError, AttributeError):
        return status.replace("_", " ")
    return str(keuzes.get(status, status.replace("_", " ")))


@dataclass(frozen=True)
class Transitie:
    naam: str
    van: frozenset[str]
    naar: str
    label: str
    tekst_inwoner: str = ""


class Statusmachine:
    def __init__(self, transities: Iterable[Transitie], veld: str = "status"):
        self.transities = {t.naam: t for t in transities}
        self.veld = veld

    def toegestaan(self, obj: models.Model, naam: str) -> bool:
        t = self.transities[naam]
        return getattr(obj, self.veld) in t.van

    def mogelijke(self, obj: models.Model) -> list[Transitie]:
        huidig = getattr(obj, self.veld)
        return [t for t in self.transities.values() if huidig in t.van]

    def voer_uit(
        self, obj: models.Model, naam: str, *, actor, dossier_id: int | None, reden: str = "",
        gegevens: dict | None = None, tekst_inwoner: str | None = None,
        extra_velden: Iterable[str] = (),
    ):
        t = self.transities[naam]
        van = getattr(obj, self.veld)
        if van not in t.van:
            raise OngeldigeTransitie(
                _("‘%(actie)s’ is niet mogelijk: de status is ‘%(status)s’.")
                % {"actie": t.label, "status": statuslabel(type(obj), van, self.veld)})
        setattr(obj, self.veld, t.naar)
        obj.save(update_fields=[self.veld, *extra_velden])
        return registreer_gebeurtenis(
            actor=actor, obj=obj, actie=naam, dossier_id=dossier_id, van_status=van,
            naar_status=t.naar, reden=reden, gegevens=gegevens,
            tekst_inwoner=t.tekst_inwoner if tekst_inwoner is None else tekst_inwoner,
        )
