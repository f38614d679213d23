"""Demo: compute the summary tables from the demo data of the earlier apps, and make a
funder report for every public bron with charges, so its page shows figures at once."""

from rapportage.models import Verantwoordingsrapport
from rapportage.services import ververs_samenvattingen
from rapportage.verantwoordingsrapport import (
    maak_verantwoordingsrapport,
    vraag_verantwoording_aan,
)
from tfvv.models import Begrotingsperiode, Bronlast, Financieringsbron, Gebruiker


def laad(schrijf):
    verversing = ververs_samenvattingen()
    schrijf(f"Rapportage: samenvattingen berekend ({verversing.aantal_rijen} rijen).")
    financieel = Gebruiker.objects.filter(username="financieel").first()
    paren = set(Bronlast.objects.filter(bron__publiek=True).values_list("periode_id",
                                                                          "bron_id"))
    for periode_id, bron_id in sorted(paren):
        if Verantwoordingsrapport.objects.filter(periode_id=periode_id,
                                                 bron_id=bron_id).exists():
            continue
        rapport = vraag_verantwoording_aan(periode=Begrotingsperiode.objects.get(pk=periode_id),
                                           bron=Financieringsbron.objects.get(pk=bron_id),
                                           door=financieel)
        # made here rather than by the worker: the demo is complete when the command ends
        rapport = maak_verantwoordingsrapport(rapport_id=rapport.pk)
        schrijf(f"Rapportage: verantwoording {rapport.bron.naam} "
                f"({rapport.get_status_display()}).")
