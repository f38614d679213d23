"""Cells that would run as a formula in a spreadsheet are neutralised; typed values stay."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tfvv.export import csv_bytes, veilige_cel, xlsx_bytes

AANVALLEN = ['=HYPERLINK("https://x.example","klik")', "@SUM(A1:A9)", "+1+1", "-2+3",
             "\tcmd", "\r=1"]


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_formula_cells_get_an_apostrophe(aanval):
    assert veilige_cel(aanval) == "'" + aanval


def test_typed_values_are_kept():
    assert veilige_cel(Decimal("-12.50")) == Decimal("-12.50")
    assert veilige_cel(3) == 3
    assert veilige_cel(datetime.date(2026, 12, 4)) == datetime.date(2026, 12, 4)
    assert veilige_cel(None) == ""
    assert veilige_cel("Jan") == "Jan"


def test_csv_and_xlsx_carry_no_formula():
    rijen = [[a, Decimal("1.00")] for a in AANVALLEN]
    tekst = csv_bytes(["naam", "bedrag"], rijen).decode("utf-8-sig")
    gelezen = list(csv.reader(io.StringIO(tekst, newline=""), delimiter=";"))[1:]
    assert len(gelezen) == len(AANVALLEN)
    for naam, _bedrag in gelezen:
        assert naam.startswith("'")
    blad = load_workbook(io.BytesIO(xlsx_bytes("t", ["naam", "bedrag"], rijen))).active
    for (naam, bedrag) in blad.iter_rows(min_row=2, values_only=True):
        assert naam.startswith("'")
        assert bedrag == 1


def test_alleen_tfvv_export_schrijft_csv_en_xlsx():
    """Every CSV/XLSX that leaves the application goes through tfvv.export: no other
    module of the apps writes one itself (reading CSV, e.g. reference data, is fine)."""
    import re

    from tests.conftest import ROOT

    schrijven = re.compile(r"csv\.(writer|DictWriter)\b|\bWorkbook\(|from openpyxl|import openpyxl")
    apps = ("tfvv", "aanvragen", "loopbaangesprekken", "cheques", "rapportage")
    zelf = [str(pad.relative_to(ROOT)) for app in apps for pad in (ROOT / app).rglob("*.py")
            if schrijven.search(pad.read_text()) and pad != ROOT / "tfvv" / "export.py"]
    assert not zelf, f"Schrijf CSV/XLSX met tfvv.export: {zelf}"
