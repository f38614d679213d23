"""A reproducible random sample of aanvragen for an audit (docs/controle.md).

Each aanvraag in the period (and status) gets the key SHA-256("<zaad>:<id>"); the sample
is the `omvang` aanvragen with the smallest keys. The same zaad and parameters give the
same sample on any machine and any Python version, and an auditor can recompute it with
any SHA-256 tool; an aanvraag removed from the population later (retention) does not
change which of the others are drawn.
"""

import datetime
import hashlib
import heapq
import secrets
from dataclasses import dataclass

from aanvragen.models import Aanvraag

MAX_ZAAD = 10**12


def nieuw_zaad() -> int:
    return secrets.randbelow(MAX_ZAAD)


def sleutel(zaad: int, aanvraag_id: int) -> str:
    return hashlib.sha256(f"{zaad}:{aanvraag_id}".encode()).hexdigest()


@dataclass(frozen=True)
class Steekproef:
    van: datetime.date
    tot: datetime.date
    omvang: int
    zaad: int
    status: str = ""

    def populatie(self):
        aanvragen = Aanvraag.objects.filter(aanvraagdatum__range=(self.van, self.tot))
        if self.status:
            aanvragen = aanvragen.filter(status=self.status)
        return aanvragen

    def trek(self) -> list[int]:
        """The ids of the sample, smallest key first (one query)."""
        ids = self.populatie().values_list("pk", flat=True).iterator(chunk_size=5000)
        return heapq.nsmallest(self.omvang, ids, key=lambda pk: sleutel(self.zaad, pk))
