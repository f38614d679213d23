"""Loading the Twente reference data shipped in tfvv/data/ (copied from shared/data).

Used by the initial data migration and by `manage.py laad_referentiedata`; works
with historical models (pass `apps` from a migration) or the real ones.
"""

import csv
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _soort(opmerking: str) -> str:
    if opmerking.startswith("GRENS/GEDEELTELIJK"):
        return "grens"
    if opmerking.startswith("POSTBUS-PC4"):
        return "postbus"
    return "woon"


def laad_gemeenten(Gemeente) -> int:
    with open(DATA / "gemeenten.csv", newline="", encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    for r in rijen:
        Gemeente.objects.update_or_create(
            code=r["gemeentecode"],
            defaults={"naam": r["naam"], "inwoners": int(r["inwoners"]),
                      "peildatum": date.fromisoformat(r["peildatum"]), "bron": r["bron"]},
        )
    return len(rijen)


def laad_postcodes(Gemeente, Postcodegebied) -> int:
    gemeenten = {g.code: g for g in Gemeente.objects.all()}
    with open(DATA / "postcodes_pc4.csv", newline="", encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    for r in rijen:
        Postcodegebied.objects.update_or_create(
            pc4=r["pc4"],
            defaults={"gemeente": gemeenten[r["gemeentecode"]], "soort": _soort(r["opmerking"]),
                      "opmerking": r["opmerking"]},
        )
    return len(rijen)
