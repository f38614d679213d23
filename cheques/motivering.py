"""The motivering of a refusal (Awb 3:46/3:47): each cited condition as a sentence in plain
Dutch with the figures and its legal basis, taken from the subsidietoets snapshot.

Only a rule the toets found "niet voldaan" or "handmatig beoordelen" can be cited; a
handmatig rule needs the beoordelaar's written reason, because the toets' text for such a
rule is an instruction to staff, not a finding."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cheques import toets
from loopbaangesprekken.subsidietoets.regels import TOELICHTING, VOORWAARDE

OVERIG = "overig"  # only when the plan has no toets snapshot (old cases)


@dataclass(frozen=True)
class Afwijzingsgrond:
    regel: str
    zin: str
    grondslag: str


def citeerbare_regels(snapshot) -> list[dict]:
    """The rules a refusal may rest on, in toets order."""
    return [r for r in toets.regels(snapshot)
            if toets.soort(r.get("uitkomst")) in (toets.NIET_VOLDAAN, toets.HANDMATIG)]


def _zin(regel: dict, reden: str) -> str:
    code = str(regel.get("id"))
    voorwaarde = VOORWAARDE.get(code, code)
    if toets.soort(regel.get("uitkomst")) == toets.HANDMATIG:
        bevinding = reden
    else:
        bevinding = " ".join(filter(None, [(regel.get("uitleg") or "").strip(), reden]))
    zin = _("Voorwaarde: %(voorwaarde)s. Hieraan is niet voldaan. %(bevinding)s") % {
        "voorwaarde": voorwaarde[:1].upper() + voorwaarde[1:], "bevinding": bevinding}
    if code in TOELICHTING:
        zin += " " + _("Toelichting: %(toelichting)s") % {"toelichting": TOELICHTING[code]}
    return zin


def afwijzingsgronden(snapshot, regels: list[str],
                      redenen: dict[str, str]) -> list[Afwijzingsgrond]:
    """The grounds for `regels`; ValidationError on "regels" for a rule that cannot be cited
    and for a handmatig rule without a written reason."""
    citeerbaar = {str(r.get("id")): r for r in citeerbare_regels(snapshot)}
    fouten, gronden = [], []
    for code in regels:
        reden = (redenen.get(code) or "").strip()
        if code == OVERIG and not toets.regels(snapshot):
            continue  # no toets to cite: the beoordelaar's motivering carries the refusal
        regel = citeerbaar.get(code)
        if regel is None:
            fouten.append(_("%(regel)s is volgens de subsidietoets voldaan en kan geen "
                            "afwijzingsgrond zijn.") % {"regel": code})
        elif toets.soort(regel.get("uitkomst")) == toets.HANDMATIG and not reden:
            fouten.append(_("Schrijf bij %(regel)s waarom niet aan de voorwaarde is voldaan "
                            "(de toets liet deze regel aan u over).") % {"regel": code})
        else:
            gronden.append(Afwijzingsgrond(code, _zin(regel, reden),
                                           str(regel.get("grondslag") or "")))
    if fouten:
        raise ValidationError({"regels": fouten})
    return gronden


def motiveringstekst(gronden: list[Afwijzingsgrond], toelichting: str) -> str:
    """The letter's motivering: one paragraph per unmet condition, then the beoordelaar's
    own words."""
    delen = [g.zin for g in gronden]
    if toelichting.strip():
        delen.append(toelichting.strip())
    return "\n\n".join(delen)


def grondslagtekst(regeling_grondslag: str, gronden: list[Afwijzingsgrond]) -> str:
    artikelen = list(dict.fromkeys(g.grondslag for g in gronden if g.grondslag))
    return "\n".join([regeling_grondslag, *artikelen, _("Algemene wet bestuursrecht, "
                                                        "artikelen 4:35 en 3:46")])
