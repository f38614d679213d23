"""Regelingen as versions: in force is frozen, a change is a new approved version."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from loopbaangesprekken.selectors.scholingsplan import regeling_op
from tests.conftest import huidige_code
from tfvv import regelingen, vierogen
from tfvv.models import Regeling
from tfvv.roles import Organisatie, Rol

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()
MORGEN = VANDAAG + datetime.timedelta(days=10)


def gegevens(**anders):
    return {"naam": "Regeling 2027", "geldig_van": MORGEN,
            "geldig_tot": MORGEN + datetime.timedelta(days=365), "minimumleeftijd": 18,
            "cofinanciering_aandeel": Decimal("0.400"), "maximum_per_jaar": Decimal("3000.00"),
            "niveauregel": "2023", "grondslag": "Verordening", "medeondertekening_vanaf":
            Decimal("2000.00"), **anders}


def formdata(**anders):
    data = {k: (v.isoformat() if isinstance(v, datetime.date) else str(v).replace(".", ","))
            for k, v in gegevens(**anders).items()}
    return {**data, "toelichting": "nieuw jaar"}


def test_versie_in_gebruik_niet_te_wijzigen(medewerkers, client_als):
    from tests.cheques.factories import ScholingsplanFactory

    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"])
    regeling = plan.regeling
    assert regeling.is_in_gebruik()
    regeling.maximum_per_jaar = Decimal("100")
    with pytest.raises(ValidationError, match="niet meer worden gewijzigd"):
        regeling.save()
    # not in the admin either (no change permission for the beheerder at all)
    r = client_als("beheerder").post(
        reverse("admin:tfvv_regeling_change", args=[regeling.pk]), {"naam": "x"})
    assert r.status_code == 403


@pytest.mark.parametrize(("veld", "waarde", "melding"), [
    ("cofinanciering_aandeel", "1,5", "aandeel van 0 tot 1"),
    ("maximum_per_jaar", "-100", "meer dan € 0"),
    ("medeondertekening_vanaf", "-1", "niet negatief"),
    ("minimumleeftijd", "0", "minstens 16"),
    ("geldig_tot", (MORGEN - datetime.timedelta(days=30)).isoformat(), "na de begindatum"),
    ("geldig_van", VANDAAG.isoformat(), "op zijn vroegst morgen"),
])
def test_onzinnige_waarden_geweigerd_met_nederlandse_melding(client_als, medewerkers, veld,
                                                            waarde, melding):
    data = {**formdata(), veld: waarde, "code": huidige_code(medewerkers["beheerder"].totp_device)}
    r = client_als("beheerder").post(reverse("tfvv:regeling-nieuw"), data)
    html = r.content.decode()
    assert r.status_code == 400
    assert melding in html
    assert "regeling_" not in html  # no constraint name
    assert not vierogen.open_verzoek(regelingen.SOORT, "regeling")


def test_verwisselde_datums_in_admin_nederlandse_melding():
    regeling = Regeling(code="x", naam="X", geldig_van=MORGEN, geldig_tot=VANDAAG,
                        maximum_per_jaar=Decimal("1"), niveauregel="2023", grondslag="g")
    with pytest.raises(ValidationError) as fout:
        regeling.full_clean()
    assert "De einddatum moet na de begindatum liggen." in str(fout.value)
    assert "regeling_periode_geldig" not in str(fout.value)


def test_nieuwe_versie_telt_pas_na_goedkeuring(maak_gebruiker, medewerkers):
    a = medewerkers["beheerder"]
    b = maak_gebruiker(Rol.BEHEERDER, Organisatie.PROJECTBUREAU, username="beheerder-b")
    lopend = regeling_op(VANDAAG)
    verzoek = regelingen.vraag_nieuwe_versie_aan(actor=a, code=huidige_code(a.totp_device),
                                                 gegevens=gegevens())
    assert regeling_op(MORGEN) == lopend  # not approved: the old version still counts
    with pytest.raises(vierogen.VierOgenFout):
        vierogen.keur_goed(verzoek=verzoek, actor=a, code=huidige_code(a.totp_device))
    vierogen.keur_goed(verzoek=verzoek, actor=b, code=huidige_code(b.totp_device))
    nieuw = regeling_op(MORGEN)
    assert nieuw.naam == "Regeling 2027" and nieuw.cofinanciering_aandeel == Decimal("0.400")
    lopend.refresh_from_db()
    assert lopend.geldig_tot == MORGEN - datetime.timedelta(days=1)
    assert regeling_op(VANDAAG) == lopend
    # overlapping a version that starts later is refused
    with pytest.raises(ValidationError, match="begint al op of na"):
        regelingen.valideer(gegevens(geldig_van=MORGEN - datetime.timedelta(days=1)))
