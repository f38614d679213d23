"""The demo's one coherent budget: business plan 2023–2026, chapter 11 (idempotent).

One tijdvak 2023–2026; the five budget lines; the five bronnen, of which cofinanciering
is private; the earmarking rules of the public bronnen; one plafond decision for the
cheques, proposed by the financieel medewerker
and approved by the beheerder (four eyes), equal to the public money for the cheques line.
"""

import datetime
from decimal import Decimal

from tfvv import begroting, plafond
from tfvv.budget_selectors import dekking, plafond_in_werking
from tfvv.models import Begrotingsperiode, Financieringsbron, Gebruiker
from tfvv.templatetags.bedragen import euro

M = Decimal("1000000.00")

POSTEN = [
    # naam, bedrag, waarvan cofinanciering, voor cheques
    ("Faciliteren (scholingscheques)", Decimal("7.5") * M, Decimal("3.75") * M, True),
    ("Adviseren (loopbaangesprekken)", Decimal("1.3") * M, Decimal("0"), False),
    ("Motiveren (PR en communicatie)", Decimal("1.1") * M, Decimal("0"), False),
    ("Management en beheer", Decimal("1.5") * M, Decimal("0"), False),
    ("Inflatie", Decimal("0.6") * M, Decimal("0"), False),
]

BRONNEN = [
    # naam, publiek, bedrag, datum toezegging, kenmerk (the public ones in order of
    # preference for the earmarking of the cheques, see OORMERK)
    ("Regio Twente / gemeenten", True, Decimal("4") * M, datetime.date(2022, 11, 17),
     "Regionaal programma Twente 2023–2026"),
    ("Provincie Overijssel", True, Decimal("2") * M, datetime.date(2022, 12, 6),
     "Statenbesluit arbeidsmarkt Overijssel"),
    ("Rijk / Regiodeal Twente", True, Decimal("1") * M, datetime.date(2022, 11, 24),
     "Regiodeal Twente, tweede tranche"),
    ("EU-programma's (ESF+)", True, Decimal("1.25") * M, datetime.date(2022, 12, 1),
     "ESF+ 2021–2027"),
    ("Cofinanciering (werkgevers, O&O-fondsen, deelnemers)", False, Decimal("3.75") * M,
     datetime.date(2022, 12, 1), "Businessplan 2023–2026, hoofdstuk 11"),
]


# The public part of the cheques line (3.75 M) over the public bronnen: voorkeur, maximum.
# ESF+ comes first but only for job seekers' route to work, as an ESF+ programme would ask.
OORMERK = {
    "EU-programma's (ESF+)": (1, Decimal("0.75") * M, "geen_werk"),
    "Regio Twente / gemeenten": (2, Decimal("1.5") * M, ""),
    "Provincie Overijssel": (3, Decimal("1.0") * M, ""),
    "Rijk / Regiodeal Twente": (4, Decimal("0.5") * M, ""),
}


def laad(schrijf):
    try:
        financieel = Gebruiker.objects.get(username="financieel")
        beheerder = Gebruiker.objects.get(username="beheerder")
    except Gebruiker.DoesNotExist:
        schrijf("  (geen demo-medewerkers; budget overgeslagen)")
        return
    periode = Begrotingsperiode.objects.filter(naam="2023–2026").first() or \
        begroting.maak_periode(naam="2023–2026", van=datetime.date(2023, 1, 1),
                               tot=datetime.date(2026, 12, 31), door=beheerder)
    for naam, bedrag, cofinanciering, voor_cheques in POSTEN:
        if not periode.posten.filter(naam=naam).exists():
            begroting.voeg_post_toe(periode=periode, naam=naam, bedrag=bedrag,
                                    cofinanciering=cofinanciering, voor_cheques=voor_cheques,
                                    door=beheerder)
    for naam, publiek, bedrag, datum, kenmerk in BRONNEN:
        bron = (Financieringsbron.objects.filter(naam=naam).first()
                or begroting.voeg_bron_toe(naam=naam, publiek=publiek, door=beheerder))
        if not periode.toezeggingen.filter(bron=bron).exists():
            begroting.voeg_toezegging_toe(bron=bron, periode=periode, bedrag=bedrag,
                                          datum=datum, kenmerk=kenmerk, door=beheerder)
        if naam in OORMERK and not periode.oormerkregels.filter(bron=bron).exists():
            volgorde, maximum, route = OORMERK[naam]
            begroting.leg_oormerkregel_vast(periode=periode, bron=bron, volgorde=volgorde,
                                            route=route, maximum=maximum, door=beheerder)
    if plafond_in_werking(periode) is None:
        besluit = plafond.stel_voor(
            periode=periode, bedrag=dekking(periode).ruimte_voor_plafond,
            besluitdatum=datetime.date(2022, 12, 13), gepubliceerd_op=datetime.date(2022, 12, 20),
            kenmerk="Gemeenteblad 2022, nr. 561234",
            toelichting="Subsidieplafond scholingscheques 2023–2026: het publieke deel van de "
                        "post Faciliteren (businessplan, hoofdstuk 11).",
            door=financieel)
        plafond.keur_goed(besluit=besluit, door=beheerder)
    schrijf(f"  Budget {periode.naam}: subsidieplafond cheques "
            f"{euro(plafond_in_werking(periode).bedrag)}")
