"""The plafond decision: the public money behind it, four eyes, frozen once approved."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tests.conftest import huidige_code
from tfvv import begroting, budget, budget_selectors, plafond
from tfvv.models import Begrotingsperiode, Financieringsbron, Gebeurtenis, Plafondbesluit

pytestmark = pytest.mark.django_db
VAN, TOT = datetime.date(2023, 1, 1), datetime.date(2026, 12, 31)


@pytest.fixture
def periode(medewerkers):
    """Business plan ch. 11 in miniature: 8.25 public, 3.75 private, 12.0 spent."""
    b = medewerkers["beheerder"]
    p = begroting.maak_periode(naam="2023–2026", van=VAN, tot=TOT, door=b)
    for naam, bedrag, cofi, cheques in [("Cheques", "7500000", "3750000", True),
                                        ("Loopbaangesprekken", "1300000", "0", False),
                                        ("PR", "1100000", "0", False),
                                        ("Beheer", "1500000", "0", False),
                                        ("Inflatie", "600000", "0", False)]:
        begroting.voeg_post_toe(periode=p, naam=naam, bedrag=D(bedrag), cofinanciering=D(cofi),
                                voor_cheques=cheques, door=b)
    for naam, publiek, bedrag in [("Regio Twente", True, "4000000"),
                                  ("Provincie", True, "2000000"),
                                  ("Rijk", True, "1000000"), ("EU", True, "1250000"),
                                  ("Cofinanciering", False, "3750000")]:
        bron = begroting.voeg_bron_toe(naam=naam, publiek=publiek, door=b)
        begroting.voeg_toezegging_toe(bron=bron, periode=p, bedrag=D(bedrag),
                                      datum=datetime.date(2022, 12, 1), door=b)
        if publiek:
            begroting.leg_oormerkregel_vast(periode=p, bron=bron, volgorde=1 + p.oormerkregels
                                            .count(), door=b)
    return p


def stel_voor(periode, door, bedrag="3750000"):
    return plafond.stel_voor(periode=periode, bedrag=D(bedrag),
                             besluitdatum=datetime.date(2022, 12, 13),
                             gepubliceerd_op=datetime.date(2022, 12, 20),
                             toelichting="Publiek deel van de chequespost", door=door)


def test_publiek_geld_voor_cheques_is_het_plafond_en_cofinanciering_telt_niet(periode):
    dekking = budget_selectors.dekking(periode)
    assert dekking.publiek_toegezegd == D("8250000")
    assert dekking.privaat_toegezegd == D("3750000")
    assert dekking.ruimte_voor_plafond == D("3750000")


def test_plafond_nooit_boven_het_publieke_geld(periode, medewerkers):
    with pytest.raises(ValidationError, match="Cofinanciering telt niet mee"):
        stel_voor(periode, medewerkers["financieel"], bedrag="3750000.01")
    # a private commitment does not make room either
    bron = Financieringsbron.objects.get(naam="Cofinanciering")
    begroting.voeg_toezegging_toe(bron=bron, periode=periode, bedrag=D("1000000"),
                                  datum=datetime.date(2023, 1, 1),
                                  door=medewerkers["beheerder"])
    assert budget_selectors.dekking(periode).ruimte_voor_plafond == D("3750000")


def test_vier_ogen_en_pas_daarna_geldig(periode, medewerkers):
    fin, beh = medewerkers["financieel"], medewerkers["beheerder"]
    besluit = stel_voor(periode, fin)
    assert budget_selectors.plafond_in_werking(periode) is None
    with pytest.raises(budget.GeenPlafond), transaction.atomic():
        budget.reserveer(periode=periode, bedrag=D("1"), referentie="x", door=fin)
    with pytest.raises(ValidationError, match="tweede persoon"):
        plafond.keur_goed(besluit=besluit, door=fin)
    with pytest.raises(PermissionError):  # a role without budget rights
        plafond.keur_goed(besluit=besluit, door=medewerkers["beoordelaar"])
    plafond.keur_goed(besluit=besluit, door=beh)
    stand = budget_selectors.standen([periode])[0]
    assert stand.plafond == D("3750000") and stand.besluit.goedgekeurd_door == beh
    assert Gebeurtenis.objects.filter(actie="plafond_goedkeuren", actor=beh).exists()


def test_vier_ogen_ook_in_de_database(periode, medewerkers):
    besluit = stel_voor(periode, medewerkers["financieel"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Plafondbesluit.objects.filter(pk=besluit.pk).update(
            goedgekeurd_door=medewerkers["financieel"], goedgekeurd_op=timezone.now())


def test_goedgekeurd_besluit_ligt_vast_en_wordt_vervangen(periode, medewerkers):
    fin, beh = medewerkers["financieel"], medewerkers["beheerder"]
    eerste = plafond.keur_goed(besluit=stel_voor(periode, fin), door=beh)
    eerste.bedrag = D("1")
    with pytest.raises(PermissionError):
        eerste.save()
    with pytest.raises(PermissionError):
        eerste.delete()
    with pytest.raises(ValidationError, match="ligt vast"):
        plafond.trek_in(besluit=eerste, reden="fout", door=fin)
    tweede = plafond.keur_goed(besluit=stel_voor(periode, beh, bedrag="3000000"), door=fin)
    assert tweede.vervangt == eerste
    assert budget_selectors.plafond_in_werking(periode) == tweede


def test_plafond_niet_lager_dan_wat_al_is_toegekend(periode, medewerkers):
    fin, beh = medewerkers["financieel"], medewerkers["beheerder"]
    plafond.keur_goed(besluit=stel_voor(periode, fin), door=beh)
    with transaction.atomic():
        budget.reserveer(periode=periode, bedrag=D("2000"), referentie="c1", door=fin)
    with pytest.raises(ValidationError, match="al is toegekend"):
        stel_voor(periode, fin, bedrag="1999.99")


def test_begrotingswijziging_die_het_plafond_ontbloot_wordt_geweigerd(periode, medewerkers):
    fin, beh = medewerkers["financieel"], medewerkers["beheerder"]
    plafond.keur_goed(besluit=stel_voor(periode, fin), door=beh)
    post = periode.posten.get(naam="Beheer")
    with pytest.raises(ValidationError, match="niet meer gedekt"):
        begroting.wijzig_post(post=post, bedrag=D("1500001"), cofinanciering=D("0"),
                              reden="Meer beheer", door=beh)
    begroting.wijzig_post(post=post, bedrag=D("1400000"), cofinanciering=D("0"),
                          reden="Minder beheer", door=beh)
    assert budget_selectors.dekking(periode).ruimte_voor_plafond == D("3750000")


def test_toezegging_na_publicatie_verhoogt_het_plafond_niet(periode, medewerkers):
    fin, beh = medewerkers["financieel"], medewerkers["beheerder"]
    plafond.keur_goed(besluit=stel_voor(periode, fin), door=beh)
    begroting.voeg_toezegging_toe(bron=Financieringsbron.objects.get(naam="Provincie"),
                                  periode=periode, bedrag=D("500000"),
                                  datum=datetime.date(2024, 1, 1), door=beh)
    assert budget_selectors.standen([periode])[0].plafond == D("3750000")


def test_overlappende_periode_geweigerd_door_de_service(periode, medewerkers):
    with pytest.raises(ValidationError, match="overlapt"):
        begroting.maak_periode(naam="dubbel", van=datetime.date(2026, 1, 1),
                               tot=datetime.date(2027, 12, 31), door=medewerkers["beheerder"])
    assert Begrotingsperiode.objects.count() == 1


def test_besteding_per_post(periode, medewerkers):
    beh = medewerkers["beheerder"]
    post = periode.posten.get(naam="PR")
    begroting.boek_besteding(post=post, bedrag=D("12500.50"), datum=datetime.date(2024, 5, 1),
                             omschrijving="Campagne", door=beh)
    stand = budget_selectors.standen([periode])[0]
    regels = {r.post.naam: r for r in budget_selectors.posten(periode, stand)}
    assert regels["PR"].besteed == D("12500.50")
    assert regels["PR"].restant == D("1087499.50")
    with pytest.raises(ValidationError):
        begroting.boek_besteding(post=periode.posten.get(voor_cheques=True), bedrag=D("1"),
                                 datum=datetime.date(2024, 5, 1), omschrijving="x", door=beh)


# --- the screens ---------------------------------------------------------------------------

def test_voorstellen_en_goedkeuren_via_het_scherm(periode, medewerkers, client_als):
    fin = client_als("financieel")
    url = reverse("cheques:plafond-voorstellen", kwargs={"periode_id": periode.pk})
    r = fin.post(url, {"bedrag": "5.000.000,00", "besluitdatum": "2022-12-13",
                       "gepubliceerd_op": "2022-12-20", "toelichting": "Te hoog"})
    assert r.status_code == 400
    inhoud = r.content.decode()
    assert "Cofinanciering telt niet mee" in inhoud and "Te hoog" in inhoud  # input kept
    r = fin.post(url, {"bedrag": "3.750.000,00", "besluitdatum": "2022-12-13",
                       "gepubliceerd_op": "2022-12-20", "toelichting": "Publiek deel"})
    assert r.status_code == 302
    besluit = Plafondbesluit.objects.get()
    # the proposer is not offered the approval, and cannot force it
    assert "Goedkeuren" not in fin.get(reverse("cheques:budget")).content.decode()
    goedkeuren = reverse("cheques:plafond-goedkeuren", kwargs={"besluit_id": besluit.pk})
    r = fin.post(goedkeuren, {"code": huidige_code(medewerkers["financieel"].totp_device)})
    assert r.status_code == 400 and "tweede persoon" in r.content.decode()
    beh = client_als("beheerder")
    r = beh.post(goedkeuren, {"code": "000000"})
    assert r.status_code == 400 and "klopt niet" in r.content.decode()
    apparaat = medewerkers["beheerder"].totp_device
    apparaat.refresh_from_db()
    apparaat.throttle_reset()  # django-otp waits a second after a wrong code
    r = beh.post(goedkeuren, {"code": huidige_code(medewerkers["beheerder"].totp_device)})
    assert r.status_code == 302
    besluit.refresh_from_db()
    assert besluit.goedgekeurd_door == medewerkers["beheerder"]


def test_schermen_vragen_een_verse_code(periode, medewerkers, client_als):
    from tfvv import stepup

    c = client_als("beheerder")
    sessie = c.session
    del sessie[stepup.SESSIE_SLEUTEL]
    sessie.save()
    r = c.post(reverse("cheques:bron-toevoegen"), {"naam": "Nieuw", "publiek": "ja"})
    assert r.status_code == 302 and "bevestigen" in r["Location"]
    assert not Financieringsbron.objects.filter(naam="Nieuw").exists()


def test_bron_en_post_via_het_scherm(periode, client_als):
    c = client_als("beheerder")
    r = c.post(reverse("cheques:bron-toevoegen"), {"naam": " regio  twente ", "publiek": "ja"})
    assert r.status_code == 400 and "bestaat al" in r.content.decode()
    r = c.post(reverse("cheques:bron-toevoegen"), {"naam": "IKBINDR kansenfonds",
                                                   "publiek": "nee"})
    assert r.status_code == 302
    assert Financieringsbron.objects.get(naam="IKBINDR kansenfonds").publiek is False
    r = c.post(reverse("cheques:post-toevoegen"), {"periode": periode.pk, "naam": "Tweede",
                                                   "bedrag": "100,00", "voor_cheques": "on"})
    assert r.status_code == 400 and "al een post voor de scholingscheques" in \
        r.content.decode()
