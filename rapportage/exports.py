"""CSV and XLSX of one dashboard table: the same (suppressed) cells as the page."""

import csv
import io

from openpyxl import Workbook

from rapportage.tabellen import Tabel


def csv_bytes(tabel: Tabel) -> bytes:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow(tabel.kolommen)
    for rij in tabel.alle_rijen:
        schrijver.writerow([cel.export for cel in rij])
    return ("\ufeff" + uit.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8


def xlsx_bytes(tabel: Tabel) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = tabel.sleutel[:31]
    blad.append(tabel.kolommen)
    for rij in tabel.alle_rijen:
        blad.append([cel.export if cel.waarde is None else cel.waarde for cel in rij])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
