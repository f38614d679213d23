"""Reads for the resident's consent to the scholingsplan: the content they approve, its
version, and where the consent stands. Fixed query counts, independent of the data."""

import hashlib
import json
from dataclasses import dataclass

from aanvragen.models import Aanvraag
from loopbaangesprekken.models import Planakkoord, Scholingsplan
from loopbaangesprekken.selectors.scholingsplan import BEWERKBARE_STATUSSEN

S = Planakkoord.Soort


class Stand:
    """Where the resident's consent stands for the plan as it is now."""

    NIET_VOORGELEGD = "niet_voorgelegd"
    WACHT = "wacht"            # put up for this version, no answer yet
    AKKOORD = "akkoord"        # approved this version
    WIJZIGING = "wijziging"    # asked for a change of this version
    VERVALLEN = "vervallen"    # put up or approved, then the plan changed


def _bedrag(bedrag) -> str:
    return f"{bedrag:.2f}"


def planinhoud(plan: Scholingsplan) -> dict:
    """What the resident is shown and agrees to, as plain data (uses the prefetched lines
    when present). Evidence files and the consulent's own notes are not part of it."""
    return {
        "opleiding": plan.opleiding_naam,
        "niveau": plan.opleiding_niveau,
        "opleider": plan.opleider.naam,
        "startdatum": plan.startdatum.isoformat(),
        "einddatum": plan.einddatum.isoformat(),
        "route": plan.route,
        "doelberoep": plan.doelberoep,
        "kosten": sorted([r.soort, r.omschrijving, _bedrag(r.bedrag)] for r in plan.kosten.all()),
        "cofinanciering": sorted([r.bron, r.partij, _bedrag(r.bedrag), r.status]
                                 for r in plan.cofinanciering.all()),
        "gevraagd_bedrag": _bedrag(plan.gevraagd_bedrag),
    }


def versie_van(inhoud: dict) -> str:
    return hashlib.sha256(json.dumps(inhoud, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class Akkoordstand:
    stand: str
    versie: str                       # of the plan as it is now
    laatste: Planakkoord | None       # the latest step (not a submission on behalf)

    @property
    def akkoord(self) -> bool:
        return self.stand == Stand.AKKOORD

    @property
    def wacht(self) -> bool:
        return self.stand == Stand.WACHT

    @property
    def kan_voorleggen(self) -> bool:
        return self.stand not in (Stand.AKKOORD, Stand.WACHT)


def laatste_stap(plan: Scholingsplan) -> Planakkoord | None:
    return (plan.akkoorden.exclude(soort=S.NAMENS).select_related("door")
            .order_by("-op", "-id").first())


def laatste_namens(plan: Scholingsplan) -> Planakkoord | None:
    """The latest submission on the resident's behalf (reason, paper form), if any."""
    return (plan.akkoorden.filter(soort=S.NAMENS).select_related("door")
            .order_by("-op", "-id").first())


def akkoordstand(plan: Scholingsplan) -> Akkoordstand:
    """The state of the consent for the current content of the plan (one query, plus the
    plan's lines unless prefetched)."""
    versie = versie_van(planinhoud(plan))
    laatste = laatste_stap(plan)
    if laatste is None:
        stand = Stand.NIET_VOORGELEGD
    elif laatste.soort == S.VERVALLEN or laatste.versie != versie:
        stand = Stand.VERVALLEN
    else:
        stand = {S.VOORGELEGD: Stand.WACHT, S.AKKOORD: Stand.AKKOORD,
                 S.WIJZIGING: Stand.WIJZIGING}[laatste.soort]
    return Akkoordstand(stand=stand, versie=versie, laatste=laatste)


def plan_voor_inwoner(aanvraag: Aanvraag) -> Scholingsplan | None:
    """The latest plan of the aanvraag that was ever put up to the resident, with what the
    resident's page shows; None when none was."""
    return (Scholingsplan.objects.filter(aanvraag=aanvraag, akkoorden__isnull=False)
            .select_related("opleider", "aanvraag")
            .prefetch_related("kosten", "cofinanciering")
            .order_by("-aangemaakt_op", "-pk").distinct().first())


def wachtende_plannen(aanvraag: Aanvraag) -> list[int]:
    """Ids of the aanvraag's plans waiting for the resident's answer: those whose latest
    step is 'voorgelegd' and that the consulent can still change (one query)."""
    laatste: dict[int, str] = {}
    for plan_id, soort in (Planakkoord.objects
                           .filter(plan__aanvraag=aanvraag,
                                   plan__status__in=BEWERKBARE_STATUSSEN)
                           .exclude(soort=S.NAMENS)
                           .order_by("plan_id", "op", "id").values_list("plan_id", "soort")):
        laatste[plan_id] = soort
    return [plan_id for plan_id, soort in laatste.items() if soort == S.VOORGELEGD]
