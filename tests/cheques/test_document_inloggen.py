"""A resident who opens a beschikking/cheque link while logged out goes to the resident
login page with `next` kept, and the new login link brings them back to the document
(staff who land there go on to the staff login with `next`); staff pages keep sending
visitors to the staff login."""

import re
from decimal import Decimal
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from cheques import services
from tests.conftest import huidige_code
from tests.tfvv.test_inloggen import WACHTWOORD

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://[^/\s]+(/inloggen/[A-Za-z0-9_-]{20,}/\S*)")


@pytest.fixture
def beschikking(periode, maak_plan, medewerkers):
    b = services.toekennen(plan=maak_plan(), door=medewerkers["beoordelaar"],
                           bedrag=Decimal("1500.00"), motivering="Voldoet.")
    b.brief.save("beschikking.pdf", ContentFile(b"%PDF-1.4 beschikking"))
    b.cheque.pdf.save("cheque.pdf", ContentFile(b"%PDF-1.4 cheque"))
    return b


def documenten(beschikking) -> list[str]:
    return [reverse(naam, kwargs={"pk": beschikking.pk})
            for naam in ("cheques:beschikking-pdf", "cheques:cheque-pdf")]


def doel(response) -> tuple[str, str]:
    """(login page path, next) of a redirect to a login page."""
    assert response.status_code == 302
    locatie = urlsplit(response["Location"])
    return locatie.path, parse_qs(locatie.query).get("next", [""])[0]


def test_uitgelogde_inwoner_naar_de_inlogpagina_voor_inwoners(client, beschikking):
    for url in documenten(beschikking):
        assert doel(client.get(url)) == (reverse("aanvragen:inloggen"), url)


def test_medewerkerspaginas_blijven_naar_de_medewerkerslogin(client, beschikking):
    plan = reverse("cheques:plan", kwargs={"plan_id": beschikking.plan_id})
    for url in (reverse("cheques:financien"), reverse("cheques:beoordelen"), plan):
        assert doel(client.get(url)) == (reverse("tfvv:inloggen-medewerker"), url)


def test_medewerker_zonder_tweede_factor_naar_de_medewerkerslogin(beschikking, medewerkers):
    c = Client()
    c.force_login(medewerkers["beoordelaar"])  # password only, no TOTP step yet
    for url in documenten(beschikking):
        assert doel(c.get(url)) == (reverse("tfvv:inloggen-medewerker"), url)


def vraag_link_aan(client, login_url, email, django_capture_on_commit_callbacks) -> str:
    """Ask for a login link on `login_url` (the form posts to its own URL) -> link path."""
    cache.clear()
    mail.outbox.clear()
    assert client.get(login_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(login_url, {"email": email})
    assert r.status_code == 302 and r["Location"] == reverse("aanvragen:link-verstuurd")
    assert len(mail.outbox) == 1
    return LINK.search(mail.outbox[0].body).group(1)


def test_nieuwe_inloglink_leidt_terug_naar_het_document(client, beschikking,
                                                        django_capture_on_commit_callbacks):
    pdf = documenten(beschikking)[1]
    login_url = client.get(pdf)["Location"]
    link = vraag_link_aan(client, login_url, beschikking.plan.aanvraag.aanvrager.email,
                          django_capture_on_commit_callbacks)
    assert parse_qs(urlsplit(link).query) == {"next": [pdf]}
    assert client.get(link).status_code == 200  # the button page; its form posts to `link`
    r = client.post(link)
    assert r.status_code == 302 and r["Location"] == pdf
    r = client.get(pdf)
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("volgende", ["https://kwaadwillend.example/pdf",
                                      "//kwaadwillend.example/pdf", "javascript:alert(1)",
                                      "beschikkingen/1/", "/" + "x" * 600])
def test_vreemde_next_niet_in_de_link(client, beschikking, volgende,
                                      django_capture_on_commit_callbacks):
    login_url = reverse("aanvragen:inloggen") + "?" + urlencode({"next": volgende})
    link = vraag_link_aan(client, login_url, beschikking.plan.aanvraag.aanvrager.email,
                          django_capture_on_commit_callbacks)
    assert "next" not in link
    r = client.post(link)
    assert r["Location"] == reverse("aanvragen:mijn-aanvraag")


def test_vreemde_next_in_een_inloglink_genegeerd(beschikking):
    from aanvragen.services import maak_inloglink

    link = maak_inloglink(gebruiker=beschikking.plan.aanvraag.aanvrager)
    pad = LINK.search(link).group(1)
    r = Client().post(pad + "?next=https://kwaadwillend.example/")
    assert r.status_code == 302 and r["Location"] == reverse("aanvragen:mijn-aanvraag")


def test_andere_inwoner_na_inloggen_nog_steeds_404(beschikking):
    from tests.aanvragen.factories import InwonerFactory

    c = Client()
    c.force_login(InwonerFactory(), backend="aanvragen.auth.InlogLinkBackend")
    for url in documenten(beschikking):
        assert c.get(url).status_code == 404


def test_uitgelogde_medewerker_via_de_inwonerslogin_terug_naar_het_document(
        client, beschikking, medewerkers):
    pdf = documenten(beschikking)[0]
    login_url = client.get(pdf)["Location"]
    medewerkerslogin = reverse("tfvv:inloggen-medewerker") + "?next=" + pdf
    assert f'href="{medewerkerslogin}"' in client.get(login_url).content.decode()
    assert "Bent u medewerker?" not in client.get(reverse("aanvragen:inloggen")).content.decode()
    beoordelaar = medewerkers["beoordelaar"]
    r = client.post(medewerkerslogin, {"username": beoordelaar.username,
                                       "password": WACHTWOORD,
                                       "code": huidige_code(beoordelaar.totp_device)})
    assert r.status_code == 302 and r["Location"] == pdf
    assert client.get(pdf)["Content-Type"] == "application/pdf"


def test_verlopen_inloglink_houdt_het_document_vast(client, beschikking):
    pdf = documenten(beschikking)[1]
    link = reverse("aanvragen:inloglink", args=["x" * 43]) + "?" + urlencode({"next": pdf})
    r = client.post(link)
    assert r.status_code == 410
    assert f'action="{reverse("aanvragen:inloggen")}?next={pdf}"' in r.content.decode()
