"""Meldingen: in-app notifications for staff, derived from the event log, with e-mail by
each person's preference (direct, a daily overview, or none).

Every stage says in its own module `<app>/meldingen.py` (found automatically, like
bewaartermijnen) which actie leads to a melding for whom; tfvv never imports a later
stage:

    from tfvv import meldingen

    meldingen.registreer(
        "bezwaar_ontvangen",
        soort=_("Bezwaar ontvangen"),
        tekst=lambda g: _("Bezwaar ontvangen in aanvraag %(ref)s.") % {...},
        ontvangers=lambda g: [(meldingen.met_rol(Rol.BEOORDELAAR), reverse(...))],
        objecttype="cheques.bezwaar",      # optional: only events on this kind of record
    )

`ontvangers(gebeurtenis)` yields pairs (user ids, link). Whatever it returns, a melding
goes only to active staff (never to a resident) and never to the person who caused
the event. The signal `gebeurtenis_geregistreerd` arrives inside the transaction of the
change; the meldingen are made after it commits, so a rolled-back change notifies nobody.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tfvv import vierogen
from tfvv.mail import plan_mail
from tfvv.models import Gebeurtenis, Gebruiker, Goedkeuringsverzoek, Melding
from tfvv.models.gebruiker import Meldingsmail
from tfvv.roles import MEDEWERKERSROLLEN


@dataclass(frozen=True)
class Regel:
    actie: str
    soort: str
    tekst: Callable[[Gebeurtenis], str]
    ontvangers: Callable[[Gebeurtenis], Iterable[tuple[Iterable[int], str]]]
    objecttype: str = ""


_REGELS: dict[str, list[Regel]] = {}
_ontdekt = False


def registreer(actie: str, *, soort, tekst, ontvangers, objecttype: str = "") -> None:
    regels = _REGELS.setdefault(actie, [])
    # a module imported twice (tests, autoreload) registers once
    if not any(r.objecttype == objecttype for r in regels):
        regels.append(Regel(actie, soort, tekst, ontvangers, objecttype))


def regels_voor(gebeurtenis: Gebeurtenis) -> list[Regel]:
    global _ontdekt
    if not _ontdekt:
        autodiscover_modules("meldingen")
        _ontdekt = True
    return [r for r in _REGELS.get(gebeurtenis.actie, ())
            if not r.objecttype or r.objecttype == gebeurtenis.objecttype]


def met_rol(*rollen: str):
    """The ids of the active people holding one of `rollen` (a lazy queryset)."""
    return (Gebruiker.objects.filter(is_active=True, groups__name__in=rollen)
            .values_list("pk", flat=True).distinct())


def bij_gebeurtenis(sender, gebeurtenis: Gebeurtenis, **kwargs) -> None:
    """Receiver of `gebeurtenis_geregistreerd` (connected in TfvvConfig.ready)."""
    if regels_voor(gebeurtenis):
        # robust: a failing melding never undoes or breaks the change that caused it
        transaction.on_commit(partial(maak_voor_gebeurtenis, gebeurtenis), robust=True)


def maak_voor_gebeurtenis(gebeurtenis: Gebeurtenis) -> list[Melding]:
    gemaakt = []
    for regel in regels_voor(gebeurtenis):
        tekst = str(regel.tekst(gebeurtenis))
        for ids, link in regel.ontvangers(gebeurtenis):
            gemaakt += maak(ontvangers=ids, soort=regel.actie, tekst=tekst, link=link,
                            onderwerp=str(regel.soort), behalve=gebeurtenis.actor_id)
    return gemaakt


@transaction.atomic
def maak(*, ontvangers: Iterable[int], soort: str, tekst: str, link: str = "",
         onderwerp: str = "", sleutel: str = "", behalve: int | None = None) -> list[Melding]:
    """One melding per active staff member among `ontvangers` (never `behalve`, the actor).
    With `sleutel`, a person who already has a melding with that key gets none (a deadline
    warns once). The people who chose direct e-mail get one through the outbox."""
    mensen = (Gebruiker.objects.filter(pk__in=list(ontvangers), is_active=True,
                                       groups__name__in=MEDEWERKERSROLLEN)
              .exclude(pk=behalve).distinct().only("pk", "email", "meldingen_mail"))
    if sleutel:
        mensen = mensen.exclude(meldingen__sleutel=sleutel)
    mensen = list(mensen)
    nu = timezone.now()
    meldingen = [Melding(ontvanger=m, soort=soort, tekst=tekst[:300], link=link, sleutel=sleutel,
                         gemaild_op=nu if _direct(m) else None) for m in mensen]
    # ignore_conflicts: a second run of a job at the same moment adds nothing twice
    Melding.objects.bulk_create(meldingen, ignore_conflicts=bool(sleutel))
    for m in mensen:
        if _direct(m):
            plan_mail(aan=[m.email], onderwerp=_("Melding: %(onderwerp)s") % {
                "onderwerp": onderwerp or tekst}, tekst=mailtekst([(tekst, link)]))
    return meldingen


def _direct(gebruiker) -> bool:
    return bool(gebruiker.email) and gebruiker.meldingen_mail == Meldingsmail.DIRECT


def lijst(regels: Iterable[tuple[str, str]]) -> str:
    """Texts with their full links, one item each, for a mail body."""
    return "\n".join(f"- {tekst}" + (f"\n  {settings.SITE_URL}{link}" if link else "")
                     for tekst, link in regels)


def voetregel() -> str:
    return _("Al uw meldingen en uw keuze voor e-mail: %(url)s") % {
        "url": settings.SITE_URL + reverse("tfvv:meldingen")}


def mailtekst(regels: Iterable[tuple[str, str]]) -> str:
    return f"{lijst(regels)}\n\n{voetregel()}"


# --- reads and marking read -------------------------------------------------------------

def ongelezen_aantal(gebruiker) -> int:
    return Melding.objects.filter(ontvanger=gebruiker, gelezen_op__isnull=True).count()


def van(gebruiker):
    return Melding.objects.filter(ontvanger=gebruiker)


def markeer_gelezen(*, gebruiker, melding_id: int | None = None) -> int:
    """Mark one melding (or all, without `melding_id`) of `gebruiker` read."""
    qs = Melding.objects.filter(ontvanger=gebruiker, gelezen_op__isnull=True)
    if melding_id is not None:
        qs = qs.filter(pk=melding_id)
    return qs.update(gelezen_op=timezone.now())


def zet_voorkeur(*, gebruiker, meldingen_mail: str) -> None:
    if meldingen_mail not in Meldingsmail.values:
        raise ValueError(meldingen_mail)
    Gebruiker.objects.filter(pk=gebruiker.pk).update(meldingen_mail=meldingen_mail)
    gebruiker.meldingen_mail = meldingen_mail


# --- tfvv's own meldingen ---------------------------------------------------------------

def _goedkeurders(gebeurtenis: Gebeurtenis):
    """Who may decide a four-eyes request: its approver roles, never the person the change
    is about (the requester is the actor, so never notified either)."""
    verzoek = Goedkeuringsverzoek.objects.filter(pk=gebeurtenis.object_id).first()
    if verzoek is None:
        return []
    soort = vierogen.soort(verzoek.soort)
    ids = met_rol(*soort.goedkeurders)
    betrokkene = soort.betrokkene(verzoek.payload)
    if betrokkene is not None:
        ids = ids.exclude(pk=betrokkene)
    return [(ids, reverse("tfvv:goedkeuring", kwargs={"pk": verzoek.pk}))]


registreer(
    "vierogen_aangevraagd", objecttype="tfvv.goedkeuringsverzoek",
    soort=gettext_lazy("Goedkeuring gevraagd"),
    tekst=lambda g: _("Een collega vraagt uw goedkeuring: %(wat)s.") % {
        "wat": vierogen.soort(g.gegevens["soort"]).label},
    ontvangers=_goedkeurders,
)


def _aanvrager(gebeurtenis: Gebeurtenis):
    """The person who asked, told of the decision (the colleague who decided is the actor).
    The link: the page of the change, if its kind has one, else the list of requests."""
    verzoek = Goedkeuringsverzoek.objects.filter(pk=gebeurtenis.object_id).first()
    if verzoek is None:
        return []
    return [([verzoek.aangevraagd_door_id],
             vierogen.details(verzoek) or reverse("tfvv:goedkeuringen"))]


registreer(
    "vierogen_goedgekeurd", objecttype="tfvv.goedkeuringsverzoek",
    soort=gettext_lazy("Verzoek goedgekeurd"),
    tekst=lambda g: _("Een collega heeft uw verzoek goedgekeurd: %(wat)s.") % {
        "wat": vierogen.soort(g.gegevens["soort"]).label},
    ontvangers=_aanvrager,
)
registreer(
    "vierogen_afgewezen", objecttype="tfvv.goedkeuringsverzoek",
    soort=gettext_lazy("Verzoek afgewezen"),
    # the reason is not in the text: a melding may go out by e-mail
    tekst=lambda g: _("Een collega heeft uw verzoek afgewezen: %(wat)s.") % {
        "wat": vierogen.soort(g.gegevens["soort"]).label},
    ontvangers=_aanvrager,
)
