"""The public forms answer the same whatever the state of an address (issue 15, items 3-4):
what an address holds is told only to that address, by mail."""

import base64

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanvragen import views
from tests.aanvragen.conftest import geldige_invoer, na_commit
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tfvv.models import Outboxtaak

pytestmark = pytest.mark.django_db

BEKEND = "bekend@voorbeeld.nl"


def ontvangstpagina(**invoer) -> tuple:
    client = Client()
    with na_commit():
        antwoord = client.post("/aanmelden/", geldige_invoer(**invoer))
    cookie = antwoord.cookies[views.ONTVANGEN_COOKIE].value
    return antwoord.status_code, antwoord["Location"], client.get(antwoord["Location"]), cookie


def test_aanmelden_zelfde_antwoord_met_of_zonder_open_aanvraag(mailbox):
    nieuw = ontvangstpagina(email=BEKEND)
    dubbel = ontvangstpagina(email=BEKEND, scholingswens="Iets anders.")  # open aanvraag
    ander = ontvangstpagina(email="onbekend@voorbeeld.nl")
    assert nieuw[:2] == dubbel[:2] == ander[:2] == (302, reverse("aanvragen:ontvangen"))
    assert nieuw[2].content == dubbel[2].content == ander[2].content
    # the cookie too (its signed content; the signature carries the time)
    assert nieuw[3].split(":")[0] == dubbel[3].split(":")[0] == ander[3].split(":")[0]
    # each time one mail to the address typed; only the mail tells which case it was
    assert [m.to for m in mailbox] == [[BEKEND], [BEKEND], ["onbekend@voorbeeld.nl"]]
    assert "al een aanvraag" in mailbox[1].body


def test_cookie_bevat_geen_emailadres_of_referentie():
    *_, cookie = ontvangstpagina(email=BEKEND)
    inhoud = cookie.split(":")[0]
    gedecodeerd = base64.urlsafe_b64decode(inhoud + "=" * (-len(inhoud) % 4))
    assert b"bekend" not in gedecodeerd and b"@" not in gedecodeerd
    assert b"TF-" not in gedecodeerd
    assert "bekend" not in cookie and "TF-" not in cookie


def inloglink_vragen(client, email):
    with CaptureQueriesContext(connection) as queries:
        antwoord = client.post(reverse("aanvragen:inloggen"), {"email": email})
    return antwoord, [q["sql"].split(" ")[0] for q in queries.captured_queries]


def test_inloggen_zelfde_antwoord_en_zelfde_werk(client, mailbox):
    AanvraagFactory(email=BEKEND, aanvrager=InwonerFactory(email=BEKEND))
    bekend, queries_bekend = inloglink_vragen(client, BEKEND)
    onbekend, queries_onbekend = inloglink_vragen(client, "onbekend@voorbeeld.nl")
    assert bekend.status_code == onbekend.status_code == 302
    assert bekend["Location"] == onbekend["Location"]
    assert client.get(bekend["Location"]).content == client.get(onbekend["Location"]).content
    # the request does the same statements for both: the search happens in the worker
    assert queries_bekend == queries_onbekend
    assert list(Outboxtaak.objects.values_list("taak", flat=True)) == [
        "aanvragen.tasks.mail_inloglink_als_bekend"] * 2


def test_inloggen_de_worker_mailt_alleen_een_bekend_adres(client, mailbox):
    AanvraagFactory(email=BEKEND, aanvrager=InwonerFactory(email=BEKEND))
    for email in (BEKEND, "onbekend@voorbeeld.nl"):
        with na_commit():
            client.post(reverse("aanvragen:inloggen"), {"email": email})
    assert [m.to for m in mailbox] == [[BEKEND]]
