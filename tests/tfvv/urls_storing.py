"""Test-only URLs: a write during which the database connection drops; a locked database."""

from django.db import OperationalError, connection, transaction
from django.http import HttpResponse
from django.urls import include, path

from tfvv.models import Financieringsbron


def schrijf_en_verlies_verbinding(request):
    with transaction.atomic():
        Financieringsbron.objects.create(naam="half opgeslagen")
        with connection.cursor() as cursor:  # the database goes away mid-transaction
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        Financieringsbron.objects.create(naam="tweede")
    return HttpResponse("opgeslagen")


def database_op_slot(request):
    raise OperationalError("database is locked")  # what SQLite says after its busy timeout


urlpatterns = [
    path("storing/", schrijf_en_verlies_verbinding),
    path("op-slot/", database_op_slot),
    path("", include("tfvv.urls")),
]
