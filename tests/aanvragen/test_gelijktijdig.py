"""Double clicks and rushes on real PostgreSQL: threads, each with its own connection."""

import threading

import pytest
from django.db import connection
from django.test import Client

from aanvragen.models import Aanvraag
from tests.aanvragen.conftest import geldige_invoer
from tfvv.models import Gebruiker, Outboxtaak
from tfvv.roles import Rol

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'"),
]


def tegelijk(invoeren: list[dict]) -> list[int]:
    """POST all forms at the same moment from separate threads; return the status codes."""
    start = threading.Barrier(len(invoeren))
    uitkomst: list = [None] * len(invoeren)

    def stuur(i, invoer):
        try:
            client = Client(REMOTE_ADDR=f"192.0.2.{i + 1}")
            start.wait()
            response = client.post("/aanmelden/", invoer)
            fouten = response.context["form"].errors if response.status_code == 200 else None
            uitkomst[i] = (response.status_code, response.get("Location") or fouten)
        except Exception as fout:  # reported by the assertion below
            uitkomst[i] = fout
        finally:
            connection.close()

    draden = [threading.Thread(target=stuur, args=(i, v)) for i, v in enumerate(invoeren)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(30)
    return uitkomst


def test_dubbelklik_maakt_een_aanvraag():
    """Every click gets the receipt of the one aanvraag; one mail, not one per click."""
    uitkomst = tegelijk([geldige_invoer() for _ in range(4)])
    assert all(isinstance(u, tuple) and u[0] == 302 for u in uitkomst), uitkomst
    assert [u[1] for u in uitkomst] == ["/aanmelden/ontvangen/"] * 4
    assert Aanvraag.objects.count() == 1
    assert Gebruiker.objects.filter(groups__name=Rol.INWONER).count() == 1
    assert list(Outboxtaak.objects.values_list("taak", flat=True)) == [
        "aanvragen.tasks.mail_ontvangstbevestiging"]


def test_tegelijk_met_andere_invoer_krijgt_inloglink():
    """Both get the same receipt (nothing tells the browser an aanvraag existed); the
    address gets the confirmation and a login link to the one aanvraag."""
    uitkomst = tegelijk([geldige_invoer(), geldige_invoer(scholingswens="Iets anders.")])
    assert [u[1] for u in uitkomst] == ["/aanmelden/ontvangen/"] * 2, uitkomst
    assert Aanvraag.objects.count() == 1
    assert sorted(Outboxtaak.objects.values_list("taak", flat=True)) == [
        "aanvragen.tasks.mail_inloglink", "aanvragen.tasks.mail_ontvangstbevestiging"]


def test_drukte_geen_gaten_geen_dubbele_nummers():
    uitkomst = tegelijk([geldige_invoer(email=f"persoon{i}@voorbeeld.nl") for i in range(8)])
    assert all(isinstance(u, tuple) and u[0] == 302 for u in uitkomst), uitkomst
    nummers = sorted(int(r[-6:]) for r in Aanvraag.objects.values_list("referentie", flat=True))
    assert nummers == list(range(1, 9))
