"""The funder report reconciles with the ledger to the cent on 10,000 generated cases
(issue 19), each with a life in the ledger (every kind of entry) charged to one or two of
four public bronnen or booked before earmarking. The expected sums are kept while generating
(tests/rapportage/factories_verantwoording.py), not read back from the database."""

import pytest
from django.db import connection
from django.db.models import Sum

from rapportage import verantwoording
from rapportage.verantwoordingsrapport import stand, totalen_van
from tests.rapportage.factories_verantwoording import maak_verantwoordingsdata
from tfvv.models import Budgetboeking

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(connection.vendor != "postgresql",
                                 reason="de grootboektriggers en de omvang: PostgreSQL")]
S = Budgetboeking.Soort


def test_verantwoording_sluit_op_10000_gevallen():
    verwacht = maak_verantwoordingsdata(10_000)
    assert verwacht.cheques == 10_000
    periode = verwacht.periode
    grootboek = dict(Budgetboeking.objects.filter(periode=periode).values("soort")
                     .annotate(s=Sum("bedrag")).values_list("soort", "s"))
    assert set(grootboek) == set(S.values)  # every kind of ledger entry is in the data set

    som = {s: verwacht.niet_toegerekend.get(s, 0) for s in S.values}
    for bron in verwacht.bronnen:
        v = verantwoording.verantwoording(periode, bron)
        assert v.sluit, bron.naam
        for a in v.aansluiting:
            assert a.verschil == 0, (bron.naam, a.soort)
            assert a.grootboek == grootboek[a.soort]
            assert a.niet_toegerekend == verwacht.niet_toegerekend.get(a.soort, 0)
        # the participant rows add up to what was charged to the bron while generating
        per_soort = {s: b for s, b in v.totalen_per_soort.items() if b}
        assert per_soort == {s: b for s, b in verwacht.per_bron[bron.pk].items() if b}
        assert len(v.deelnemers) == verwacht.deelnemers[bron.pk]
        toegezegd, gerealiseerd = verwacht.cofinanciering[bron.pk]
        assert v.totalen["cofinanciering_toegezegd"] == toegezegd
        assert v.totalen["cofinanciering_gerealiseerd"] == gerealiseerd
        assert sum(n for _, n in v.afrondingen) == len(v.deelnemers)
        # what the page shows: the totals stored with the report, read back
        s = stand(totalen_van(v))
        assert s.sluit and s.aantal_deelnemers == len(v.deelnemers)
        assert (s.totalen, s.afrondingen) == (v.totalen, v.afrondingen)
        for soort, bedrag in v.totalen_per_soort.items():
            som[soort] += bedrag
    # the four reports plus what was booked before earmarking are the ledger, to the cent
    assert {s: b for s, b in som.items() if b} == grootboek
