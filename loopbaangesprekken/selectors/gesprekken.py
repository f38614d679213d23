"""Reads of the consulent's workspace. Query counts do not depend on the number of cases.

Organisation isolation lives here: every read starts from `aanvragen_voor(user)`, so a
case of the other loket is simply not found (404), whatever URL is guessed.
"""

from django.db.models import Count, Min, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag
from aanvragen.workflow import AANVRAAG_TRANSITIES
from loopbaangesprekken.models import Gesprek
from loopbaangesprekken.workflow_gesprek import GESPREK_TRANSITIES
from tfvv.models import Gebeurtenis, Gebruiker
from tfvv.permissions import ziet_alle_loketten
from tfvv.roles import LOKETTEN, Rol

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


def lijst(user, naam: str) -> QuerySet[Aanvraag]:
    """One tab of the queue: nieuw (no consulent yet, oldest first), mijn, or all open."""
    qs = _open(aanvragen_voor(user))
    if naam == "nieuw":
        qs = qs.filter(consulent__isnull=True)
    elif naam == "mijn":
        qs = qs.filter(consulent=user)
    return qs


def met_overzichtsgegevens(qs: QuerySet[Aanvraag]) -> QuerySet[Aanvraag]:
    """What a queue row shows, fetched with the rows themselves (no query per row)."""
    gepland = Q(gesprekken__status=Gesprek.Status.GEPLAND)
    return (qs.select_related("gemeente", "consulent")
            .annotate(volgend_gesprek=Min("gesprekken__gepland_op", filter=gepland),
                      aantal_gevoerd=Count("gesprekken",
                                           filter=Q(gesprekken__status=Gesprek.Status.GEVOERD)))
            .order_by("ontvangen_op", "id"))


def tellingen(user) -> dict[str, int]:
    """The number of cases per tab, in one query."""
    return _open(aanvragen_voor(user)).aggregate(
        nieuw=Count("id", filter=Q(consulent__isnull=True)),
        mijn=Count("id", filter=Q(consulent=user)),
        open=Count("id"),
    )


def locaties(user) -> list[str]:
    """The preferred locations residents gave, for the queue filter."""
    return list(aanvragen_voor(user).exclude(voorkeur_locatie="")
                .order_by("voorkeur_locatie").values_list("voorkeur_locatie", flat=True)
                .distinct())


def aanvraag_van(user, pk: int) -> Aanvraag | None:
    return (aanvragen_voor(user).select_related("gemeente", "consulent", "aanvrager")
            .filter(pk=pk).first())


def gesprek_van(user, pk: int) -> Gesprek | None:
    return (Gesprek.objects.select_related("aanvraag", "consulent")
            .filter(pk=pk, aanvraag__in=aanvragen_voor(user)).first())


def gesprekken(aanvraag: Aanvraag) -> list[Gesprek]:
    return list(aanvraag.gesprekken.select_related("consulent").order_by("-gepland_op", "-id"))


ACTIES = {
    **{t.naam: t.label for t in AANVRAAG_TRANSITIES},
    **{t.naam: t.label for t in GESPREK_TRANSITIES},
    "claimen": _("in behandeling nemen"),
    "toewijzen": _("toewijzen aan consulent"),
    "overdragen": _("overdragen aan ander loket"),
    "adres_controleren": _("adres gecontroleerd"),
}


def tijdlijn(aanvraag: Aanvraag) -> list[Gebeurtenis]:
    """All events of the case for staff (newest first), including staff-only ones."""
    gebeurtenissen = list(Gebeurtenis.objects.filter(dossier_id=aanvraag.pk)
                          .select_related("actor").order_by("-tijdstip", "-id"))
    for g in gebeurtenissen:
        g.label = ACTIES.get(g.actie, g.actie.replace("_", " "))
    return gebeurtenissen


def collegas(loket: str) -> QuerySet[Gebruiker]:
    """The active consulenten of a loket, to assign a case to."""
    return (Gebruiker.objects.filter(is_active=True, organisatie=loket,
                                     groups__name=Rol.CONSULENT)
            .order_by("first_name", "last_name", "username").distinct())
