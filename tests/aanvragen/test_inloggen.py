import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import InlogLink
from aanvragen.services import maak_inloglink
from tests.aanvragen.conftest import na_commit, pad_van_link
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory

pytestmark = pytest.mark.django_db
INLOGGEN = "/inloggen/"


def test_link_werkt_eenmaal(client):
    aanvraag = AanvraagFactory()
    pad = pad_van_link(maak_inloglink(gebruiker=aanvraag.aanvrager))
    # opening the link (or a mail scanner doing so) does not spend it
    assert client.get(pad).status_code == 200
    response = client.post(pad)
    assert response["Location"] == reverse("aanvragen:mijn-aanvraag")
    assert int(client.session["_auth_user_id"]) == aanvraag.aanvrager.pk
    # second use: refused, also in a fresh browser
    from django.test import Client

    ander = Client()
    response = ander.post(pad)
    assert response.status_code == 410
    assert "verlopen of al gebruikt" in response.content.decode()
    assert "_auth_user_id" not in ander.session


def test_verlopen_link(client, time_machine):
    aanvraag = AanvraagFactory()
    pad = pad_van_link(maak_inloglink(gebruiker=aanvraag.aanvrager))
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=24, seconds=1))
    assert client.post(pad).status_code == 410
    assert "_auth_user_id" not in client.session


def test_geldigheid_instelbaar(client, settings):
    settings.TFVV_INLOGLINK_UREN = 2
    gebruiker = InwonerFactory()
    maak_inloglink(gebruiker=gebruiker)
    link = InlogLink.objects.get()
    assert datetime.timedelta(hours=1, minutes=59) < link.verloopt_op - link.aangemaakt_op \
        <= datetime.timedelta(hours=2)


@pytest.mark.parametrize("token", ["x", "a" * 43, "../../admin", "%00"])
def test_verzonnen_token(client, token):
    assert client.post(f"/inloggen/{token}/").status_code in (404, 410)
    assert "_auth_user_id" not in client.session


def test_alleen_hash_opgeslagen():
    gebruiker = InwonerFactory()
    pad = pad_van_link(maak_inloglink(gebruiker=gebruiker))
    token = pad.strip("/").split("/")[-1]
    assert not InlogLink.objects.filter(token_hash=token).exists()


def test_link_aanvragen_zelfde_antwoord(client, mailbox):
    aanvraag = AanvraagFactory(email="bekend@voorbeeld.nl",
                               aanvrager=InwonerFactory(email="bekend@voorbeeld.nl"))
    with na_commit():
        bekend = client.post(INLOGGEN, {"email": "Bekend@Voorbeeld.nl"})
    with na_commit():
        onbekend = client.post(INLOGGEN, {"email": "onbekend@voorbeeld.nl"})
    assert bekend.status_code == onbekend.status_code == 302
    assert bekend["Location"] == onbekend["Location"]
    pagina_bekend = client.get(bekend["Location"]).content
    assert pagina_bekend == client.get(onbekend["Location"]).content
    assert len(mailbox) == 1 and mailbox[0].to == ["bekend@voorbeeld.nl"]
    pad = pad_van_link(mailbox[0].body)
    client.post(pad)
    assert int(client.session["_auth_user_id"]) == aanvraag.aanvrager.pk


def test_geen_link_voor_medewerker(client, medewerkers, mailbox):
    with na_commit():
        client.post(INLOGGEN, {"email": medewerkers["beoordelaar"].email})
    assert not mailbox


def test_ongeldig_emailadres_bij_link_aanvragen(client):
    response = client.post(INLOGGEN, {"email": "geen-adres"})
    assert response.status_code == 200
    assert "geldig e-mailadres" in response.content.decode()


def test_limiet_per_adres_stil(client, settings, mailbox):
    settings.TFVV_LIMIET_INLOGLINK_EMAIL = (2, 3600)
    AanvraagFactory(aanvrager=InwonerFactory(email="a@voorbeeld.nl"))
    for _ in range(4):
        with na_commit():
            response = client.post(INLOGGEN, {"email": "a@voorbeeld.nl"})
        assert response.status_code == 302  # same answer, but no more mail
    assert len(mailbox) == 2


def test_limiet_per_ip(client, settings):
    settings.TFVV_LIMIET_INLOGLINK_IP = (3, 3600)
    for i in range(3):
        assert client.post(INLOGGEN, {"email": f"x{i}@voorbeeld.nl"}).status_code == 302
    response = client.post(INLOGGEN, {"email": "x9@voorbeeld.nl"})
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()


def test_mijn_aanvraag_anoniem_naar_inlogpagina(client):
    response = client.get(reverse("aanvragen:mijn-aanvraag"))
    assert response.status_code == 302
    assert response["Location"].startswith(INLOGGEN)
