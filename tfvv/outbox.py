"""The transactional outbox: side effects (mail, PDF) that survive a broker outage.

A service records each side effect as a row in the transaction of the change it
belongs to; after commit the row is sent to Celery. If the broker is down, the
change is still saved and `verwerk_outbox` (Celery beat, every minute) sends the
row again once it is back. The task marks its row done in its own transaction,
under a row lock, so a re-sent or redelivered row runs its effect once.

    from tfvv.outbox import outbox_taak, plan_taak

    @outbox_taak(autoretry_for=(OSError,), retry_backoff=True)   # in <app>/tasks.py
    def maak_cheque_pdf(*, cheque_id: int): ...

    @transaction.atomic                                          # in <app>/services.py
    def ken_toe(*, ...):
        ...
        plan_taak(maak_cheque_pdf, cheque_id=cheque.pk)

See docs/architectuur.md, "Bijwerkingen en de outbox".
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from tfvv.celery import app as celery_app
from tfvv.models import Outboxtaak

log = logging.getLogger(__name__)

OUTBOX_ARGUMENT = "outbox_id"
PER_RONDE = 500


def celery_taak(naam: str):
    """The registered task `naam`; in a web process the apps' tasks modules are only
    imported (autodiscovered) on first need."""
    if naam not in celery_app.tasks:
        celery_app.loader.import_default_modules()
    if naam not in celery_app.tasks:
        raise LookupError(f"Onbekende Celery-taak: {naam}")
    return celery_app.tasks[naam]


def plan_taak(taak, /, **argumenten) -> Outboxtaak:
    """Record that `taak` must run with `argumenten` once the current transaction commits.

    `taak` is a task made with `outbox_taak` (or its name); `argumenten` are keyword
    arguments that JSON can hold (ids, strings, numbers). Must run inside the
    transaction of the change; rolled back with it.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("plan_taak() hoort binnen de transactie van de wijziging te draaien")
    naam = celery_taak(taak if isinstance(taak, str) else taak.name).name
    # stored as sent once already: the send right after commit needs no write of its own
    rij = Outboxtaak.objects.create(taak=naam, argumenten=argumenten,
                                    verstuurd_op=timezone.now(), pogingen=1)
    transaction.on_commit(lambda: _naar_broker(rij))
    return rij


def verstuur(outbox_id: int) -> bool:
    """Send one open row to the broker again; False (row stays open) when that fails."""
    rij = Outboxtaak.objects.filter(pk=outbox_id, gedaan_op__isnull=True).first()
    if rij is None:
        return False
    Outboxtaak.objects.filter(pk=rij.pk).update(verstuurd_op=timezone.now(),
                                                 pogingen=F("pogingen") + 1)
    return _naar_broker(rij)


def _naar_broker(rij: Outboxtaak) -> bool:
    try:
        celery_taak(rij.taak).apply_async(
            kwargs={**rij.argumenten, OUTBOX_ARGUMENT: rij.pk}, retry=False
        )
    except Exception as exc:  # broker down, or (eager mode) the task itself failed
        log.warning("Outboxtaak %s (%s) niet verstuurd: %r", rij.pk, rij.taak, exc)
        Outboxtaak.objects.filter(pk=rij.pk).update(laatste_fout=repr(exc)[:2000])
        return False
    return True


def verwerk_outbox() -> int:
    """Re-send rows not done `TFVV_OUTBOX_OPNIEUW_NA_SECONDEN` after their last sending;
    delete rows done more than `TFVV_OUTBOX_BEWAAR_DAGEN` ago. Returns the number sent."""
    nu = timezone.now()
    grens = nu - timedelta(seconds=settings.TFVV_OUTBOX_OPNIEUW_NA_SECONDEN)
    te_versturen = list(
        Outboxtaak.objects.filter(gedaan_op__isnull=True)
        .annotate(laatst=Coalesce("verstuurd_op", "aangemaakt_op"))
        .filter(laatst__lte=grens)
        .order_by("aangemaakt_op", "id")
        .values_list("pk", flat=True)[:PER_RONDE]
    )
    verstuurd = sum(verstuur(pk) for pk in te_versturen)
    Outboxtaak.objects.filter(
        gedaan_op__lte=nu - timedelta(days=settings.TFVV_OUTBOX_BEWAAR_DAGEN)
    ).delete()
    return verstuurd


def outbox_taak(**celery_opties):
    """Make a Celery task (like `shared_task`) whose outbox row is marked done exactly once.

    Called with `outbox_id` (as `verstuur` does) the function runs inside a transaction
    holding that row's lock: an already done row is skipped, a failure rolls back and
    leaves the row open (Celery's autoretry or `verwerk_outbox` runs it again).
    Called without `outbox_id` it simply runs the function.
    """

    def decorator(func):
        def uitvoeren(*args, outbox_id=None, **kwargs):
            if outbox_id is None:
                return func(*args, **kwargs)
            with transaction.atomic():
                # Claim the row: the UPDATE locks it until this transaction ends, so a
                # second delivery waits here and then finds it done; a failure below
                # rolls the claim back and leaves the row open.
                geclaimd = Outboxtaak.objects.filter(pk=outbox_id, gedaan_op__isnull=True).update(
                    gedaan_op=timezone.now(), laatste_fout="")
                if not geclaimd:
                    log.info("Outboxtaak %s is al uitgevoerd; overgeslagen.", outbox_id)
                    return None
                return func(*args, **kwargs)

        uitvoeren.__doc__ = func.__doc__
        uitvoeren.__module__ = func.__module__
        uitvoeren.__name__ = uitvoeren.__qualname__ = func.__name__
        celery_opties.setdefault("name", f"{func.__module__}.{func.__name__}")
        return shared_task(**celery_opties)(uitvoeren)

    return decorator
