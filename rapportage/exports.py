"""CSV and XLSX of one dashboard table: the same (suppressed) cells as the page, written by
the one export helper (tfvv.export), which neutralises cells a spreadsheet would run as a
formula (labels such as opleider and sector names are typed by people)."""

from rapportage.tabellen import Tabel
from tfvv import export


def _rijen(tabel: Tabel) -> list[list]:
    """Numbers as typed values, everything else (labels, "<5", "x") as text."""
    return [[cel.export if cel.waarde is None else cel.waarde for cel in rij]
            for rij in tabel.alle_rijen]


def csv_bytes(tabel: Tabel) -> bytes:
    return export.csv_bytes(tabel.kolommen, _rijen(tabel))


def xlsx_bytes(tabel: Tabel) -> bytes:
    return export.xlsx_bytes(tabel.sleutel, tabel.kolommen, _rijen(tabel))
