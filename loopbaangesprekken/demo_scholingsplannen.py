"""Demo data of the scholingsplan stage: reference data (sectors, opleiders, a
Kansberoepenlijst per regeling period) and plans in every state, passing and failing.
Idempotent: reference data by natural key, cases by their demo referentie."""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from aanvragen.models import Aanvraag
from aanvragen.services import wijzig_status
from loopbaangesprekken.forms_scholingsplan import (
    CofinancieringFormSet,
    KostenFormSet,
    ScholingsplanForm,
)
from loopbaangesprekken.models import (
    Erkenning,
    Kansberoep,
    Kansberoepenlijst,
    Opleider,
    Scholingsplan,
    Sector,
    Werkgever,
)
from loopbaangesprekken.selectors.akkoord import akkoordstand
from loopbaangesprekken.services import akkoord, eigen_bijdrage, toezegging
from loopbaangesprekken.services import scholingsplan as services
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Gebruiker, Gemeente
from tfvv.roles import Organisatie, Rol

SECTOREN = [("Techniek en energietransitie", True), ("ICT", True), ("Zorg en welzijn", True),
            ("Transport en logistiek", True), ("Horeca", True), ("Industrie", False),
            ("Detailhandel", False), ("Zakelijke dienstverlening", False)]

OPLEIDERS = [
    # naam, kvk, rio, iban, erkenningen (soort, van, tot)
    ("ROC van Twente", "41027452", "25LH", "NL91ABNA0417164300",
     [("rio", date(2015, 1, 1), None)]),
    ("Saxion Hogeschool", "41026614", "25BA", "NL20INGB0001234567",
     [("rio", date(2015, 1, 1), None)]),
    ("Opleidingscentrum Techniek Oost", "60123456", "", "NL02RABO0123456789",
     [("nrto", date(2020, 1, 1), date(2025, 6, 30))]),
    ("Zorgacademie Twente", "70123456", "", "",
     [("crkbo", date(2019, 1, 1), date(2022, 12, 31))]),
]

WERKGEVERS = [
    # naam, kvk, contact, e-mail, IKBINDR-zakelijk partner sinds
    ("Metaalbedrijf Twente BV", "08123456", "Petra Bosch", "hr@metaaltwente.example",
     date(2023, 3, 1)),
    ("Zorggroep Oost BV", "08654321", "Ahmed Yilmaz", "opleidingen@zorggroepoost.example",
     None),
]

KANSBEROEPEN = [("Elektromonteur", "Techniek en energietransitie"),
                ("Installatiemonteur warmtepompen", "Techniek en energietransitie"),
                ("Verzorgende IG", "Zorg en welzijn"), ("Softwareontwikkelaar", "ICT"),
                ("Vrachtwagenchauffeur", "Transport en logistiek"), ("Kok", "Horeca")]


def _referentiedata():
    sectoren = {}
    for naam, kansrijk in SECTOREN:
        sectoren[naam], _ = Sector.objects.update_or_create(naam=naam,
                                                            defaults={"kansrijk": kansrijk})
    for naam, kvk, rio, iban, erkenningen in OPLEIDERS:
        opleider, _ = Opleider.objects.update_or_create(naam=naam, defaults={
            "kvk_nummer": kvk, "rio_code": rio, "iban": iban,
            "email": f"info@{naam.split()[0].lower()}.example"})
        for soort, van, tot in erkenningen:
            Erkenning.objects.update_or_create(
                opleider=opleider, soort=soort, geldig_van=van,
                defaults={"geldig_tot": tot, "gecontroleerd_op": van})
    for naam, kvk, contact, email, partner in WERKGEVERS:
        Werkgever.objects.update_or_create(kvk_nummer=kvk, defaults={
            "naam": naam, "contactpersoon": contact, "email": email, "plaats": "Hengelo",
            "ikbindr_van": partner, "ikbindr_vaste_toezegging": partner is not None})
    for naam, van, tot in [("Kansberoepen Twente 2019–2022", date(2019, 1, 1),
                            date(2022, 12, 31)),
                           ("Kansberoepen Twente 2023–2026", date(2023, 1, 1),
                            date(2026, 12, 31))]:
        lijst, _ = Kansberoepenlijst.objects.update_or_create(
            naam=naam, defaults={"gepubliceerd_op": van, "geldig_van": van, "geldig_tot": tot})
        for beroep, sector in KANSBEROEPEN:
            Kansberoep.objects.update_or_create(lijst=lijst, naam=beroep,
                                                defaults={"sector": sectoren[sector]})
    return sectoren


def _aanvraag(referentie, voornaam, achternaam, aanvraagdatum, **extra) -> Aanvraag | None:
    if Aanvraag.objects.filter(referentie=referentie).exists():
        return None
    inwoner, _ = Gebruiker.objects.get_or_create(
        username=f"demo-{referentie.lower()}",
        defaults={"first_name": voornaam, "last_name": achternaam,
                  "email": f"{referentie.lower()}@voorbeeld.example"})
    inwoner.set_unusable_password()
    inwoner.save()
    inwoner.groups.add(Group.objects.get(name=Rol.INWONER))
    gegevens = {
        "geboortedatum": date(1988, 4, 12), "telefoon": "0612345678", "postcode": "7511AB",
        "huisnummer": 10, "gemeente": Gemeente.objects.get(naam="Enschede"),
        "opleidingsniveau": "mbo-2", "arbeidssituatie": "loondienst",
        "huidig_beroep": "productiemedewerker", "huidige_sector": "industrie",
        "scholingswens": "Omscholen naar een beroep met toekomst.", "bron": "ikbindr",
        "loket": Organisatie.LEERWERKLOKET, **extra,
    }
    return Aanvraag.objects.create(
        referentie=referentie, aanvrager=inwoner, aanvraagdatum=aanvraagdatum,
        voornaam=voornaam, achternaam=achternaam, email=inwoner.email,
        privacy_akkoord_op=timezone.now(), status=Aanvraag.Status.IN_BEHANDELING, **gegevens)


def formulierdata(velden: dict, kosten: list[dict], cofinanciering: list[dict]) -> dict:
    """POST data for the plan form and its two formsets (as the browser would send it)."""
    data = {k: "" if v is None else str(v) for k, v in velden.items()}
    for prefix, regels in (("kosten", kosten), ("cofinanciering", cofinanciering)):
        data.update({f"{prefix}-TOTAL_FORMS": str(len(regels)), f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
        for i, regel in enumerate(regels):
            data.update({f"{prefix}-{i}-{k}": str(v) for k, v in regel.items()})
    return data


def maak_plan(*, aanvraag, consulent, velden, kosten, cofinanciering) -> Scholingsplan:
    """Create a draft plan through the same forms and service as the consulent's page."""
    cofinanciering = [{**r, "werkgever": Werkgever.objects.get(kvk_nummer=r["werkgever"]).pk}
                      if "werkgever" in r else r for r in cofinanciering]
    data = formulierdata(velden, kosten, cofinanciering)
    instance = Scholingsplan(aanvraag=aanvraag)
    form = ScholingsplanForm(data, instance=instance, aanvraag=aanvraag)
    kosten_fs = KostenFormSet(data, instance=instance, prefix="kosten")
    cofi_fs = CofinancieringFormSet(data, instance=instance, prefix="cofinanciering")
    if not (form.is_valid() and kosten_fs.is_valid() and cofi_fs.is_valid()):
        raise ValueError(f"{form.errors} {kosten_fs.errors} {cofi_fs.errors}")
    return services.bewaar_concept(aanvraag=aanvraag, actor=consulent, form=form,
                                   kosten=kosten_fs, cofinanciering=cofi_fs)


def _velden(sectoren, opleider, **extra):
    return {"opleiding_naam": "Eerste monteur elektrotechnische installaties",
            "opleiding_niveau": "mbo-3", "opleider": opleider.pk, "startdatum": "2024-09-01",
            "einddatum": "2025-06-30", "route": "andere_sector",
            "huidig_beroep": "productiemedewerker", "huidige_sector": sectoren["Industrie"].pk,
            "doelberoep": "Elektromonteur",
            "doelsector": sectoren["Techniek en energietransitie"].pk,
            "gevraagd_bedrag": "2000.00", "advies": "Gemotiveerd en geschikt.", **extra}


KOSTEN = [{"soort": "cursusgeld", "omschrijving": "lesgeld", "bedrag": "3600.00"},
          {"soort": "examengeld", "omschrijving": "", "bedrag": "400.00"}]
# the resident approves the plan in the portal before the consulent submits it
AKKOORD = ["toezegging", "voorleggen", "akkoord"]
# the employer from the register; "toezegging": it confirmed through its link
WERKGEVER = [{"bron": "werkgever", "werkgever": "08123456", "bedrag": "2000.00",
              "status": "toegezegd"}]
# the resident pays half; "verklaren": they declared it in the portal (services.eigen_bijdrage)
EIGEN = [{"bron": "eigen_bijdrage", "partij": "Aanvrager", "bedrag": "2000.00",
          "status": "toegezegd"}]


def _vraag_toezegging(plan, consulent, *, bevestigen: bool):
    """"Toezegging vragen" and, when `bevestigen`, the employer's answer through the link
    (the link is made here as the mail task would; its mail then finds it used)."""
    for regel in plan.cofinanciering.filter(bron="werkgever"):
        verzoek = toezegging.vraag_toezegging(regel=regel, actor=consulent)
        if bevestigen:
            _verzoek, link = toezegging.maak_link(verzoek_id=verzoek.pk)
            toezegging.beantwoord(token=link.rstrip("/").rsplit("/", 1)[1], bevestigd=True,
                                  naam="Petra Bosch", functie="HR-adviseur", ip=None)


def laad(schrijf):
    """Scholingsplannen in every state, passing and failing."""
    sectoren = _referentiedata()
    consulent = Gebruiker.objects.get(username="consulent-lwl")
    beoordelaar = Gebruiker.objects.get(username="beoordelaar")
    roc = Opleider.objects.get(naam="ROC van Twente")
    zorg = Opleider.objects.get(naam="Zorgacademie Twente")
    d2024 = date(2024, 3, 1)
    gevallen = [
        # referentie, naam, plan velden, cofinanciering, stappen
        # the resident asked for a change; the next one waits for the resident's approval
        # the employer has not answered yet
        ("TF-DEMO-SP01", ("Anouk", "Brink"), {}, WERKGEVER,
         ["gevraagd", "voorleggen", "wijziging"]),
        ("TF-DEMO-SP02", ("Bas", "Dijkhuis"), {"doelberoep": "Teamleider productie",
                                               "gevraagd_bedrag": "3000.00"}, [],
         ["voorleggen"]),
        ("TF-DEMO-SP03", ("Carla", "Egberink"), {}, WERKGEVER, [*AKKOORD, "indienen"]),
        ("TF-DEMO-SP04", ("Dirk", "Frerink"), {"startdatum": "2024-01-15"}, WERKGEVER,
         [*AKKOORD, "indienen"]),
        ("TF-DEMO-SP05", ("Esra", "Gunes"), {
            "doelberoep": "Medewerker klantenservice energie",
            "arbeidsmarktperspectief": "Drie vacatures bij Twentse energiebedrijven; "
                                       "werkgever verklaart intentie tot aanname."},
         WERKGEVER, [*AKKOORD, "indienen"]),
        ("TF-DEMO-SP06", ("Frank", "Hofstede"), {}, WERKGEVER,
         [*AKKOORD, "indienen", "terugsturen"]),
        ("TF-DEMO-SP07", ("Gerda", "Ikink"), {}, WERKGEVER,
         [*AKKOORD, "indienen", "aanvulling_vragen"]),
        ("TF-DEMO-SP08", ("Hanna", "Jonker"), {}, WERKGEVER,
         [*AKKOORD, "indienen", "besluiten"]),
        # below the co-sign threshold: the cheques demo grants these and takes each cheque
        # to another state (issued, voorschot, paid, settled, declared, lapsed, withdrawn)
        *((f"TF-DEMO-SP{nummer}", naam, {"gevraagd_bedrag": "1500.00"}, WERKGEVER,
           [*AKKOORD, "indienen"])
          for nummer, naam in (
              (10, ("Ilse", "Kuiper")), (11, ("Jan", "Lammers")), (12, ("Karin", "Meijer")),
              (13, ("Luuk", "Nijhuis")), (14, ("Mira", "Olthof")), (15, ("Niels", "Pot")),
              (16, ("Olga", "Reinders")))),
        # an own contribution: still to be declared in the portal (a task there), declared
        ("TF-DEMO-SP17", ("Pieter", "Schuurman"), {}, EIGEN, ["voorleggen"]),
        ("TF-DEMO-SP18", ("Roos", "Tuinman"), {}, EIGEN, ["verklaren", "voorleggen"]),
    ]
    aantal = 0
    for referentie, (voornaam, achternaam), extra, cofi, stappen in gevallen:
        aanvraag = _aanvraag(referentie, voornaam, achternaam, d2024)
        if aanvraag is None:
            continue
        plan = maak_plan(aanvraag=aanvraag, consulent=consulent,
                         velden=_velden(sectoren, roc, **extra), kosten=KOSTEN,
                         cofinanciering=cofi)
        for stap in stappen:
            if stap in ("gevraagd", "toezegging"):
                _vraag_toezegging(plan, consulent, bevestigen=stap == "toezegging")
            elif stap == "verklaren":
                eigen_bijdrage.verklaar(plan_id=plan.pk, actor=aanvraag.aanvrager,
                                        bedrag=Decimal("2000.00"))
            elif stap == "voorleggen":
                akkoord.leg_voor(plan=plan, actor=consulent, informeer_inwoner=False)
            elif stap == "akkoord":
                akkoord.keur_goed(plan=plan, actor=aanvraag.aanvrager,
                                  versie=akkoordstand(plan).versie)
            elif stap == "wijziging":
                akkoord.vraag_wijziging(plan=plan, actor=aanvraag.aanvrager,
                                        versie=akkoordstand(plan).versie,
                                        toelichting="De startdatum moet een maand later: "
                                                    "in september werk ik nog door.")
            elif stap == "indienen":
                services.indienen(plan=plan, actor=consulent)
            elif stap == "terugsturen":
                services.terugsturen(plan=plan, actor=beoordelaar,
                                     reden="Voeg de offerte van de opleider toe.")
            elif stap == "aanvulling_vragen":
                services.vraag_aanvulling(plan=plan, actor=beoordelaar,
                                          reden="Stuur de toezegging van de werkgever mee.")
            elif stap == "besluiten":
                services.besluiten(plan=plan, actor=beoordelaar, reden="Toegekend.")
                wijzig_status(aanvraag=aanvraag, transitie="toekennen", actor=beoordelaar)
                registreer_gebeurtenis(actor=beoordelaar, obj=plan, actie="toekennen",
                                       dossier_id=aanvraag.pk,
                                       gegevens={"bedrag": "2000.00", "jaar": 2024})
        aantal += 1
    # pilot period: an applicant with hbo and a training at an opleider whose recognition ran out
    aanvraag = _aanvraag("TF-DEMO-SP09", "Iris", "Kamphuis", date(2022, 6, 1),
                         opleidingsniveau="hbo")
    if aanvraag is not None:
        maak_plan(aanvraag=aanvraag, consulent=consulent,
                  velden=_velden(sectoren, zorg, opleiding_naam="Verzorgende IG",
                                 opleiding_niveau="mbo-3", startdatum="2023-02-01",
                                 einddatum="2024-01-31", doelberoep="Verzorgende IG",
                                 doelsector=sectoren["Zorg en welzijn"].pk),
                  kosten=KOSTEN, cofinanciering=[])
        aantal += 1
    schrijf(f"Scholingsplannen: {aantal} nieuw (concept, ingediend, terug, aanvulling, "
            "besloten; voldaan, niet voldaan, handmatig beoordelen).")
