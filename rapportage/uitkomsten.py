"""The outcome tables of the adviesgroep dashboard (docs/uitkomsten.md), from the summary
rows of `rapportage.samenvatting_uitkomsten`: no query of their own, the same suppression as
every other breakdown (`rapportage.verdeling.verdeling`)."""

from loopbaangesprekken.models.scholingsplan import Route
from rapportage.models import Vervolgmeting
from rapportage.samenvatting_uitkomsten import (
    AFRONDING_LABELS,
    NA_MAANDEN,
    RESPONS_LABELS,
    VOLTOOID_LABELS,
)
from rapportage.verdeling import verdeling

M = Vervolgmeting.Moment
MOMENT_TITELS = {M.EINDE: "aan het eind van de opleiding", M.ZES_MAANDEN: "na 6 maanden",
                 M.TWAALF_MAANDEN: "na 12 maanden"}
WERK_LABELS = {f"{route}|{werk}": f"{route_label}: {werk_label}"
               for route, route_label in Route.choices
               for werk, werk_label in Vervolgmeting.Werksituatie.choices}
ALLEEN_ANTWOORDEN = ("Alleen wie de vragenlijst beantwoordde (zie de respons hierboven); wie "
                     "niet antwoordt, kan een andere uitkomst hebben.")


def tabellen(d: dict, toon) -> list:
    """`d`: {dimensie: {waarde: (aantal, bedrag)}}; `toon(dimensie)`: the filtered view's
    suppression per value, or None (both as in `rapportage.selectors.dashboard`)."""

    uit = [
        verdeling("voltooiing", "Voltooiing van de opleiding", d["voltooid"], VOLTOOID_LABELS,
                  toelichting="Voltooid: diploma, certificaat of een presentie van 80 % of "
                              "meer. Periode: de maand waarin de afronding is vastgelegd.",
                  toon=toon("voltooid")),
        verdeling("afronding", "Afronding naar bewijs", d["afronding"], AFRONDING_LABELS,
                  toon=toon("afronding")),
    ]
    for moment, titel in MOMENT_TITELS.items():
        uit.append(verdeling(
            f"respons_{moment}", f"Respons op de vragenlijst {titel}", d[f"respons_{moment}"],
            RESPONS_LABELS, grafiek=False, toon=toon(f"respons_{moment}"),
            toelichting="Verstuurde vragenlijsten in de periode (alleen deelnemers die "
                        "toestemming gaven). Aandeel beantwoord = het responspercentage."))
    for moment in NA_MAANDEN:
        titel = MOMENT_TITELS[moment]
        uit.append(verdeling(
            f"werk_{moment}", f"Werk {titel}, per route", d[f"werk_{moment}"], WERK_LABELS,
            grafiek=False, toon=toon(f"werk_{moment}"), toelichting=ALLEEN_ANTWOORDEN))
        uit.append(verdeling(
            f"sector_{moment}", f"Van sector → sector {titel} (intersectorale mobiliteit)",
            d[f"sector_{moment}"], grafiek=False, toon=toon(f"sector_{moment}"),
            toelichting="Van: de huidige sector in het scholingsplan. Naar: de sector waarin "
                        "de deelnemer nu werkt. " + ALLEEN_ANTWOORDEN))
    return uit
