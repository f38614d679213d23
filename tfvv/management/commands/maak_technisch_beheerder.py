"""The only way to make a superuser: for technical maintenance (the Django admin)."""

import secrets

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from tfvv.demo import base32
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Gebruiker


class Command(BaseCommand):
    help = ("Maakt een technisch beheerder (superuser) met een eenmalig wachtwoord en een "
            "TOTP-geheim. Alleen voor technisch onderhoud via het Django-beheer; "
            "functioneel beheerders krijgen hun account in het beheer van de applicatie.")

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--email", default="")

    @transaction.atomic
    def handle(self, *args, gebruikersnaam, email, **options):
        if Gebruiker.objects.filter(username__iexact=gebruikersnaam).exists():
            raise CommandError(f"Gebruiker {gebruikersnaam} bestaat al.")
        wachtwoord, sleutel = secrets.token_urlsafe(16), secrets.token_hex(20)
        gebruiker = Gebruiker.objects.create_superuser(
            username=gebruikersnaam, email=email, password=wachtwoord)
        TOTPDevice.objects.create(user=gebruiker, name="authenticator", key=sleutel,
                                  confirmed=True)
        registreer_gebeurtenis(actor=None, obj=gebruiker, actie="technisch_beheerder_gemaakt",
                               dossier_id=None)
        self.stdout.write(f"Technisch beheerder {gebruikersnaam} gemaakt. Eenmalig getoond:\n"
                          f"  wachtwoord  {wachtwoord}\n  TOTP-geheim {base32(sleutel)}")
