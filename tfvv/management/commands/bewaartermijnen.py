from django.core.management.base import BaseCommand

from tfvv.bewaartermijnen import pas_toe


class Command(BaseCommand):
    help = ("Anonimiseert afgesloten dossiers waarvan de bewaartermijn voorbij is "
            "(zie docs/beveiliging.md). Met --droog verandert er niets.")

    def add_arguments(self, parser):
        parser.add_argument("--droog", action="store_true",
                            help="alleen tellen wat geanonimiseerd zou worden")

    def handle(self, *args, droog=False, **options):
        aantallen = pas_toe(droog=droog)
        werkwoord = "te anonimiseren" if droog else "geanonimiseerd"
        for naam, aantal in aantallen.items():
            self.stdout.write(f"{naam}: {aantal} {werkwoord}")
        self.stdout.write(self.style.SUCCESS(f"Totaal {sum(aantallen.values())} {werkwoord}."))
