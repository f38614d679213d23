"""Budget fixtures: a period with a public toezegging, a cheques line and a plafond in force.

Tests that are not about the plafond decision get one directly (the four-eyes flow of
tfvv.plafond is tested in tests/tfvv/test_plafond.py).
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from tfvv.models import (
    Begrotingsperiode,
    Begrotingspost,
    Financieringsbron,
    Oormerkregel,
    Plafondbesluit,
    Toezegging,
)


def plafond_in_werking(periode, bedrag) -> Plafondbesluit:
    """An approved plafond decision (as if proposed and approved by two people)."""
    return Plafondbesluit.objects.create(
        periode=periode, bedrag=Decimal(bedrag), besluitdatum=periode.van,
        gepubliceerd_op=periode.van, toelichting="Testplafond", goedgekeurd_op=timezone.now())


def begroting(*, naam: str, van: datetime.date, tot: datetime.date, plafond,
              bron: str = "Regio Twente / gemeenten") -> Begrotingsperiode:
    """A period whose public commitment, cheques line and plafond all equal `plafond`;
    one earmarking rule charges every grant to the one public bron."""
    plafond = Decimal(plafond)
    periode = Begrotingsperiode.objects.create(naam=naam, van=van, tot=tot)
    publiek, _ = Financieringsbron.objects.get_or_create(naam=bron)
    Toezegging.objects.create(bron=publiek, periode=periode, bedrag=plafond,
                              datum=van - datetime.timedelta(days=30))
    Oormerkregel.objects.create(periode=periode, bron=publiek, volgorde=1)
    Begrotingspost.objects.create(periode=periode, naam="Scholingscheques", bedrag=plafond,
                                  voor_cheques=True)
    plafond_in_werking(periode, plafond)
    return periode
