import pytest

from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tests.loopbaangesprekken.factories import GesprekFactory
from tfvv.roles import Organisatie

ROLLEN = ["anoniem", "inwoner", "consulent_lwl", "consulent_lbs", "consulent_manager",
          "beoordelaar", "financieel", "adviesgroep", "beheerder"]


@pytest.fixture
def client_voor(client, client_als):
    """client_voor("anoniem" | "inwoner" | a staff key of `medewerkers`)."""

    def maak(sleutel):
        if sleutel == "anoniem":
            return client
        if sleutel == "inwoner":
            client.force_login(InwonerFactory(),
                               backend="django.contrib.auth.backends.ModelBackend")
            return client
        return client_als(sleutel)

    return maak


@pytest.fixture
def zaak_lwl(medewerkers):
    """A Leerwerkloket case in behandeling with consulent_lwl, with one planned gesprek."""
    aanvraag = AanvraagFactory(loket=Organisatie.LEERWERKLOKET, status="in_behandeling",
                               consulent=medewerkers["consulent_lwl"])
    return GesprekFactory(aanvraag=aanvraag)
