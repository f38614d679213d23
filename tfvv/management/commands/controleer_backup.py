import os
import secrets
import shutil
import subprocess  # nosec B404
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from psycopg import sql

PG_BIN_STANDAARD = "/usr/lib/postgresql/15/bin"


def pg_programma(naam: str) -> str:
    """pg_restore/pg_dump from TFVV_PG_BIN, the PATH or the Debian PostgreSQL 15 location."""
    map_ = os.environ.get("TFVV_PG_BIN")
    if map_:
        return str(Path(map_) / naam)
    return shutil.which(naam) or str(Path(PG_BIN_STANDAARD) / naam)


def tel_rijen(conn, tabellen) -> dict[str, int]:
    aantallen = {}
    with conn.cursor() as cur:
        for tabel in tabellen:
            cur.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(tabel)))
            aantallen[tabel] = cur.fetchone()[0]
    return aantallen


def tabellen_van(conn) -> set[str]:
    with conn.cursor() as cur:
        cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {r[0] for r in cur.fetchall()}


class Command(BaseCommand):
    help = ("Zet een dump (pg_dump -Fc) terug in een tijdelijke database, vergelijkt het aantal "
            "rijen per tabel met de live database en ruimt de tijdelijke database op. "
            "Zie docs/beheer.md.")

    def add_arguments(self, parser):
        parser.add_argument("dumpbestand")
        parser.add_argument("--alleen-melden", action="store_true",
                            help="verschillen in aantallen melden zonder te falen (een dump "
                                 "van eerder dan nu wijkt vanzelf af)")

    def handle(self, *args, dumpbestand, alleen_melden=False, **options):
        if connection.vendor != "postgresql":
            raise CommandError("controleer_backup werkt alleen met PostgreSQL (DATABASE_URL).")
        dump = Path(dumpbestand)
        if not dump.is_file():
            raise CommandError(f"Dumpbestand niet gevonden: {dump}")
        db = settings.DATABASES["default"]
        live_naam = connection.settings_dict["NAME"]
        kladnaam = f"{live_naam}_backupcontrole_{secrets.token_hex(4)}"
        verbinding = {"host": db.get("HOST") or None, "port": db.get("PORT") or None,
                      "user": db.get("USER") or None, "password": db.get("PASSWORD") or None}
        verbinding = {k: v for k, v in verbinding.items() if v}

        with psycopg.connect(dbname=live_naam, autocommit=True, **verbinding) as beheer:
            beheer.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(kladnaam)))
            try:
                self._zet_terug(dump, kladnaam, verbinding)
                with psycopg.connect(dbname=live_naam, **verbinding) as live, \
                        psycopg.connect(dbname=kladnaam, **verbinding) as klad:
                    verschillen = self._vergelijk(live, klad)
            finally:
                beheer.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                               .format(sql.Identifier(kladnaam)))
        if verschillen and not alleen_melden:
            raise CommandError(f"{verschillen} tabel(len) wijken af van de live database.")
        self.stdout.write(self.style.SUCCESS(
            "Backup gecontroleerd: terugzetten gelukt"
            + (f", {verschillen} afwijking(en) gemeld." if verschillen else
               ", aantallen rijen gelijk aan de live database.")))

    def _zet_terug(self, dump: Path, kladnaam: str, verbinding: dict) -> None:
        env = {**os.environ, "PGPASSWORD": verbinding.get("password", "")}
        opdracht = [pg_programma("pg_restore"), "--no-owner", "--no-privileges",
                    "--exit-on-error", "--dbname", kladnaam]
        if "host" in verbinding:
            opdracht += ["--host", verbinding["host"]]
        if "port" in verbinding:
            opdracht += ["--port", str(verbinding["port"])]
        if "user" in verbinding:
            opdracht += ["--username", verbinding["user"]]
        # an argument list, never a shell; the dump path is the operator's own argument
        proces = subprocess.run(  # noqa: S603  # nosec B603
            [*opdracht, str(dump)], env=env, capture_output=True, text=True, check=False)
        if proces.returncode != 0:
            raise CommandError(f"Terugzetten mislukt (pg_restore):\n{proces.stderr.strip()}")

    def _vergelijk(self, live, klad) -> int:
        live_tabellen, klad_tabellen = tabellen_van(live), tabellen_van(klad)
        live_n = tel_rijen(live, sorted(live_tabellen))
        klad_n = tel_rijen(klad, sorted(live_tabellen & klad_tabellen))
        verschillen = 0
        self.stdout.write(f"{'tabel':<45} {'live':>10} {'backup':>10}")
        for tabel in sorted(live_tabellen | klad_tabellen):
            a, b = live_n.get(tabel), klad_n.get(tabel)
            teken = ""
            if a != b:
                verschillen += 1
                teken = "  VERSCHIL" if a is not None and b is not None else "  ONTBREEKT"
            self.stdout.write(f"{tabel:<45} {a if a is not None else '-':>10} "
                              f"{b if b is not None else '-':>10}{teken}")
        return verschillen
