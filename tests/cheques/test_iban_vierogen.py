"""An opleider's new IBAN counts for payment only after a second person approves it."""


import pytest
from django.urls import reverse

from loopbaangesprekken.services.referentie import vraag_iban_aan
from tests.cheques.financien import betaal as betaal_batch
from tests.cheques.financien import declareer, ken_toe
from tests.conftest import huidige_code
from tfvv import vierogen

pytestmark = pytest.mark.django_db

OUD, NIEUW = "NL91ABNA0417164300", "NL20INGB0001234567"


def betaal(plan, medewerkers):
    """A voorschot on the plan's cheque, paid in a batch (prepared and approved by two)."""
    fin = medewerkers["financieel"]
    declareer(ken_toe(plan, medewerkers["beoordelaar"], "1000.00"), fin, "1000.00")
    return betaal_batch(fin, medewerkers["financieel2"])


def iban_in_csv(client, batch):
    r = client.get(reverse("cheques:betaalbatch-bestand",
                           kwargs={"nummer": batch.nummer, "formaat": "csv"}))
    return r.content.decode("utf-8-sig").splitlines()[1].split(";")[4]


def test_betaalbatch_betaalt_oud_iban_tot_goedkeuring(periode, maak_plan, medewerkers,
                                                      client_als):
    beheerder, fin = medewerkers["beheerder"], medewerkers["financieel"]
    plan = maak_plan()
    opleider = plan.opleider
    assert opleider.iban == OUD
    verzoek = vraag_iban_aan(actor=beheerder, code=huidige_code(beheerder.totp_device),
                             opleider=opleider, iban="nl20 ingb 0001 2345 67", toelichting="brief")
    batch = betaal(plan, medewerkers)
    opleider.refresh_from_db()
    assert opleider.iban == OUD
    assert iban_in_csv(client_als("financieel"), batch) == OUD

    # the one who asked cannot approve; the financieel medewerker can
    with pytest.raises(vierogen.VierOgenFout):
        vierogen.keur_goed(verzoek=verzoek, actor=beheerder,
                           code=huidige_code(beheerder.totp_device))
    vierogen.keur_goed(verzoek=verzoek, actor=fin, code=huidige_code(fin.totp_device))
    opleider.refresh_from_db()
    assert opleider.iban == NIEUW


def test_iban_scherm_wijzigt_niets_direct_en_weigert_fout_iban(client_als, medewerkers):
    from tests.cheques.factories import OpleiderFactory

    opleider = OpleiderFactory()
    c = client_als("beheerder")
    url = reverse("referentiebeheer:opleider-iban", kwargs={"pk": opleider.pk})
    r = c.post(url, {"iban": "NL91 ABNA 0417 1643 01", "toelichting": "x",
                     "code": huidige_code(medewerkers["beheerder"].totp_device)})
    assert r.status_code == 400 and "Dit IBAN klopt niet" in r.content.decode()
    r = c.post(url, {"iban": NIEUW, "toelichting": "brief van 1 december",
                     "code": huidige_code(medewerkers["beheerder"].totp_device)})
    assert r.status_code == 302
    opleider.refresh_from_db()
    assert opleider.iban == OUD
    assert vierogen.open_verzoek("opleider_iban", f"opleider:{opleider.pk}") is not None
    # a new opleider or its details never carry an IBAN past the four-eyes step
    r = c.post(reverse("referentiebeheer:opleider-wijzigen", kwargs={"pk": opleider.pk}),
               {"naam": "Nieuwe naam", "iban": NIEUW, "actief": "on"})
    assert r.status_code == 302
    opleider.refresh_from_db()
    assert (opleider.naam, opleider.iban) == ("Nieuwe naam", OUD)
