"""Is this postcode a home address in Twente? The answer drives rule R1 at the door."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from aanvragen.models import Postcodecontrole
from tfvv.models import Gemeente, Postcodegebied

POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
# letter pairs PostNL never issues
NIET_UITGEGEVEN = {"SA", "SD", "SS"}

BUITEN_TWENTE = _(
    "Het Twents Fonds voor Vakmanschap is er voor inwoners van de 14 Twentse gemeenten. "
    "Deze postcode ligt niet in Twente. Voor advies over leren en werken kunt u terecht bij "
    "het Leerwerkloket in uw eigen regio: zie www.lerenenwerken.nl/leerwerkloketten."
)
POSTBUS = _("Dit is de postcode van een postbus, dit is geen woonadres. Vul de postcode "
            "van het adres in waar u woont.")
ONGELDIG = _("Vul een postcode in zoals 7511 AB: vier cijfers en twee letters.")


@dataclass(frozen=True)
class Postcodeoordeel:
    postcode: str = ""                      # normalised, e.g. "7511AB"
    gemeente: Gemeente | None = None
    controle: str = Postcodecontrole.NIET_NODIG
    fout: str = ""                          # Dutch message when refused


def normaliseer(invoer: str) -> str | None:
    """'7511 ab' -> '7511AB'; None when it is not a Dutch postcode."""
    m = POSTCODE.match(invoer or "")
    if not m or m.group(2).upper() in NIET_UITGEGEVEN:
        return None
    return f"{m.group(1)}{m.group(2).upper()}"


def beoordeel_postcode(invoer: str) -> Postcodeoordeel:
    """One query: the PC4 area with its gemeente."""
    postcode = normaliseer(invoer)
    if postcode is None:
        return Postcodeoordeel(fout=str(ONGELDIG))
    gebied = (Postcodegebied.objects.select_related("gemeente")
              .filter(pc4=postcode[:4]).first())
    if gebied is None:
        return Postcodeoordeel(postcode=postcode, fout=str(BUITEN_TWENTE))
    if gebied.soort == Postcodegebied.Soort.POSTBUS:
        return Postcodeoordeel(postcode=postcode, fout=str(POSTBUS))
    controle = (Postcodecontrole.TE_CONTROLEREN if gebied.soort == Postcodegebied.Soort.GRENS
                else Postcodecontrole.NIET_NODIG)
    return Postcodeoordeel(postcode=postcode, gemeente=gebied.gemeente, controle=controle)
