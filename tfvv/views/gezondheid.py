import tempfile

from django.conf import settings
from django.db import connection
from django.http import JsonResponse

from tfvv.celery import app as celery_app


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
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


def gezondheid(request):
    """Status of the dependencies; 503 when one of them is down."""
    onderdelen = {"database": _database(), "broker": _broker(), "opslag": _opslag()}
    gezond = all(v in ("ok", "eager") for v in onderdelen.values())
    return JsonResponse({"status": "ok" if gezond else "fout", **onderdelen},
                        status=200 if gezond else 503)
