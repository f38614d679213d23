"""Retention: anonymise closed cases once their retention period has passed.

Each app registers, in a module `<app>/bewaartermijnen.py` (found automatically, like
admin.py), the records it owns that must be anonymised:

    from tfvv.bewaartermijnen import registreer

    registreer("aanvragen.aanvraag", te_anonimiseren=verlopen_aanvragen,
               anonimiseer=anonimiseer_aanvraag)

A later app that keeps a case open for legal reasons (a pending bezwaar or beroep) adds a
hold, which `pas_toe` respects for every record registered with `dossier_veld`:

    registreer_blokkade("cheques.bezwaar", dossiers=lambda nu: <values_list of dossier ids>)

`te_anonimiseren(nu)` returns a queryset of records due at `nu` (not yet anonymised);
`anonimiseer(obj, nu)` blanks the personal fields of one record, keeping what the
statistics need, and sets `geanonimiseerd_op`. Each record is handled in its own
transaction, so one failure does not stop the others.

Periods (days) come from settings.TFVV_BEWAARTERMIJNEN (docs/configuratie.md); the
nightly Celery beat task and `manage.py bewaartermijnen [--droog]` call `pas_toe`.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import ngettext

log = logging.getLogger(__name__)

# Sent after an aanvraag is anonymised, so later pipeline stages (which an earlier app may
# not import) blank their own free text about the person: receivers get `dossier_id`.
dossier_geanonimiseerd = Signal()

TERMIJNEN = ("zonder_vervolg", "afgewezen", "toegekend", "verantwoording")


@dataclass(frozen=True)
class Anonimiseerder:
    naam: str
    te_anonimiseren: Callable[[datetime.datetime], models.QuerySet]
    anonimiseer: Callable[[models.Model, datetime.datetime], None]
    dossier_veld: str = ""  # the field holding the dossier (aanvraag) id: holds apply


_register: dict[str, Anonimiseerder] = {}
_blokkades: dict[str, Callable[[datetime.datetime], models.QuerySet]] = {}


def registreer(naam: str, *, te_anonimiseren, anonimiseer, dossier_veld: str = "") -> None:
    _register[naam] = Anonimiseerder(naam, te_anonimiseren, anonimiseer, dossier_veld)


def registreer_blokkade(naam: str, *, dossiers) -> None:
    """`dossiers(nu)`: a values_list queryset of dossier ids that must not be anonymised at
    `nu` (Awb: the case file is needed while a bezwaar or beroep is pending)."""
    _blokkades[naam] = dossiers


def zonder_blokkades(qs: models.QuerySet, dossier_veld: str, nu) -> models.QuerySet:
    for dossiers in _blokkades.values():
        qs = qs.exclude(**{f"{dossier_veld}__in": dossiers(nu)})
    return qs


def anonimiseerders() -> list[Anonimiseerder]:
    autodiscover_modules("bewaartermijnen")
    return list(_register.values())


def termijn(soort: str) -> datetime.timedelta:
    """The retention period of an outcome (`zonder_vervolg`, `afgewezen`, `toegekend`) or
    of a funder report's files (`verantwoording`)."""
    if soort not in TERMIJNEN:
        raise KeyError(soort)
    return datetime.timedelta(days=settings.TFVV_BEWAARTERMIJNEN[soort])


def bezwaartermijn() -> datetime.timedelta:
    return datetime.timedelta(days=settings.TFVV_BEZWAARTERMIJN_DAGEN)


def duur(dagen: int) -> str:
    """A retention period in words for the privacy statement: 365 -> "1 jaar",
    2557 -> "7 jaar", 548 -> "18 maanden", 90 -> "90 dagen"."""
    jaren, rest = divmod(dagen, 365)
    if jaren and rest <= jaren * 2:  # leap days
        return ngettext("%(n)d jaar", "%(n)d jaar", jaren) % {"n": jaren}
    maanden = round(dagen / 30.4375)  # an average month
    if maanden >= 2 and abs(maanden * 30.4375 - dagen) <= 2:
        return ngettext("%(n)d maand", "%(n)d maanden", maanden) % {"n": maanden}
    return ngettext("%(n)d dag", "%(n)d dagen", dagen) % {"n": dagen}


def termijnen_in_woorden() -> dict[str, str]:
    """The retention settings as the privacy statement states them (one source of truth)."""
    return {soort: duur(settings.TFVV_BEWAARTERMIJNEN[soort]) for soort in TERMIJNEN}


def pas_toe(*, droog: bool = False, nu: datetime.datetime | None = None) -> dict[str, int]:
    """Anonymise everything that is due; returns the number per register entry.

    With `droog=True` nothing changes; the numbers say what would be anonymised.
    """
    nu = nu or timezone.now()
    aantallen = {}
    for a in anonimiseerders():
        qs = a.te_anonimiseren(nu)
        if a.dossier_veld:
            qs = zonder_blokkades(qs, a.dossier_veld, nu)
        if droog:
            aantallen[a.naam] = qs.count()
            continue
        gedaan = 0
        for pk in list(qs.values_list("pk", flat=True)):
            try:
                with transaction.atomic():
                    obj = qs.model.objects.select_for_update().filter(
                        pk=pk, geanonimiseerd_op__isnull=True).first()
                    if obj is None:
                        continue
                    a.anonimiseer(obj, nu)
                    gedaan += 1
            except Exception:
                log.exception("Anonimiseren van %s %s mislukt", a.naam, pk)
        aantallen[a.naam] = gedaan
    return aantallen


# --- helpers for the app's anonymiser ---------------------------------------------


def geboortejaar(datum: datetime.date) -> datetime.date:
    """Keep only the birth year (1 January), enough for age bands."""
    return datetime.date(datum.year, 1, 1)


def pc4(postcode: str) -> str:
    """Keep only the four digits of a Dutch postcode (the area statistics use)."""
    return (postcode or "")[:4]


def _met_afhankelijken(obj: models.Model):
    """`obj` and every record that depends on it, however deep (a plan's beschikking, its
    cheque, the cheque's declaraties), without the earlier app knowing the later models."""
    gezien, te_doen = set(), [obj]
    while te_doen:
        record = te_doen.pop()
        sleutel = (record._meta.label, record.pk)
        if sleutel in gezien:
            continue
        gezien.add(sleutel)
        yield record
        for rel in record._meta.related_objects:
            if rel.one_to_many or rel.one_to_one:
                te_doen.extend(rel.related_model._default_manager.filter(
                    **{rel.field.name: record}))


def verwijder_bestanden(obj: models.Model) -> int:
    """Delete the stored files (uploads, PDFs) of `obj` and of everything depending on it;
    the rows stay, with an empty file field, for the statistics."""
    verwijderd = 0
    for record in _met_afhankelijken(obj):
        gewijzigd = []
        for veld in record._meta.concrete_fields:
            if isinstance(veld, models.FileField) and getattr(record, veld.name):
                getattr(record, veld.name).delete(save=False)
                setattr(record, veld.name, "")  # `obj` itself is saved again by the caller
                gewijzigd.append(veld.name)
        if gewijzigd:
            type(record)._default_manager.filter(pk=record.pk).update(
                **dict.fromkeys(gewijzigd, ""))
            verwijderd += len(gewijzigd)
    return verwijderd


def anonimiseer_gebeurtenissen(dossier_id: int) -> int:
    """Clear the free text (reason) and links of a case's events; keep action, states, time."""
    from tfvv.models import Gebeurtenis

    aantal = 0
    for g in Gebeurtenis.objects.filter(dossier_id=dossier_id):
        if g.reden or "links" in g.gegevens:
            g.reden = ""
            g.gegevens = {k: v for k, v in g.gegevens.items() if k != "links"}
            g.save(_anonimiseren=True)
            aantal += 1
    return aantal


def deactiveer_account(gebruiker) -> None:
    """Close a resident's account for good: no name, no e-mail, no way to log in."""
    gebruiker.first_name = ""
    gebruiker.last_name = ""
    gebruiker.email = ""
    gebruiker.username = f"geanonimiseerd-{gebruiker.pk}"
    gebruiker.is_active = False
    gebruiker.set_unusable_password()
    gebruiker.save()
