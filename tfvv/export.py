"""The one way to write CSV and XLSX files that leave the application.

A spreadsheet program executes a cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return as a formula (CSV/formula injection, OWASP). Every text cell goes through
`veilige_cel`, which puts an apostrophe in front of such a value, as Excel does itself
for text typed with a leading apostrophe. Numbers, dates and Decimals stay typed values
(in XLSX) so totals still add up; in CSV a negative number is written as-is because it
was produced by the application, not typed by a person.

    from tfvv.export import csv_bytes, csv_response, xlsx_bytes

    return csv_response("betaalbatch.csv", kolommen, rijen)
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook

GEVAARLIJKE_BEGINTEKENS = ("=", "+", "-", "@", "\t", "\r")
GETYPT = (int, float, Decimal, datetime.date, datetime.datetime)


def veilige_cel(waarde):
    """`waarde` as a cell that no spreadsheet executes; typed values are kept as they are."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return str(waarde)
    if isinstance(waarde, GETYPT):
        return waarde
    tekst = str(waarde)
    if tekst.startswith(GEVAARLIJKE_BEGINTEKENS):
        return "'" + tekst
    return tekst


def _csv_cel(waarde):
    cel = veilige_cel(waarde)
    if isinstance(cel, datetime.date):
        return cel.isoformat()
    return cel


def csv_bytes(kolommen: Sequence[str], rijen: Iterable[Sequence]) -> bytes:
    """Semicolon-separated UTF-8 with a BOM (Excel reads UTF-8 then)."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow([_csv_cel(k) for k in kolommen])
    for rij in rijen:
        schrijver.writerow([_csv_cel(w) for w in rij])
    return ("\ufeff" + uit.getvalue()).encode("utf-8")


def csv_response(bestandsnaam: str, kolommen: Sequence[str],
                 rijen: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(csv_bytes(kolommen, rijen), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


def xlsx_bytes(titel: str, kolommen: Sequence[str], rijen: Iterable[Sequence],
               extra_bladen: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]] = ()
               ) -> bytes:
    """One sheet `titel`, then each (titel, kolommen, rijen) of `extra_bladen` as a sheet."""
    boek = Workbook()
    boek.remove(boek.active)
    for blad_titel, blad_kolommen, blad_rijen in ((titel, kolommen, rijen), *extra_bladen):
        blad = boek.create_sheet(blad_titel[:31])
        blad.append([veilige_cel(k) for k in blad_kolommen])
        for rij in blad_rijen:
            blad.append([veilige_cel(w) for w in rij])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
