import pytest
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
