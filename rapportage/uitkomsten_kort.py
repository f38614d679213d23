"""Outcomes in brief, the first section of the monthly voortgangsrapportage (docs/rapportage.md):
completion, and the response and the share working at 6 and 12 months, for the whole fund
over the report's period. One query on the summary tables.

The same figures as the dashboard's outcome tables: completion and response are the share
cells of those tables (built by the same `verdeling.verdeling`, so suppressed alike). The
share working is a sum over the dashboard's table "Werk ... per route" (route ×
werksituatie); it is shown only when it gives no hidden cell of that table away: the sum
of the hidden cells among the working ones, and among the others, would follow from it and
the total, so each of those two groups must hold no hidden cell, or at least two whose sum
is not 1 to 4; and neither working nor not working may be 1 to 4 itself.
"""

from collections import defaultdict

from django.db.models import Sum

from rapportage.models import Telling, Vervolgmeting
from rapportage.samenvatting_uitkomsten import (
    NA_MAANDEN,
    RESPONS_LABELS,
    VOLTOOID_LABELS,
    WERKEND,
)
from rapportage.selectors import Filters
from rapportage.tabellen import AFGESCHERMD, LEEG, Tabel, aantal, is_klein, procent, tekst
from rapportage.uitkomsten import MOMENT_TITELS, WERK_LABELS
from rapportage.verdeling import verdeling

M = Vervolgmeting.Moment


def _per_dimensie(filters: Filters) -> dict:
    van, tot = filters.maanden
    uit: dict = defaultdict(dict)
    dimensies = ["voltooid", *(f"{s}_{m}" for m in NA_MAANDEN for s in ("respons", "werk"))]
    for r in (Telling.objects.filter(niveau=Telling.Niveau.TOTAAL, maanden=Telling.Duur.MAAND,
                                     maand__gte=van, maand__lte=tot, dimensie__in=dimensies)
              .values("dimensie", "waarde").annotate(n=Sum("aantal"), s=Sum("bedrag"))
              .order_by()):
        uit[r["dimensie"]][r["waarde"]] = (r["n"], r["s"])
    return uit


def _aandeel_cel(tabel: Tabel, label: str):
    """The share cell of the row `label` of a dashboard breakdown (empty without it)."""
    for rij in tabel.rijen:
        if rij[0].tekst == label:
            return rij[2]
    return LEEG


def _werkend(waarden: dict):
    """(answers, share working) per the module docstring."""
    tabel = verdeling("werk", "", waarden, WERK_LABELS)
    waarde_van = {label: w for w, label in WERK_LABELS.items()}
    groepen = {True: [], False: []}  # working?: hidden counts
    for rij in tabel.rijen:
        w = waarde_van.get(rij[0].tekst, rij[0].tekst)
        if rij[1].onderdrukt:
            groepen[w.split("|")[-1] in WERKEND].append(waarden[w][0])
    totaal = sum(n for n, _ in waarden.values())
    werkend = sum(n for w, (n, _) in waarden.items() if w.split("|")[-1] in WERKEND)
    veilig = not is_klein(werkend) and not is_klein(totaal - werkend) and all(
        not verborgen or (len(verborgen) > 1 and not is_klein(sum(verborgen)))
        for verborgen in groepen.values())
    return aantal(totaal), procent(werkend, totaal) if veilig else AFGESCHERMD


def kerncijfers(filters: Filters) -> Tabel:
    d = _per_dimensie(filters)
    tabel = Tabel("uitkomsten_kort", "Uitkomsten in het kort",
                  ["Uitkomst", "Basis", "Aantal", "Percentage"],
                  toelichting="Dezelfde cijfers als in de sectie Uitkomsten hieronder. Werkend: "
                              "alleen wie de vragenlijst beantwoordde; lees het samen met de "
                              "respons.")
    voltooid = verdeling("voltooid", "", d["voltooid"], VOLTOOID_LABELS)
    tabel.rijen.append([tekst("Voltooid"), tekst("afrondingen"), voltooid.totaal[1],
                        _aandeel_cel(voltooid, VOLTOOID_LABELS["ja"])])
    for moment in NA_MAANDEN:
        titel = MOMENT_TITELS[moment]
        respons = verdeling("respons", "", d[f"respons_{moment}"], RESPONS_LABELS)
        tabel.rijen.append([tekst(f"Respons {titel}"), tekst("verstuurde vragenlijsten"),
                            respons.totaal[1],
                            _aandeel_cel(respons, RESPONS_LABELS["beantwoord"])])
        tabel.rijen.append([tekst(f"Werkend {titel}"), tekst("antwoorden"),
                            *_werkend(d[f"werk_{moment}"])])
    return tabel
