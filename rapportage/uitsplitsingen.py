"""The outcome breakdowns of the adviesgroep dashboard (docs/uitkomsten.md, "Uitkomsten per
groep"): completion and the outcome at 6 and 12 months per education level, age band,
gemeente, loket, opleider and kansrijke doelsector.

From the summary rows of `rapportage.samenvatting_uitkomsten`, no query of their own. Each
table is one partition (group × class, every afronding or sent questionnaire once) built by
`rapportage.verdeling.verdeling`, so its suppression is the dashboard's: "<5", the
complement, and across filters (`rapportage.afscherming`). The share within a group is shown
only when every row of the group is: otherwise it would give a hidden count away.
"""

from collections import defaultdict

from aanvragen.models import Opleidingsniveau
from rapportage.leeftijd import LEEFTIJDSKLASSEN
from rapportage.samenvatting_uitkomsten import (
    GROEPEN,
    NA_MAANDEN,
    ONBEKEND,
    UITKOMSTEN,
    VOLTOOID_LABELS,
)
from rapportage.tabellen import LEEG, Tabel, is_klein, procent
from rapportage.uitkomsten import MOMENT_TITELS
from rapportage.verdeling import verdeling
from tfvv.roles import LOKETTEN

GROEP_TITELS = {
    "niveau": "opleidingsniveau van de aanvrager",
    "leeftijd": "leeftijd bij aanmelding",
    "gemeente": "gemeente",
    "loket": "loket",
    "opleider": "opleider",
    "kansrijk": "doelsector van het scholingsplan (kansrijk of niet)",
}
assert GROEP_TITELS.keys() == GROEPEN.keys()
STANDAARD = "kansrijk"
KANSRIJK_LABELS = {"ja": "Kansrijke doelsector", "nee": "Andere doelsector"}
ALLE_VERSTUURDE = ("Alle verstuurde vragenlijsten van de groep (periode: maand van verzending), "
                   "ook wie niet antwoordde of stopte: het aandeel 'geen antwoord' is de "
                   "non-respons. Kansberoep: het beroep staat op de Kansberoepenlijst; "
                   "kansrijke sectoren: techniek/energietransitie, ICT, zorg en de andere "
                   "sectoren die beheer als kansrijk aanmerkt.")


def _groeplabels(groep: str, gemeenten: dict[str, str]) -> dict[str, str]:
    """{group value: label}, in the order the rows appear."""
    return {
        "niveau": dict(Opleidingsniveau.choices),
        "leeftijd": {k: k for k, _, _ in LEEFTIJDSKLASSEN},
        "gemeente": {**gemeenten, ONBEKEND: "onbekend"},
        "loket": {o.value: o.label for o in LOKETTEN},
        "opleider": {},  # by name
        "kansrijk": KANSRIJK_LABELS,
    }[groep]


def uitsplitsing(sleutel: str, titel: str, waarden: dict, groeplabels: dict[str, str],
                 klasselabels: dict[str, str], toon, toelichting: str = "") -> Tabel:
    """A table of the values "<group>|<class>" of `waarden` ({waarde: (aantal, bedrag)}),
    with the share within the group as a fourth column."""

    groepen = list(groeplabels)
    klassen = list(klasselabels)

    def volgorde(waarde):
        groep, _, klasse = waarde.rpartition("|")
        return (groepen.index(groep) if groep in groepen else len(groepen), groep,
                klassen.index(klasse) if klasse in klassen else len(klassen), klasse)

    labels = {}
    for waarde in sorted(waarden, key=volgorde):
        groep, _, klasse = waarde.rpartition("|")
        labels[waarde] = f"{groeplabels.get(groep, groep)}: {klasselabels.get(klasse, klasse)}"
    tabel = verdeling(sleutel, titel, waarden, labels, grafiek=False, toon=toon,
                      toelichting=toelichting)
    tabel.kolommen = ["Groep: uitkomst", "Aantal", "Aandeel van het totaal",
                      "Aandeel binnen de groep"]
    rijen_per_groep = defaultdict(list)
    for waarde, rij in zip(labels, tabel.rijen, strict=True):
        rijen_per_groep[waarde.rpartition("|")[0]].append((waarden[waarde][0], rij))
    for rijen in rijen_per_groep.values():
        n_groep = sum(n for n, _ in rijen)
        weg = is_klein(n_groep) or any(rij[1].waarde is None for _, rij in rijen)
        for n, rij in rijen:
            rij.append(procent(n, n_groep, verborgen=weg))
    tabel.totaal.append(LEEG)
    return tabel


def dimensies(groep: str) -> list[str]:
    """The summary dimensions of one group. The dashboard shows one group at a time (its
    filter "Uitkomsten per groep") and reads only these breakdown rows, so it reads and
    renders a bounded number of rows whatever the number of opleiders (docs/benchmarks.md)."""
    return [f"voltooid_{groep}", *(f"na_{moment}_{groep}" for moment in NA_MAANDEN)]


def tabellen(d: dict, toon, gemeenten: dict[str, str], groep: str) -> list[Tabel]:
    """The three tables of `groep` (none for an unknown one). `d` and `toon` as in
    `rapportage.uitkomsten.tabellen`; `gemeenten`: {str(pk): naam}."""
    if groep not in GROEP_TITELS:
        return []
    naam, groeplabels = GROEP_TITELS[groep], _groeplabels(groep, gemeenten)
    sleutel = f"voltooid_{groep}"
    uit = [uitsplitsing(
        sleutel, f"Voltooiing per {naam}", d[sleutel], groeplabels, VOLTOOID_LABELS,
        toon(sleutel), toelichting="Vastgelegde afrondingen in de periode; het aandeel "
                                   "voltooid binnen de groep is het voltooiingspercentage.")]
    for moment in NA_MAANDEN:
        sleutel = f"na_{moment}_{groep}"
        uit.append(uitsplitsing(
            sleutel, f"Uitkomst {MOMENT_TITELS[moment]}, per {naam}", d[sleutel],
            groeplabels, UITKOMSTEN, toon(sleutel), toelichting=ALLE_VERSTUURDE))
    return uit
