"""Dutch formatting of the figures named in the explanations (amounts:
tfvv.templatetags.bedragen.euro)."""

from datetime import date
from decimal import Decimal


def procent(aandeel: Decimal) -> str:
    """Decimal("0.500") -> "50 %"."""
    waarde = (aandeel * 100).normalize()
    return f"{waarde:f}".replace(".", ",") + " %"


def datum(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def leeftijd_op(geboortedatum: date, peildatum: date) -> int:
    """Completed years on `peildatum` (someone born on 29 February turns a year older
    on 1 March in a non-leap year)."""
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren
