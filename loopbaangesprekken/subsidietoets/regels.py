"""Rules R1–R10 of the subsidietoets (DESIGN.md §3). Each rule is a pure function of
the frozen `Casus`: no database, no clock, no settings."""

from collections.abc import Callable
from decimal import Decimal

from loopbaangesprekken.subsidietoets.casus import (
    HANDMATIG,
    HOGER_OPGELEID,
    NIET_VOLDAAN,
    SCHOLING_TOT_MBO4,
    VOLDAAN,
    Casus,
    Regeluitkomst,
)
from loopbaangesprekken.subsidietoets.opmaak import datum, leeftijd_op, procent
from tfvv.templatetags.bedragen import euro

VERORDENING = "Subsidieverordening Twents Fonds voor Vakmanschap (CVDR631008)"

# The legal basis of each rule, kept in one place so the fund's jurist can correct it. Only
# the verordening and the Awb are law; the business plan is the fund's policy and appears in
# TOELICHTING, never as a grondslag.
GRONDSLAG = {
    "R1": f"{VERORDENING}, doelgroep: woonachtig in een van de 14 Twentse gemeenten",
    "R2": f"{VERORDENING}, doelgroep: 18 jaar of ouder op de aanvraagdatum",
    "R3": f"{VERORDENING}, erkende onderwijsinstelling (RIO/CREBO, CRKBO of NRTO-keurmerk)",
    "R4": f"{VERORDENING}, art. 4.1 (kansberoepenlijst UWV Twente) en art. 4.2 "
          "(onderbouwd arbeidsmarktperspectief)",
    "R5": f"{VERORDENING}, cofinanciering",
    "R6": f"{VERORDENING}, maximale subsidie per persoon per kalenderjaar",
    "R7": f"{VERORDENING}, doelgroep en opleidingsniveau",
    "R8": f"{VERORDENING}, geen subsidie voor scholing die vóór de aanvraagdatum is gestart",
    "R9": "Awb art. 4:25, tweede lid (subsidieplafond) en art. 4:26 (verdeling op volgorde "
          "van binnenkomst)",
    "R10": f"{VERORDENING}, geen dubbele subsidie voor dezelfde activiteit; Awb art. 4:35",
}

# The condition each rule checks, in plain Dutch for a refusal letter ("Voorwaarde: ...").
VOORWAARDE = {
    "R1": "u woont in een van de 14 Twentse gemeenten",
    "R2": "u bent op de aanvraagdatum ten minste 18 jaar oud",
    "R3": "de opleider is een erkende onderwijsinstelling",
    "R4": "de opleiding leidt naar een beroep met goede kansen op de Twentse arbeidsmarkt",
    "R5": "de helft van de kosten wordt door een ander betaald (cofinanciering) en de "
          "subsidie is niet hoger dan de kosten min die cofinanciering",
    "R6": "de subsidie blijft binnen het maximum per persoon per kalenderjaar",
    "R7": "uw opleidingsniveau en het niveau van de opleiding passen binnen de regeling",
    "R8": "de opleiding is niet gestart vóór de aanvraagdatum",
    "R9": "er is nog ruimte onder het subsidieplafond",
    "R10": "u heeft geen andere openstaande cheque voor dezelfde opleiding",
}

# Policy sources behind a rule: explanation (toelichting), not law.
TOELICHTING = {
    "R5": "Het beleid van 50 % cofinanciering (door werkgever, uitkeringsinstantie, O&O-fonds "
          "of aanvrager) staat in het Businessplan Twents Fonds voor Vakmanschap 2023–2026, §06.",
    "R7": "De niveaus volgen het beleid in het Businessplan Twents Fonds voor Vakmanschap "
          "2023–2026, §06.",
}


def _uitkomst(regel: str, uitkomst: str, uitleg: str) -> Regeluitkomst:
    return Regeluitkomst(regel, uitkomst, uitleg, GRONDSLAG[regel])


def r1_woonplaats(c: Casus) -> Regeluitkomst:
    pc = f"{c.postcode[:4]} {c.postcode[4:]}".strip()
    if c.postcodesoort == "woon":
        return _uitkomst("R1", VOLDAAN, f"Postcode {pc} ligt in een Twentse gemeente.")
    if c.postcodesoort == "postbus":
        return _uitkomst("R1", NIET_VOLDAAN,
                         f"Postcode {pc} is een postbuspostcode en geen woonadres.")
    if c.postcodesoort == "grens":
        if c.adres_bevestigd is True:
            return _uitkomst("R1", VOLDAAN, f"Postcode {pc} is een grenspostcode; een medewerker "
                             "heeft bevestigd dat het adres in Twente ligt.")
        if c.adres_bevestigd is False:
            return _uitkomst("R1", NIET_VOLDAAN, f"Postcode {pc} is een grenspostcode; een "
                             "medewerker heeft vastgesteld dat het adres buiten Twente ligt.")
        return _uitkomst("R1", HANDMATIG, f"Postcode {pc} is een grenspostcode: controleer of "
                         "het adres in een Twentse gemeente ligt.")
    return _uitkomst("R1", NIET_VOLDAAN,
                     f"Postcode {pc} ligt niet in een van de 14 Twentse gemeenten.")


def r2_leeftijd(c: Casus) -> Regeluitkomst:
    leeftijd = leeftijd_op(c.geboortedatum, c.aanvraagdatum)
    minimum = c.regeling.minimumleeftijd
    feiten = (f"Geboren op {datum(c.geboortedatum)}: op de aanvraagdatum "
              f"{datum(c.aanvraagdatum)} {leeftijd} jaar; minimum {minimum} jaar.")
    return _uitkomst("R2", VOLDAAN if leeftijd >= minimum else NIET_VOLDAAN, feiten)


def r3_opleider(c: Casus) -> Regeluitkomst:
    if c.opleider_erkend:
        return _uitkomst("R3", VOLDAAN, f"De opleider is erkend op de startdatum "
                         f"{datum(c.startdatum)}.")
    return _uitkomst("R3", NIET_VOLDAAN, f"De opleider heeft op de startdatum "
                     f"{datum(c.startdatum)} geen geldige erkenning (RIO/CREBO, CRKBO of NRTO).")


def r4_arbeidsmarkt(c: Casus) -> Regeluitkomst:
    if c.op_kansberoepenlijst:
        return _uitkomst("R4", VOLDAAN, "Het doelberoep staat op de kansberoepenlijst voor Twente "
                         f"die geldt op de aanvraagdatum {datum(c.aanvraagdatum)}.")
    if c.perspectief_onderbouwd:
        return _uitkomst("R4", HANDMATIG, "Het doelberoep staat niet op de kansberoepenlijst; de "
                         "consulent heeft het arbeidsmarktperspectief onderbouwd (art. 4.2): "
                         "beoordeel de onderbouwing.")
    return _uitkomst("R4", NIET_VOLDAAN, "Het doelberoep staat niet op de kansberoepenlijst en "
                     "er is geen onderbouwing van het arbeidsmarktperspectief.")


def r5_cofinanciering(c: Casus) -> Regeluitkomst:
    aandeel = c.regeling.cofinanciering_aandeel
    nodig = aandeel * c.totale_kosten
    cofi, toegezegd = c.totaal_cofinanciering, c.toegezegde_cofinanciering
    ruimte = c.totale_kosten - cofi
    feiten = (f"Totale kosten {euro(c.totale_kosten)}, cofinanciering {euro(cofi)} "
              f"(waarvan bevestigd of met bewijs {euro(toegezegd)}), vereist {procent(aandeel)} = "
              f"{euro(nodig)}; gevraagd {euro(c.gevraagd_bedrag)}, ten hoogste kosten min "
              f"cofinanciering = {euro(ruimte)}.")
    if c.totale_kosten <= 0:
        return _uitkomst("R5", NIET_VOLDAAN, "Er zijn geen kosten opgegeven. " + feiten)
    gebreken = []
    if c.gevraagd_bedrag <= 0:
        gebreken.append("Er wordt geen bedrag gevraagd.")
    if c.gevraagd_bedrag > ruimte:
        gebreken.append("Het gevraagde bedrag is hoger dan de kosten min de cofinanciering.")
    if cofi < nodig:
        gebreken.append("De cofinanciering is te laag.")
    if gebreken:
        return _uitkomst("R5", NIET_VOLDAAN, " ".join([*gebreken, feiten]))
    if toegezegd < nodig:
        return _uitkomst("R5", HANDMATIG, "De cofinanciering is voldoende, maar deels nog niet "
                         "bevestigd door de betaler of met bewijs vastgelegd: vraag de "
                         "toezegging of leg het bewijs vast. " + feiten)
    return _uitkomst("R5", VOLDAAN, feiten)


def r6_maximum(c: Casus) -> Regeluitkomst:
    maximum = c.regeling.maximum_per_jaar
    totaal = c.gevraagd_bedrag + c.eerder_toegekend_dit_jaar
    feiten = (f"Gevraagd {euro(c.gevraagd_bedrag)} + eerder toegekend dit kalenderjaar "
              f"{euro(c.eerder_toegekend_dit_jaar)} = {euro(totaal)}; maximum {euro(maximum)} "
              "per persoon per kalenderjaar.")
    if totaal <= maximum:
        return _uitkomst("R6", VOLDAAN, feiten)
    resterend = max(maximum - c.eerder_toegekend_dit_jaar, Decimal("0.00"))
    return _uitkomst("R6", NIET_VOLDAAN, f"{feiten} Ten hoogste nog {euro(resterend)} mogelijk: "
                     "verlaag het gevraagde bedrag.")


def r7_niveau(c: Casus) -> Regeluitkomst:
    hoger = c.opleidingsniveau in HOGER_OPGELEID
    scholing_laag = c.scholingsniveau in SCHOLING_TOT_MBO4
    feiten = (f"Opleidingsniveau aanvrager {c.opleidingsniveau}, niveau scholing "
              f"{c.scholingsniveau}; regeling {c.regeling.naam}: ")
    if c.regeling.niveauregel == "pilot":
        feiten += "aanvrager en scholing ten hoogste mbo-4."
        ok = not hoger and scholing_laag
    else:
        feiten += ("aanvrager tot en met mbo-4 mag elk niveau volgen, een hbo/wo-opgeleide "
                   "aanvrager alleen scholing tot en met mbo-4.")
        ok = not hoger or scholing_laag
    return _uitkomst("R7", VOLDAAN if ok else NIET_VOLDAAN, feiten)


def r8_startdatum(c: Casus) -> Regeluitkomst:
    feiten = (f"Startdatum scholing {datum(c.startdatum)}, aanvraagdatum "
              f"{datum(c.aanvraagdatum)}.")
    if c.startdatum >= c.aanvraagdatum:
        return _uitkomst("R8", VOLDAAN, feiten)
    return _uitkomst("R8", NIET_VOLDAAN, "De scholing is gestart voor de aanvraagdatum. " + feiten)


def r9_budget(c: Casus) -> Regeluitkomst:
    if c.beschikbaar_budget is None:
        return _uitkomst("R9", NIET_VOLDAAN, "Er is geen subsidieplafond vastgesteld voor de "
                         f"periode van de aanvraagdatum {datum(c.aanvraagdatum)}.")
    feiten = (f"Gevraagd {euro(c.gevraagd_bedrag)}, beschikbaar onder het subsidieplafond "
              f"{euro(c.beschikbaar_budget)}.")
    if c.gevraagd_bedrag <= c.beschikbaar_budget:
        return _uitkomst("R9", VOLDAAN, feiten)
    return _uitkomst("R9", NIET_VOLDAAN, "Het subsidieplafond wordt overschreden. " + feiten)


def r10_dubbele_cheque(c: Casus) -> Regeluitkomst:
    if c.open_cheque_zelfde_opleiding:
        return _uitkomst("R10", NIET_VOLDAAN, "De aanvrager heeft al een openstaande cheque voor "
                         "dezelfde opleiding.")
    return _uitkomst("R10", VOLDAAN, "Er is geen andere openstaande cheque voor dezelfde "
                     "opleiding.")


REGELS: tuple[Callable[[Casus], Regeluitkomst], ...] = (
    r1_woonplaats, r2_leeftijd, r3_opleider, r4_arbeidsmarkt, r5_cofinanciering, r6_maximum,
    r7_niveau, r8_startdatum, r9_budget, r10_dubbele_cheque,
)
