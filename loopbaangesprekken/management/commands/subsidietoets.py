"""`manage.py subsidietoets CASE.json`: judge one case given as JSON (docs/subsidietoets.md).

Prints {"regeling", "uitkomst", "regels": [...]} and exits 0; on invalid input or an
aanvraagdatum without a regeling in force it prints a Dutch message per wrong field
on stderr and exits 2.
"""

import json
import sys

from django.core.management.base import BaseCommand

from loopbaangesprekken.selectors.scholingsplan import postcodesoort, regeling_parameters_op
from loopbaangesprekken.subsidietoets import toets
from loopbaangesprekken.subsidietoets.invoer import OngeldigeInvoer, lees_casus

ONGELDIG = 2


class Command(BaseCommand):
    help = "Voert de subsidietoets (R1–R10) uit op een casus in een JSON-bestand."

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="JSON-bestand met de casus ('-' leest stdin)")

    def _fout(self, regels: list[str]):
        self.stderr.write("Ongeldige invoer voor de subsidietoets:")
        for regel in regels:
            self.stderr.write(f"  - {regel}")
        sys.exit(ONGELDIG)

    def handle(self, *args, bestand, **options):
        try:
            if bestand == "-":
                tekst = sys.stdin.read()
            else:
                with open(bestand, encoding="utf-8") as f:
                    tekst = f.read()
        except (OSError, UnicodeDecodeError) as e:
            self._fout([f"bestand: kan {bestand} niet lezen ({e.__class__.__name__})."])
        try:
            data = json.loads(tekst, parse_float=str, parse_int=str, parse_constant=str)
        except (ValueError, RecursionError) as e:
            self._fout([f"invoer: geen geldige JSON ({e})."])
        try:
            casus = lees_casus(data, regeling_op=regeling_parameters_op,
                               postcodesoort=postcodesoort)
        except OngeldigeInvoer as e:
            self._fout([f"{veld}: {tekst}" for veld, tekst in e.fouten.items()])
        uitslag = toets(casus)
        resultaat = uitslag.als_dict()
        self.stdout.write(json.dumps(resultaat, ensure_ascii=False, indent=2))
