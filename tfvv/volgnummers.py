from django.db import transaction

from tfvv.models import Volgnummer


def volgende(sleutel: str) -> int:
    """Next number for `sleutel`, gap-free and race-safe.

    The counter row stays locked until the caller's transaction commits, so a
    rolled-back caller never burns a number. Must run inside a transaction.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("volgende() moet binnen een transactie draaien")
    Volgnummer.objects.get_or_create(sleutel=sleutel)
    teller = Volgnummer.objects.select_for_update().get(sleutel=sleutel)
    teller.laatste += 1
    teller.save(update_fields=["laatste"])
    return teller.laatste
