"""The daily jobs around meldingen (Celery beat, see settings.CELERY_BEAT_SCHEDULE):

- `verstuur_overzichten`: one mail a day to everyone who chose the daily overview, with
  their unread meldingen not yet mailed and their deadlines within 5 working days;
- `waarschuw_termijnen`: a melding when a deadline that asks for it (a hersteltermijn, a
  beslistermijn) ends within 3 working days, once per deadline;
- `waarschuw_beheerders`: a melding to the beheerders 3 months before the regeling in force
  or the budget period ends without a successor (also a banner on the beheer pages).

Each can run again on the same day (a retried or doubled beat) without sending anything
twice: the overview claims the day on the person's row, a warning has a key per person.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tfvv import meldingen, termijnoverzicht
from tfvv.mail import plan_mail
from tfvv.models import Begrotingsperiode, Gebruiker, Melding, Regeling
from tfvv.models.gebruiker import Meldingsmail
from tfvv.roles import MEDEWERKERSROLLEN, Rol

OVERZICHT_WERKDAGEN = 5
WAARSCHUWING_WERKDAGEN = 3
BEHEER_VOORUIT = relativedelta(months=3)


def datum(dag: datetime.date) -> str:
    return date_format(dag, "j F Y")


def termijnregel(termijn, vandaag: datetime.date) -> str:
    dagen = termijn.dagen_over(vandaag)
    return _("%(label)s – %(wat)s: uiterlijk %(datum)s (%(over)s)") % {
        "label": termijn.label, "wat": termijn.omschrijving, "datum": datum(termijn.einde),
        "over": dagen_over_tekst(dagen)}


def dagen_over_tekst(dagen: int) -> str:
    if dagen < 0:
        return ngettext("%(n)d dag verstreken", "%(n)d dagen verstreken", -dagen) % {"n": -dagen}
    if dagen == 0:
        return _("vandaag")
    return ngettext("nog %(n)d dag", "nog %(n)d dagen", dagen) % {"n": dagen}


# --- the daily overview ------------------------------------------------------------------

def verstuur_overzichten(*, vandaag: datetime.date | None = None) -> int:
    """Send today's overview to everyone who chose it and has not had it yet today; only
    when there is something in it. Returns the number of mails planned."""
    vandaag = vandaag or timezone.localdate()
    mensen = list(Gebruiker.objects.filter(
        is_active=True, meldingen_mail=Meldingsmail.DAGELIJKS,
        groups__name__in=MEDEWERKERSROLLEN).exclude(email="")
        .exclude(overzicht_verstuurd_op__gte=vandaag).distinct())
    if not mensen:
        return 0
    binnenkort = termijnoverzicht.binnen_werkdagen(termijnoverzicht.alle(vandaag), vandaag,
                                                   OVERZICHT_WERKDAGEN)
    verstuurd = 0
    for persoon in mensen:
        with transaction.atomic():
            # claim the day: a second run (or a parallel one) finds it taken
            if not Gebruiker.objects.filter(pk=persoon.pk).filter(
                    Q(overzicht_verstuurd_op__isnull=True)
                    | Q(overzicht_verstuurd_op__lt=vandaag)).update(
                    overzicht_verstuurd_op=vandaag):
                continue
            nieuw = list(Melding.objects.filter(ontvanger=persoon, gelezen_op__isnull=True,
                                                gemaild_op__isnull=True).order_by("aangemaakt_op"))
            termijnen = termijnoverzicht.van_persoon(persoon, binnenkort)
            if not nieuw and not termijnen:
                continue
            Melding.objects.filter(pk__in=[m.pk for m in nieuw]).update(
                gemaild_op=timezone.now())
            plan_mail(aan=[persoon.email],
                      onderwerp=_("Dagelijks overzicht van %(datum)s") % {"datum": datum(vandaag)},
                      tekst=_overzichtstekst(nieuw, termijnen, vandaag))
            verstuurd += 1
    return verstuurd


def _overzichtstekst(nieuw, termijnen, vandaag) -> str:
    delen = []
    if nieuw:
        delen += [_("Nieuwe meldingen:"), meldingen.lijst((m.tekst, m.link) for m in nieuw)]
    if termijnen:
        delen += [_("Termijnen die binnen %(n)d werkdagen aflopen:") % {"n": OVERZICHT_WERKDAGEN},
                  meldingen.lijst((termijnregel(t, vandaag), t.link) for t in termijnen)]
    return "\n\n".join([*delen, meldingen.voetregel()])


# --- deadlines about to end --------------------------------------------------------------

def waarschuw_termijnen(*, vandaag: datetime.date | None = None) -> int:
    """A melding for each deadline that asks for a warning and ends within 3 working days,
    to its eigenaren and the roles it names; once per deadline and person."""
    vandaag = vandaag or timezone.localdate()
    gemaakt = 0
    per_rollen: dict[tuple[str, ...], set[int]] = {}
    for t in termijnoverzicht.binnen_werkdagen(termijnoverzicht.alle(vandaag), vandaag,
                                               WAARSCHUWING_WERKDAGEN):
        if t.waarschuwen is None:
            continue
        if t.waarschuwen not in per_rollen:
            per_rollen[t.waarschuwen] = set(meldingen.met_rol(*t.waarschuwen))
        ontvangers = set(t.eigenaren) | per_rollen[t.waarschuwen]
        gemaakt += len(meldingen.maak(
            ontvangers=ontvangers, soort="termijn_loopt_af", link=t.link,
            onderwerp=_("termijn loopt af"), tekst=termijnregel(t, vandaag),
            sleutel=f"termijn:{t.sleutel}:{t.einde.isoformat()}"))
    return gemaakt


# --- the regeling and the budget period ----------------------------------------------------

@dataclass(frozen=True)
class Beheerwaarschuwing:
    sleutel: str
    tekst: str
    link: str


def beheerwaarschuwingen(vandaag: datetime.date | None = None) -> list[Beheerwaarschuwing]:
    """The regeling in force and the budget period running today, when they end within 3
    months and no later one follows. Two queries."""
    vandaag = vandaag or timezone.localdate()
    grens = vandaag + BEHEER_VOORUIT
    waarschuwingen = []
    regelingen = list(Regeling.objects.filter(geldig_tot__gte=vandaag).order_by("geldig_van"))
    lopend = next((r for r in regelingen if r.geldig_van <= vandaag), None)
    if (lopend and lopend.geldig_tot <= grens
            and not any(r.geldig_van > lopend.geldig_tot for r in regelingen)):
        waarschuwingen.append(Beheerwaarschuwing(
            f"regeling:{lopend.pk}:{lopend.geldig_tot.isoformat()}",
            _("De regeling ‘%(naam)s’ loopt af op %(datum)s en er is nog geen volgende "
              "versie. Leg tijdig een nieuwe versie vast.") % {
                "naam": lopend.naam, "datum": datum(lopend.geldig_tot)},
            reverse("tfvv:regelingen")))
    perioden = list(Begrotingsperiode.objects.filter(tot__gte=vandaag).order_by("van"))
    periode = next((p for p in perioden if p.van <= vandaag), None)
    if periode and periode.tot <= grens and not any(p.van > periode.tot for p in perioden):
        waarschuwingen.append(Beheerwaarschuwing(
            f"begrotingsperiode:{periode.pk}:{periode.tot.isoformat()}",
            _("De begrotingsperiode ‘%(naam)s’ loopt af op %(datum)s en er is nog geen "
              "volgende periode. Leg tijdig de begroting en het subsidieplafond vast.") % {
                "naam": periode.naam, "datum": datum(periode.tot)},
            reverse("cheques:budget")))
    return waarschuwingen


def waarschuw_beheerders(*, vandaag: datetime.date | None = None) -> int:
    """A melding to every beheerder per warning, once (the key holds the end date, so a
    new end date warns again)."""
    gemaakt = 0
    for w in beheerwaarschuwingen(vandaag):
        gemaakt += len(meldingen.maak(
            ontvangers=meldingen.met_rol(Rol.BEHEERDER), soort="beheer_loopt_af",
            onderwerp=_("regeling of begroting loopt af"), tekst=w.tekst, link=w.link,
            sleutel=w.sleutel))
    return gemaakt
