"""The follow-up questionnaire after the training (docs/uitkomsten.md): plan the three
moments, send each exactly once with a single-use link, remind once, store the answers,
stop on request.

Only residents who ticked the consent at the aanmelding get mail. Sending is idempotent:
a moment is marked sent in the same transaction that puts its mail in the outbox, under a
row lock (skip locked), so a beat job that runs twice, or two workers at once, send it once.
"""

import secrets
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.auth import hash_token
from aanvragen.models import Aanvraag
from aanvragen.services import trek_toestemming_vervolgvragen_in
from cheques.models import Afronding
from rapportage.models import Vervolgmeting
from tfvv.events import registreer_gebeurtenis
from tfvv.mail import plan_mail
from tfvv.termijnen import einde_termijn

M = Vervolgmeting.Moment
MAANDEN_NA_AFRONDING = {M.EINDE: 0, M.ZES_MAANDEN: 6, M.TWAALF_MAANDEN: 12}
# a moment found more than this late (a backlog, a first run) is not sent any more: the
# answer would belong to a later moment
TE_LAAT_NA = timedelta(days=30)
HERINNEREN_NA_DAGEN = 14
GELDIG_DAGEN = 42  # the link; the reminder gives a new link, valid as long again
PER_RONDE = 500
STOPZOUT = "rapportage.vervolgvragen.stop"
_AANVRAAG = "cheque__beschikking__plan__aanvraag"  # from a Vervolgmeting or an Afronding


class AlIngevuld(Exception):
    """This moment was answered already: a second submission is refused."""


def _met_toestemming(qs):
    """Rows (Vervolgmeting or Afronding: both hang off a cheque) whose aanvraag has the
    consent and is not anonymised."""
    return qs.filter(**{f"{_AANVRAAG}__toestemming_vervolgvragen_op__isnull": False,
                        f"{_AANVRAAG}__geanonimiseerd_op__isnull": True})


def plan_vervolgmetingen(*, vandaag) -> int:
    """The three moments of every completion (diploma, attendance or stopped) of a resident
    who consented, from the day the completion was recorded. Moments already TE_LAAT_NA
    past are left out. Returns the number of moments planned."""
    vroegst = vandaag - TE_LAAT_NA
    afrondingen = (_met_toestemming(Afronding.objects)
                   .filter(cheque__vervolgmetingen__isnull=True,
                           geregistreerd_op__date__gte=vroegst - relativedelta(months=12))
                   .values_list("cheque_id", "geregistreerd_op"))
    nieuw = []
    for cheque_id, geregistreerd_op in afrondingen:
        basis = timezone.localdate(geregistreerd_op)
        for moment, maanden in MAANDEN_NA_AFRONDING.items():
            gepland_op = basis + relativedelta(months=maanden)
            if gepland_op >= vroegst:
                nieuw.append(Vervolgmeting(cheque_id=cheque_id, moment=moment,
                                           gepland_op=gepland_op))
    Vervolgmeting.objects.bulk_create(nieuw, ignore_conflicts=True)
    return len(nieuw)


def stoplink(aanvraag_id: int) -> str:
    """The link in every mail that stops all further questions (signed, no expiry: a person
    who wants to stop can always do so)."""
    sleutel = signing.dumps(aanvraag_id, salt=STOPZOUT)
    return settings.SITE_URL + reverse("vervolgvragen:stoppen", args=[sleutel])


def aanvraag_bij_stopsleutel(sleutel: str) -> int | None:
    try:
        return signing.loads(sleutel, salt=STOPZOUT)
    except signing.BadSignature:
        return None


def _mail_met_nieuwe_link(meting: Vervolgmeting, *, vandaag, herinnering: bool) -> None:
    token = secrets.token_urlsafe(32)
    meting.token_hash = hash_token(token)  # a reminder replaces the first link
    meting.geldig_tot = einde_termijn(vandaag + timedelta(days=GELDIG_DAGEN))
    aanvraag = meting.cheque.beschikking.plan.aanvraag
    context = {"aanvraag": aanvraag, "meting": meting, "herinnering": herinnering,
               "link": settings.SITE_URL + reverse("vervolgvragen:invullen", args=[token]),
               "stoplink": stoplink(aanvraag.pk), "opleiding": meting.cheque.beschikking.plan}
    plan_mail(aan=[aanvraag.email],
              onderwerp=render_to_string("rapportage/mail/vervolgvragen_onderwerp.txt", context),
              tekst=render_to_string("rapportage/mail/vervolgvragen.txt", context))


@transaction.atomic
def verstuur_vervolgvragen() -> tuple[int, int]:
    """The daily beat job: plan new moments, send the moments that are due, remind once
    after HERINNEREN_NA_DAGEN. Returns (sent, reminded)."""
    nu, vandaag = timezone.now(), timezone.localdate()
    plan_vervolgmetingen(vandaag=vandaag)
    basis = (_met_toestemming(Vervolgmeting.objects)
             .filter(gestopt_op__isnull=True, ingevuld_op__isnull=True)
             .select_related(_AANVRAAG)
             .select_for_update(skip_locked=True, of=("self",)).order_by("gepland_op", "pk"))
    te_sturen = list(basis.filter(verstuurd_op__isnull=True,
                                  gepland_op__range=(vandaag - TE_LAAT_NA, vandaag))[:PER_RONDE])
    for meting in te_sturen:
        meting.verstuurd_op = nu
        _mail_met_nieuwe_link(meting, vandaag=vandaag, herinnering=False)
        meting.save(update_fields=["verstuurd_op", "token_hash", "geldig_tot"])
    te_herinneren = list(basis.filter(
        herinnerd_op__isnull=True, geldig_tot__gte=vandaag,
        verstuurd_op__date__lte=vandaag - timedelta(days=HERINNEREN_NA_DAGEN))[:PER_RONDE])
    for meting in te_herinneren:
        meting.herinnerd_op = nu
        _mail_met_nieuwe_link(meting, vandaag=vandaag, herinnering=True)
        meting.save(update_fields=["herinnerd_op", "token_hash", "geldig_tot"])
    return len(te_sturen), len(te_herinneren)


def meting_bij_token(token: str) -> Vervolgmeting | None:
    return (Vervolgmeting.objects.select_related("cheque__beschikking__plan")
            .filter(token_hash=hash_token(token)).first())


def meting_van(aanvraag, meting_id: int) -> Vervolgmeting | None:
    """A moment of this aanvraag (the logged-in resident's own); None for any other."""
    return (Vervolgmeting.objects.select_related("cheque__beschikking__plan")
            .filter(pk=meting_id, **{_AANVRAAG: aanvraag}).first())


def open_metingen(aanvraag) -> list[Vervolgmeting]:
    """The moments of this aanvraag the resident can answer now (as `open_voor_invullen`
    decides), soonest expiry first; one query."""
    return list(Vervolgmeting.objects.filter(
        **{_AANVRAAG: aanvraag}, verstuurd_op__isnull=False, ingevuld_op__isnull=True,
        gestopt_op__isnull=True, token_hash__isnull=False,
        geldig_tot__gte=timezone.localdate())
        .select_related("cheque__beschikking__plan").order_by("geldig_tot", "pk"))


def open_voor_invullen(meting: Vervolgmeting | None) -> str:
    """'' when the questions can be answered with this link, otherwise why not (Dutch)."""
    if meting is None:
        return _("Deze link werkt niet. Misschien is er een nieuwere e-mail met een andere "
                 "link.")
    if meting.ingevuld_op:
        return _("U heeft deze vragen al beantwoord. Dank u wel! U kunt de antwoorden niet "
                 "nog een keer sturen.")
    if meting.gestopt_op:
        return _("U heeft gevraagd om geen vragen meer te sturen. Deze link werkt daarom niet "
                 "meer.")
    # no hash: the link was revoked (anonymised); no end date: not sent yet
    if (meting.token_hash is None or meting.geldig_tot is None
            or meting.geldig_tot < timezone.localdate()):
        return _("Deze link is verlopen. U hoeft niets te doen.")
    return ""


@transaction.atomic
def vul_in(*, meting_id: int, antwoorden: dict) -> Vervolgmeting:
    """Store the answers of one moment; raises AlIngevuld for a second submission."""
    meting = (Vervolgmeting.objects.select_for_update(of=("self",))
              .select_related("cheque__beschikking__plan").get(pk=meting_id))
    if meting.ingevuld_op:
        raise AlIngevuld
    for veld, waarde in antwoorden.items():
        setattr(meting, veld, waarde)
    meting.ingevuld_op = timezone.now()
    meting.save()
    registreer_gebeurtenis(
        actor=None, obj=meting, actie="vervolgvragen_ingevuld",
        dossier_id=meting.cheque.beschikking.plan.aanvraag_id,
        gegevens={"moment": meting.moment},
        tekst_inwoner=_("U heeft de vragen over werk en opleiding beantwoord "
                        "(%(moment)s).") % {"moment": meting.get_moment_display()})
    return meting


@transaction.atomic
def stop(*, aanvraag_id: int) -> None:
    """Stop on request: no more questions for this aanvraag, now or later. An open link then
    says so (open_voor_invullen). Idempotent."""
    aanvraag = Aanvraag.objects.select_for_update().filter(pk=aanvraag_id).first()
    if aanvraag is None:
        return
    (Vervolgmeting.objects.filter(**{_AANVRAAG: aanvraag}, ingevuld_op__isnull=True,
                                  gestopt_op__isnull=True)
     .update(gestopt_op=timezone.now()))
    trek_toestemming_vervolgvragen_in(aanvraag=aanvraag)
