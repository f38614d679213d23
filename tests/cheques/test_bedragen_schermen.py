"""Amounts on the beoordeling, cheque, finance and budget screens: Dutch notation
(`€ 1.500,00`, the shared `euro` filter); the CSV export stays machine-readable."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cheques import documenten, services, verificatie
from tests.cheques.financien import declareer, rond_af, stel_vast

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def zaak(periode, maak_plan, medewerkers):
    """A cheque of € 1.500 with a declaratie of € 1.500 settled at € 1.200, and a plan
    of € 2.400 whose grant waits for a second beoordelaar."""
    b, fin = medewerkers["beoordelaar"], medewerkers["financieel"]
    cheque = services.toekennen(plan=maak_plan(gevraagd_bedrag=D("1750.00")), door=b,
                                bedrag=D("1500.00"), motivering="Voldoet.").cheque
    declareer(cheque, fin)
    rond_af(cheque, fin)
    stel_vast(cheque, fin, "1200.00", motivering="Deels.")
    concept = maak_plan(gevraagd_bedrag=D("2400.00"))
    services.toekennen(plan=concept, door=b, bedrag=D("2400.00"), motivering="Voldoet.")
    return {"cheque": cheque, "concept": concept}


def html(client, url, **get) -> str:
    r = client.get(url, get)
    assert r.status_code == 200, url
    return r.content.decode()


def test_beoordelaar_ziet_nederlandse_bedragen(client_als, zaak):
    c = client_als("beoordelaar")
    lijst = html(c, reverse("cheques:beoordelen"))
    assert "€ 2.400,00" in lijst and "€ 2400.00" not in lijst
    plan = html(c, reverse("cheques:plan", kwargs={"plan_id": zaak["concept"].pk}))
    assert "stelt voor € 2.400,00 toe te kennen" in plan
    assert "<dd class=\"col-sm-9\">€ 2.400,00</dd>" in plan  # gevraagd bedrag


def test_toekennen_formulier_noemt_de_grens_in_nederlandse_notatie(client_als, maak_plan,
                                                                   periode):
    plan = maak_plan(gevraagd_bedrag=D("1750.00"))
    pagina = html(client_als("beoordelaar"), reverse("cheques:plan", kwargs={"plan_id": plan.pk}))
    assert "Vanaf € 2.000,00, of als een regel" in pagina
    assert 'value="1.750,00"' in pagina  # an amount field shows the Dutch notation too


def test_cheque_en_financien(client_als, zaak):
    nummer = zaak["cheque"].nummer
    c = client_als("financieel")
    cheque = html(c, reverse("cheques:cheque", kwargs={"nummer": nummer}))
    assert "<dd class=\"col-sm-9\">€ 1.500,00</dd>" in cheque
    assert "<dd class=\"col-sm-9\">€ 1.200,00 (" in cheque  # vastgesteld, with its date
    assert ": € 1.500,00</li>" in cheque  # the declaratie
    financien = html(c, reverse("cheques:financien"))
    assert "<td>€ 1.500,00</td><td>€ 1.200,00</td>" in financien
    assert "1500.00" not in financien and "1200.00" not in financien


def test_budget(client_als, zaak):
    budget = html(client_als("financieel"), reverse("cheques:budget"))
    assert "€ 100.000,00" in budget  # toezegging and plafond
    assert "€ 98.800,00" in budget  # vrij: 100.000 − 1.200 paid-to-be
    assert "€ 1.500,00" in budget and "€ 300,00" in budget  # reservering, vrijval
    assert "100000.00" not in budget and "€ 1500.00" not in budget


def test_publieke_controle(client, zaak):
    cache.clear()
    cheque = zaak["cheque"]
    code = verificatie.opgemaakt(verificatie.code(nummer=cheque.nummer,
                                                  zout=cheque.verificatiezout))
    r = client.post(reverse("cheques:controleren"), {"nummer": cheque.nummer, "code": code})
    assert "<dd class=\"col-sm-9\">€ 1.500,00</dd>" in r.content.decode()


def test_foutmelding_bij_het_bedrag(client_als, zaak, maak_plan, medewerkers):
    cheque = services.toekennen(plan=maak_plan(gevraagd_bedrag=D("1000.00")),
                                door=medewerkers["beoordelaar"], bedrag=D("1000.00"),
                                motivering="Voldoet.").cheque
    r = client_als("financieel").post(
        reverse("cheques:declaratie", kwargs={"nummer": cheque.nummer}),
        {"factuurnummer": "F-2", "factuurdatum": timezone.localdate().isoformat(),
         "bedrag": "1234.5", "bewijs": SimpleUploadedFile("f.pdf", b"%PDF-1.4 bewijs")})
    pagina = r.content.decode()
    assert r.status_code == 400
    assert "Het bedrag is hoger dan de cheque (€ 1.000,00)." in pagina
    assert 'value="1234.5"' in pagina  # the input is kept as typed


def test_mail_aan_opleider(zaak):
    mail.outbox.clear()
    cheque = zaak["cheque"]
    documenten._mail_opleider(cheque, {"verificatiecode": "ABCDE-FGH23",
                                       "controle_url": "https://tfvv.example/c/",
                                       "aanvraag": cheque.beschikking.plan.aanvraag,
                                       "plan": cheque.beschikking.plan})
    assert "Bedrag: ten hoogste € 1.500,00\n" in mail.outbox[0].body
