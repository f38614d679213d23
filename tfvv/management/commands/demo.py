import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings


class Command(BaseCommand):
    help = (
        "Laadt demogegevens (idempotent): een gebruiker per rol en aanvragen in elke fase. "
        "Elke app levert haar deel via <app>/demo.py, in de volgorde van de pijplijn."
    )

    def handle(self, *args, **options):
        # the demo's own e-mails (confirmations, invitations) are not shown in the terminal
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self.laad_alles()
        self.stdout.write(self.style.SUCCESS("Demogegevens geladen."))

    def laad_alles(self):
        for config in apps.get_app_configs():
            module = f"{config.name}.demo"
            if config.name.startswith("django") or importlib.util.find_spec(module) is None:
                continue
            with transaction.atomic():
                importlib.import_module(module).laad(self.stdout.write)
