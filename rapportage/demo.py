"""Demo: compute the summary tables from the demo data of the earlier apps."""

from rapportage.services import ververs_samenvattingen


def laad(schrijf):
    verversing = ververs_samenvattingen()
    schrijf(f"Rapportage: samenvattingen berekend ({verversing.aantal_rijen} rijen).")
