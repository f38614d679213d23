"""Finance's worklist of terugvorderingen: sortable columns (whitelisted), paged, the same
number of queries at two data sizes."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cheques.models import Terugvordering
from cheques.views.gedeeld import PER_PAGINA

pytestmark = pytest.mark.django_db
URL = reverse("cheques:terugvorderingen")


@pytest.fixture
def maak_terugvorderingen(maak_cheques):
    """maak_terugvorderingen([(bedrag, dagen tot de termijn), …]) -> claims (rows only)."""

    def maak(regels):
        cheques = maak_cheques(len(regels))
        return [Terugvordering.objects.create(
            cheque=cheque, bedrag=Decimal(bedrag), grond="Niet gestart.",
            betalen_voor=timezone.localdate() + datetime.timedelta(days=dagen))
            for cheque, (bedrag, dagen) in zip(cheques, regels, strict=True)]

    return maak


def test_sorteren_op_kolom(client_als, maak_terugvorderingen):
    a, b, c = maak_terugvorderingen([("500.00", 30), ("1500.00", 10), ("900.00", 20)])
    client = client_als("financieel")

    def volgorde(sorteer=None):
        r = client.get(URL, {"sorteer": sorteer} if sorteer else {})
        assert r.status_code == 200
        return [t.pk for t in r.context["pagina"]]

    assert volgorde() == [b.pk, c.pk, a.pk]  # earliest deadline first
    assert volgorde("-betalen_voor") == [a.pk, c.pk, b.pk]
    assert volgorde("bedrag") == [a.pk, c.pk, b.pk]
    assert volgorde("-open") == [b.pk, c.pk, a.pk]
    assert volgorde("cheque") == [a.pk, b.pk, c.pk]  # numbers in creation order
    assert volgorde("open_bedrag; drop table") == [b.pk, c.pk, a.pk]  # unknown: the default
    inhoud = client.get(URL, {"sorteer": "-bedrag", "status": "open"}).content.decode()
    assert 'aria-sort="descending"' in inhoud
    assert 'name="sorteer" value="-bedrag"' in inhoud


def test_financien_kolomkoppen_sorteren(client_als, maak_cheques):
    maak_cheques(2)
    inhoud = client_als("financieel").get(reverse("cheques:financien"),
                                          {"sorteer": "-bedrag"}).content.decode()
    assert 'aria-sort="descending"' in inhoud and "sorteer=bedrag" in inhoud


def test_queries_gelijk_bij_twee_groottes(client_als, maak_terugvorderingen,
                                          django_assert_num_queries):
    client = client_als("financieel")
    params = {"sorteer": "-open"}
    maak_terugvorderingen([("100.00", 5)] * 2)
    client.get(URL, params)
    with CaptureQueriesContext(connection) as klein:
        assert client.get(URL, params).status_code == 200
    maak_terugvorderingen([("100.00", 5)] * (PER_PAGINA + 5))
    with django_assert_num_queries(len(klein)):
        r = client.get(URL, params)
    assert len(r.context["pagina"].object_list) == PER_PAGINA
