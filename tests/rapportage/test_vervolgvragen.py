"""The follow-up questionnaire (docs/uitkomsten.md): each moment goes out exactly once,
one reminder, stop on request, single-use answers."""

import datetime
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.utils import timezone

from aanvragen.models import Aanvraag
from cheques.models import Afronding
from loopbaangesprekken.models import Kansberoep, Kansberoepenlijst, Sector
from rapportage import vervolgvragen
from rapportage.models import Vervolgmeting
from tests.rapportage.factories_vervolg import maak_afronding
from tfvv.models import Gebeurtenis
from tfvv.termijnen import einde_termijn

pytestmark = pytest.mark.django_db
M = Vervolgmeting.Moment
DAG = datetime.timedelta(days=1)
# 23:30 UTC is past local midnight; 14 November 2026 is a Saturday
MOMENTEN = [datetime.datetime(2026, 11, 14, 23, 30, tzinfo=datetime.UTC),
            datetime.datetime(2026, 11, 14, 11, 0, tzinfo=datetime.UTC),
            datetime.datetime(2026, 11, 17, 23, 30, tzinfo=datetime.UTC)]
LINK = re.compile(r"https?://[^/\s]+(/vragenlijst/[A-Za-z0-9_-]{20,}/)")
STOPLINK = re.compile(r"https?://[^/\s]+(/vragenlijst/stoppen/[^/\s]+/)")
ANTWOORDEN = {"werksituatie": "ander_werk", "beroep": "Elektromonteur", "kansberoep": "",
              "uren": "32_plus", "inkomen": "iets_meer", "gebruik": "veel",
              "tevredenheid_loket": "4", "tevredenheid_opleider": "5", "aanbevelen": "ja"}


@pytest.fixture
def verstuur(django_capture_on_commit_callbacks):
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return vervolgvragen.verstuur_vervolgvragen()
    return run


@pytest.fixture
def sector():
    return Sector.objects.get_or_create(naam="Zorg en welzijn", defaults={"kansrijk": True})[0]


def _pad(regex, tekst):
    gevonden = regex.search(tekst)
    assert gevonden, tekst
    return gevonden.group(1)


def test_drie_momenten_vanaf_de_afronding(medewerkers):
    afronding = maak_afronding(medewerkers)
    basis = timezone.localdate(afronding.geregistreerd_op)
    assert vervolgvragen.plan_vervolgmetingen(vandaag=basis) == 3
    assert vervolgvragen.plan_vervolgmetingen(vandaag=basis) == 0  # planned once
    gepland = dict(Vervolgmeting.objects.values_list("moment", "gepland_op"))
    assert gepland == {M.EINDE: basis, M.ZES_MAANDEN: basis + relativedelta(months=6),
                       M.TWAALF_MAANDEN: basis + relativedelta(months=12)}


@pytest.mark.parametrize("soort", [Afronding.Soort.GESTOPT, Afronding.Soort.AANWEZIGHEID])
def test_ook_na_stoppen_of_met_presentie(medewerkers, soort):
    maak_afronding(medewerkers, soort=soort)
    assert vervolgvragen.plan_vervolgmetingen(vandaag=timezone.localdate()) == 3


def test_zonder_toestemming_geen_vragen(medewerkers, verstuur):
    maak_afronding(medewerkers, toestemming=False)
    assert verstuur() == (0, 0)
    assert not Vervolgmeting.objects.exists() and not mail.outbox


def test_achterstand_stuurt_geen_oude_momenten(medewerkers, verstuur):
    """A completion recorded 8 months ago (a first run): only the 12-month moment is left."""
    maak_afronding(medewerkers, geregistreerd_op=timezone.now() - relativedelta(months=8))
    assert verstuur() == (0, 0)
    assert list(Vervolgmeting.objects.values_list("moment", flat=True)) == [M.TWAALF_MAANDEN]


@pytest.mark.parametrize("moment", MOMENTEN)
def test_elk_moment_precies_eenmaal(moment, time_machine, medewerkers, verstuur):
    time_machine.move_to(moment, tick=False)
    maak_afronding(medewerkers, email="deelnemer@voorbeeld.nl")
    mail.outbox.clear()
    assert verstuur() == (1, 0)
    assert verstuur() == (0, 0)  # the beat job again the same day: nothing
    assert len(mail.outbox) == 1
    eerste = mail.outbox[0]
    assert eerste.to == ["deelnemer@voorbeeld.nl"]
    assert "korte vragen" in eerste.subject
    _pad(LINK, eerste.body), _pad(STOPLINK, eerste.body)
    geldig = einde_termijn(timezone.localdate() + datetime.timedelta(days=42))
    assert Vervolgmeting.objects.get(moment=M.EINDE).geldig_tot == geldig

    time_machine.move_to(moment + 13 * DAG, tick=False)
    assert verstuur() == (0, 0)  # 13 days: no reminder yet
    time_machine.move_to(moment + 14 * DAG, tick=False)
    assert verstuur() == (0, 1)
    assert verstuur() == (0, 0)  # one reminder only
    assert "Herinnering" in mail.outbox[1].subject
    _pad(STOPLINK, mail.outbox[1].body)  # the stop link is in every mail

    time_machine.move_to(moment + relativedelta(months=6), tick=False)
    assert verstuur() == (1, 0)  # the 6-month moment; the end moment is not sent again
    assert verstuur() == (0, 0)
    time_machine.move_to(moment + relativedelta(months=12), tick=False)
    assert verstuur() == (1, 0)
    assert verstuur() == (0, 0)
    # end, its reminder, 6 and 12 months (the 6-month link had expired by then: no reminder)
    assert len(mail.outbox) == 4
    assert Vervolgmeting.objects.filter(verstuurd_op__isnull=False).count() == 3


def test_herinnering_vervangt_de_link(medewerkers, verstuur, time_machine, client):
    time_machine.move_to(MOMENTEN[0], tick=False)
    maak_afronding(medewerkers)
    mail.outbox.clear()
    verstuur()
    oud = _pad(LINK, mail.outbox[0].body)
    time_machine.move_to(MOMENTEN[0] + 15 * DAG, tick=False)
    assert verstuur() == (0, 1)
    nieuw = _pad(LINK, mail.outbox[1].body)
    assert oud != nieuw
    assert client.get(oud).status_code == 404
    assert client.get(nieuw).status_code == 200


def test_geen_herinnering_na_invullen(medewerkers, verstuur, time_machine, client, sector):
    time_machine.move_to(MOMENTEN[1], tick=False)
    maak_afronding(medewerkers)
    mail.outbox.clear()
    verstuur()
    client.post(_pad(LINK, mail.outbox[0].body), {**ANTWOORDEN, "sector": sector.pk})
    time_machine.move_to(MOMENTEN[1] + 20 * DAG, tick=False)
    assert verstuur() == (0, 0)


def _verstuurd(medewerkers, verstuur) -> tuple[str, str]:
    maak_afronding(medewerkers)
    mail.outbox.clear()
    verstuur()
    body = mail.outbox[0].body
    return _pad(LINK, body), _pad(STOPLINK, body)


def test_stoppen_op_verzoek(medewerkers, verstuur, time_machine, client):
    time_machine.move_to(MOMENTEN[0], tick=False)
    link, stop = _verstuurd(medewerkers, verstuur)
    response = client.get(stop)
    assert response.status_code == 200 and "Stuur mij geen vragen meer" in response.text
    assert not Vervolgmeting.objects.filter(gestopt_op__isnull=False).exists()  # GET: nothing
    response = client.post(stop)
    assert response.status_code == 200 and "U krijgt geen vragen meer" in response.text
    assert client.post(stop).status_code == 200  # again: the same answer
    assert Vervolgmeting.objects.filter(gestopt_op__isnull=False).count() == 3
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.toestemming_vervolgvragen_op is None
    assert Gebeurtenis.objects.filter(actie="toestemming_vervolgvragen_ingetrokken",
                                      dossier_id=aanvraag.pk).count() == 1
    assert "geen vragen meer" in client.get(link).text  # the open link stops working
    for later in (15 * DAG, relativedelta(months=6), relativedelta(months=12)):
        time_machine.move_to(MOMENTEN[0] + later, tick=False)
        assert verstuur() == (0, 0)
    assert len(mail.outbox) == 1


def test_vervalste_stoplink(client):
    response = client.get("/vragenlijst/stoppen/MTIz:1vAbCd:nepnepnepnep/")
    assert response.status_code == 404
    assert client.post("/vragenlijst/stoppen/MTIz:1vAbCd:nepnepnepnep/").status_code == 404


def test_invullen_en_tweede_keer_geweigerd(medewerkers, verstuur, client, sector):
    lijst = Kansberoepenlijst.objects.create(
        naam="Kansberoepen Twente nu", gepubliceerd_op=timezone.localdate(),
        geldig_van=timezone.localdate() - DAG, geldig_tot=timezone.localdate() + 300 * DAG)
    beroep = Kansberoep.objects.create(lijst=lijst, naam="Verzorgende IG", sector=sector)
    oud = Kansberoepenlijst.objects.create(
        naam="Oude lijst", gepubliceerd_op=timezone.localdate() - 900 * DAG,
        geldig_van=timezone.localdate() - 900 * DAG,
        geldig_tot=timezone.localdate() - 500 * DAG)
    Kansberoep.objects.create(lijst=oud, naam="Vervallen beroep", sector=sector)
    link, _stop = _verstuurd(medewerkers, verstuur)
    pagina = client.get(link)
    assert pagina.status_code == 200
    assert "Verzorgende IG" in pagina.text and "Vervallen beroep" not in pagina.text
    assert "<script" not in pagina.text.split("<form", 1)[1].split("</form>", 1)[0]

    # a missing answer: a Dutch message at the field, input kept, nothing stored
    fout = client.post(link, {**ANTWOORDEN, "gebruik": ""})
    assert fout.status_code == 200
    assert "Kies de sector waarin u werkt." in fout.text
    assert "Kies veel, een beetje of niet." in fout.text
    assert re.search(r'value="32_plus" id="id_uren_3"[^>]* checked', fout.text)
    assert not Vervolgmeting.objects.filter(ingevuld_op__isnull=False).exists()

    goed = client.post(link, {**ANTWOORDEN, "sector": sector.pk, "kansberoep": beroep.pk})
    assert goed.status_code == 302 and goed["Location"] == "/vragenlijst/bedankt/"
    meting = Vervolgmeting.objects.get(ingevuld_op__isnull=False)
    assert meting.moment == M.EINDE
    assert (meting.werksituatie, meting.sector, meting.kansberoep, meting.uren) == (
        "ander_werk", sector, beroep, "32_plus")
    assert (meting.tevredenheid_loket, meting.tevredenheid_opleider, meting.aanbevelen) == (
        4, 5, "ja")
    assert meting.beroep == "Elektromonteur"

    tweede = client.post(link, {**ANTWOORDEN, "sector": sector.pk, "aanbevelen": "nee"})
    assert tweede.status_code == 200
    assert "U heeft deze vragen al beantwoord" in tweede.text
    meting.refresh_from_db()
    assert meting.aanbevelen == "ja"
    assert "al beantwoord" in client.get(link).text


def test_zonder_werk_geen_werkvragen(medewerkers, verstuur, client, sector):
    link, _stop = _verstuurd(medewerkers, verstuur)
    response = client.post(link, {**ANTWOORDEN, "werksituatie": "zoekend", "uren": "tot_12",
                                  "sector": sector.pk})
    assert response.status_code == 302
    meting = Vervolgmeting.objects.get(ingevuld_op__isnull=False)
    assert (meting.sector, meting.uren, meting.beroep) == (None, "", "")


def test_verlopen_link(medewerkers, verstuur, client, time_machine):
    time_machine.move_to(MOMENTEN[2], tick=False)
    link, _stop = _verstuurd(medewerkers, verstuur)
    meting = Vervolgmeting.objects.get(verstuurd_op__isnull=False)
    time_machine.move_to(timezone.make_aware(datetime.datetime.combine(
        meting.geldig_tot + DAG, datetime.time(9))), tick=False)
    assert "verlopen" in client.get(link).text
    assert "verlopen" in client.post(link, ANTWOORDEN).text
    assert not Vervolgmeting.objects.filter(ingevuld_op__isnull=False).exists()


def test_onbekende_link(client):
    response = client.get("/vragenlijst/" + "x" * 43 + "/")
    assert response.status_code == 404 and "Deze link werkt niet" in response.text


def test_anonimiseren_wist_het_beroep_en_stopt_de_vragen(medewerkers, verstuur):
    from tfvv.bewaartermijnen import anonimiseerders, dossier_geanonimiseerd

    anonimiseerders()  # the apps' retention modules, as the nightly job loads them
    afronding = maak_afronding(medewerkers)
    vervolgvragen.plan_vervolgmetingen(vandaag=timezone.localdate(afronding.geregistreerd_op))
    Vervolgmeting.objects.update(beroep="Monteur bij Jansen BV")
    dossier_geanonimiseerd.send(sender=Aanvraag,
                                dossier_id=afronding.cheque.beschikking.plan.aanvraag_id)
    assert set(Vervolgmeting.objects.values_list("beroep", flat=True)) == {""}
    assert not Vervolgmeting.objects.filter(gestopt_op__isnull=True).exists()
    assert not Vervolgmeting.objects.exclude(token_hash=None).exists()
