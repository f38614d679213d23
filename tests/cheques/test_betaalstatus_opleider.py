"""Payment status for the opleider (issue 20, item 5): per cheque its payments and the
vastgesteld amount in the portal, and ONE "betaald" mail per opleider when a payment
batch is approved (after commit, through the outbox, once)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from cheques import services
from tests.cheques.factories import OpleiderFactory
from tests.cheques.financien import betaal, declareer, ken_toe, rond_af, stel_vast
from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker
from tests.conftest import huidige_code
from tfvv.models import Outboxtaak
from tfvv.outbox import verwerk_outbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def betaald(periode, maak_plan, medewerkers, django_capture_on_commit_callbacks):
    """Opleider A: a voorschot on one cheque and a payment after vaststelling on another;
    opleider B (no accounts): a voorschot. One batch, approved by a second financieel."""
    b, fin, fin2 = medewerkers["beoordelaar"], medewerkers["financieel"], medewerkers["financieel2"]
    a = OpleiderFactory(naam="ROC van Twente")
    ander = OpleiderFactory(naam="Opleider B", email="administratie@b.example")
    plan = maak_plan(opleider=a)
    aanvraag = plan.aanvraag
    aanvraag.voornaam, aanvraag.achternaam = "Anna Maria", "Zandvoort"
    aanvraag.save()
    voorschot = ken_toe(plan, b)
    declareer(voorschot, fin, "1000.00")
    vastgesteld = ken_toe(maak_plan(opleider=a), b)
    declareer(vastgesteld, fin, "1500.00")
    rond_af(vastgesteld, fin)
    stel_vast(vastgesteld, fin, "1500.00")
    van_b = ken_toe(maak_plan(opleider=ander), b)
    declareer(van_b, fin, "900.00")
    actief = maak_opleidergebruiker(a, medewerkers["beheerder"], email="fin@roc.example")
    uit = maak_opleidergebruiker(a, medewerkers["beheerder"], email="oud@roc.example")
    uit.is_active = False
    uit.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        batch = betaal(fin, fin2)
    return {"batch": batch, "voorschot": voorschot, "vastgesteld": vastgesteld,
            "van_b": van_b, "gebruiker": actief, "aanvraag": aanvraag}


def test_een_mail_per_opleider(betaald):
    batch = betaald["batch"]
    per_adres = {tuple(m.to): m for m in mail.outbox}
    assert sorted(per_adres) == [("administratie@b.example",), ("fin@roc.example",)]
    a = per_adres[("fin@roc.example",)]
    assert batch.nummer in a.subject and "\n" not in a.subject
    tekst = a.body
    assert betaald["voorschot"].nummer in tekst and betaald["vastgesteld"].nummer in tekst
    assert betaald["van_b"].nummer not in tekst
    assert "A.M. Zandvoort: € 1.000,00 (voorschot)" in tekst
    assert "€ 1.500,00 (betaling na vaststelling)" in tekst
    assert "Totaal: € 2.500,00" in tekst
    assert date_format(batch.betaaldatum, "j F Y") in tekst and batch.nummer in tekst
    assert reverse("cheques:opleider-cheques") in tekst
    aanvraag = betaald["aanvraag"]
    for persoonlijk in ("Anna", aanvraag.email, aanvraag.referentie):
        assert persoonlijk not in tekst
    if aanvraag.postcode:
        assert aanvraag.postcode not in tekst
    b = per_adres[("administratie@b.example",)].body
    assert betaald["van_b"].nummer in b and "€ 900,00 (voorschot)" in b


def test_een_batch_mailt_een_keer(betaald, medewerkers, settings, time_machine):
    nummer = betaald["batch"].nummer

    def betaalmails():
        return [m for m in mail.outbox if nummer in m.subject]

    assert len(betaalmails()) == 2
    assert Outboxtaak.objects.filter(taak="tfvv.tasks.verstuur_mail",
                                     argumenten__onderwerp__icontains=nummer,
                                     gedaan_op__isnull=False).count() == 2
    # the outbox sends again what is not done: the betaald mails are done
    time_machine.move_to(timezone.now() + datetime.timedelta(
        seconds=settings.TFVV_OUTBOX_OPNIEUW_NA_SECONDEN + 60))
    verwerk_outbox()
    fin2 = medewerkers["financieel2"]
    with pytest.raises(ValidationError):  # approved once: its status is locked
        services.keur_betaalbatch_goed(batch=betaald["batch"], door=fin2,
                                       code=huidige_code(fin2.totp_device))
    assert len(betaalmails()) == 2


def test_betalingen_in_mijn_cheques_en_op_de_chequepagina(betaald):
    c = log_in_als_opleider(betaald["gebruiker"])
    batch = betaald["batch"]
    html = c.get(reverse("cheques:opleider-cheques")).content.decode()
    assert batch.nummer in html and "voorschot" in html
    assert "vastgesteld: € 1.500,00" in html
    url = reverse("cheques:opleider-cheque", kwargs={"nummer": betaald["voorschot"].nummer})
    r = c.get(url)
    html = r.content.decode()
    assert r.status_code == 200
    assert "A.M. Zandvoort" in html and "Anna" not in html
    assert "€ 1.000,00" in html and "Voorschot" in html and batch.nummer in html
    assert date_format(batch.betaaldatum, "j F Y") in html
    assert "nog niet vastgesteld" in html
    html = c.get(reverse("cheques:opleider-cheque", kwargs={
        "nummer": betaald["vastgesteld"].nummer})).content.decode()
    assert "Betaling na vaststelling" in html and "€ 1.500,00, vastgesteld op" in html
    # another opleider's cheque, or a number that does not exist: as if it did not exist
    for nummer in (betaald["van_b"].nummer, "TFV-2024-999999"):
        assert c.get(reverse("cheques:opleider-cheque",
                             kwargs={"nummer": nummer})).status_code == 404


def test_cheque_zonder_betalingen(maak_cheques, medewerkers):
    cheque = maak_cheques(1)[0]
    c = log_in_als_opleider(maak_opleidergebruiker(cheque.opleider, medewerkers["beheerder"]))
    html = c.get(reverse("cheques:opleider-cheque", kwargs={"nummer": cheque.nummer})
                 ).content.decode()
    assert "Op deze cheque is nog niets betaald." in html


def test_chequepagina_in_elke_status(maak_cheques, medewerkers):
    """The own opleider's cheque page in every state: a page, no internal state name."""
    from cheques.models import Cheque
    from tests.test_nooit_500 import gebreken

    cheques = [maak_cheques(1, status)[0] for status in Cheque.Status.values]
    opleider = cheques[0].opleider
    Cheque.objects.filter(pk__in=[c.pk for c in cheques]).update(opleider=opleider)
    c = log_in_als_opleider(maak_opleidergebruiker(opleider, medewerkers["beheerder"]))
    for cheque in cheques:
        r = c.get(reverse("cheques:opleider-cheque", kwargs={"nummer": cheque.nummer}))
        assert r.status_code == 200 and gebreken(r) == [], cheque.status
        assert c.post(reverse("cheques:opleider-cheque",
                              kwargs={"nummer": cheque.nummer})).status_code == 405
