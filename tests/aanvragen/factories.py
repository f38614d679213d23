import datetime

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from aanvragen.models import Aanvraag
from tfvv.models import Gebruiker, Gemeente
from tfvv.roles import Organisatie, Rol


class InwonerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"inwoner-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@voorbeeld.nl")
    first_name = "Inge"
    last_name = factory.Sequence(lambda n: f"Jansen{n}")

    @factory.post_generation
    def rol(self, create, extracted, **kwargs):
        self.set_unusable_password()
        self.save()
        self.groups.add(Group.objects.get(name=Rol.INWONER))


class AanvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanvraag

    referentie = factory.Sequence(lambda n: f"TF-2024-{n + 1:06d}")
    aanvrager = factory.SubFactory(InwonerFactory)
    aanvraagdatum = datetime.date(2024, 3, 1)
    voornaam = factory.LazyAttribute(lambda o: o.aanvrager.first_name)
    achternaam = factory.LazyAttribute(lambda o: o.aanvrager.last_name)
    geboortedatum = datetime.date(1985, 6, 1)
    email = factory.LazyAttribute(lambda o: o.aanvrager.email)
    telefoon = "0612345678"
    postcode = "7511AB"
    huisnummer = 1
    straat = "Oude Markt"
    woonplaats = "Enschede"
    gemeente = factory.LazyFunction(lambda: Gemeente.objects.get(naam="Enschede"))
    opleidingsniveau = "mbo-3"
    arbeidssituatie = "loondienst"
    huidig_beroep = "productiemedewerker"
    huidige_sector = "industrie"
    scholingswens = "Ik wil elektromonteur worden."
    bron = "ikbindr"
    privacy_akkoord_op = factory.LazyFunction(timezone.now)
    loket = Organisatie.LEERWERKLOKET
