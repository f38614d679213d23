"""Benchmark of the adviesgroep dashboard at 10k / 100k / 1M aanvragen (PostgreSQL).

    .venv/bin/python bench/dashboard.py --aantal 100000 [--verzoeken 50]

Uses DATABASE_URL if set (a PostgreSQL database it may wipe), otherwise starts a
throwaway PostgreSQL with scripts/diensten.sh and stops it afterwards. Generates the data
with set-based INSERT ... SELECT generate_series (no Python loop per row), then measures:
the refresh of the summary tables, dashboard latency (p50/p95 over N requests with the
Django test client), the dashboard's query count, and a raw-SQL baseline that computes a
comparable aggregate straight from the source tables. Writes bench/results/dashboard-N.json.
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GENEREER = """
INSERT INTO aanvragen_aanvraag (referentie, aanvrager_id, status, aanvraagdatum, ontvangen_op,
  voornaam, achternaam, geboortedatum, email, telefoon, postcode, huisnummer, toevoeging,
  gemeente_id, postcodecontrole, opleidingsniveau, arbeidssituatie, huidig_beroep,
  huidige_sector, scholingswens, voorkeur_loket, voorkeur_locatie, bron, privacy_akkoord_op,
  loket, consulent_id, straat, woonplaats, besluiten_elektronisch)
SELECT 'B-' || i, %(inwoner)s,
  (ARRAY['aangemeld','in_behandeling','scholingsplan','ingediend','toegekend','afgewezen',
         'doorverwezen','geen_vervolg','afgerond'])[1 + floor(random() * 9)::int],
  d, d + time '10:00', 'Bench', 'Aanvrager', date '1960-01-01' + floor(random() * 16000)::int,
  'bench' || i || '@voorbeeld.nl', '0612345678', '7511AB', 1, '',
  (SELECT array_agg(id) FROM tfvv_gemeente)[1 + floor(random() * 14)::int], 'niet_nodig',
  (ARRAY['geen','vmbo','mbo-1','mbo-2','mbo-3','mbo-4','havo','vwo','hbo','wo'])
    [1 + floor(random() * 10)::int],
  (ARRAY['loondienst','zzp','ww','bijstand','zonder_uitkering'])[1 + floor(random() * 5)::int],
  '', '', 'scholing', 'geen', '',
  (ARRAY['ikbindr','werkgever','uwv','gemeente','opleider','social_media','anders'])
    [1 + floor(random() * 7)::int],
  d + time '10:00', (ARRAY['leerwerkloket','loopbaanstation'])[1 + (i %% 2)],
  (ARRAY[%(consulenten)s])[1 + (i %% %(n_consulenten)s)], 'Benchstraat', 'Enschede', true
FROM (SELECT i, date '2023-01-01' + floor(random() * 1400)::int AS d
      FROM generate_series(1, %(aantal)s) i) g;

INSERT INTO loopbaangesprekken_gesprek (aanvraag_id, consulent_id, status, gepland_op, vorm,
  locatie, gevoerd_op, onderwerpen, verslag, uitkomst, doorverwezen_naar, toelichting,
  agenda_volgnummer)
SELECT a.id, a.consulent_id, s.status, a.ontvangen_op + s.wacht, 'op_locatie', '',
  CASE WHEN s.status = 'gevoerd' THEN a.ontvangen_op + s.wacht END, '[]'::jsonb, '',
  CASE WHEN s.status = 'gevoerd' AND s.r < 0.12 THEN 'doorverwijzing' ELSE '' END,
  CASE WHEN s.status = 'gevoerd' AND s.r < 0.12
       THEN (ARRAY['uwv','oo_fonds','wsp','rmt','gemeente','anders'])[1 + floor(s.r * 50)::int]
       ELSE '' END, '', 0
FROM aanvragen_aanvraag a
CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.85 THEN 'gevoerd' ELSE 'gepland' END AS status,
                           random() AS r, (floor(random() * 60) || ' days')::interval AS wacht
                    FROM generate_series(1, 1 + (a.id %% 2))) s
WHERE a.id %% 10 < 7;

INSERT INTO loopbaangesprekken_scholingsplan (aanvraag_id, consulent_id, status, opleiding_naam,
  opleiding_niveau, opleider_id, startdatum, einddatum, route, huidig_beroep, huidige_sector_id,
  doelberoep, doelsector_id, arbeidsmarktperspectief, gevraagd_bedrag, advies, ingediend_op,
  aangemaakt_op, gewijzigd_op, arbeidsmarktperspectief_bewijs)
SELECT a.id, a.consulent_id, 'ingediend', 'Opleiding',
  (ARRAY['mbo-1','mbo-2','mbo-3','mbo-4','hbo-ad','hbo','wo','overig'])
    [1 + floor(random() * 8)::int],
  (ARRAY[%(opleiders)s])[1 + floor(random() * %(n_opleiders)s)::int],
  a.aanvraagdatum + 60, a.aanvraagdatum + 300,
  (ARRAY['skills','binnen_sector','andere_sector','geen_werk'])[1 + floor(random() * 4)::int], '',
  (ARRAY[%(sectoren)s])[1 + floor(random() * %(n_sectoren)s)::int], 'beroep',
  (ARRAY[%(sectoren)s])[1 + floor(random() * %(n_sectoren)s)::int], '',
  500 + floor(random() * 2000), '', a.ontvangen_op + interval '30 days',
  a.ontvangen_op, a.ontvangen_op, ''
FROM aanvragen_aanvraag a WHERE a.id %% 10 < 4;

INSERT INTO cheques_aanvulverzoek (plan_id, gevraagd_door_id, gevraagd_op, omschrijving,
  hersteltermijn_tot, beantwoord_op, toelichting_consulent)
SELECT p.id, %(beoordelaar)s, p.ingediend_op + interval '3 days', 'bewijs',
  (p.ingediend_op + interval '17 days')::date, p.ingediend_op + interval '10 days', ''
FROM loopbaangesprekken_scholingsplan p WHERE p.id %% 5 = 0;

INSERT INTO cheques_beschikking (plan_id, uitkomst, status, bedrag, motivering, grondslag,
  verplichtingen, beoordelaar_id, besloten_op, verzonden_op, brief)
SELECT p.id, CASE WHEN p.id %% 6 = 0 THEN 'afwijzing' ELSE 'toekenning' END, 'verzonden',
  CASE WHEN p.id %% 6 = 0 THEN NULL ELSE p.gevraagd_bedrag END, 'motivering', 'grondslag', '',
  %(beoordelaar)s, p.ingediend_op + (floor(random() * 80) || ' days')::interval,
  (p.ingediend_op + interval '40 days')::date, ''
FROM loopbaangesprekken_scholingsplan p WHERE p.id %% 10 < 8;

INSERT INTO cheques_cheque (nummer, beschikking_id, periode_id, opleider_id, bedrag,
  verificatiecode_hash, status, uitgegeven_op, geldig_tot, pdf, verificatiezout,
  intrekkingsreden)
SELECT 'B-' || b.id, b.id, %(periode)s, p.opleider_id, b.bedrag, 'x',
  (ARRAY['uitgegeven','gedeclareerd','betaald','vervallen'])[1 + (b.id %% 4)],
  b.besloten_op::date, b.besloten_op::date + 365, '', '', ''
FROM cheques_beschikking b JOIN loopbaangesprekken_scholingsplan p ON p.id = b.plan_id
WHERE b.uitkomst = 'toekenning';

INSERT INTO tfvv_budgetboeking (periode_id, soort, bedrag, referentie, omschrijving, tijdstip)
SELECT %(periode)s, 'reservering', c.bedrag, c.nummer, '', c.uitgegeven_op + time '12:00'
FROM cheques_cheque c
UNION ALL
SELECT %(periode)s, s.soort, c.bedrag, c.nummer, '', c.uitgegeven_op + interval '120 days'
FROM cheques_cheque c CROSS JOIN (VALUES ('realisatie'), ('vrijval')) s(soort)
WHERE c.status = 'betaald'
UNION ALL
SELECT %(periode)s, 'vrijval', c.bedrag, c.nummer, '', c.uitgegeven_op + interval '365 days'
FROM cheques_cheque c WHERE c.status = 'vervallen';
"""

# The outcome data (docs/uitkomsten.md): an afronding for the declared and paid cheques,
# 200 days after issue, and the three follow-up moments: 10 % stopped, 35 % not answered,
# the rest answered (work situation, sector, sometimes a kansberoep).
GENEREER_UITKOMSTEN = """
INSERT INTO cheques_afronding (cheque_id, soort, aanwezigheid_procent, gestopt_op,
  reden_gestopt, bewijs, geregistreerd_door_id, geregistreerd_op)
SELECT g.id, g.soort, CASE WHEN g.soort = 'aanwezigheid' THEN 50 + floor(random() * 51)::int END,
  CASE WHEN g.soort = 'gestopt' THEN g.uitgegeven_op + 100 END,
  CASE WHEN g.soort = 'gestopt' THEN 'reden' ELSE '' END, 'afrondingen/bench.pdf',
  %(beoordelaar)s, g.uitgegeven_op + 200 + time '12:00'
FROM (SELECT c.id, c.uitgegeven_op,
        (ARRAY['diploma','certificaat','aanwezigheid','gestopt'])[1 + floor(random() * 4)::int]
          AS soort
      FROM cheques_cheque c WHERE c.status IN ('gedeclareerd', 'betaald')) g;

INSERT INTO rapportage_vervolgmeting (cheque_id, moment, gepland_op, token_hash, geldig_tot,
  verstuurd_op, herinnerd_op, gestopt_op, ingevuld_op, werksituatie, sector_id, beroep,
  kansberoep_id, uren, inkomen, gebruik, tevredenheid_loket, tevredenheid_opleider, aanbevelen)
SELECT g.cheque_id, g.moment, g.dag, NULL, g.dag + 42, g.dag + time '10:00', NULL,
  CASE WHEN g.r < 0.1 THEN g.dag + time '11:00' END,
  CASE WHEN g.r >= 0.45 THEN g.dag + time '15:00' END,
  CASE WHEN g.r >= 0.45 THEN g.werk ELSE '' END,
  CASE WHEN g.r >= 0.45 AND g.werkt THEN g.sector END, '',
  CASE WHEN g.r >= 0.45 AND g.werkt AND g.r2 < 0.4 THEN g.kansberoep END,
  '', '', '', NULL, NULL, ''
FROM (SELECT a.cheque_id, m.moment, a.geregistreerd_op::date + m.dagen AS dag,
        random() AS r, random() AS r2, w.werk,
        w.werk IN ('zelfde_werk', 'ander_werk', 'zelfstandig') AS werkt,
        (ARRAY[%(sectoren)s])[1 + floor(random() * %(n_sectoren)s)::int] AS sector,
        (ARRAY[%(kansberoepen)s])[1 + floor(random() * %(n_kansberoepen)s)::int] AS kansberoep
      FROM cheques_afronding a
      CROSS JOIN (VALUES ('einde', 0), ('6_maanden', 182), ('12_maanden', 365)) m(moment, dagen)
      CROSS JOIN LATERAL (SELECT (ARRAY['zelfde_werk','ander_werk','zelfstandig','zoekend',
                                        'geen_werk'])[1 + floor(random() * 5)::int + 0 * a.id]
                                 AS werk) w) g;
"""

BASELINE = """
SELECT a.gemeente_id, a.loket, count(*) AS aanmeldingen,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM loopbaangesprekken_gesprek g
                                 WHERE g.aanvraag_id = a.id AND g.status = 'gevoerd')),
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM loopbaangesprekken_scholingsplan p
                                 WHERE p.aanvraag_id = a.id AND p.ingediend_op IS NOT NULL)),
  count(*) FILTER (WHERE a.status = 'afgerond')
FROM aanvragen_aanvraag a
WHERE a.aanvraagdatum BETWEEN '2024-01-01' AND '2024-12-31'
GROUP BY a.gemeente_id, a.loket
"""

WISSEN = """TRUNCATE rapportage_vervolgmeting, cheques_afronding, tfvv_budgetboeking,
  cheques_cheque, cheques_beschikking, cheques_aanvulverzoek,
  loopbaangesprekken_gesprek, loopbaangesprekken_scholingsplan, aanvragen_aanvraag,
  rapportage_telling, rapportage_budgetstand CASCADE"""


def diensten_starten() -> str | None:
    if os.environ.get("DATABASE_URL"):
        return None
    map_ = tempfile.mkdtemp(prefix="tfvv-bench.")
    os.chmod(map_, 0o755)  # noqa: S103 (the postgres user must enter it)
    subprocess.run(["bash", "scripts/diensten.sh", "start", map_], cwd=ROOT, check=True)
    for regel in Path(map_, "env").read_text().splitlines():
        sleutel, _, waarde = regel.removeprefix("export ").partition("=")
        os.environ[sleutel] = waarde
    return map_


def percentiel(waarden, p):
    waarden = sorted(waarden)
    return waarden[min(len(waarden) - 1, max(0, round(p * len(waarden)) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=10_000, help="aantal aanvragen")
    parser.add_argument("--verzoeken", type=int, default=30, help="dashboardverzoeken")
    args = parser.parse_args()

    map_ = diensten_starten()
    try:
        resultaat = meet(args.aantal, args.verzoeken)
    finally:
        if map_:
            subprocess.run(["bash", "scripts/diensten.sh", "stop", map_], cwd=ROOT, check=False)
    uit = ROOT / "bench" / "results" / f"dashboard-{args.aantal}.json"
    uit.write_text(json.dumps(resultaat, indent=2) + "\n")
    print(json.dumps(resultaat, indent=2))
    print(f"Geschreven: {uit.relative_to(ROOT)}")


def meet(aantal: int, verzoeken: int) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tfvv.settings_test")
    os.environ.setdefault("TFVV_VAR_DIR", tempfile.mkdtemp(prefix="tfvv-bench-var."))
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from loopbaangesprekken.models import Kansberoep, Kansberoepenlijst, Opleider, Sector
    from rapportage.services import ververs_samenvattingen
    from tests.conftest import log_in_als_medewerker
    from tests.tfvv.factories import plafond_in_werking
    from tfvv import budget_selectors
    from tfvv.demo import maak_medewerker
    from tfvv.models import Begrotingsperiode, Financieringsbron, Gemeente, Toezegging
    from tfvv.roles import Organisatie, Rol

    assert connection.vendor == "postgresql", "de benchmark draait op PostgreSQL"
    call_command("migrate", verbosity=0)
    with connection.cursor() as c:
        c.execute(WISSEN)
    adviesgroep, device = maak_medewerker("bench-adviesgroep", Rol.ADVIESGROEP,
                                          Organisatie.ADVIESGROEP, "Bench", "Adviesgroep")
    adviesgroep.totp_device = device
    inwoner, _ = maak_medewerker("bench-inwoner", Rol.INWONER, "", "Bench", "Inwoner")
    consulenten = [maak_medewerker(f"bench-consulent-{i}", Rol.CONSULENT, org, "Bench", str(i))[0]
                   for i, org in enumerate([Organisatie.LEERWERKLOKET,
                                            Organisatie.LOOPBAANSTATION] * 10)]
    beoordelaar, _ = maak_medewerker("bench-beoordelaar", Rol.BEOORDELAAR,
                                     Organisatie.GEMEENTE_ENSCHEDE, "Bench", "Beoordelaar")
    sectoren = [Sector.objects.get_or_create(naam=n, defaults={"kansrijk": k})[0].pk
                for n, k in (("Techniek", True), ("ICT", True), ("Zorg", True),
                             ("Industrie", False), ("Retail", False), ("Horeca", False),
                             ("Transport en logistiek", True), ("Bouw", False))]
    opleiders = [Opleider.objects.get_or_create(naam=f"Bench-opleider {i}")[0].pk
                 for i in range(40)]
    lijst, _ = Kansberoepenlijst.objects.get_or_create(
        naam="Bench Kansberoepen Twente", defaults={
            "gepubliceerd_op": datetime.date(2023, 1, 1), "geldig_van": datetime.date(2023, 1, 1),
            "geldig_tot": datetime.date(2026, 12, 31)})
    kansberoepen = [Kansberoep.objects.get_or_create(lijst=lijst, naam=f"Bench-beroep {i}",
                                                     defaults={"sector_id": sectoren[i]})[0].pk
                    for i in range(5)]
    # periods never overlap: reuse one that covers 2023 (e.g. the demo's) if there is one
    periode = budget_selectors.periode_op(datetime.date(2023, 1, 1)) or \
        Begrotingsperiode.objects.create(naam="Bench 2023-2026", van=datetime.date(2023, 1, 1),
                                         tot=datetime.date(2026, 12, 31))
    for naam, bedrag in (("Regio Twente/gemeenten", 4_000_000), ("Provincie Overijssel", 2_000_000),
                         ("Rijk/Regiodeal", 1_000_000), ("EU", 1_250_000),
                         ("Cofinanciering", 3_750_000)):
        bron, _ = Financieringsbron.objects.get_or_create(naam=naam)
        Toezegging.objects.get_or_create(bron=bron, periode=periode, defaults={
            "bedrag": Decimal(bedrag) * max(1, aantal // 10_000), "datum": periode.van})
    if not periode.plafondbesluiten.exists():
        # the generated cheques are random, not held to the business plan's plafond: a
        # plafond that the database trigger (tfvv 0005) lets every generated booking pass
        plafond_in_werking(periode, Decimal("9999999999.99"))

    def lijst(ids):
        return ",".join(str(i) for i in ids)

    begin = time.monotonic()
    with connection.cursor() as c:
        sql = GENEREER % {
            "aantal": aantal, "inwoner": inwoner.pk, "consulenten": lijst(
                u.pk for u in consulenten), "n_consulenten": len(consulenten),
            "opleiders": lijst(opleiders), "n_opleiders": len(opleiders),
            "sectoren": lijst(sectoren), "n_sectoren": len(sectoren),
            "beoordelaar": beoordelaar.pk, "periode": periode.pk,
        }
        c.execute(sql)
        c.execute(GENEREER_UITKOMSTEN % {
            "beoordelaar": beoordelaar.pk, "sectoren": lijst(sectoren),
            "n_sectoren": len(sectoren), "kansberoepen": lijst(kansberoepen),
            "n_kansberoepen": len(kansberoepen)})
        # steady state: autovacuum would have set the visibility map (index-only scans)
        # and the statistics long before a consultant opens the queue
        c.execute("VACUUM ANALYZE")
        tellingen = {}
        for tabel in ("aanvragen_aanvraag", "loopbaangesprekken_gesprek",
                      "loopbaangesprekken_scholingsplan", "cheques_beschikking",
                      "cheques_cheque", "tfvv_budgetboeking", "cheques_afronding",
                      "rapportage_vervolgmeting"):
            c.execute(f"SELECT count(*) FROM {tabel}")  # noqa: S608 (fixed names)
            tellingen[tabel] = c.fetchone()[0]
    genereren = time.monotonic() - begin

    begin = time.monotonic()
    verversing = ververs_samenvattingen()
    verversen = time.monotonic() - begin

    client = log_in_als_medewerker(Client(HTTP_HOST="127.0.0.1"), adviesgroep)
    url = "/rapportage/dashboard/?jaar=2024"
    gemeente = Gemeente.objects.get(naam="Enschede").pk
    varianten = [url, url + "&loket=leerwerkloket", f"{url}&gemeente={gemeente}",
                 f"/rapportage/dashboard/?jaar=2024&kwartaal=2&gemeente={gemeente}"
                 "&loket=loopbaanstation"]
    client.get(url)  # warm-up
    koud, warm, queries = [], [], []
    for i in range(verzoeken):
        for lijst_, leeg in ((koud, True), (warm, False)):
            if leeg:
                cache.clear()  # cold: figures read from the summary tables and rendered
            with CaptureQueriesContext(connection) as ctx:
                begin = time.monotonic()
                antwoord = client.get(varianten[i % len(varianten)])
                lijst_.append((time.monotonic() - begin) * 1000)
            assert antwoord.status_code == 200
            if leeg:
                queries.append(len(ctx.captured_queries))

    wachtrijen = {}
    for naam, gebruiker, pad in (("werkvoorraad_consulent", consulenten[0],
                                  "/consulent/werkvoorraad/?lijst=open"),
                                 ("werkvoorraad_beoordelaar", beoordelaar, "/beoordeling/")):
        gebruiker.totp_device = gebruiker.totpdevice_set.get()
        queue_client = log_in_als_medewerker(Client(HTTP_HOST="127.0.0.1"), gebruiker)
        queue_client.get(pad)  # warm-up
        tijden, aantallen = [], set()
        for _ in range(verzoeken):
            with CaptureQueriesContext(connection) as ctx:
                begin = time.monotonic()
                antwoord = queue_client.get(pad)
                tijden.append((time.monotonic() - begin) * 1000)
            assert antwoord.status_code == 200, (pad, antwoord.status_code)
            aantallen.add(len(ctx.captured_queries))
        wachtrijen[naam] = {"p50_ms": round(statistics.median(tijden), 1),
                            "p95_ms": round(percentiel(tijden, 0.95), 1),
                            "queries": sorted(aantallen)}

    basis = []
    with connection.cursor() as c:
        for _ in range(3):
            begin = time.monotonic()
            c.execute(BASELINE)
            c.fetchall()
            basis.append((time.monotonic() - begin) * 1000)

    return {
        "aanvragen": aantal,
        "rijen": tellingen,
        "genereren_s": round(genereren, 2),
        "verversen_s": round(verversen, 2),
        "samenvattingsrijen": verversing.aantal_rijen,
        "dashboard_verzoeken": verzoeken,
        "dashboard_koud_p50_ms": round(statistics.median(koud), 1),
        "dashboard_koud_p95_ms": round(percentiel(koud, 0.95), 1),
        "dashboard_warm_p50_ms": round(statistics.median(warm), 1),
        "dashboard_warm_p95_ms": round(percentiel(warm, 0.95), 1),
        "dashboard_queries_koud": sorted(set(queries)),
        "wachtrijen": wachtrijen,
        "basislijn_sql_trechter_2024_ms": round(min(basis), 1),
        "gemeten_op": datetime.datetime.now().isoformat(timespec="seconds"),
    }


def run(ctx) -> dict:
    """Scenario "schaal" of `make bench`: every size in ctx.omvang, against the bench database."""
    from bench.draai import doel

    metingen = [meet(aantal, 30) for aantal in ctx.omvang]
    grootste = metingen[-1]
    query_sets = {m["aanvragen"]: m["dashboard_queries_koud"] for m in metingen}
    doelen = [
        doel(f"dashboard p95 < 300 ms bij {grootste['aanvragen']}",
             grootste["dashboard_koud_p95_ms"], grootste["dashboard_koud_p95_ms"] < 300),
        doel("dashboard: zelfde aantal queries bij elke omvang", query_sets,
             len({tuple(q) for q in query_sets.values()}) == 1),
    ]
    for naam in ("werkvoorraad_consulent", "werkvoorraad_beoordelaar"):
        p95 = grootste["wachtrijen"][naam]["p95_ms"]
        doelen.append(doel(f"{naam} p95 < 150 ms bij {grootste['aanvragen']}", p95, p95 < 150))
        per_omvang = {m["aanvragen"]: m["wachtrijen"][naam]["queries"] for m in metingen}
        doelen.append(doel(f"{naam}: zelfde aantal queries bij elke omvang", per_omvang,
                           len({tuple(q) for q in per_omvang.values()}) == 1))
    return {"status": "gemeten", "cijfers": {str(m["aanvragen"]): m for m in metingen},
            "doelen": doelen}


if __name__ == "__main__":
    main()
