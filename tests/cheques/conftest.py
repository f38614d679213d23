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


@pytest.fixture
def referentiedata(transactional_db):
    """A transactional test may run after another one flushed the database: reload the
    reference data the migrations put in (idempotent update_or_create)."""
    import importlib

    from django.apps import apps

    importlib.import_module("tfvv.migrations.0002_referentiedata").laad(apps, None)
