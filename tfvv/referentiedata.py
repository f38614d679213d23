"""Loading the Twente reference data shipped in tfvv/data/ (copied from shared/data).

Used by the initial data migration and by `manage.py laad_referentiedata`; works
with historical models (pass `apps` from a migration) or the real ones.
"""

import csv
from datetime import date
from decimal import Decimal
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


GRONDSLAG = (
    "Subsidieverordening Twents Fonds voor Vakmanschap (gemeente Enschede, CVDR631008); "
    "Algemene wet bestuursrecht, titel 4.2"
)

REGELINGEN = {
    "pilot-2019-2022": {
        "naam": "Pilot 2019–2022",
        "geldig_van": date(2019, 1, 1), "geldig_tot": date(2022, 12, 31),
        "minimumleeftijd": 18, "cofinanciering_aandeel": Decimal("0"),
        "maximum_per_jaar": Decimal("2500.00"), "niveauregel": "pilot",
        "grondslag": GRONDSLAG, "medeondertekening_vanaf": Decimal("2000.00"),
    },
    "2023-2026": {
        "naam": "Twents Fonds 2023–2026",
        "geldig_van": date(2023, 1, 1), "geldig_tot": date(2026, 12, 31),
        "minimumleeftijd": 18, "cofinanciering_aandeel": Decimal("0.500"),
        "maximum_per_jaar": Decimal("2500.00"), "niveauregel": "2023",
        "grondslag": GRONDSLAG,  # the business plan is policy (toelichting), not law
        "medeondertekening_vanaf": Decimal("2000.00"),
    },
}


def laad_regelingen(Regeling) -> int:
    for code, velden in REGELINGEN.items():
        Regeling.objects.update_or_create(code=code, defaults=velden)
    return len(REGELINGEN)


def laad_alles(Gemeente, Postcodegebied, Regeling):
    laad_gemeenten(Gemeente)
    laad_postcodes(Gemeente, Postcodegebied)
    laad_regelingen(Regeling)


def zorg_voor_referentiedata(**kwargs):
    """After every migrate or flush: load the shipped reference data into empty tables.

    Never overwrites what the functioneel beheerder changed; it only fills a table
    that is empty (a new database, or one flushed by a test that committed for real).
    """
    from tfvv.models import Gemeente, Postcodegebied, Regeling

    if not Gemeente.objects.exists():
        laad_gemeenten(Gemeente)
    if not Postcodegebied.objects.exists():
        laad_postcodes(Gemeente, Postcodegebied)
    if not Regeling.objects.exists():
        laad_regelingen(Regeling)
