from django.db import connection, transaction

from tfvv.models import Volgnummer

_TABEL = connection.ops.quote_name(Volgnummer._meta.db_table)
_UPSERT = (  # the table name is the model's own; the key is a bound parameter
    f"INSERT INTO {_TABEL} (sleutel, laatste) VALUES (%s, 1) "  # noqa: S608
    f"ON CONFLICT (sleutel) DO UPDATE SET laatste = {_TABEL}.laatste + 1 RETURNING laatste"
)


def volgende(sleutel: str) -> int:
    """Next number for `sleutel`, gap-free and race-safe.

    One statement: the upsert leaves the counter row locked until the caller's
    transaction commits, so concurrent callers queue up and a rolled-back caller never
    burns a number. Must run inside a transaction.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("volgende() moet binnen een transactie draaien")
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [sleutel])
        return cursor.fetchone()[0]
