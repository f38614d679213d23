"""Demo aanmeldingen for `manage.py demo` (idempotent), entered through the real service."""

import datetime

from django.conf import settings

from aanvragen import adres, services
from aanvragen.models import Aanvraag

BASIS = {"toevoeging": "", "huidige_sector": "", "voorkeur_locatie": "", "bron": "ikbindr",
         "besluiten_elektronisch": True}

AANMELDINGEN = [
    {"voornaam": "Anna", "achternaam": "Kuipers", "geboortedatum": datetime.date(1979, 4, 12),
     "email": "anna.kuipers@voorbeeld.nl", "telefoon": "0612345678", "postcode": "7511 AB",
     "huisnummer": 14,
     "straat": "Oude Markt", "woonplaats": "Enschede",
     "opleidingsniveau": "mbo-2", "arbeidssituatie": "loondienst",
     "huidig_beroep": "productiemedewerker", "huidige_sector": "voedingsindustrie",
     "scholingswens": "Ik wil graag in de zorg werken, als verzorgende IG.",
     "voorkeur_loket": "leerwerkloket", "voorkeur_locatie": "Enschede"},
    {"voornaam": "Mehmet", "achternaam": "Demir", "geboortedatum": datetime.date(1988, 11, 3),
     "email": "m.demir@voorbeeld.nl", "telefoon": "0687654321", "postcode": "7607 AB",
     "huisnummer": 3,
     "straat": "Wierdensestraat", "woonplaats": "Almelo",
     "opleidingsniveau": "vmbo", "arbeidssituatie": "ww",
     "huidig_beroep": "chauffeur", "huidige_sector": "transport en logistiek",
     "scholingswens": "Ik wil monteur zonnepanelen worden.", "voorkeur_loket": "geen",
     "bron": "uwv"},
    {"voornaam": "Sanne", "achternaam": "ter Beek", "geboortedatum": datetime.date(1995, 2, 28),
     "email": "sanne.terbeek@voorbeeld.nl", "telefoon": "0546123456", "postcode": "7693 AA",
     "huisnummer": 21,
     "straat": "Hoofdstraat", "woonplaats": "Bergentheim",
     "toevoeging": "A", "opleidingsniveau": "havo",
     "arbeidssituatie": "zzp", "huidig_beroep": "kapper",
     "scholingswens": "Een opleiding tot ICT-beheerder (mbo-4).", "voorkeur_loket": "geen",
     "bron": "social_media"},
    {"voornaam": "Johan", "achternaam": "Oude Luttikhuis",
     "geboortedatum": datetime.date(1969, 7, 7), "email": "johan.ol@voorbeeld.nl",
     "telefoon": "0742345678", "postcode": "7555 AA", "huisnummer": 8,
     "straat": "Marktstraat", "woonplaats": "Hengelo",
     "opleidingsniveau": "mbo-3", "arbeidssituatie": "bijstand",
     "huidig_beroep": "magazijnmedewerker",
     "scholingswens": "Ik weet het nog niet precies, iets in de techniek.",
     "voorkeur_loket": "loopbaanstation", "bron": "gemeente"},
]


def laad(schrijf):
    schrijf("Aanmeldingen (status aangemeld):")
    demo_inwoner = None
    for invoer in AANMELDINGEN:
        gegevens = {**BASIS, **invoer}
        bestaande = Aanvraag.objects.filter(email=gegevens["email"]).first()
        if bestaande is None:
            oordeel = adres.beoordeel_postcode(gegevens["postcode"])
            gegevens["postcode"] = oordeel.postcode
            bestaande = services.dien_aanmelding_in(
                gegevens=gegevens, gemeente=oordeel.gemeente,
                postcodecontrole=oordeel.controle).aanvraag
        demo_inwoner = demo_inwoner or bestaande.aanvrager
        schrijf(f"  aanvraag {bestaande.referentie} {bestaande.naam} "
                f"({bestaande.get_loket_display()}, {bestaande.get_status_display()}, "
                f"adrescontrole: {bestaande.get_postcodecontrole_display()})")
    link = services.maak_inloglink(gebruiker=demo_inwoner)
    schrijf(f"Inwoner {demo_inwoner.email}: inloglink (eenmalig, "
            f"{settings.TFVV_INLOGLINK_UREN} uur geldig) {link}")
