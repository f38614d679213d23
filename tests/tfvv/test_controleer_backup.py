"""`manage.py controleer_backup DUMP`: restore into a scratch database, compare row counts."""

import os
import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tfvv.management.commands.controleer_backup import pg_programma
from tfvv.models import Financieringsbron

pytestmark = pytest.mark.django_db(transaction=True)


def maak_dump(pad):
    d = connection.settings_dict
    subprocess.run([pg_programma("pg_dump"), "-Fc", "--host", d["HOST"], "--port", str(d["PORT"]),
                    "--username", d["USER"], "--file", str(pad), d["NAME"]],
                   env={**os.environ, "PGPASSWORD": d["PASSWORD"]}, check=True)


def kladdatabases() -> list[str]:
    with connection.cursor() as cur:
        cur.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                    ["%backupcontrole%"])
        return [r[0] for r in cur.fetchall()]


def test_backup_terugzetten_en_tellen(tmp_path, capsys):
    Financieringsbron.objects.create(naam="Provincie Overijssel")
    dump = tmp_path / "tfvv.dump"
    maak_dump(dump)
    call_command("controleer_backup", str(dump))
    uit = capsys.readouterr().out
    assert "aantallen rijen gelijk aan de live database" in uit
    assert "tfvv_financieringsbron" in uit and "tfvv_postcodegebied" in uit
    assert kladdatabases() == []


def test_afwijking_wordt_gemeld(tmp_path, capsys):
    dump = tmp_path / "tfvv.dump"
    maak_dump(dump)
    Financieringsbron.objects.create(naam="Na de dump")
    with pytest.raises(CommandError, match="1 tabel"):
        call_command("controleer_backup", str(dump))
    regel = next(r for r in capsys.readouterr().out.splitlines()
                 if r.startswith("tfvv_financieringsbron "))
    assert regel.split()[1:] == ["1", "0", "VERSCHIL"]
    call_command("controleer_backup", str(dump), "--alleen-melden")
    assert kladdatabases() == []


def test_kapotte_dump(tmp_path):
    dump = tmp_path / "kapot.dump"
    dump.write_bytes(b"PGDMP" + b"\x00" * 100)
    with pytest.raises(CommandError, match="Terugzetten mislukt"):
        call_command("controleer_backup", str(dump))
    assert kladdatabases() == []


def test_dump_bestaat_niet():
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("controleer_backup", "/bestaat/niet.dump")


