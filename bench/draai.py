"""The benchmark driver: runs the selected scenarios against the services bench/run.sh
started and writes bench/results/<date>.json and .md.

    .venv/bin/python -m bench.draai --lijst
    bash bench/run.sh --scenario rush --duur 20 --clients 64

A scenario is a module with `run(ctx) -> dict`, registered in SCENARIOS. Its dict has
`status` ("gemeten", "niet beschikbaar" or "fout"), `reden` when not measured, `cijfers`
(every figure), `doelen` (targets: doel, waarde, gehaald) and optionally `profiel`.
A module that does not exist (yet) is reported as "niet beschikbaar".
"""

import argparse
import datetime
import importlib
import json
import os
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RESULTATEN = BENCH / "results"

# name -> (module, description); the order is the default running order
SCENARIOS = {
    "rush": ("bench.scenario_rush", "Openingsrush: publiek aanmeldformulier vs kale INSERT"),
    "budget": ("bench.scenario_budget", "Budgetrace: gelijktijdige toekenningen tegen plafond"),
    "schaal": ("bench.dashboard", "Schaal: werkvoorraden en dashboard bij 10k/100k/1M"),
    "pdf": ("bench.scenario_pdf", "PDF: chequerender vs kale WeasyPrint, Celery-doorvoer"),
    "subsidietoets": ("bench.scenario_subsidietoets", "Subsidietoets: casussen per seconde"),
    "declaraties": ("bench.scenario_declaraties",
                    "Declaraties in bulk: CSV van 2.000 regels met zip van PDF's"),
    "verantwoording": ("bench.scenario_verantwoording",
                       "Verantwoording per financier bij 100k aanvragen"),
}


@dataclass
class Context:
    """What a scenario gets: where the server runs, the sizes, and the process ids."""

    host: str
    poort: int
    duur: float
    clients: int
    omvang: list[int]
    aantal: int
    run: str
    pids: dict[str, int] = field(default_factory=dict)
    server: dict = field(default_factory=dict)

    @property
    def basis_url(self) -> str:
        return f"http://{self.host}:{self.poort}"

    def cpu_profiel(self):
        from bench.meten import CpuProfiel

        return CpuProfiel(self.pids)

    @staticmethod
    def log(tekst: str):
        print(f"[{datetime.datetime.now():%H:%M:%S}] {tekst}", flush=True)


def niet_beschikbaar(reden: str) -> dict:
    return {"status": "niet beschikbaar", "reden": reden, "cijfers": {}, "doelen": []}


def doel(naam: str, waarde, gehaald: bool | None) -> dict:
    """A target line; gehaald None = not measurable in this run."""
    return {"doel": naam, "waarde": waarde, "gehaald": gehaald}


def draai_scenario(naam: str, ctx: Context) -> dict:
    module_naam, _ = SCENARIOS[naam]
    try:
        module = importlib.import_module(module_naam)
    except ModuleNotFoundError as fout:
        if fout.name and module_naam.startswith(fout.name):
            return niet_beschikbaar(f"module {module_naam} bestaat (nog) niet")
        raise
    ctx.log(f"scenario {naam}: start")
    t0 = time.perf_counter()
    try:
        uitkomst = module.run(ctx)
    except Exception as fout:  # noqa: BLE001 - one failing scenario must not stop the rest
        traceback.print_exc()
        uitkomst = {"status": "fout", "reden": f"{type(fout).__name__}: {fout}",
                    "cijfers": {}, "doelen": []}
    uitkomst["looptijd_s"] = round(time.perf_counter() - t0, 1)
    ctx.log(f"scenario {naam}: {uitkomst['status']} ({uitkomst['looptijd_s']} s)")
    return uitkomst


def _omgeving(ctx: Context) -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    commit = os.environ.get("BENCH_BRONCODE") or subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
        cwd=BENCH.parent, check=False).stdout.strip()
    return {"postgresql": pg, "git_commit": commit, "server": ctx.server}


def _waarde(w) -> str:
    if isinstance(w, float):
        return f"{w:,.2f}".replace(",", " ")
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, list):
        return ", ".join(_waarde(x) for x in w)
    return str(w)


def _plat(prefix: str, waarde, regels: list[tuple[str, str]], blokken: dict):
    """Flatten nested figures to (path, value) rows; long lists of text (profiles) go to
    `blokken` and are shown as code blocks."""
    if isinstance(waarde, dict):
        for k, v in waarde.items():
            _plat(f"{prefix}.{k}" if prefix else str(k), v, regels, blokken)
    elif isinstance(waarde, list) and any(isinstance(x, str) and len(x) > 40 for x in waarde):
        blokken[prefix] = waarde
    else:
        regels.append((prefix, _waarde(waarde)))


def markdown(rapport: dict) -> str:
    m = rapport["machine"]
    uit = [f"# Benchmarks {rapport['datum']}", "",
           f"Machine: {m['cores']} cores, {m['geheugen_gb']} GB geheugen, {m['cpu']} "
           f"(Linux {m['kernel']}, Python {m['python']}).", ""]
    for naam, r in rapport["omgeving"].items():
        regels: list[tuple[str, str]] = []
        _plat(naam, r, regels, {})
        uit += [f"- {k}: {v}" for k, v in regels]
    uit += ["", "Gegenereerd door `make bench`; de cijfers per scenario staan ook in het "
            "JSON-bestand ernaast. De omgeving hierboven is die van de laatste run van de dag.",
            ""]
    for naam, r in rapport["scenarios"].items():
        uit += [f"## {naam}: {SCENARIOS.get(naam, ('', naam))[1]}", "",
                f"Status: **{r['status']}**" + (f" ({r['reden']})" if r.get("reden") else "")
                + (f"; gemeten op {r['gemeten_op']}" if r.get("gemeten_op") else ""), ""]
        if r.get("omgeving"):
            regels = []
            _plat("", r["omgeving"], regels, {})
            uit += ["Omgeving: " + "; ".join(f"{k}: {v}" for k, v in regels), ""]
        if r.get("doelen"):
            uit += ["| doel | gemeten | gehaald |", "|---|---|---|"]
            for d in r["doelen"]:
                gehaald = {True: "ja", False: "**nee**", None: "niet gemeten"}[d["gehaald"]]
                uit.append(f"| {d['doel']} | {_waarde(d['waarde'])} | {gehaald} |")
            uit.append("")
        for deel in ("cijfers", "profiel"):
            regels, blokken = [], {}
            _plat("", r.get(deel) or {}, regels, blokken)
            if regels:
                uit += [f"{deel.capitalize()}:", "", "| meting | waarde |", "|---|---|"]
                uit += [f"| {k} | {v} |" for k, v in regels]
                uit.append("")
            for k, lijst in blokken.items():
                uit += [f"{k}:", "", "```", *lijst, "```", ""]
        if r.get("toelichting"):
            uit += [r["toelichting"], ""]
    return "\n".join(uit)


def schrijf(rapport_nieuw: dict, map_: Path = RESULTATEN) -> tuple[Path, Path]:
    """Write today's JSON and Markdown; scenarios from an earlier run today are kept."""
    map_.mkdir(parents=True, exist_ok=True)
    json_pad = map_ / f"{rapport_nieuw['datum']}.json"
    rapport = json.loads(json_pad.read_text()) if json_pad.exists() else {"scenarios": {}}
    scenarios = {**rapport["scenarios"], **rapport_nieuw["scenarios"]}
    rapport.update(rapport_nieuw)
    rapport["scenarios"] = {n: scenarios[n] for n in [*SCENARIOS, *scenarios] if n in scenarios}
    json_pad.write_text(json.dumps(rapport, indent=2, ensure_ascii=False, default=str) + "\n")
    md_pad = json_pad.with_suffix(".md")
    md_pad.write_text(markdown(rapport) + "\n")
    return json_pad, md_pad


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scenario", action="append", default=[],
                   help=f"een of meer van {', '.join(SCENARIOS)} (herhaalbaar of met komma's); "
                        "standaard: alle")
    p.add_argument("--duur", type=float, default=30, help="seconden per belastingsmeting (30)")
    p.add_argument("--clients", type=int, default=64, help="gelijktijdige clients (64)")
    p.add_argument("--omvang", default="10000,100000,1000000",
                   help="aantallen aanvragen voor schaal (10000,100000,1000000)")
    p.add_argument("--aantal", type=int, default=0,
                   help="herhalingen voor pdf/subsidietoets/budget (0 = scenario-standaard)")
    p.add_argument("--resultaten", type=Path, default=RESULTATEN,
                   help="map voor <datum>.json en .md (bench/results)")
    p.add_argument("--lijst", action="store_true", help="toon de scenario's en stop")
    args = p.parse_args(argv)
    gekozen = [s for arg in args.scenario for s in arg.split(",") if s] or list(SCENARIOS)
    onbekend = [s for s in gekozen if s not in SCENARIOS]
    if onbekend:
        p.error(f"onbekend scenario: {', '.join(onbekend)} (kies uit {', '.join(SCENARIOS)})")
    args.scenario = gekozen
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.lijst:
        for naam, (module, omschrijving) in SCENARIOS.items():
            print(f"{naam:14} {module:32} {omschrijving}")
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tfvv.settings")
    import django

    django.setup()
    from bench.meten import machine

    pids = {}
    for paar in filter(None, os.environ.get("BENCH_PIDS", "").split(",")):
        groep, _, pid = paar.partition("=")
        pids[groep] = int(pid)
    ctx = Context(
        host="127.0.0.1", poort=int(os.environ.get("BENCH_POORT", "0")), duur=args.duur,
        clients=args.clients, omvang=[int(x) for x in args.omvang.split(",") if x],
        aantal=args.aantal, run=datetime.datetime.now().strftime("%H%M%S"), pids=pids,
        server={"gunicorn": os.environ.get("BENCH_GUNICORN", ""),
                "celery": os.environ.get("BENCH_CELERY", "")},
    )
    rapport = {"datum": datetime.date.today().isoformat(), "machine": machine(),
               "omgeving": _omgeving(ctx), "scenarios": {}}
    for naam in args.scenario:
        uitkomst = draai_scenario(naam, ctx)
        uitkomst["gemeten_op"] = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        uitkomst["omgeving"] = rapport["omgeving"]  # scenarios of one day may differ
        rapport["scenarios"][naam] = uitkomst
    json_pad, md_pad = schrijf(rapport, args.resultaten)
    ctx.log(f"resultaten: {json_pad} en {md_pad.name}")
    return 0 if all(r["status"] != "fout" for r in rapport["scenarios"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
