"""Every URL of the project against every role (tests/autorisatie.py holds the table).

A URL name without an entry fails `test_elke_url_staat_in_de_matrix`, naming what to add.
Pages that answer "ok" are also checked for the strict CSP house rule: no inline
<script> and no style="" attributes.
"""

import re
from functools import cached_property

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, converters, get_resolver, reverse

from tests.autorisatie import MATRIX, ROLLEN, UITKOMSTEN
from tests.conftest import log_in_als_medewerker

pytestmark = pytest.mark.django_db

LOGINPAGINAS = ("tfvv:inloggen-medewerker", "aanvragen:inloggen", "admin:login")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>",
                           re.IGNORECASE)
INLINE_STIJL = re.compile(r"\sstyle\s*=", re.IGNORECASE)


def url_namen(resolver=None, namespace: str = "", converters=None) -> dict[str, dict]:
    """All URL names of the project (namespaced) -> their path converters, except the
    admin's own pages (only `admin:index` is kept). Unnamed patterns get a key that says so."""
    resolver = resolver or get_resolver()
    converters = converters or {}
    namen: dict[str, dict] = {}
    for p in resolver.url_patterns:
        eigen = {**converters, **getattr(p.pattern, "converters", {})}
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            volledig = f"{namespace}:{ns}".strip(":") if ns else namespace
            if volledig.split(":")[0] == "admin":
                namen["admin:index"] = {}
                continue
            namen.update(url_namen(p, volledig, eigen))
        elif isinstance(p, URLPattern):
            naam = f"{namespace}:{p.name}" if namespace and p.name else p.name
            namen[naam or f"<zonder naam: {p.pattern}>"] = eigen
    return namen


def test_elke_url_staat_in_de_matrix():
    namen = url_namen()
    ontbreekt = sorted(set(namen) - set(MATRIX))
    assert not ontbreekt, (
        "Deze URL's staan niet in de autorisatiematrix. Voeg per naam een Regel toe aan "
        "MATRIX in tests/autorisatie.py (wie mag wat):\n  " + "\n  ".join(ontbreekt)
    )
    verouderd = sorted(set(MATRIX) - set(namen))
    assert not verouderd, f"Deze namen in tests/autorisatie.py bestaan niet meer: {verouderd}"


def test_matrix_is_volledig_en_geldig():
    for naam, regel in MATRIX.items():
        assert set(regel.verwacht) == set(ROLLEN), f"{naam}: geef een uitkomst voor elke rol"
        assert set(regel.verwacht.values()) <= UITKOMSTEN, f"{naam}: onbekende uitkomst"
        assert regel.methode in ("get", "post"), naam


class Objecten:
    """Records for URL kwargs, created on first use. `inwoner` is the resident role's
    user; `*_eigen` records belong to it, `*_ander` to another resident."""

    def __init__(self, inwoner):
        self.inwoner = inwoner

    @cached_property
    def aanvraag_eigen(self):
        from tests.aanvragen.factories import AanvraagFactory

        return AanvraagFactory(aanvrager=self.inwoner, loket="leerwerkloket")

    @cached_property
    def aanvraag_ander(self):
        from tests.aanvragen.factories import AanvraagFactory

        return AanvraagFactory(loket="leerwerkloket")

    @cached_property
    def aanvraag_lbs(self):
        from tests.aanvragen.factories import AanvraagFactory

        return AanvraagFactory(loket="loopbaanstation")


@pytest.fixture
def rolclients(medewerkers):
    from tests.aanvragen.factories import InwonerFactory

    inwoner = InwonerFactory()
    clients = {"anoniem": Client()}
    inwoner_client = Client()
    inwoner_client.force_login(inwoner, backend="aanvragen.auth.InlogLinkBackend")
    clients["inwoner"] = inwoner_client
    for rol in ROLLEN[2:]:
        clients[rol] = log_in_als_medewerker(Client(), medewerkers[rol])
    return clients, Objecten(inwoner)


def uitkomst(response) -> str:
    code = response.status_code
    if 200 <= code < 300:
        return "ok"
    if code in (301, 302, 303, 307, 308):
        locatie = response["Location"].split("?")[0]
        loginpaginas = {reverse(naam) for naam in LOGINPAGINAS}
        return "login" if locatie in loginpaginas else "redirect"
    return str(code)


@pytest.mark.parametrize("naam", sorted(MATRIX))
def test_autorisatie_per_rol(naam, rolclients):
    clients, objecten = rolclients
    regel = MATRIX[naam]
    kwargs = regel.kwargs(objecten) if callable(regel.kwargs) else regel.kwargs
    url = reverse(naam, kwargs=kwargs)
    afwijkingen = []
    for rol in ROLLEN:
        client = clients[rol]
        response = getattr(client, regel.methode)(url, regel.data)
        kreeg, verwacht = uitkomst(response), regel.verwacht[rol]
        if kreeg != verwacht:
            afwijkingen.append(f"{rol}: verwacht {verwacht}, kreeg {kreeg} "
                               f"({response.status_code} {response.get('Location', '')})")
        elif kreeg == "ok" and "text/html" in response.get("Content-Type", "") \
                and not naam.startswith("admin:"):
            html = response.content.decode()
            assert not INLINE_SCRIPT.search(html), f"{naam} ({rol}): inline <script>"
            assert not INLINE_STIJL.search(html), f"{naam} ({rol}): style=\"\" attribuut"
    assert not afwijkingen, f"{naam} ({regel.methode.upper()} {url}):\n  " + "\n  ".join(
        afwijkingen)



def test_geraden_ids_geven_geen_toegang(rolclients):
    """Every URL with a numeric id: a guessed id that does not exist is never shown and
    never a 500, for any role. (Other people's real records: the kwargs in MATRIX.)"""
    clients, _ = rolclients
    geraden = 2_000_000_000
    for naam, conv in url_namen().items():
        if not conv or not all(isinstance(c, converters.IntConverter) for c in conv.values()):
            continue
        url = reverse(naam, kwargs=dict.fromkeys(conv, geraden))
        regel = MATRIX[naam]
        for rol in ROLLEN:
            response = getattr(clients[rol], regel.methode)(url, regel.data)
            assert uitkomst(response) != "ok" and response.status_code < 500, f"{naam} {rol}"
