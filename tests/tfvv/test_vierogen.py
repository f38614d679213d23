"""Four-eyes (tfvv.vierogen): another person decides, a fresh code per step, events."""

import time

import pytest
from django.db import IntegrityError
from django_otp.oath import totp

from tests.conftest import huidige_code
from tfvv import gebruikersbeheer, vierogen
from tfvv.models import Gebeurtenis, Goedkeuringsverzoek
from tfvv.roles import Organisatie, Rol

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerders(maak_gebruiker):
    return (maak_gebruiker(Rol.BEHEERDER, Organisatie.PROJECTBUREAU, username="beheerder-a"),
            maak_gebruiker(Rol.BEHEERDER, Organisatie.PROJECTBUREAU, username="beheerder-b"))


@pytest.fixture
def consulent(maak_gebruiker):
    return maak_gebruiker(Rol.CONSULENT, Organisatie.LEERWERKLOKET, username="consulent-x")


def code(user):
    return huidige_code(user.totp_device)


def vraag_beoordelaar_aan(aanvrager, doel):
    return gebruikersbeheer.vraag_rollen_aan(actor=aanvrager, code=code(aanvrager), gebruiker=doel,
                                             rollen=[Rol.BEOORDELAAR], toelichting="test")


def test_rolwijziging_geldt_pas_na_goedkeuring_door_tweede_beheerder(beheerders, consulent):
    a, b = beheerders
    verzoek = vraag_beoordelaar_aan(a, consulent)
    consulent.refresh_from_db()
    assert gebruikersbeheer.rollen_van(consulent) == [Rol.CONSULENT]
    vierogen.keur_goed(verzoek=verzoek, actor=b, code=code(b))
    assert gebruikersbeheer.rollen_van(consulent) == [Rol.BEOORDELAAR]
    acties = set(Gebeurtenis.objects.values_list("actie", flat=True))
    assert {"vierogen_aangevraagd", "vierogen_goedgekeurd", "rollen_gewijzigd"} <= acties


def test_eigen_verzoek_goedkeuren_geweigerd(beheerders, consulent):
    a, _b = beheerders
    verzoek = vraag_beoordelaar_aan(a, consulent)
    with pytest.raises(vierogen.VierOgenFout, match="collega"):
        vierogen.keur_goed(verzoek=verzoek, actor=a, code=code(a))
    assert Goedkeuringsverzoek.objects.get().is_open
    assert gebruikersbeheer.rollen_van(consulent) == [Rol.CONSULENT]


def test_database_weigert_zelfde_persoon(beheerders, consulent):
    a, _b = beheerders
    verzoek = vraag_beoordelaar_aan(a, consulent)
    verzoek.uitkomst, verzoek.besloten_door = "goedgekeurd", a
    verzoek.besloten_op = verzoek.aangevraagd_op
    with pytest.raises(IntegrityError):
        verzoek.save()


def test_niemand_geeft_zichzelf_rollen(beheerders):
    a, b = beheerders
    with pytest.raises(vierogen.VierOgenFout, match="uzelf"):
        gebruikersbeheer.vraag_rollen_aan(actor=a, code=code(a), gebruiker=a,
                                          rollen=[Rol.BEHEERDER, Rol.BEOORDELAAR])
    # nor approves a change about themself that a colleague asked
    verzoek = gebruikersbeheer.vraag_rollen_aan(actor=b, code=code(b), gebruiker=a,
                                                rollen=[Rol.BEHEERDER, Rol.BEOORDELAAR])
    with pytest.raises(vierogen.VierOgenFout, match="uzelf"):
        vierogen.keur_goed(verzoek=verzoek, actor=a, code=code(a))


def test_verkeerde_code_geweigerd(beheerders, consulent):
    a, _b = beheerders
    with pytest.raises(vierogen.VierOgenFout) as fout:
        gebruikersbeheer.vraag_rollen_aan(actor=a, code="000000", gebruiker=consulent,
                                          rollen=[Rol.BEOORDELAAR])
    assert fout.value.veld == "code"
    assert not Goedkeuringsverzoek.objects.exists()


def test_oude_code_geweigerd(beheerders, consulent):
    a, _b = beheerders
    d = a.totp_device
    oud = f"{totp(d.bin_key, step=d.step, t0=d.t0, digits=d.digits, drift=-4):06d}"
    with pytest.raises(vierogen.VierOgenFout):
        gebruikersbeheer.vraag_rollen_aan(actor=a, code=oud, gebruiker=consulent,
                                          rollen=[Rol.BEOORDELAAR])


def test_al_gebruikte_code_geweigerd(beheerders, consulent):
    """The code of the login or of the previous step does not count for this step."""
    a, b = beheerders
    gebruikt = code(a)
    vierogen.controleer_verse_code(a, gebruikt)  # e.g. at login, seconds ago
    with pytest.raises(vierogen.VierOgenFout):
        gebruikersbeheer.vraag_rollen_aan(actor=a, code=gebruikt, gebruiker=consulent,
                                          rollen=[Rol.BEOORDELAAR])


def test_beheerder_maakt_niet_alleen_een_tweede_beoordelaar(beheerders):
    a, b = beheerders
    nieuw, wachtwoord = gebruikersbeheer.maak_medewerker(
        actor=a, code=code(a), username="beoordelaar-nieuw", voornaam="Nina", achternaam="Nieuw",
        email="nina@example.org", organisatie=Organisatie.GEMEENTE_ENSCHEDE,
        rollen=[Rol.BEOORDELAAR])
    assert len(wachtwoord) >= 12 and nieuw.check_password(wachtwoord)
    assert not nieuw.is_medewerker  # no role until a second beheerder approves
    assert not nieuw.is_superuser and not nieuw.is_staff
    verzoek = Goedkeuringsverzoek.objects.get(soort="rollen")
    vierogen.keur_goed(verzoek=verzoek, actor=b, code=code(b))
    nieuw = type(nieuw).objects.get(pk=nieuw.pk)
    assert nieuw.heeft_rol(Rol.BEOORDELAAR)


def test_een_open_verzoek_per_onderwerp_en_afwijzen_met_reden(beheerders, consulent):
    a, b = beheerders
    verzoek = vraag_beoordelaar_aan(a, consulent)
    time.sleep(0)  # the next code is another time step (huidige_code handles it)
    with pytest.raises(vierogen.VierOgenFout, match="al een verzoek open"):
        vraag_beoordelaar_aan(b, consulent)
    with pytest.raises(vierogen.VierOgenFout):
        vierogen.wijs_af(verzoek=verzoek, actor=b, code=code(b), reden=" ")
    vierogen.wijs_af(verzoek=verzoek, actor=b, code=code(b), reden="Geen tweede beoordelaar nodig")
    verzoek.refresh_from_db()
    assert verzoek.uitkomst == "afgewezen" and verzoek.besloten_door == b
    assert gebruikersbeheer.rollen_van(consulent) == [Rol.CONSULENT]


def test_nieuwe_tweede_factor_door_tweede_beheerder(beheerders, consulent):
    a, b = beheerders
    oude_sleutel = consulent.totp_device.key
    verzoek = gebruikersbeheer.vraag_nieuwe_tweede_factor_aan(
        actor=a, code=code(a), gebruiker=consulent, toelichting="telefoon kwijt")
    assert consulent.totpdevice_set.get().key == oude_sleutel
    vierogen.keur_goed(verzoek=verzoek, actor=b, code=code(b))
    assert consulent.totpdevice_set.get().key != oude_sleutel
