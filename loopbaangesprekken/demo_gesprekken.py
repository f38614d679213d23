"""Demo cases for the consulenten: gesprekken in every state, made through the services
(so every step has its event). Idempotent: a case whose reference exists is left alone."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from aanvragen.models import Aanvraag, Postcodecontrole
from loopbaangesprekken.models import Gesprek
from loopbaangesprekken.services import gesprekken as services
from tfvv.models import Gebruiker, Gemeente
from tfvv.roles import Organisatie, Rol

LWL, LBS = Organisatie.LEERWERKLOKET, Organisatie.LOOPBAANSTATION
G, U = Gesprek.Vorm, Gesprek.Uitkomst

# referentie, voornaam, achternaam, postcode, gemeente, loket, days ago, scenario
CASES = [
    ("TF-DEMO-G01", "Sanne", "Bosch", "7511AB", "Enschede", LWL, 12, "nieuw"),
    ("TF-DEMO-G02", "Mehmet", "Kaya", "7601CD", "Almelo", LWL, 3, "nieuw"),
    ("TF-DEMO-G03", "Anouk", "Hofman", "7693AA", "Twenterand", LWL, 6, "grens"),
    ("TF-DEMO-G04", "Ruud", "Ten Hove", "7553EF", "Hengelo", LWL, 20, "gepland"),
    ("TF-DEMO-G05", "Iris", "Lammers", "7512GH", "Enschede", LWL, 25, "verplaatst"),
    ("TF-DEMO-G06", "Daan", "Pool", "7602JK", "Almelo", LWL, 30, "geannuleerd"),
    ("TF-DEMO-G07", "Yara", "El Idrissi", "7513LM", "Enschede", LWL, 35, "niet_verschenen"),
    ("TF-DEMO-G08", "Koen", "Smit", "7554NP", "Hengelo", LWL, 40, "vervolg"),
    ("TF-DEMO-G09", "Lisa", "Mulder", "7514RS", "Enschede", LWL, 45, "scholingsplan"),
    ("TF-DEMO-G10", "Tom", "Brinkman", "7603TV", "Almelo", LBS, 15, "doorverwezen"),
    ("TF-DEMO-G11", "Fenna", "Kuipers", "7555WX", "Hengelo", LBS, 50, "geen_vervolg"),
    ("TF-DEMO-G12", "Jesse", "Veldkamp", "7515YZ", "Enschede", LBS, 2, "nieuw"),
    ("TF-DEMO-G13", "Noor", "Bakker", "7604AB", "Almelo", LBS, 9, "gepland"),
]


def _inwoner(voornaam, achternaam, referentie):
    username = f"demo-{referentie.lower()}"
    user, _ = Gebruiker.objects.get_or_create(
        username=username,
        defaults={"first_name": voornaam, "last_name": achternaam,
                  "email": f"{username}@voorbeeld.nl"},
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=Rol.INWONER))
    return user


def _aanvraag(referentie, voornaam, achternaam, postcode, gemeente, loket, dagen):
    inwoner = _inwoner(voornaam, achternaam, referentie)
    ontvangen = timezone.now() - datetime.timedelta(days=dagen)
    aanvraag = Aanvraag.objects.create(
        referentie=referentie, aanvrager=inwoner, aanvraagdatum=timezone.localdate(ontvangen),
        voornaam=voornaam, achternaam=achternaam, geboortedatum=datetime.date(1984, 5, 17),
        email=inwoner.email, telefoon="0612345678", postcode=postcode, huisnummer=12,
        gemeente=Gemeente.objects.get(naam=gemeente),
        postcodecontrole=(Postcodecontrole.TE_CONTROLEREN if postcode.startswith(("7693", "7694"))
                          else Postcodecontrole.NIET_NODIG),
        opleidingsniveau="mbo-3", arbeidssituatie="loondienst", huidig_beroep="orderpicker",
        huidige_sector="transport en logistiek",
        scholingswens="Ik wil graag de opleiding tot monteur elektrotechniek volgen.",
        voorkeur_loket=loket, voorkeur_locatie="Werkplein Enschede" if gemeente == "Enschede"
        else "", bron="ikbindr", privacy_akkoord_op=ontvangen, loket=loket,
    )
    # ontvangen_op is auto_now_add: set the demo's waiting time afterwards
    Aanvraag.objects.filter(pk=aanvraag.pk).update(ontvangen_op=ontvangen)
    return aanvraag


def _moment(dagen: int, uur: int = 10):
    dag = timezone.localdate() + datetime.timedelta(days=dagen)
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur, 0)))


def _scenario(aanvraag, scenario, consulent):
    if scenario in ("nieuw", "grens"):
        return
    kwargs = {"actor": consulent}
    stil = {**kwargs, "informeer_inwoner": False}  # demo residents get no mail
    services.claim(aanvraag=aanvraag, **kwargs)
    locatie = "Loopbaanstation" if aanvraag.loket == LBS else "Werkplein Enschede"
    if scenario == "gepland":
        services.plan_gesprek(aanvraag=aanvraag, gepland_op=_moment(5), vorm=G.OP_LOCATIE,
                              locatie=locatie, **stil)
        return
    if scenario == "verplaatst":
        g = services.plan_gesprek(aanvraag=aanvraag, gepland_op=_moment(3), vorm=G.VIDEO,
                                  **stil)
        services.verplaats_gesprek(gesprek=g, gepland_op=_moment(8, 14), vorm=G.OP_LOCATIE,
                                   locatie="Werkplein Almelo", reden="Verzoek van de inwoner.",
                                   **stil)
        return
    if scenario == "geannuleerd":
        g = services.plan_gesprek(aanvraag=aanvraag, gepland_op=_moment(2), vorm=G.TELEFONISCH,
                                  **stil)
        services.annuleer_gesprek(gesprek=g, reden="Consulent ziek.", **stil)
        services.plan_gesprek(aanvraag=aanvraag, gepland_op=_moment(9, 11), vorm=G.TELEFONISCH,
                              **stil)
        return
    g = services.plan_gesprek(aanvraag=aanvraag, gepland_op=_moment(-7), vorm=G.OP_LOCATIE,
                              locatie=locatie, **stil)
    if scenario == "niet_verschenen":
        services.registreer_niet_verschenen(gesprek=g, toelichting="Telefonisch niet bereikt.",
                                            **kwargs)
        return
    uitkomst = {"vervolg": U.VERVOLGGESPREK, "scholingsplan": U.SCHOLINGSPLAN,
                "doorverwezen": U.DOORVERWIJZING, "geen_vervolg": U.GEEN_VERVOLG}[scenario]
    services.leg_gesprek_vast(
        gesprek=g, gevoerd_op=_moment(-7), duur_minuten=55,
        onderwerpen=[Gesprek.Onderwerp.LOOPBAANORIENTATIE, Gesprek.Onderwerp.SCHOLINGSADVIES],
        verslag="Gesproken over motivatie en mogelijkheden in de techniek. (demoverslag)",
        uitkomst=uitkomst,
        doorverwezen_naar=Gesprek.Doorverwijzing.UWV if uitkomst == U.DOORVERWIJZING else "",
        toelichting="Heeft al een baan gevonden zonder scholing."
        if uitkomst == U.GEEN_VERVOLG else "",
        **kwargs,
    )
    if scenario == "vervolg":
        services.plan_gesprek(aanvraag=aanvraag, gepland_op=_moment(6, 9), vorm=G.VIDEO,
                              **stil)


def laad(schrijf):
    consulenten = {LWL: Gebruiker.objects.get(username="consulent-lwl"),
                   LBS: Gebruiker.objects.get(username="consulent-lbs")}
    nieuw = 0
    for referentie, voornaam, achternaam, postcode, gemeente, loket, dagen, scenario in CASES:
        if Aanvraag.objects.filter(referentie=referentie).exists():
            continue
        aanvraag = _aanvraag(referentie, voornaam, achternaam, postcode, gemeente, loket, dagen)
        _scenario(aanvraag, scenario, consulenten[loket])
        nieuw += 1
    schrijf(f"Loopbaangesprekken: {nieuw} demo-aanvragen toegevoegd "
            f"({len(CASES)} in totaal; gesprekken gepland, verplaatst, geannuleerd, "
            "niet verschenen en gevoerd met elke uitkomst).")
