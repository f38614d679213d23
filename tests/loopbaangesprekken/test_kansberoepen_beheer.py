"""Kansberoepenlijsten as dated versions with four-eyes; no duplicates by case or spaces."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from loopbaangesprekken.models import Kansberoep, Kansberoepenlijst, Sector
from loopbaangesprekken.selectors.scholingsplan import kansberoepenlijst_op
from loopbaangesprekken.services import referentie
from tests.conftest import huidige_code
from tfvv import vierogen
from tfvv.roles import Organisatie, Rol

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


@pytest.fixture
def sectoren(db):
    Sector.objects.create(naam="Techniek")
    Sector.objects.create(naam="Zorg")


def test_dubbele_beroepen_op_hoofdletters_en_spaties_geweigerd(sectoren):
    with pytest.raises(ValidationError, match="staat al op de lijst"):
        referentie.lees_beroepen("Monteur; Techniek\n  monteur ; techniek\n")
    assert referentie.lees_beroepen("Verpleeg  kundige; zorg") == [
        ("Verpleeg kundige", Sector.objects.get(naam="Zorg").pk)]


def test_database_weigert_dubbel_beroep(sectoren):
    lijst = Kansberoepenlijst.objects.create(naam="L", gepubliceerd_op=VANDAAG,
                                             geldig_van=VANDAAG, geldig_tot=VANDAAG)
    sector = Sector.objects.first()
    Kansberoep.objects.create(lijst=lijst, naam="Monteur", sector=sector)
    with pytest.raises(IntegrityError):
        Kansberoep.objects.create(lijst=lijst, naam=" MONTEUR ", sector=sector)


def test_nieuwe_lijst_na_goedkeuring(sectoren, medewerkers, maak_gebruiker, client_als):
    a = medewerkers["beheerder"]
    b = maak_gebruiker(Rol.BEHEERDER, Organisatie.PROJECTBUREAU, username="beheerder-b")
    van = VANDAAG + datetime.timedelta(days=5)
    r = client_als("beheerder").post(reverse("referentiebeheer:kansberoepenlijst-nieuw"), {
        "naam": "UWV 2027", "gepubliceerd_op": VANDAAG.isoformat(), "geldig_van": van.isoformat(),
        "geldig_tot": (van + datetime.timedelta(days=365)).isoformat(),
        "beroepen": "Monteur; Techniek\nVerpleegkundige; Zorg",
        "code": huidige_code(a.totp_device)})
    assert r.status_code == 302
    assert kansberoepenlijst_op(van) is None
    verzoek = vierogen.open_verzoek(referentie.SOORT_KANSBEROEPEN, "kansberoepenlijst")
    vierogen.keur_goed(verzoek=verzoek, actor=b, code=huidige_code(b.totp_device))
    lijst = kansberoepenlijst_op(van)
    assert lijst.naam == "UWV 2027" and lijst.beroepen.count() == 2
