"""The daily job around co-financing requests (issue 19 item 2): one reminder after 5
working days, one melding to the consulent when the link expired unanswered — exactly once,
also when the job runs twice, at 23:30 UTC (past local midnight) and on a Saturday."""

import datetime
import re
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse

from loopbaangesprekken.services import toezegging, toezegging_herinnering
from loopbaangesprekken.tasks import herinner_toezeggingen
from tests.loopbaangesprekken.test_toezegging import BEVESTIGEN, antwoord_url, plan  # noqa: F401
from tfvv.models import Gebeurtenis, Melding, Outboxtaak
from tfvv.termijnen import werkdagen_verder

pytestmark = pytest.mark.django_db
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
UTC = datetime.UTC


def lokaal(jaar, maand, dag, uur=10, minuut=0):
    return datetime.datetime(jaar, maand, dag, uur, minuut, tzinfo=AMS)


@pytest.fixture
def gevraagd(plan, medewerkers, time_machine, django_capture_on_commit_callbacks):  # noqa: F811
    """A request sent on Friday 6 November 2026 at 16:00 (no holidays until Christmas)."""
    def vraag(moment=None):
        time_machine.move_to(moment or lokaal(2026, 11, 6, 16), tick=False)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            verzoek = toezegging.vraag_toezegging(regel=plan.cofinanciering.get(),
                                                  actor=medewerkers["consulent_lwl"])
        token = re.search(r"/toezegging/([\w-]+)/", mail.outbox[0].body).group(1)
        mail.outbox.clear()
        return verzoek, token
    return vraag


def draai(time_machine, moment, django_capture_on_commit_callbacks) -> dict:
    time_machine.move_to(moment, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        return herinner_toezeggingen()


def test_de_vijfde_werkdag_is_de_dag_van_de_herinnering():
    # Friday: Mon..Fri of the next week are working days 1..5
    assert werkdagen_verder(datetime.date(2026, 11, 6), 5) == datetime.date(2026, 11, 13)
    assert toezegging_herinnering.laatste_verzenddag(datetime.date(2026, 11, 13)) == (
        datetime.date(2026, 11, 8))  # the Sunday after: also 5 working days before Friday 13
    assert toezegging_herinnering.laatste_verzenddag(datetime.date(2026, 11, 14)) == (
        datetime.date(2026, 11, 8))  # Saturday: nothing newer is due


def test_een_herinnering_na_vijf_werkdagen_ook_als_de_taak_twee_keer_draait(
        gevraagd, time_machine, client, django_capture_on_commit_callbacks):
    verzoek, eerste_token = gevraagd()
    # Thursday 12 November: only 4 working days
    assert draai(time_machine, lokaal(2026, 11, 12, 11), django_capture_on_commit_callbacks) == {
        "herinnerd": 0, "verlopen": 0}
    assert mail.outbox == []
    # Friday 13 November, twice (a doubled beat)
    for _keer in range(2):
        draai(time_machine, lokaal(2026, 11, 13, 10, 15), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["hr@metaal.example"] and "Herinnering" in bericht.subject
    assert "vervangt de link uit onze eerste e-mail" in bericht.body
    nieuw_token = re.search(r"/toezegging/([\w-]+)/", bericht.body).group(1)
    # the outbox row holds only the request's id, never a usable token
    rij = Outboxtaak.objects.get(taak="loopbaangesprekken.tasks.mail_toezeggingsherinnering")
    assert rij.argumenten == {"verzoek_id": verzoek.pk}
    assert nieuw_token not in str(list(Outboxtaak.objects.values_list("argumenten", flat=True)))
    # the fresh link works, the first one no longer
    assert client.get(antwoord_url(eerste_token)).status_code == 404
    assert client.get(antwoord_url(nieuw_token)).status_code == 200
    assert Gebeurtenis.objects.filter(actie="cofinanciering_herinnerd").count() == 1
    # later days: nothing more
    draai(time_machine, lokaal(2026, 11, 16, 10), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_herinnering_om_half_twaalf_utc_telt_de_nederlandse_datum(
        gevraagd, time_machine, django_capture_on_commit_callbacks):
    gevraagd()
    # 23:30 UTC on Thursday 12 November is 00:30 on Friday 13 November in Enschede: due
    # (a UTC date would still say Thursday, 4 working days)
    draai(time_machine, datetime.datetime(2026, 11, 12, 23, 30, tzinfo=UTC),
          django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    draai(time_machine, datetime.datetime(2026, 11, 13, 23, 30, tzinfo=UTC),
          django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_herinnering_op_zaterdag_als_vrijdag_is_gemist(gevraagd, time_machine,
                                                      django_capture_on_commit_callbacks):
    gevraagd()
    for _keer in range(2):
        draai(time_machine, lokaal(2026, 11, 14, 9, 15), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_verzoek_op_zaterdag_telt_vanaf_maandag(gevraagd, time_machine,
                                               django_capture_on_commit_callbacks):
    gevraagd(lokaal(2026, 11, 7, 11))  # a Saturday
    draai(time_machine, lokaal(2026, 11, 13, 9, 15), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # Mon 9 .. Fri 13 are the 5 working days
    assert werkdagen_verder(datetime.date(2026, 11, 7), 5) == datetime.date(2026, 11, 13)


def test_beantwoord_verzoek_krijgt_geen_herinnering_en_meldt_niets(
        gevraagd, time_machine, client, django_capture_on_commit_callbacks):
    verzoek, token = gevraagd()
    assert client.post(antwoord_url(token), BEVESTIGEN).status_code == 302
    draai(time_machine, lokaal(2026, 11, 13, 10), django_capture_on_commit_callbacks)
    draai(time_machine, verzoek.verloopt_op + datetime.timedelta(days=1),
          django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert not Melding.objects.filter(soort="cofinanciering_verlopen").exists()


def test_verlopen_link_meldt_de_consulent_een_keer(gevraagd, time_machine, medewerkers, plan,  # noqa: F811
                                                  django_capture_on_commit_callbacks):
    verzoek, _token = gevraagd()
    # the link ends at local midnight; 23:30 UTC before it is 00:30 local: expired
    net_erna = verzoek.verloopt_op.astimezone(UTC) + datetime.timedelta(minutes=30)
    assert net_erna.hour == 23 and net_erna.minute == 30
    draai(time_machine, net_erna - datetime.timedelta(hours=1), django_capture_on_commit_callbacks)
    assert not Melding.objects.filter(soort="cofinanciering_verlopen").exists()
    for _keer in range(2):
        uitslag = draai(time_machine, net_erna, django_capture_on_commit_callbacks)
    assert uitslag["verlopen"] == 0  # the second run found it done
    melding = Melding.objects.get(soort="cofinanciering_verlopen")
    assert melding.ontvanger == medewerkers["consulent_lwl"]
    assert melding.link == reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": plan.pk})
    assert "Metaal BV" in melding.tekst and "€ 2.000,00" in melding.tekst
    # and the days after, also a Saturday, nothing more
    draai(time_machine, net_erna + datetime.timedelta(days=3), django_capture_on_commit_callbacks)
    assert Melding.objects.filter(soort="cofinanciering_verlopen").count() == 1


def test_nieuw_verzoek_na_verlopen_wordt_weer_bewaakt(gevraagd, time_machine,
                                                     django_capture_on_commit_callbacks):
    verzoek, _token = gevraagd()
    draai(time_machine, verzoek.verloopt_op + datetime.timedelta(hours=2),
          django_capture_on_commit_callbacks)
    assert Melding.objects.filter(soort="cofinanciering_verlopen").count() == 1
    # asking again (a Monday) replaces the old request; its reminder follows in 5 working days
    opnieuw = lokaal(2026, 11, 30, 10)
    gevraagd(opnieuw)
    draai(time_machine, opnieuw + datetime.timedelta(days=7),
          django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1 and "Herinnering" in mail.outbox[0].subject
