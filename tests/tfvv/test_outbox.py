"""The outbox (tfvv.outbox): side effects survive a broker or mail-server outage,
and a re-sent or redelivered task runs its effect once."""

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.db import transaction
from kombu import pools

from tests.conftest import ROOT
from tfvv import tasks
from tfvv.celery import app as celery_app
from tfvv.events import registreer_gebeurtenis
from tfvv.mail import plan_mail
from tfvv.models import Financieringsbron, Gebeurtenis, Outboxtaak, Volgnummer
from tfvv.outbox import plan_taak, verwerk_outbox

MAIL = {"aan": ["inwoner@voorbeeld.nl"], "onderwerp": "Uw aanmelding",
        "tekst": "We hebben uw aanmelding ontvangen."}


def vrije_poort() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    poort = s.getsockname()[1]
    s.close()
    return poort


@pytest.mark.django_db(transaction=True)
def test_plan_taak_alleen_binnen_een_transactie():
    with pytest.raises(RuntimeError, match="binnen de transactie"):
        plan_mail(**MAIL)


@pytest.mark.django_db
def test_onbekende_taak_valt_meteen_op():
    with transaction.atomic(), pytest.raises(LookupError):
        plan_taak("tfvv.tasks.bestaat_niet", x=1)


@pytest.mark.django_db
def test_na_commit_uitgevoerd_en_afgevinkt(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        rij = plan_mail(**MAIL)
    rij.refresh_from_db()
    assert rij.gedaan_op is not None and rij.pogingen == 1
    assert [m.subject for m in mail.outbox] == ["Uw aanmelding"]


@pytest.mark.django_db
def test_teruggedraaid_betekent_geen_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, \
            pytest.raises(ValueError), transaction.atomic():
        plan_mail(**MAIL)
        raise ValueError("validatie mislukt")
    assert callbacks == []
    assert not Outboxtaak.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_opnieuw_bezorgd_geeft_een_mail():
    """A worker killed after the effect but before the ack gets the message again:
    the row is done, so the effect is not repeated."""
    with transaction.atomic():
        rij = Outboxtaak.objects.create(taak="tfvv.tasks.verstuur_mail", argumenten=MAIL)
    tasks.verstuur_mail.apply(kwargs={**MAIL, "outbox_id": rij.pk})
    tasks.verstuur_mail.apply(kwargs={**MAIL, "outbox_id": rij.pk})
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_verwerk_outbox_wacht_de_termijn_af_en_ruimt_op(settings, time_machine):
    time_machine.move_to("2026-03-02 10:00 +01:00", tick=False)
    with transaction.atomic():
        rij = Outboxtaak.objects.create(taak="tfvv.tasks.verstuur_mail", argumenten=MAIL)
    assert verwerk_outbox() == 0  # just created: the on-commit dispatch has its chance first
    time_machine.move_to("2026-03-02 10:06 +01:00", tick=False)
    assert verwerk_outbox() == 1
    rij.refresh_from_db()
    assert rij.gedaan_op is not None
    time_machine.move_to("2026-04-10 10:00 +02:00", tick=False)
    verwerk_outbox()
    assert not Outboxtaak.objects.filter(pk=rij.pk).exists()  # mail text is not kept


def test_mailtaak_probeert_opnieuw_met_oplopende_pauze():
    taak = celery_app.tasks["tfvv.tasks.verstuur_mail"]
    assert OSError in taak.autoretry_for
    assert taak.retry_backoff and taak.max_retries >= 5


@contextmanager
def smtp_server(poort):
    ontvangen = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            ontvangen.append(envelope)
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=poort)
    controller.start()
    try:
        yield ontvangen
    finally:
        controller.stop()


@pytest.mark.django_db
def test_mailserver_weg_dan_later_verstuurd(settings, django_capture_on_commit_callbacks):
    poort = vrije_poort()  # nothing listens here yet: the mail server is down
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", poort, 2
    settings.TFVV_OUTBOX_OPNIEUW_NA_SECONDEN = 0
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        rij = plan_mail(**MAIL)
    rij.refresh_from_db()
    assert rij.gedaan_op is None
    assert "ConnectionRefused" in rij.laatste_fout
    with smtp_server(poort) as ontvangen:
        assert verwerk_outbox() == 1
    rij.refresh_from_db()
    assert rij.gedaan_op is not None
    assert len(ontvangen) == 1
    assert ontvangen[0].rcpt_tos == ["inwoner@voorbeeld.nl"]
    assert b"Uw aanmelding" in ontvangen[0].content


@contextmanager
def broker(url):
    """Point the app's producer at another broker (closed port = broker down)."""
    oud = celery_app.conf.broker_url

    def herstart_pool(nieuw):
        celery_app.conf.broker_url = nieuw
        pools.reset()
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    herstart_pool(url)
    try:
        yield
    finally:
        herstart_pool(oud)


@pytest.mark.celery_worker
def test_broker_weg_bij_indienen_later_door_worker_uitgevoerd(celery_niet_eager, settings):
    settings.TFVV_OUTBOX_OPNIEUW_NA_SECONDEN = 0
    with broker(f"redis://127.0.0.1:{vrije_poort()}/0"):
        begin = time.monotonic()
        with transaction.atomic():  # what a service does when a resident submits
            bron = Financieringsbron.objects.create(naam="Proef")
            registreer_gebeurtenis(actor=None, obj=bron, actie="aangemeld", dossier_id=1)
            rij = plan_mail(**MAIL)
        assert time.monotonic() - begin < 10, "een onbereikbare broker mag niet lang ophouden"
    assert Gebeurtenis.objects.filter(actie="aangemeld").exists()  # the change is saved
    rij.refresh_from_db()
    assert rij.gedaan_op is None and rij.laatste_fout  # its side effect waits

    assert verwerk_outbox() == 1  # beat, once the broker is back
    for _ in range(150):
        rij.refresh_from_db()
        if rij.gedaan_op:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"Niet uitgevoerd:\n{celery_niet_eager['log'].read_text()[-3000:]}")
    berichten = [p.read_text() for p in celery_niet_eager["mailmap"].iterdir()]
    assert sum("Uw aanmelding" in b for b in berichten) == 1


@pytest.mark.celery_worker
def test_worker_gedood_midden_in_taak_geeft_een_effect(celery_niet_eager, tmp_path):
    """acks_late + reject_on_worker_lost: the killed task is delivered again, and the
    outbox row makes sure its effect (database + e-mail) happens once."""
    from tests.tfvv.taken import trage_bevestiging

    pidbestand = tmp_path / "pids"
    with transaction.atomic():
        rij = plan_taak(trage_bevestiging, pidbestand=str(pidbestand), seconden=3,
                        aan="gedood@voorbeeld.nl")
    for _ in range(100):
        if pidbestand.exists() and pidbestand.read_text().strip():
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"Taak niet gestart:\n{celery_niet_eager['log'].read_text()[-3000:]}")
    eerste = int(pidbestand.read_text().split()[0])
    os.kill(eerste, signal.SIGKILL)  # the pool process dies mid-task
    for _ in range(300):
        rij.refresh_from_db()
        if rij.gedaan_op:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"Niet opnieuw uitgevoerd:\n{celery_niet_eager['log'].read_text()[-3000:]}")
    pids = pidbestand.read_text().split()
    assert len(pids) == 2 and pids[0] != pids[1]  # really ran again, in a new process
    assert Volgnummer.objects.get(sleutel="trage-bevestiging").laatste == 1
    berichten = [p.read_text() for p in celery_niet_eager["mailmap"].iterdir()]
    assert sum("gedood@voorbeeld.nl" in b for b in berichten) == 1


def test_taken_gevonden_in_een_vers_webproces():
    """A web process has imported no tasks module yet: plan_taak must still find the task."""
    code = ("import django, sys; django.setup(); from tfvv.outbox import celery_taak; "
            "assert 'tfvv.tasks' not in sys.modules; "
            "print(celery_taak('tfvv.tasks.verstuur_mail').name)")
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "DJANGO_SETTINGS_MODULE": "tfvv.settings_test"})
    assert uit.stdout.strip() == "tfvv.tasks.verstuur_mail", uit.stderr[-2000:]
