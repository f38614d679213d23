"""`/gezondheid/`: is the application up (database, broker, private storage)?

Everyone (the container health check, a monitor) gets only {"status": "ok"|"fout"} with
200 or 503: the parts and their errors say something about the installation, so only
staff with a role, or a monitor sending the `X-Gezondheid-Token` header with
TFVV_GEZONDHEID_TOKEN, see them.
"""

import hmac
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import JsonResponse

from tfvv.celery import app as celery_app


def _database(verbinding=connection) -> str:
    """A migrated database answers. SQLite creates a missing file on connect, so a missing
    file is checked first (it would otherwise answer "ok" on a new, empty database)."""
    if verbinding.vendor == "sqlite":
        naam = str(verbinding.settings_dict["NAME"])
        if not (naam == ":memory:" or naam.startswith("file:") or Path(naam).is_file()):
            return "fout: databasebestand ontbreekt"
    try:
        with verbinding.cursor() as cursor:
            cursor.execute("SELECT 1 FROM django_migrations LIMIT 1")
        return "ok"
    except Exception as exc:  # noqa: BLE001 - report any failure as unhealthy
        return f"fout: {type(exc).__name__}"


def _broker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception as exc:  # noqa: BLE001
        return f"fout: {type(exc).__name__}"


def _opslag() -> str:
    try:
        settings.PRIVATE_MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=settings.PRIVATE_MEDIA_ROOT):
            pass
        return "ok"
    except OSError as exc:
        return f"fout: {type(exc).__name__}"


def _details_toegestaan(request) -> bool:
    token = settings.TFVV_GEZONDHEID_TOKEN
    meegestuurd = request.headers.get("X-Gezondheid-Token", "")
    if token and hmac.compare_digest(meegestuurd.encode(), token.encode()):
        return True
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.is_medewerker)


def gezondheid(request):
    """Status of the dependencies; 503 when one of them is down."""
    onderdelen = {"database": _database(), "broker": _broker(), "opslag": _opslag()}
    gezond = all(v in ("ok", "eager") for v in onderdelen.values())
    antwoord = {"status": "ok" if gezond else "fout"}
    if _details_toegestaan(request):
        antwoord.update(onderdelen)
    return JsonResponse(antwoord, status=200 if gezond else 503)
