"""Reads of the consulent's workspace. Query counts do not depend on the number of cases.

Organisation isolation lives here: every read starts from `aanvragen_voor(user)`, so a
case of the other loket is simply not found (404), whatever URL is guessed.
"""

from django.db.models import Count, Min, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag, Document
from aanvragen.workflow import AANVRAAG_TRANSITIES
from loopbaangesprekken.models import Gesprek, Verslagversie
from loopbaangesprekken.workflow import PLAN_TRANSITIES
from loopbaangesprekken.workflow_gesprek import GESPREK_TRANSITIES
from tfvv.models import Gebeurtenis, Gebruiker
from tfvv.permissions import ziet_alle_loketten
from tfvv.roles import LOKETTEN, Rol
from tfvv.statemachine import statuslabel

LIJSTEN = ("nieuw", "mijn", "open")


def zichtbare_loketten(user) -> tuple[str, ...]:
    if not user.heeft_rol(Rol.CONSULENT):
        return ()
    if ziet_alle_loketten(user):
        return tuple(LOKETTEN)
    return (user.organisatie,) if user.organisatie in LOKETTEN else ()


def aanvragen_voor(user) -> QuerySet[Aanvraag]:
    """The cases this user may see at all: their loket's, or both for a manager."""
    return Aanvraag.objects.filter(loket__in=zichtbare_loketten(user))


def _open(qs: QuerySet[Aanvraag]) -> QuerySet[Aanvraag]:
    return qs.filter(status__in=Aanvraag.OPEN_STATUSSEN)


# The queue's column orderings (?sorteer=…); any other value gets the default, oldest first.
SORTERINGEN = {
    "ontvangen": ("ontvangen_op", "id"), "-ontvangen": ("-ontvangen_op", "-id"),
    "referentie": ("referentie",), "-referentie": ("-referentie",),
    "naam": ("achternaam", "voornaam", "id"), "-naam": ("-achternaam", "-voornaam", "-id"),
    "gemeente": ("gemeente__naam", "ontvangen_op", "id"),
    "-gemeente": ("-gemeente__naam", "ontvangen_op", "id"),
}
STANDAARD_SORTERING = "ontvangen"


def lijst(user, naam: str, sorteer: str = STANDAARD_SORTERING) -> QuerySet[Aanvraag]:
    """One tab of the queue: nieuw (no consulent yet), mijn, or all open; oldest first
    unless `sorteer` (a key of SORTERINGEN) says otherwise. Only the ids are read: page
    this in SQL, then fetch the page's rows with `met_overzichtsgegevens`."""
    qs = (_open(aanvragen_voor(user)).only("id")
          .order_by(*SORTERINGEN.get(sorteer, SORTERINGEN[STANDAARD_SORTERING])))
    if naam == "nieuw":
        qs = qs.filter(consulent__isnull=True)
    elif naam == "mijn":
        qs = qs.filter(consulent=user)
    return qs


def met_overzichtsgegevens(aanvragen) -> list[Aanvraag]:
    """What the queue rows of one page show, in the page's order, in one query (the
    gesprek figures are aggregated for these rows only, whatever the size of the queue)."""
    gepland = Q(gesprekken__status=Gesprek.Status.GEPLAND)
    volgorde = {a.pk: i for i, a in enumerate(aanvragen)}
    rijen = (Aanvraag.objects.filter(pk__in=volgorde)
             .select_related("gemeente", "consulent")
             .annotate(volgend_gesprek=Min("gesprekken__gepland_op", filter=gepland),
                       aantal_gevoerd=Count("gesprekken", filter=Q(
                           gesprekken__status=Gesprek.Status.GEVOERD))))
    return sorted(rijen, key=lambda a: volgorde[a.pk])


def tellingen(user) -> dict[str, int]:
    """The number of cases per tab, in one query that reads only the columns of the index
    aanvraag_loket_status_cons_idx (so not `id`)."""
    aantallen = _open(aanvragen_voor(user)).aggregate(
        open=Count("*"), toegewezen=Count("consulent"),
        mijn=Count("consulent", filter=Q(consulent=user)),
    )
    return {"nieuw": aantallen["open"] - aantallen["toegewezen"], "mijn": aantallen["mijn"],
            "open": aantallen["open"]}


def aanvraag_van(user, pk: int) -> Aanvraag | None:
    return (aanvragen_voor(user).select_related("gemeente", "consulent", "aanvrager")
            .filter(pk=pk).first())


def gesprek_van(user, pk: int) -> Gesprek | None:
    return (Gesprek.objects.select_related("aanvraag", "consulent")
            .filter(pk=pk, aanvraag__in=aanvragen_voor(user)).first())


def document_van(user, pk: int) -> Document | None:
    return (Document.objects.select_related("aanvraag")
            .filter(pk=pk, aanvraag__in=aanvragen_voor(user)).first())


def gesprekken(aanvraag: Aanvraag) -> list[Gesprek]:
    """The case's gesprekken, newest first; `laatste_correctie` is the latest
    Verslagversie (who corrected the verslag last, and when) or None."""
    lijst = list(aanvraag.gesprekken.select_related("consulent").order_by("-gepland_op", "-id")
                 .prefetch_related(Prefetch("verslagversies",
                                            queryset=Verslagversie.objects
                                            .select_related("vervangen_door"))))
    for gesprek in lijst:
        versies = gesprek.verslagversies.all()
        gesprek.laatste_correctie = versies[0] if versies else None
        gesprek.aantal_versies = len(versies)
    return lijst


def verslagversies(gesprek: Gesprek) -> list[Verslagversie]:
    """The earlier texts of a gesprek's verslag, newest first."""
    return list(gesprek.verslagversies.select_related("vervangen_door"))


def documenten(aanvraag: Aanvraag) -> list[Document]:
    """The resident's uploads, linked on the case page (one query)."""
    return list(aanvraag.documenten.order_by("geupload_op", "id"))


ACTIES = {
    **{t.naam: t.label for t in AANVRAAG_TRANSITIES},
    **{t.naam: t.label for t in GESPREK_TRANSITIES},
    **{t.naam: t.label for t in PLAN_TRANSITIES},
    "claimen": _("in behandeling nemen"),
    "toewijzen": _("toewijzen aan consulent"),
    "overdragen": _("overdragen aan ander loket"),
    "adres_controleren": _("adres gecontroleerd"),
    "intrekken": _("ingetrokken door de aanvrager"),
    "verslag_corrigeren": _("verslag gecorrigeerd"),
    "document_toegevoegd": _("document toegevoegd"),
    "document_verwijderen": _("document verwijderd"),
}


def tijdlijn(aanvraag: Aanvraag) -> list[Gebeurtenis]:
    """All events of the case for staff (newest first), including staff-only ones, with
    the Dutch labels of the action and of the statuses (never the internal codes)."""
    gebeurtenissen = list(Gebeurtenis.objects.filter(dossier_id=aanvraag.pk)
                          .select_related("actor").order_by("-tijdstip", "-id"))
    for g in gebeurtenissen:
        g.label = ACTIES.get(g.actie, g.actie.replace("_", " "))
        g.van_label = statuslabel(g.objecttype, g.van_status) if g.van_status else ""
        g.naar_label = statuslabel(g.objecttype, g.naar_status) if g.naar_status else ""
    return gebeurtenissen


def open_aanvragen_voor(user) -> QuerySet[Aanvraag]:
    return _open(aanvragen_voor(user))


def collegas_voor(user) -> QuerySet[Gebruiker]:
    """The active consulenten of the loketten this user sees (a manager: both)."""
    return (Gebruiker.objects.filter(is_active=True, organisatie__in=zichtbare_loketten(user),
                                     groups__name=Rol.CONSULENT)
            .order_by("organisatie", "first_name", "last_name", "username").distinct())


def collegas(loket: str) -> QuerySet[Gebruiker]:
    """The active consulenten of a loket, to assign a case to."""
    return (Gebruiker.objects.filter(is_active=True, organisatie=loket,
                                     groups__name=Rol.CONSULENT)
            .order_by("first_name", "last_name", "username").distinct())
