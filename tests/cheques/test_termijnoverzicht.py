"""Open deadlines of the cheques stage (cheques.termijnoverzicht) on "Mijn termijnen" and the
team page, the warnings of deadlines about to end and the daily overview (tfvv.herinneringen):
idempotent, under frozen time, also at 23:30 UTC (past local midnight) and on a Saturday."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cheques import services
from cheques.models import Cheque
from cheques.services import bezwaar as bezwaren
from tests.cheques.factories import toets_met
from tests.cheques.financien import ken_toe
from tests.tijd import dagen_geleden
from tfvv import herinneringen, termijnoverzicht
from tfvv.models import Melding
from tfvv.models.gebruiker import Meldingsmail
from tfvv.termijnen import einde_termijn, werkdagen_verder

pytestmark = pytest.mark.django_db
DAG = datetime.timedelta(days=1)
# a Saturday and a Tuesday, both at 23:30 UTC: already the next day in the Netherlands
MOMENTEN = [datetime.datetime(2026, 11, 14, 23, 30, tzinfo=datetime.UTC),
            datetime.datetime(2026, 11, 17, 23, 30, tzinfo=datetime.UTC)]


def soorten(termijnen):
    return [t.soort for t in termijnen]


@pytest.fixture
def vul(maak_plan, periode, medewerkers, django_capture_on_commit_callbacks):
    """`vul(n)`: n of each kind: a plan in the queue, a plan waiting for an aanvulling, a
    cheque expiring within 60 days, and a bezwaar."""

    def maak(n=1):
        vandaag = timezone.localdate()
        for _ in range(n):
            maak_plan(ingediend_op=dagen_geleden(10))
            wacht = maak_plan()
            services.vraag_aanvulling(plan=wacht, door=medewerkers["beoordelaar2"],
                                      omschrijving="Offerte", hersteltermijn_tot=vandaag + 7 * DAG)
            cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"])
            Cheque.objects.filter(pk=cheque.pk).update(geldig_tot=vandaag + 30 * DAG)
            afgewezen = maak_plan(toets_snapshot=toets_met(R7="niet_voldaan"))
            with django_capture_on_commit_callbacks(execute=True):
                besluit = services.afwijzen(plan=afgewezen,
                                            door=medewerkers["beoordelaar"], motivering="Nee.",
                                            regels=["R7"])
                bezwaren.dien_bezwaar_in(besluit=besluit, door=besluit.plan.aanvraag.aanvrager,
                                         gronden="Niet eens.")

    return maak


def test_alle_soorten_met_datum_en_eigenaren(vul, medewerkers):
    vul()
    vandaag = timezone.localdate()
    alle = termijnoverzicht.alle(vandaag)
    assert sorted(soorten(alle)) == ["beslistermijn", "bezwaar", "cheque", "hersteltermijn"]
    assert [t.einde for t in alle] == sorted(t.einde for t in alle)  # earliest first
    per_soort = {t.soort: t for t in alle}
    assert per_soort["beslistermijn"].einde == einde_termijn(
        vandaag - 10 * DAG + datetime.timedelta(weeks=8))
    assert per_soort["hersteltermijn"].einde == einde_termijn(vandaag + 7 * DAG)
    assert per_soort["cheque"].einde == vandaag + 30 * DAG
    consulent, vrager = medewerkers["consulent_lwl"], medewerkers["beoordelaar2"]
    assert set(soorten(termijnoverzicht.van_persoon(consulent, alle))) == {
        "beslistermijn", "hersteltermijn", "cheque"}
    assert soorten(termijnoverzicht.van_persoon(vrager, alle)) == ["hersteltermijn"]
    assert soorten(termijnoverzicht.van_persoon(medewerkers["beoordelaar"], alle)) == ["bezwaar"]


def test_teamoverzicht_per_rol(vul, medewerkers):
    vul()
    alle = termijnoverzicht.alle(timezone.localdate())
    team = {naam: sorted(soorten(termijnoverzicht.van_team(medewerkers[naam], alle)))
            for naam in ("beoordelaar", "consulent_manager", "consulent_lbs", "financieel")}
    assert team == {
        "beoordelaar": ["beslistermijn", "bezwaar", "cheque", "hersteltermijn"],
        "consulent_manager": ["beslistermijn", "cheque", "hersteltermijn"],  # both loketten
        "consulent_lbs": [],  # the cases are Leerwerkloket's
        "financieel": ["cheque"],
    }


def test_paginas_tonen_termijnen_met_dagen_en_label(vul, client_als):
    vul()
    html = client_als("consulent_lwl").get(reverse("tfvv:termijnen")).content.decode()
    assert "Hersteltermijn aanvulling" in html and "Cheque verloopt" in html
    assert "nog 30 dagen" in html
    assert "hersteltermijn" not in html.replace("Hersteltermijn", "")  # no internal keys
    team = client_als("beoordelaar").get(reverse("tfvv:termijnen-team")).content.decode()
    assert "Beslistermijn bezwaar" in team


@pytest.mark.parametrize("naam", ["tfvv:termijnen", "tfvv:termijnen-team"])
def test_aantal_queries_onafhankelijk_van_data(naam, vul, client_als):
    client = client_als("beoordelaar")

    def meet():
        with CaptureQueriesContext(connection) as q:
            assert client.get(reverse(naam)).status_code == 200
        return len(q)

    vul(1)
    klein = meet()
    vul(3)
    assert meet() == klein


@pytest.mark.parametrize("moment", MOMENTEN)
def test_waarschuwing_eenmaal_per_termijn(moment, time_machine, maak_plan, periode, medewerkers):
    time_machine.move_to(moment, tick=False)
    vandaag = timezone.localdate()
    bijna = maak_plan(ingediend_op=dagen_geleden(55))  # beslistermijn: within a few days
    maak_plan(ingediend_op=dagen_geleden(5))  # weeks left: no warning
    wacht = maak_plan()
    services.vraag_aanvulling(plan=wacht, door=medewerkers["beoordelaar2"], omschrijving="Offerte",
                              hersteltermijn_tot=werkdagen_verder(vandaag, 2))
    assert herinneringen.waarschuw_termijnen() == 3 + 2
    per_zaak = {}
    for melding in Melding.objects.all():
        per_zaak.setdefault(melding.link, set()).add(melding.ontvanger.username)
    assert per_zaak[reverse("cheques:dossier", kwargs={"aanvraag_id": bijna.aanvraag_id})] == {
        "consulent_lwl", "beoordelaar", "beoordelaar2"}
    assert per_zaak[reverse("cheques:dossier", kwargs={"aanvraag_id": wacht.aanvraag_id})] == {
        "consulent_lwl", "beoordelaar2"}
    assert herinneringen.waarschuw_termijnen() == 0  # again the same day: nothing new
    time_machine.move_to(moment + DAG, tick=False)
    assert herinneringen.waarschuw_termijnen() == 0  # nor the next day
    assert Melding.objects.count() == 5


@pytest.mark.parametrize("moment", MOMENTEN)
def test_dagelijks_overzicht_eenmaal_per_dag(moment, time_machine, maak_plan, periode,
                                             medewerkers, django_capture_on_commit_callbacks):
    time_machine.move_to(moment, tick=False)
    vandaag = timezone.localdate()
    wacht = maak_plan()
    services.vraag_aanvulling(plan=wacht, door=medewerkers["beoordelaar2"], omschrijving="Offerte",
                              hersteltermijn_tot=werkdagen_verder(vandaag, 4))
    later = maak_plan()
    services.vraag_aanvulling(plan=later, door=medewerkers["beoordelaar2"], omschrijving="Offerte",
                              hersteltermijn_tot=werkdagen_verder(vandaag, 9))
    Melding.objects.create(ontvanger=medewerkers["beoordelaar"], soort="indienen",
                           tekst="Scholingsplan ingediend", link="/x/")
    medewerkers["financieel"].meldingen_mail = Meldingsmail.GEEN
    medewerkers["financieel"].save(update_fields=["meldingen_mail"])
    Melding.objects.create(ontvanger=medewerkers["financieel"], soort="indienen", tekst="Niet")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert herinneringen.verstuur_overzichten() == 3
    aan = sorted(m.to[0].split("@")[0] for m in mail.outbox)
    assert aan == ["beoordelaar", "beoordelaar2", "consulent_lwl"]
    consulent = next(m for m in mail.outbox if m.to[0].startswith("consulent_lwl"))
    assert "Hersteltermijn aanvulling" in consulent.body
    assert herinneringen.datum(werkdagen_verder(vandaag, 4)) in consulent.body
    assert wacht.aanvraag.referentie in consulent.body
    assert later.aanvraag.referentie not in consulent.body  # 9 working days: not yet
    beoordelaar = next(m for m in mail.outbox if m.to[0].startswith("beoordelaar@"))
    assert "Scholingsplan ingediend" in beoordelaar.body
    with django_capture_on_commit_callbacks(execute=True):
        assert herinneringen.verstuur_overzichten() == 0  # the same day again: nothing
    assert len(mail.outbox) == 3
    time_machine.move_to(moment + DAG, tick=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        herinneringen.verstuur_overzichten()
    # the next day the melding already mailed is not repeated; the deadlines are
    assert not any("Scholingsplan ingediend" in m.body for m in mail.outbox)
    assert any(m.to[0].startswith("consulent_lwl") for m in mail.outbox)
