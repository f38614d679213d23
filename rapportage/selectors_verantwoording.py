"""Reads for the funder report's page: only stored reports, two queries at any size."""

from rapportage.models import Verantwoordingsrapport
from rapportage.verantwoordingsrapport import stand

# the page lists this many reports of a periode and bron, newest first
AANTAL_RAPPORTEN = 25


def pagina(periode, bron) -> dict:
    """The latest finished report with its stored totals (`stand`), the recent reports,
    and the one in the making, if any."""
    rapporten = Verantwoordingsrapport.objects.filter(periode=periode, bron=bron) \
        .select_related("aangevraagd_door")
    laatste = rapporten.filter(status=Verantwoordingsrapport.Status.KLAAR).first()
    lijst = list(rapporten.defer("totalen")[:AANTAL_RAPPORTEN])
    return {
        "laatste": laatste,
        "stand": stand(laatste.totalen) if laatste else None,
        "rapporten": lijst,
        "lopend": next((r for r in lijst if r.is_lopend), None),
    }
