from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cheques.views.gedeeld import PER_PAGINA

pytestmark = pytest.mark.django_db


def test_werkvoorraad_beoordelaar_in_paginas(client_als, maak_plan, periode):
    plannen = [maak_plan() for _ in range(PER_PAGINA + 3)]
    c = client_als("beoordelaar")
    eerste = c.get(reverse("cheques:beoordelen"))
    assert len(eerste.context["pagina"].object_list) == PER_PAGINA
    assert f"{PER_PAGINA + 3} scholingsplannen" in eerste.content.decode()
    tweede = c.get(reverse("cheques:beoordelen"), {"pagina": 2})
    rijen = [r.plan.pk for r in tweede.context["pagina"].object_list]
    assert rijen == [p.pk for p in sorted(plannen, key=lambda p: (p.ingediend_op, p.pk))][-3:]
    assert "Pagina 2 van 2" in tweede.content.decode()


def test_werkvoorraad_beoordelaar_sorteren(client_als, maak_plan, periode):
    plannen = [maak_plan(gevraagd_bedrag=Decimal(b)) for b in ("900.00", "2500.00", "1200.00")]
    c = client_als("beoordelaar")

    def volgorde(**params):
        r = c.get(reverse("cheques:beoordelen"), params)
        assert r.status_code == 200
        return [regel.plan.pk for regel in r.context["pagina"]]

    op_ontvangst = [p.pk for p in sorted(plannen, key=lambda p: (p.ingediend_op, p.pk))]
    assert volgorde() == op_ontvangst
    assert volgorde(sorteer="-ontvangen") == op_ontvangst[::-1]
    assert volgorde(sorteer="bedrag") == [plannen[0].pk, plannen[2].pk, plannen[1].pk]
    assert volgorde(sorteer="-bedrag") == [plannen[1].pk, plannen[2].pk, plannen[0].pk]
    per_referentie = sorted(plannen, key=lambda p: p.aanvraag.referentie)
    assert volgorde(sorteer="referentie") == [p.pk for p in per_referentie]
    # also when the toets verdict is filtered in Python
    assert volgorde(sorteer="-bedrag", toets="voldaan") == volgorde(sorteer="-bedrag")
    assert volgorde(sorteer="naam; drop table") == op_ontvangst  # unknown: the default


@pytest.mark.parametrize("params", [{"sorteer": "-bedrag"}, {"sorteer": "referentie",
                                                             "pagina": 2}])
def test_werkvoorraad_beoordelaar_queries_gelijk_bij_twee_groottes(
        client_als, maak_plan, periode, django_assert_num_queries, params):
    c = client_als("beoordelaar")
    url = reverse("cheques:beoordelen")
    for _ in range(PER_PAGINA + 1):
        maak_plan()
    c.get(url, params)
    with CaptureQueriesContext(connection) as klein:
        assert c.get(url, params).status_code == 200
    for _ in range(2 * PER_PAGINA):
        maak_plan()
    with django_assert_num_queries(len(klein)):
        assert c.get(url, params).status_code == 200
