import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aanvragen import views
from aanvragen.models import Aanvraag, Postcodecontrole, StandaardLoket
from tests.aanvragen.conftest import geldige_invoer, na_commit, pad_van_link
from tfvv.models import Gebeurtenis, Gebruiker, Gemeente
from tfvv.roles import Rol

pytestmark = pytest.mark.django_db
URL = "/aanmelden/"


def aanmelden(client, **anders):
    with na_commit():
        return client.post(URL, geldige_invoer(**anders))


def fout_bij(response, veld) -> str:
    assert response.status_code == 200, response.status_code
    fouten = response.context["form"].errors
    assert veld in fouten, fouten
    return " ".join(fouten[veld])


def test_formulier_zonder_inloggen(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aanmelden bij het Twents Fonds" in html
    assert "BSN" not in html and "burgerservicenummer" not in html.replace(
        "geen DigiD of burgerservicenummer nodig", "")


def test_geslaagde_aanmelding(client, mailbox):
    response = aanmelden(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("aanvragen:ontvangen")
    aanvraag = Aanvraag.objects.get()
    jaar = timezone.localdate().year
    assert aanvraag.referentie == f"TF-{jaar}-000001"
    assert aanvraag.status == Aanvraag.Status.AANGEMELD
    assert aanvraag.postcode == "7511AB"
    assert aanvraag.telefoon == "0612345678"
    assert aanvraag.gemeente.naam == "Enschede"
    assert aanvraag.postcodecontrole == Postcodecontrole.NIET_NODIG
    assert aanvraag.aanvraagdatum == timezone.localdate()
    assert aanvraag.privacy_akkoord_op is not None
    # the resident's account: group inwoner, no usable password
    inwoner = aanvraag.aanvrager
    assert inwoner.rollen == {Rol.INWONER}
    assert not inwoner.has_usable_password()
    assert inwoner.email == "inge.devries@voorbeeld.nl"
    # the event with resident-facing wording
    gebeurtenis = Gebeurtenis.objects.get(dossier_id=aanvraag.pk)
    assert gebeurtenis.actie == "aangemeld" and gebeurtenis.tekst_inwoner
    # the confirmation page: the loket, never the address or the reference (see
    # test_uniform.py: the same page whether or not the address had an open aanvraag)
    bevestiging = client.get(response["Location"]).content.decode()
    assert "Leerwerkloket" in bevestiging and aanvraag.referentie not in bevestiging
    assert "inge.devries" not in bevestiging
    # Awb 4:3a confirmation e-mail with a personal link
    assert len(mailbox) == 1
    bericht = mailbox[0]
    assert bericht.to == ["inge.devries@voorbeeld.nl"]
    assert aanvraag.referentie in bericht.subject
    assert "4:3a" in bericht.body
    assert pad_van_link(bericht.body).startswith("/inloggen/")


def test_tweede_aanmelding_krijgt_volgend_nummer(client):
    aanmelden(client)
    aanmelden(client, email="ander@voorbeeld.nl")
    assert [a.referentie[-6:] for a in Aanvraag.objects.order_by("pk")] == ["000001", "000002"]


def test_bevestigingspagina_zonder_aanmelding_terug_naar_formulier(client):
    assert client.get(reverse("aanvragen:ontvangen"))["Location"] == URL


def test_bevestiging_uit_ondertekende_cookie_zonder_sessie(client):
    """The confirmation page reads a short-lived signed cookie, limited to its own path: an
    anonymous resident gets no database session, and a forged cookie shows nothing."""
    from django.contrib.sessions.models import Session

    antwoord = aanmelden(client)
    cookie = antwoord.cookies[views.ONTVANGEN_COOKIE]
    assert cookie["path"] == reverse("aanvragen:ontvangen") and cookie["httponly"]
    assert cookie["max-age"] == views.ONTVANGEN_SECONDEN
    assert not Session.objects.exists()
    assert "Wat gebeurt er nu?" in client.get(reverse("aanvragen:ontvangen")).content.decode()

    client.cookies[views.ONTVANGEN_COOKIE] = cookie.value[:-2] + "xx"
    assert client.get(reverse("aanvragen:ontvangen"))["Location"] == URL


def test_bevestiging_verloopt_na_een_uur(client, time_machine):
    time_machine.move_to("2026-03-02 10:00", tick=False)
    aanmelden(client)
    time_machine.move_to("2026-03-02 11:01", tick=False)
    assert client.get(reverse("aanvragen:ontvangen"))["Location"] == URL


# --- validation: every branch, input kept -------------------------------------------------


@pytest.mark.parametrize("postcode,gemeente,controle", [
    ("7511AB", "Enschede", Postcodecontrole.NIET_NODIG),
    ("7511 ab", "Enschede", Postcodecontrole.NIET_NODIG),
    (" 7448 xy ", "Hellendoorn", Postcodecontrole.NIET_NODIG),  # Haarle (Hellendoorn)
    ("7668AA", "Tubbergen", Postcodecontrole.NIET_NODIG),  # Haarle (Tubbergen)
    ("7562AB", "Oldenzaal", Postcodecontrole.NIET_NODIG),  # Deurningen, per CBS
    ("7693AA", "Twenterand", Postcodecontrole.TE_CONTROLEREN),  # Sibculo: border
    ("7694AB", "Twenterand", Postcodecontrole.TE_CONTROLEREN),  # Kloosterhaar: border
])
def test_postcodes_in_twente(client, postcode, gemeente, controle):
    assert aanmelden(client, postcode=postcode).status_code == 302
    aanvraag = Aanvraag.objects.get()
    assert (aanvraag.gemeente.naam, aanvraag.postcodecontrole) == (gemeente, controle)


@pytest.mark.parametrize("postcode", [
    "7411AA", "7437AB",  # Deventer, Bathmen
    "7685AA",  # Beerzerveld
    "7691AA", "7696AA",  # Hardenberg
    "8101AA", "8112AA",  # Raalte
    "7151AA", "7165AA",  # Berkelland
    "7255AA",  # Hengelo (Gelderland)
    "7274AA",  # Geesteren (Gelderland)
    "1012AB",  # Amsterdam
])
def test_postcode_buiten_twente(client, postcode):
    fout = fout_bij(aanmelden(client, postcode=postcode), "postcode")
    assert "inwoners van de 14 Twentse gemeenten" in fout
    assert "Leerwerkloket in uw eigen regio" in fout
    assert not Aanvraag.objects.exists()


@pytest.mark.parametrize("postcode", ["7500AA", "7550AB", "7440AA"])
def test_postbuspostcode(client, postcode):
    assert "geen woonadres" in fout_bij(aanmelden(client, postcode=postcode), "postcode")


@pytest.mark.parametrize("postcode", ["75111AB", "0511AB", "7511", "AB7511", "7511A", "7511SS",
                                      "7511-AB", "７５１１AB"])
def test_postcode_vorm(client, postcode):
    assert "vier cijfers en twee letters" in fout_bij(aanmelden(client, postcode=postcode),
                                                       "postcode")


def test_fout_houdt_invoer_vast(client):
    response = aanmelden(client, postcode="7411AA")
    html = response.content.decode()
    assert 'value="Inge"' in html and 'value="de Vries"' in html
    assert "Ik wil elektromonteur worden." in html
    assert 'value="7411AA"' in html
    assert "Er ging iets mis" in html  # error summary with links to the fields
    assert 'href="#id_postcode"' in html


def test_onder_18_op_de_dag_van_aanvraag(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 5, 10, 12, tzinfo=datetime.UTC))
    fout = fout_bij(aanmelden(client, geboortedatum="11-05-2008"), "geboortedatum")
    assert "18 jaar en ouder" in fout


def test_precies_18_op_de_dag_van_aanvraag(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 5, 10, 12, tzinfo=datetime.UTC))
    assert aanmelden(client, geboortedatum="10-05-2008").status_code == 302


@pytest.mark.parametrize("datum", ["1985-03-15", "15/03/1985", "15.03.1985", "15 03 1985"])
def test_datumnotaties(client, datum):
    assert aanmelden(client, geboortedatum=datum).status_code == 302
    assert Aanvraag.objects.get().geboortedatum == datetime.date(1985, 3, 15)


@pytest.mark.parametrize("datum,tekst", [
    ("31-02-1985", "dag-maand-jaar"), ("gisteren", "dag-maand-jaar"),
    ("01-01-1850", "Controleer"), ("01-01-2999", "Controleer"), ("", "Vul uw geboortedatum"),
])
def test_ongeldige_geboortedatum(client, datum, tekst):
    assert tekst in fout_bij(aanmelden(client, geboortedatum=datum), "geboortedatum")


@pytest.mark.parametrize("email", ["inge", "inge@", "@voorbeeld.nl", "inge@@voorbeeld.nl",
                                   "inge voorbeeld.nl", ""])
def test_ongeldig_emailadres(client, email):
    assert "e-mailadres" in fout_bij(aanmelden(client, email=email), "email")


def test_emailadres_kleine_letters(client):
    aanmelden(client, email=" Inge.DeVries@Voorbeeld.NL ")
    assert Aanvraag.objects.get().email == "inge.devries@voorbeeld.nl"


@pytest.mark.parametrize("telefoon,opgeslagen", [
    ("0612345678", "0612345678"), ("06-12345678", "0612345678"),
    ("+31 6 1234 5678", "0612345678"), ("0031612345678", "0612345678"),
    ("(053) 123 45 67", "0531234567"), ("+49 171 1234567", "+491711234567"),
])
def test_geldige_telefoonnummers(client, telefoon, opgeslagen):
    assert aanmelden(client, telefoon=telefoon).status_code == 302
    assert Aanvraag.objects.get().telefoon == opgeslagen


@pytest.mark.parametrize("telefoon", ["12345", "061234567", "06123456789", "0012", "abc",
                                      "+31 0612345678"])
def test_ongeldige_telefoonnummers(client, telefoon):
    assert "10 cijfers" in fout_bij(aanmelden(client, telefoon=telefoon), "telefoon")


@pytest.mark.parametrize("veld,waarde,tekst", [
    ("huisnummer", "12a", "alleen het nummer"),
    ("huisnummer", "0", "vanaf 1"),
    ("toevoeging", "<b>", "letters en cijfers"),
    ("opleidingsniveau", "promotie", "geldige keuze"),
    ("arbeidssituatie", "", "wat het best bij u past"),
    ("voorkeur_loket", "loket-x", "geldige keuze"),
    ("bron", "", "hoe u van het fonds"),
    ("scholingswens", "   ", "wat u wilt leren"),
    ("voornaam", "", "voornaam"),
    ("privacy_akkoord", None, "privacyverklaring"),
])
def test_overige_velden(client, veld, waarde, tekst):
    fout = fout_bij(aanmelden(client, **{veld: waarde}), veld)
    assert tekst.lower() in fout.lower()
    assert not Aanvraag.objects.exists()


def test_geen_bsn_in_het_model():
    namen = {f.name.lower() for f in Aanvraag._meta.get_fields()}
    assert not {n for n in namen if "bsn" in n or "burgerservice" in n}


# --- queue of the loket ---------------------------------------------------------------------


def test_gekozen_loket(client):
    aanmelden(client, voorkeur_loket="loopbaanstation")
    assert Aanvraag.objects.get().loket == "loopbaanstation"


@pytest.mark.parametrize("postcode,loket", [("7511AB", "leerwerkloket"),
                                            ("7607AB", "loopbaanstation")])
def test_standaardloket_per_gemeente(client, postcode, loket):
    aanmelden(client, postcode=postcode, voorkeur_loket="geen")
    assert Aanvraag.objects.get().loket == loket


def test_standaardloket_is_data(client):
    StandaardLoket.objects.filter(gemeente__naam="Enschede").update(loket="loopbaanstation")
    aanmelden(client)
    assert Aanvraag.objects.get().loket == "loopbaanstation"
    StandaardLoket.objects.filter(gemeente__naam="Enschede").delete()
    aanmelden(client, email="b@voorbeeld.nl")
    assert Aanvraag.objects.get(email="b@voorbeeld.nl").loket == StandaardLoket.STANDAARD_LOKET


def test_alle_gemeenten_hebben_een_standaardloket():
    assert StandaardLoket.objects.count() == Gemeente.objects.count() == 14


# --- anti-abuse -------------------------------------------------------------------------------


def test_honeypot_slaat_niets_op(client, mailbox):
    response = aanmelden(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Aanvraag.objects.exists() and not mailbox
    assert "Bedankt" in client.get(response["Location"]).content.decode()


def test_dubbele_aanmelding_maakt_niets_nieuws(client, mailbox):
    aanmelden(client)
    mailbox.clear()
    response = aanmelden(client, telefoon="0687654321", scholingswens="Iets anders.")
    # the browser gets the usual receipt; only the mail tells the address's owner
    assert response["Location"] == reverse("aanvragen:ontvangen")
    assert Aanvraag.objects.count() == 1
    assert Gebruiker.objects.filter(groups__name=Rol.INWONER).count() == 1
    assert len(mailbox) == 1 and "al een aanvraag" in mailbox[0].body
    assert pad_van_link(mailbox[0].body)
    assert Gebeurtenis.objects.filter(actie="dubbele_aanmelding").count() == 1
    assert "Wij hebben uw aanmelding ontvangen" in client.get(
        response["Location"]).content.decode()


def test_zelfde_formulier_nog_eens_geeft_dezelfde_ontvangstbevestiging(client, mailbox,
                                                                       time_machine):
    """A double click or a retry: the receipt of the first, and no second mail."""
    eerste = aanmelden(client)
    tweede = aanmelden(client)
    assert tweede["Location"] == eerste["Location"] == reverse("aanvragen:ontvangen")
    assert Aanvraag.objects.count() == 1 and len(mailbox) == 1
    assert not Gebeurtenis.objects.filter(actie="dubbele_aanmelding").exists()
    # ten minutes later the same form is a new aanmelding of someone already registered
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=11))
    assert aanmelden(client)["Location"] == reverse("aanvragen:ontvangen")
    assert Aanvraag.objects.count() == 1 and len(mailbox) == 2
    assert "al een aanvraag" in mailbox[1].body


def test_dubbel_met_andere_hoofdletters(client):
    aanmelden(client)
    aanmelden(client, email="INGE.DEVRIES@voorbeeld.nl")
    assert Aanvraag.objects.count() == 1


def test_zelfde_email_andere_geboortedatum_is_andere_persoon(client, mailbox):
    """Two people sharing one address (a couple): two aanvragen, each in an account of its
    own until the link in its confirmation mail is used (test_accountovername.py)."""
    aanmelden(client)
    aanmelden(client, voornaam="Piet", geboortedatum="01-01-1980")
    assert Aanvraag.objects.count() == 2
    assert Aanvraag.objects.values("aanvrager").distinct().count() == 2
    assert [m.to for m in mailbox] == [["inge.devries@voorbeeld.nl"]] * 2


def test_na_afsluiting_mag_opnieuw(client):
    from aanvragen.services import trek_in

    aanmelden(client)
    aanvraag = Aanvraag.objects.get()
    trek_in(aanvraag=aanvraag, actor=aanvraag.aanvrager)
    assert aanmelden(client)["Location"] == reverse("aanvragen:ontvangen")
    assert Aanvraag.objects.count() == 2


def test_limiet_per_emailadres(client, settings):
    settings.TFVV_LIMIET_AANMELDEN_EMAIL = (2, 3600)
    for _ in range(2):
        aanmelden(client)
    response = aanmelden(client)
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert 'value="Inge"' in response.content.decode()
    assert aanmelden(client, email="ander@voorbeeld.nl").status_code == 302


def test_limiet_per_ip(client, settings):
    settings.TFVV_LIMIET_AANMELDEN_IP = (2, 3600)
    for i in range(2):
        assert aanmelden(client, email=f"p{i}@voorbeeld.nl").status_code == 302
    assert aanmelden(client, email="p3@voorbeeld.nl").status_code == 429
    assert Aanvraag.objects.count() == 2
    ander = client.__class__(REMOTE_ADDR="192.0.2.99")
    assert aanmelden(ander, email="p4@voorbeeld.nl").status_code == 302


def test_ongeldige_invoer_telt_niet_mee_voor_limiet(client, settings):
    settings.TFVV_LIMIET_AANMELDEN_IP = (1, 3600)
    for _ in range(5):
        aanmelden(client, postcode="0000")
    assert aanmelden(client).status_code == 302


# --- query count ------------------------------------------------------------------------------


@pytest.mark.parametrize("bestaande", [0, 30])
def test_aantal_queries_constant(client, bestaande, django_assert_max_num_queries):
    from tests.aanvragen.factories import AanvraagFactory

    AanvraagFactory.create_batch(bestaande)
    with na_commit(), django_assert_max_num_queries(21):  # incl. the outbox row of the mail
        assert client.post(URL, geldige_invoer()).status_code == 302
    with na_commit(), django_assert_max_num_queries(16):
        assert client.post(URL, geldige_invoer()).status_code == 302  # the duplicate path
