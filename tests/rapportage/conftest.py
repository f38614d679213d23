import datetime

import pytest

from rapportage import selectors
from rapportage.services import ververs_samenvattingen
from tests.rapportage.factories import maak_dataset

JAAR_2024 = selectors.Filters(van=datetime.date(2024, 1, 1), tot=datetime.date(2024, 12, 31))


@pytest.fixture
def dataset(db):
    gegevens = maak_dataset(300)
    ververs_samenvattingen()
    return gegevens


def waarde(tabel, label, kolom):
    """The number in the row labelled `label`, column `kolom` (None when suppressed)."""
    for rij in tabel.alle_rijen:
        if rij[0].tekst == label:
            return rij[kolom].waarde
    raise KeyError(label)


def rijen(tabel) -> dict:
    return {rij[0].tekst: rij for rij in tabel.rijen}


@pytest.fixture(autouse=True)
def lege_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
