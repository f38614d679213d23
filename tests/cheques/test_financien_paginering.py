"""The finance list pages in SQL: every cheque reachable, filters kept in the paging
links, the same number of queries at two data sizes."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cheques.models import Cheque
from cheques.views.gedeeld import PER_PAGINA

pytestmark = pytest.mark.django_db
URL = reverse("cheques:financien")


def paginalinks(inhoud: str) -> list[dict]:
    """The query parameters of the paging links."""
    return [parse_qs(urlsplit(html.unescape(href)).query)
            for href in re.findall(r'class="page-link" href="([^"]+)"', inhoud)]


def test_alle_cheques_bereikbaar_met_filter_in_de_links(client_als, maak_cheques):
    uitgegeven = maak_cheques(PER_PAGINA + 3)
    betaald = maak_cheques(2, Cheque.Status.BETAALD)
    c = client_als("financieel")
    eerste = c.get(URL)
    assert [ch.nummer for ch in eerste.context["pagina"]] == \
        [ch.nummer for ch in uitgegeven[:PER_PAGINA]]
    assert f"{PER_PAGINA + 5} cheques" in eerste.content.decode()
    assert paginalinks(eerste.content.decode()) == [{"pagina": ["2"]}]

    r = c.get(URL, {"status": "uitgegeven", "pagina": 2})
    inhoud = r.content.decode()
    assert [ch.nummer for ch in r.context["pagina"]] == [ch.nummer for ch in uitgegeven[-3:]]
    assert betaald[0].nummer not in inhoud
    assert "Pagina 2 van 2" in inhoud and f"{PER_PAGINA + 3} cheques" in inhoud
    assert paginalinks(inhoud) == [{"status": ["uitgegeven"], "pagina": ["1"]}]

    r = c.get(URL, {"status": "betaald"})
    assert [ch.nummer for ch in r.context["pagina"]] == [ch.nummer for ch in betaald]
    assert paginalinks(r.content.decode()) == []  # one page: no paging links


@pytest.mark.parametrize("invoer", [{"pagina": "abc"}, {"pagina": "-1"}, {"pagina": "999"},
                                    {"status": "onzin"}, {"status": "<script>", "pagina": "2"}])
def test_vreemde_invoer_geeft_een_pagina(client_als, maak_cheques, invoer):
    maak_cheques(PER_PAGINA + 1)
    r = client_als("financieel").get(URL, invoer)
    assert r.status_code == 200
    assert r.context["pagina"].number in (1, 2)
    assert "<script>" not in r.content.decode()


def test_queries_gelijk_bij_twee_groottes(client_als, maak_cheques, django_assert_num_queries):
    c = client_als("financieel")
    maak_cheques(3)
    with CaptureQueriesContext(connection) as klein:
        assert c.get(URL).status_code == 200
    maak_cheques(PER_PAGINA + 20)
    maak_cheques(5, Cheque.Status.VASTGESTELD)
    with django_assert_num_queries(len(klein)):
        r = c.get(URL)
    assert len(r.context["pagina"].object_list) == PER_PAGINA
    with django_assert_num_queries(len(klein)):
        assert c.get(URL, {"pagina": 2}).status_code == 200


@pytest.mark.parametrize("rol, status", [("financieel", 200), ("beoordelaar", 403),
                                         ("beheerder", 403), ("consulent_lwl", 403)])
def test_alleen_financieel(client_als, maak_cheques, rol, status):
    maak_cheques(1)
    assert client_als(rol).get(URL, {"pagina": 1}).status_code == status


def test_zoeken_op_nummer_opleider_en_naam(client_als, maak_cheques):
    cheques = maak_cheques(3)
    doel = cheques[1]
    aanvraag = doel.beschikking.plan.aanvraag
    aanvraag.voornaam, aanvraag.achternaam = "Gerrit", "Zoekbaar"
    aanvraag.save()
    c = client_als("financieel")
    for zoek in (doel.nummer, doel.nummer.lower(), doel.opleider.naam, "zoekbaar",
                 "Gerrit Zoekbaar", aanvraag.referentie):
        r = c.get(URL, {"zoek": zoek})
        assert [ch.nummer for ch in r.context["pagina"]] == [doel.nummer], zoek
    r = c.get(URL, {"zoek": "bestaat-niet"})
    assert "Geen cheques gevonden" in r.content.decode()
    from tfvv.models import Inzage

    assert Inzage.objects.filter(handeling="gezocht").exists()


def test_sorteren_en_onbekende_sortering(client_als, maak_cheques):
    cheques = maak_cheques(3)
    c = client_als("financieel")
    r = c.get(URL, {"sorteer": "-nummer"})
    assert [ch.nummer for ch in r.context["pagina"]] == [ch.nummer for ch in reversed(cheques)]
    r = c.get(URL, {"sorteer": "wachtwoord"})  # unknown: the default order, no error
    assert r.status_code == 200
    assert [ch.nummer for ch in r.context["pagina"]] == [ch.nummer for ch in cheques]


def test_zoeken_queries_gelijk_bij_twee_groottes(client_als, maak_cheques,
                                                 django_assert_num_queries):
    c = client_als("financieel")
    maak_cheques(3)
    zoek = {"zoek": "ROC", "sorteer": "-bedrag"}
    c.get(URL, zoek)
    with CaptureQueriesContext(connection) as klein:
        assert c.get(URL, zoek).status_code == 200
    maak_cheques(PER_PAGINA + 20)
    with django_assert_num_queries(len(klein)):
        r = c.get(URL, zoek)
    assert len(r.context["pagina"].object_list) == PER_PAGINA
