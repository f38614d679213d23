"""The staff search across open and closed cases: who finds what, and the result rows.

It lives in the cheques stage because a result joins the aanvraag, its scholingsplannen
and its cheques. Every search starts from `zoekbereik`: a consulent the cases of their
loket (a manager both), the beoordelaar every case with a submitted plan, finance every
case with a cheque. A case outside it is simply not found, whatever is typed.

Query counts do not depend on the number of cases: the Paginator's count, one page of
aanvragen, and one query each for the page's plans and cheques.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery

from aanvragen.models import Aanvraag
from cheques.models import Cheque
from loopbaangesprekken.models import Scholingsplan
from loopbaangesprekken.selectors.gesprekken import aanvragen_voor
from tfvv.roles import Rol

# A user holding more than one of these roles searches as the first one held.
ZOEKROLLEN = (Rol.FINANCIEEL, Rol.BEOORDELAAR, Rol.CONSULENT)

STANDAARD_SORTERING = "-aanvraagdatum"


def _oplopend(veld: str, *rest):
    return (F(veld).asc(nulls_last=True), *rest)


def _aflopend(veld: str, *rest):
    return (F(veld).desc(nulls_last=True), *rest)


# The only orderings a request may ask for (?sorteer=…); anything else gets the default.
# `opleider` and `cheque` sort on an annotation (see _sorteerwaarden).
SORTERINGEN = {
    "referentie": ("referentie",), "-referentie": ("-referentie",),
    "naam": ("achternaam", "voornaam", "id"), "-naam": ("-achternaam", "-voornaam", "-id"),
    "aanvraagdatum": ("aanvraagdatum", "id"), "-aanvraagdatum": ("-aanvraagdatum", "-id"),
    "opleider": _oplopend("opleider_naam", "id"), "-opleider": _aflopend("opleider_naam", "-id"),
    "cheque": _oplopend("chequenummer", "id"), "-cheque": _aflopend("chequenummer", "-id"),
}


def zoekrol(user) -> str | None:
    """The role the user searches as; None for roles that may not search (adviesgroep,
    beheerder: no personal data)."""
    return next((rol for rol in ZOEKROLLEN if user.heeft_rol(rol)), None)


def ziet_cheques(rol) -> bool:
    """A consulent sees the beschikking of their cases, not the cheque."""
    return rol in (Rol.BEOORDELAAR, Rol.FINANCIEEL)


def _plannen(**filters) -> QuerySet[Scholingsplan]:
    return Scholingsplan.objects.filter(aanvraag=OuterRef("pk"), **filters)


def _cheques(**filters) -> QuerySet[Cheque]:
    return Cheque.objects.filter(beschikking__plan__aanvraag=OuterRef("pk"), **filters)


def zoekbereik(user, rol) -> QuerySet[Aanvraag]:
    """Every case, open or closed, that `user` may find when searching as `rol`."""
    if rol == Rol.CONSULENT:
        return aanvragen_voor(user)
    if rol == Rol.BEOORDELAAR:
        return Aanvraag.objects.filter(Exists(_plannen(ingediend_op__isnull=False)))
    if rol == Rol.FINANCIEEL:
        return Aanvraag.objects.filter(Exists(_cheques()))
    return Aanvraag.objects.none()


def _sorteerwaarden(qs: QuerySet[Aanvraag], sorteer: str) -> QuerySet[Aanvraag]:
    """The latest plan's opleider or the latest cheque number, only when sorted on it."""
    if sorteer.lstrip("-") == "opleider":
        laatste = _plannen().order_by("-aangemaakt_op", "-id").values("opleider__naam")[:1]
        qs = qs.annotate(opleider_naam=Subquery(laatste))
    elif sorteer.lstrip("-") == "cheque":
        qs = qs.annotate(chequenummer=Subquery(_cheques().order_by("-nummer").values("nummer")[:1]))
    return qs


def zoek(user, rol, criteria: dict, sorteer: str = STANDAARD_SORTERING) -> QuerySet[Aanvraag]:
    """The cases within the user's reach matching every criterion given (the cleaned data
    of cheques.forms_zoeken.ZoekForm), sorted by `sorteer` (a key of SORTERINGEN)."""
    qs = zoekbereik(user, rol).select_related("consulent")
    if referentie := criteria.get("referentie"):
        qs = qs.filter(referentie__icontains=referentie)
    for woord in (criteria.get("naam") or "").split():
        qs = qs.filter(Q(voornaam__icontains=woord) | Q(achternaam__icontains=woord))
    if email := criteria.get("email"):
        qs = qs.filter(email__icontains=email)
    if (nummer := criteria.get("chequenummer")) and ziet_cheques(rol):
        qs = qs.filter(Exists(_cheques(nummer__icontains=nummer)))
    if opleider := criteria.get("opleider"):
        qs = qs.filter(Exists(_plannen(opleider__naam__icontains=opleider)))
    if status := criteria.get("status"):
        qs = qs.filter(status=status)
    if vanaf := criteria.get("vanaf"):
        qs = qs.filter(aanvraagdatum__gte=vanaf)
    if tot := criteria.get("tot"):
        qs = qs.filter(aanvraagdatum__lte=tot)
    if sorteer not in SORTERINGEN:
        sorteer = STANDAARD_SORTERING
    return _sorteerwaarden(qs, sorteer).order_by(*SORTERINGEN[sorteer])


@dataclass
class Chequeregel:
    nummer: str
    status: str  # the Dutch label


@dataclass
class Resultaat:
    aanvraag: Aanvraag
    opleiders: list[str] = field(default_factory=list)
    cheques: list[Chequeregel] = field(default_factory=list)


def resultaten(aanvragen, *, met_cheques: bool) -> list[Resultaat]:
    """The rows of one page, in order: each case with the opleiders of its plans and (for
    beoordelaar and finance) its cheques, newest last. Two queries, whatever the page."""
    rijen = {a.pk: Resultaat(aanvraag=a) for a in aanvragen}
    for aanvraag_id, opleider in (Scholingsplan.objects.filter(aanvraag_id__in=rijen)
                                  .order_by("aangemaakt_op", "id")
                                  .values_list("aanvraag_id", "opleider__naam")):
        if opleider not in rijen[aanvraag_id].opleiders:
            rijen[aanvraag_id].opleiders.append(opleider)
    if met_cheques and rijen:
        labels = dict(Cheque.Status.choices)
        for aanvraag_id, nummer, status in (
                Cheque.objects.filter(beschikking__plan__aanvraag_id__in=rijen)
                .order_by("nummer").values_list("beschikking__plan__aanvraag_id", "nummer",
                                                "status")):
            rijen[aanvraag_id].cheques.append(Chequeregel(nummer=nummer, status=labels[status]))
    return list(rijen.values())
