from django.core.management.base import BaseCommand
from django.db import transaction

from tfvv.models import Gemeente, Postcodegebied
from tfvv.referentiedata import laad_gemeenten, laad_postcodes


class Command(BaseCommand):
    help = "Laadt of ververst gemeenten en postcodegebieden uit tfvv/data/."

    @transaction.atomic
    def handle(self, *args, **options):
        g = laad_gemeenten(Gemeente)
        p = laad_postcodes(Gemeente, Postcodegebied)
        self.stdout.write(f"{g} gemeenten en {p} postcodegebieden geladen.")
