import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings


class Command(BaseCommand):
    help = (
        "Laadt demogegevens (idempotent): een gebruiker per rol en aanvragen in elke fase. "
        "Elke app levert haar deel via <app>/demo.py, in de volgorde van de pijplijn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--toon", action="store_true",
                            help="Toon de inloggegevens van de demomedewerkers opnieuw.")
        parser.add_argument(
            "--ook-zonder-debug", action="store_true",
            help="Laad demogegevens ook als DEBUG uit staat (een proefomgeving, nooit "
                 "productie): er komen accounts met bekende inloggegevens bij.")

    def handle(self, *args, **options):
        from tfvv import demo

        if options["toon"]:
            if not demo.toon(self.stdout.write):
                raise CommandError("Deze installatie heeft nog geen demo-inloggegevens; "
                                   "draai eerst `manage.py demo`.")
            return
        if not settings.DEBUG and not options["ook_zonder_debug"]:
            raise CommandError(
                "DEBUG staat uit: dit lijkt een productieomgeving. Demogegevens maken accounts "
                "met bekende inloggegevens. Is dit een proefomgeving, gebruik dan "
                "`manage.py demo --ook-zonder-debug`.")
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
