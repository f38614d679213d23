"""Quarter and year rows of the summary (rapportage.perioden): a period is covered by the
fewest rows, each month exactly once, and every quarter and year row is the sum of its
month rows, so the dashboard shows the same figures whichever rows it reads."""

import datetime

import pytest
from django.db.models import Sum

from rapportage import perioden, selectors
from rapportage.models import Telling
from rapportage.perioden import blokken
from tests.rapportage.conftest import JAAR_2024

D = datetime.date
J, K, M = Telling.Duur.JAAR, Telling.Duur.KWARTAAL, Telling.Duur.MAAND


@pytest.mark.parametrize(("van", "tot", "verwacht"), [
    (D(2024, 1, 1), D(2024, 12, 31), [(J, D(2024, 1, 1))]),
    (D(2024, 4, 1), D(2024, 6, 30), [(K, D(2024, 4, 1))]),
    (D(2024, 5, 17), D(2024, 5, 20), [(M, D(2024, 5, 1))]),
    # a custom range: months up to a quarter, quarters up to a year, years, and back down
    (D(2023, 2, 15), D(2025, 8, 3), [
        (M, D(2023, 2, 1)), (M, D(2023, 3, 1)), (K, D(2023, 4, 1)), (K, D(2023, 7, 1)),
        (K, D(2023, 10, 1)), (J, D(2024, 1, 1)), (K, D(2025, 1, 1)), (K, D(2025, 4, 1)),
        (M, D(2025, 7, 1)), (M, D(2025, 8, 1))]),
    (D(2023, 1, 1), D(2026, 12, 31), [(J, D(j, 1, 1)) for j in range(2023, 2027)]),
    (D(2024, 12, 1), D(2024, 11, 30), []),
])
def test_blokken_dekken_elke_maand_een_keer(van, tot, verwacht):
    assert blokken(van, tot) == verwacht


def test_elke_maand_precies_een_keer_over_vier_jaar():
    """Every range of whole months in 2023-2026: the blocks cover exactly its months."""
    maanden = [D(j, m, 1) for j in range(2023, 2027) for m in range(1, 13)]
    for i, van in enumerate(maanden):
        for tot in maanden[i:]:
            gedekt = [perioden._plus_maanden(begin, k) for duur, begin in blokken(van, tot)
                      for k in range(duur)]
            assert gedekt == maanden[i:maanden.index(tot) + 1]


def test_leeg_selecteert_niets(db):
    assert not Telling.objects.filter(perioden.over(D(2024, 12, 1), D(2024, 11, 1))).exists()


def _sommen(maanden: int, van: D, tot: D) -> dict:
    return {tuple(r[:-2]): r[-2:] for r in Telling.objects.filter(
        maanden=maanden, maand__gte=van, maand__lte=tot)
        .values_list("niveau", "gemeente_id", "loket", "dimensie", "waarde")
        .annotate(n=Sum("aantal"), s=Sum("bedrag")).order_by()}


def test_kwartaal_en_jaarrijen_zijn_de_som_van_de_maanden(dataset):
    for van, tot in ((D(2024, 1, 1), D(2024, 12, 1)), (D(2024, 4, 1), D(2024, 6, 1)),
                     (D(2023, 10, 1), D(2023, 12, 1))):
        maandsom = _sommen(M, van, tot)
        assert maandsom, "the data set has rows in this period"
        duur = J if (van.month, tot.month) == (1, 12) else K
        assert _sommen(duur, van, tot) == maandsom


def test_dashboard_leest_jaarrijen_met_dezelfde_cijfers(dataset):
    """The year (from year rows) equals Jan–Nov plus December (months and quarters)."""
    jaar = selectors.dashboard(JAAR_2024)["tabellen"]
    rest = selectors.Filters(van=D(2024, 1, 1), tot=D(2024, 11, 30))
    assert blokken(rest.van, rest.tot)[-1] == (M, D(2024, 11, 1))
    deel = selectors._per_dimensie(rest)
    december = selectors._per_dimensie(selectors.Filters(van=D(2024, 12, 1),
                                                         tot=D(2024, 12, 31)))
    geheel = selectors._per_dimensie(JAAR_2024)
    for dimensie, waarden in geheel.items():
        for waarde, (n, s) in waarden.items():
            n1, s1 = deel.get(dimensie, {}).get(waarde, (0, 0))
            n2, s2 = december.get(dimensie, {}).get(waarde, (0, 0))
            assert (n1 + n2, s1 + s2) == (n, s), (dimensie, waarde)
    assert jaar["trechter"].rijen
