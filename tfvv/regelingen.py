"""Regelingen as versions: a version that judged a case is never changed; a change is a
new version from a later date, asked by one beheerder and approved by another
(tfvv.vierogen), each with a fresh code. On approval the version running on the new
start date ends the day before; that date lies after today, so no case that was judged
already falls in the shortened part. Only approved versions exist as `Regeling` rows,
so only approved versions count for the subsidietoets.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tfvv import vierogen
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Regeling
from tfvv.roles import Rol

SOORT = "regeling"
VELDEN = ("naam", "geldig_van", "geldig_tot", "minimumleeftijd", "cofinanciering_aandeel",
          "maximum_per_jaar", "niveauregel", "grondslag", "medeondertekening_vanaf")
DATUMS = ("geldig_van", "geldig_tot")
BEDRAGEN = ("cofinanciering_aandeel", "maximum_per_jaar", "medeondertekening_vanaf")


def versies():
    """All versions, oldest first, with `in_gebruik` (a case refers to it): one query."""
    in_gebruik = {}
    for nummer, relatie in enumerate(Regeling.verwijzingen()):
        in_gebruik[f"_gebruik_{nummer}"] = Exists(
            relatie.related_model._default_manager.filter(**{relatie.field.name: OuterRef("pk")}))
    regelingen = list(Regeling.objects.annotate(**in_gebruik).order_by("geldig_van"))
    for r in regelingen:
        r.in_gebruik = any(getattr(r, naam) for naam in in_gebruik)
    return regelingen


def laatste_versie() -> Regeling | None:
    return Regeling.objects.order_by("-geldig_van").first()


def _naar_json(gegevens: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, datetime.date) else
                str(v) if isinstance(v, Decimal) else v) for k, v in gegevens.items()}


def _uit_json(payload: dict) -> dict:
    gegevens = {k: payload[k] for k in VELDEN}
    for k in DATUMS:
        gegevens[k] = datetime.date.fromisoformat(payload[k])
    for k in BEDRAGEN:
        gegevens[k] = Decimal(payload[k])
    return gegevens


def valideer(gegevens: dict) -> None:
    """The values (Regeling.clean) and the place in time: from tomorrow at the earliest,
    and no approved version starts on or after the new start date."""
    Regeling(code="nieuw", **gegevens).clean()
    van = gegevens["geldig_van"]
    if van <= timezone.localdate():
        raise ValidationError({"geldig_van": _(
            "Een nieuwe versie gaat op zijn vroegst morgen in: wat al beoordeeld is, "
            "blijft onder de oude versie vallen.")})
    later = Regeling.objects.filter(geldig_van__gte=van).order_by("geldig_van").first()
    if later is not None:
        raise ValidationError({"geldig_van": _(
            "Versie ‘%(naam)s’ begint al op of na deze datum; kies een latere begindatum.")
            % {"naam": later.naam}})
    lopend = Regeling.objects.filter(geldig_van__lt=van, geldig_tot__gte=van).first()
    if lopend is not None and van - datetime.timedelta(days=1) <= lopend.geldig_van:
        raise ValidationError({"geldig_van": _(
            "Versie ‘%(naam)s’ loopt dan nog geen dag; kies een latere begindatum.")
            % {"naam": lopend.naam}})


def vraag_nieuwe_versie_aan(*, actor, code: str, gegevens: dict,
                            toelichting: str = ""):
    valideer(gegevens)
    return vierogen.vraag_aan(
        soort=SOORT, actor=actor, code=code, sleutel="regeling",
        omschrijving=_("Nieuwe versie van de regeling: %(naam)s vanaf %(van)s") % {
            "naam": gegevens["naam"], "van": gegevens["geldig_van"].strftime("%d-%m-%Y")},
        payload=_naar_json(gegevens), toelichting=toelichting)


def _unieke_code(gegevens) -> str:
    basis = slugify(f"{gegevens['naam']}-{gegevens['geldig_van']:%Y%m%d}")[:45]
    code, n = basis, 1
    while Regeling.objects.filter(code=code).exists():
        n += 1
        code = f"{basis}-{n}"
    return code


def _maak_versie(verzoek, actor) -> None:
    gegevens = _uit_json(verzoek.payload)
    valideer(gegevens)  # again: time has passed since the request
    van = gegevens["geldig_van"]
    lopend = Regeling.objects.select_for_update().filter(
        geldig_van__lt=van, geldig_tot__gte=van).first()
    if lopend is not None:
        # only the end date of the running version moves, to before the new start (after
        # today, see valideer); no judged case is affected
        Regeling.objects.filter(pk=lopend.pk).update(
            geldig_tot=van - datetime.timedelta(days=1))
    regeling = Regeling(code=_unieke_code(gegevens), **gegevens)
    regeling.full_clean()
    regeling.save()
    registreer_gebeurtenis(actor=actor, obj=regeling, actie="regeling_versie", dossier_id=None,
                           gegevens={"verzoek": verzoek.pk,
                                     "aangevraagd_door": verzoek.aangevraagd_door_id,
                                     "vorige": lopend.pk if lopend else None})


vierogen.registreer(vierogen.Soort(
    naam=SOORT, label=gettext_lazy("Nieuwe versie van de regeling"),
    aanvragers=(Rol.BEHEERDER,), goedkeurders=(Rol.BEHEERDER,), uitvoeren=_maak_versie))


