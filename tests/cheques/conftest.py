import pytest

from tests.cheques.factories import ScholingsplanFactory, maak_periode


@pytest.fixture
def periode(db):
    return maak_periode()


@pytest.fixture
def maak_plan(medewerkers):
    """maak_plan(gevraagd_bedrag=..., toets_snapshot=...) -> a submitted scholingsplan."""

    def maak(**kwargs):
        kwargs.setdefault("consulent", medewerkers["consulent_lwl"])
        return ScholingsplanFactory(**kwargs)

    return maak
