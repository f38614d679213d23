"""Reading the subsidietoets snapshot stored on a scholingsplan at submission.

Shape: {"regeling": ..., "uitkomst": ..., "regels": [{id, uitkomst, uitleg, grondslag}]};
a rule's uitkomst is voldaan / niet voldaan / handmatig beoordelen (spelling tolerated:
underscores, spaces, case).
"""

VOLDAAN, NIET_VOLDAAN, HANDMATIG = "voldaan", "niet_voldaan", "handmatig"


def soort(uitkomst: str) -> str:
    waarde = (uitkomst or "").strip().lower().replace(" ", "_")
    if waarde.startswith("handmatig"):
        return HANDMATIG
    if waarde.startswith("niet"):
        return NIET_VOLDAAN
    return VOLDAAN if waarde == VOLDAAN else HANDMATIG


def regels(snapshot: dict | None) -> list[dict]:
    return list((snapshot or {}).get("regels") or [])


def niet_voldane_regels(snapshot: dict | None) -> list[str]:
    return [str(r.get("id")) for r in regels(snapshot) if soort(r.get("uitkomst")) == NIET_VOLDAAN]


def heeft_handmatige_regel(snapshot: dict | None) -> bool:
    return any(soort(r.get("uitkomst")) == HANDMATIG for r in regels(snapshot))


def verdict(snapshot: dict | None) -> str:
    """The overall verdict for the queue: niet_voldaan > handmatig > voldaan."""
    if snapshot is None:
        return HANDMATIG
    soorten = {soort(r.get("uitkomst")) for r in regels(snapshot)}
    for s in (NIET_VOLDAAN, HANDMATIG):
        if s in soorten:
            return s
    return VOLDAAN
