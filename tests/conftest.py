"""Shared fixtures: users per role, staff clients with a verified second factor,
the real Celery worker and Chromium (Playwright) with axe-core."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tfvv import stepup
from tfvv.demo import maak_medewerker
from tfvv.roles import Organisatie, Rol

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def werk_statistieken_bij() -> None:
    """ANALYZE, as autovacuum does in production after a bulk load. A test database that
    just received thousands of rows still has the statistics of empty tables, and the planner
    may then nest-loop joins over them for minutes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def huidige_code(device: TOTPDevice) -> str:
    """A code the device accepts now, as an authenticator app would show it.

    django-otp refuses a code of a time step that was already used (no replay), so a
    second login within the same 30 seconds takes the next step (within the tolerance),
    or waits for it."""
    device.refresh_from_db()
    nu = int((time.time() - device.t0) // device.step)
    gewenst = max(nu + device.drift, device.last_t + 1)
    if gewenst - (nu + device.drift) > device.tolerance:
        time.sleep(device.step - (time.time() - device.t0) % device.step + 0.1)
        return huidige_code(device)
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits,
                drift=gewenst - nu)
    return f"{code:06d}"


@pytest.fixture
def maak_gebruiker(db):
    """Create a staff member: maak_gebruiker(Rol.CONSULENT, Organisatie.LEERWERKLOKET)."""
    teller = iter(range(1, 10_000))

    def maak(rol, organisatie="", manager=False, username=None):
        naam = username or f"{rol}-{organisatie or 'x'}-{next(teller)}"
        user, device = maak_medewerker(naam, rol, organisatie, "Test", naam.title(), manager,
                                       wachtwoord="Test-wachtwoord-123!")
        user.totp_device = device
        return user

    return maak


def log_in_als_medewerker(client, user):
    """Log a staff member in with a verified second factor (as after password + code)."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["otp_device_id"] = user.totp_device.persistent_id
    session[stepup.SESSIE_SLEUTEL] = time.time()  # the code was just entered
    session.save()
    return client


ROL_ORGANISATIE = {
    "consulent_lwl": (Rol.CONSULENT, Organisatie.LEERWERKLOKET, False),
    "consulent_lbs": (Rol.CONSULENT, Organisatie.LOOPBAANSTATION, False),
    "consulent_manager": (Rol.CONSULENT, Organisatie.LEERWERKLOKET, True),
    "beoordelaar": (Rol.BEOORDELAAR, Organisatie.GEMEENTE_ENSCHEDE, False),
    "beoordelaar2": (Rol.BEOORDELAAR, Organisatie.GEMEENTE_ENSCHEDE, False),
    "financieel": (Rol.FINANCIEEL, Organisatie.GEMEENTE_ENSCHEDE, False),
    "financieel2": (Rol.FINANCIEEL, Organisatie.GEMEENTE_ENSCHEDE, False),
    "adviesgroep": (Rol.ADVIESGROEP, Organisatie.ADVIESGROEP, False),
    "beheerder": (Rol.BEHEERDER, Organisatie.PROJECTBUREAU, False),
    "controleur": (Rol.CONTROLEUR, Organisatie.GEMEENTE_ENSCHEDE, False),
}


@pytest.fixture
def medewerkers(maak_gebruiker):
    """One staff member per role key of ROL_ORGANISATIE."""
    return {k: maak_gebruiker(r, o, m, username=k) for k, (r, o, m) in ROL_ORGANISATIE.items()}


@pytest.fixture
def client_als(client, medewerkers):
    """client_als("beoordelaar") -> a test client logged in as that staff member."""
    from django.test import Client

    def maak(sleutel):
        c = Client()
        return log_in_als_medewerker(c, medewerkers[sleutel])

    return maak


@pytest.fixture
def redis_cache(settings):
    """Production's cache backend (`tfvv.cache.RedisCache`) on the test Redis, emptied."""
    url = os.environ.get("TFVV_REDIS_URL")
    if not url:
        pytest.fail("TFVV_REDIS_URL ontbreekt: start de tests met `make test`.")
    settings.CACHES = {"default": {"BACKEND": "tfvv.cache.RedisCache",
                                   "LOCATION": f"{url}/3", "KEY_PREFIX": "test"}}
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


# --- real Celery worker on the real Redis -------------------------------------------


@pytest.fixture(scope="session")
def celery_worker_proces(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real `celery worker` process on the test Redis, using the test database."""
    broker = os.environ.get("TFVV_TEST_BROKER_URL")
    if not broker:
        pytest.fail("TFVV_TEST_BROKER_URL ontbreekt: start de tests met `make test`.")
    with django_db_blocker.unblock():
        db = connection.settings_dict
    werkmap = tmp_path_factory.mktemp("celery")
    mail = werkmap / "mail"
    mail.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tfvv.settings_test",
        "DATABASE_URL": (f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/"
                         f"{db['NAME']}"),
        "TFVV_CELERY_EAGER": "false",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "TFVV_EMAIL_FILE_PATH": str(mail),
    }
    log = werkmap / "worker.log"
    pidfile = werkmap / "worker.pid"
    subprocess.run(
        [sys.executable, "-m", "celery", "-A", "tfvv", "worker", "--detach", "--without-mingle",
         "--without-gossip", "--concurrency", "1", "--pool", "prefork", "--loglevel", "INFO",
         "--pidfile", str(pidfile), "--logfile", str(log)],
        env=env, cwd=ROOT, check=True,
    )
    for _ in range(300):
        if log.exists() and "ready." in log.read_text():
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"Celery-worker niet gestart:\n{log.read_text() if log.exists() else ''}")
    yield {"log": log, "mailmap": mail}
    if pidfile.exists():
        pid = int(pidfile.read_text())
        os.kill(pid, 15)
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)


@pytest.fixture
def celery_niet_eager(celery_worker_proces, transactional_db):
    """Send tasks to the real broker (the worker) instead of running them in-process."""
    from tfvv.celery import app

    app.conf.task_always_eager = False
    yield celery_worker_proces
    app.conf.task_always_eager = True


# --- Chromium via Playwright, with axe-core -------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"],
    }


def axe_schendingen(page) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA) on the current page; return the violations."""
    # A link just clicked stays under the mouse, and Bootstrap fades its hover colours in over
    # 0.15 s: axe would measure a colour halfway. Wait for every finite transition to end.
    page.evaluate(
        """async () => await Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
            .map(a => a.finished.catch(() => null)))"""
    )
    # evaluate() is not subject to the page's Content-Security-Policy; a script tag would be
    page.evaluate(AXE_JS.read_text())
    resultaat = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in resultaat["violations"]
    ]
