def laad(schrijf):
    """Scholingsplannen in every state (filled in with the scholingsplan work)."""
