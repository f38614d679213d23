def laad(schrijf):
    """Gesprekken in every state (filled in with the loopbaangesprekken work)."""
