"""The daily job around co-financing requests (Celery beat, settings.CELERY_BEAT_SCHEDULE):

- one reminder to the party when its request is still unanswered 5 working days after it
  was sent (tfvv.termijnen.werkdagen_verder);
- one melding to the consulent when the link expired unanswered (the event
  `cofinanciering_verlopen`, loopbaangesprekken.meldingen).

Each step claims its request with a conditional UPDATE in the transaction that plans the
mail or writes the event, so a second (or parallel) run on the same day sends nothing twice.
The reminder's link is made by the mail task (services.toezegging.mail_verzoek), as the
first mail's is: the outbox never holds
a usable token. Making it replaces the token, so the first mail's link stops working; the
reminder says so.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from loopbaangesprekken.models import Toezeggingsverzoek
from loopbaangesprekken.models.scholingsplan import Toezeggingsstand
from tfvv.events import registreer_gebeurtenis
from tfvv.outbox import plan_taak
from tfvv.termijnen import werkdagen_verder

HERINNEREN_NA_WERKDAGEN = 5


def laatste_verzenddag(vandaag: datetime.date) -> datetime.date:
    """The latest day a request may have been sent to be due for its reminder today: the
    last day d with werkdagen_verder(d, 5) <= vandaag (it only grows with d)."""
    dag = vandaag - datetime.timedelta(days=HERINNEREN_NA_WERKDAGEN)
    while werkdagen_verder(dag + datetime.timedelta(days=1), HERINNEREN_NA_WERKDAGEN) <= vandaag:
        dag += datetime.timedelta(days=1)
    while werkdagen_verder(dag, HERINNEREN_NA_WERKDAGEN) > vandaag:
        dag -= datetime.timedelta(days=1)
    return dag


def _begin_van(dag: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time.min))


def _open_verzoeken():
    """Requests whose line still waits for this answer (a newer request deletes an older
    unused one, a change of the line too: services.toezegging._wis_antwoord)."""
    return Toezeggingsverzoek.objects.filter(gebruikt_op__isnull=True,
                                             regel__toezegging=Toezeggingsstand.GEVRAAGD)


def herinner(*, vandaag: datetime.date | None = None) -> int:
    """Plan one reminder per request unanswered for 5 working days; returns how many."""
    vandaag = vandaag or timezone.localdate()
    grens = _begin_van(laatste_verzenddag(vandaag) + datetime.timedelta(days=1))
    te_herinneren = _open_verzoeken().filter(
        herinnerd_op__isnull=True, aangemaakt_op__lt=grens, verloopt_op__gt=timezone.now())
    gepland = 0
    for verzoek in te_herinneren.select_related("regel__plan"):
        with transaction.atomic():
            if not Toezeggingsverzoek.objects.filter(
                    pk=verzoek.pk, herinnerd_op__isnull=True).update(herinnerd_op=timezone.now()):
                continue  # a parallel run took it
            plan = verzoek.regel.plan
            registreer_gebeurtenis(actor=None, obj=plan, actie="cofinanciering_herinnerd",
                                   dossier_id=plan.aanvraag_id,
                                   gegevens={"regel": verzoek.regel_id,
                                             "partij": verzoek.regel.partij})
            plan_taak("loopbaangesprekken.tasks.mail_toezeggingsherinnering",
                      verzoek_id=verzoek.pk)
            gepland += 1
    return gepland


def meld_verlopen(*, vandaag: datetime.date | None = None) -> int:
    """An event (and so a melding to the consulent) per request whose link expired
    unanswered, once; returns how many."""
    verlopen = _open_verzoeken().filter(verloop_gemeld_op__isnull=True,
                                        verloopt_op__lte=timezone.now())
    gemeld = 0
    for verzoek in verlopen.select_related("regel__plan"):
        with transaction.atomic():
            if not Toezeggingsverzoek.objects.filter(
                    pk=verzoek.pk, verloop_gemeld_op__isnull=True).update(
                    verloop_gemeld_op=timezone.now()):
                continue
            regel = verzoek.regel
            registreer_gebeurtenis(actor=None, obj=regel.plan, actie="cofinanciering_verlopen",
                                   dossier_id=regel.plan.aanvraag_id,
                                   gegevens={"regel": regel.pk, "partij": regel.partij,
                                             "bedrag": str(regel.bedrag)})
            gemeld += 1
    return gemeld


def dagelijks(*, vandaag: datetime.date | None = None) -> dict[str, int]:
    return {"herinnerd": herinner(vandaag=vandaag), "verlopen": meld_verlopen(vandaag=vandaag)}
