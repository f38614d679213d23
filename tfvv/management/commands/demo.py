import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Laadt demogegevens (idempotent): een gebruiker per rol en aanvragen in elke fase. "
        "Elke app levert haar deel via <app>/demo.py, in de volgorde van de pijplijn."
    )

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            module = f"{config.name}.demo"
            if config.name.startswith("django") or importlib.util.find_spec(module) is None:
                continue
            with transaction.atomic():
                importlib.import_module(module).laad(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demogegevens geladen."))
