"""The bezwaar register: receipt (portal and post), timeliness, beslistermijn, the
beslissing op bezwaar with its letter, and the hold on retention (frozen time)."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from cheques import services
from cheques.models import Bezwaar, Postzending, Vervolgbesluit
from cheques.services import bezwaar as bezwaren
from cheques.services import post
from tests.aanvragen.factories import InwonerFactory
from tests.cheques.factories import toets_met
from tests.cheques.test_documenten import tekst
from tfvv import bewaartermijnen
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db
D = datetime.date


def bevries(time_machine, dag):
    time_machine.move_to(datetime.datetime.combine(dag, datetime.time(9), tzinfo=datetime.UTC),
                         tick=False)


@pytest.fixture
def afwijzing(maak_plan, periode, medewerkers, django_capture_on_commit_callbacks):
    def maak():
        plan = maak_plan(toets_snapshot=toets_met(R7="niet_voldaan"))
        with django_capture_on_commit_callbacks(execute=True):
            return services.afwijzen(plan=plan, door=medewerkers["beoordelaar"],
                                     motivering="Het niveau past niet.", regels=["R7"])
    return maak


def test_digitaal_bezwaar_binnen_de_termijn(afwijzing, time_machine,
                                            django_capture_on_commit_callbacks):
    bevries(time_machine, D(2026, 3, 13))  # bezwaartermijn: Friday 24 April 2026
    b = afwijzing()
    assert b.bezwaartermijn_tot == D(2026, 4, 24)
    bevries(time_machine, D(2026, 4, 20))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        bezwaar = bezwaren.dien_bezwaar_in(besluit=b, door=b.plan.aanvraag.aanvrager,
                                           gronden="Mijn niveau is mbo-2.")
    assert bezwaar.kanaal == Bezwaar.Kanaal.PORTAAL and bezwaar.tijdig
    # Awb 7:10: six weeks after 24 April = 5 June 2026 (a Friday)
    assert bezwaar.beslistermijn_tot == D(2026, 6, 5)
    event = Gebeurtenis.objects.get(actie="bezwaar_ontvangen")
    assert "05-06-2026" in event.tekst_inwoner
    assert [m.to for m in mail.outbox] == [[b.plan.aanvraag.email]]  # Awb 6:14


def test_alleen_eigen_besluit(afwijzing):
    b = afwijzing()
    with pytest.raises(PermissionDenied):
        bezwaren.dien_bezwaar_in(besluit=b, door=InwonerFactory(), gronden="x")


@pytest.mark.parametrize(("ontvangen", "poststempel", "tijdig"), [
    (D(2026, 4, 24), None, True),
    (D(2026, 4, 27), None, False),
    (D(2026, 4, 30), D(2026, 4, 24), True),      # Awb 6:9 lid 2: posted in time
    (D(2026, 5, 4), D(2026, 4, 24), False),      # more than a week after the term
])
def test_per_post_tijdigheid(afwijzing, medewerkers, time_machine, ontvangen, poststempel,
                             tijdig):
    bevries(time_machine, D(2026, 3, 13))
    b = afwijzing()
    bevries(time_machine, D(2026, 5, 6))
    bezwaar = bezwaren.registreer_bezwaar(besluit=b, door=medewerkers["beoordelaar"],
                                          ontvangen_op=ontvangen, poststempel_op=poststempel,
                                          gronden="Per brief.")
    assert bezwaar.kanaal == Bezwaar.Kanaal.POST
    assert bezwaar.tijdig is tijdig


def test_beslistermijn_adviescommissie_en_verdaging_met_atw(afwijzing, medewerkers,
                                                           time_machine):
    bevries(time_machine, D(2026, 3, 13))
    b = afwijzing()
    bezwaar = bezwaren.dien_bezwaar_in(besluit=b, door=b.plan.aanvraag.aanvrager,
                                       gronden="Oneens.")
    # 24 April + 12 weeks = Friday 17 July; + 6 more weeks = Friday 28 August
    bezwaar = bezwaren.wijzig_beslistermijn(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                                            adviescommissie=True, verdaagd=False)
    assert bezwaar.beslistermijn_tot == D(2026, 7, 17)
    bezwaar = bezwaren.wijzig_beslistermijn(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                                            adviescommissie=True, verdaagd=True)
    assert bezwaar.beslistermijn_tot == D(2026, 8, 28)


def test_beslistermijn_op_tweede_kerstdag(afwijzing, time_machine):
    # bezwaartermijn ends Friday 13 November 2026; + 6 weeks = Friday 25 December (Christmas)
    bevries(time_machine, D(2026, 10, 2))
    b = afwijzing()
    assert b.bezwaartermijn_tot == D(2026, 11, 13)
    bezwaar = bezwaren.dien_bezwaar_in(besluit=b, door=b.plan.aanvraag.aanvrager,
                                       gronden="Oneens.")
    assert bezwaar.beslistermijn_tot == D(2026, 12, 28)


def test_gegrond_herroept_met_brief(afwijzing, medewerkers, time_machine,
                                    django_capture_on_commit_callbacks):
    bevries(time_machine, D(2026, 3, 13))
    b = afwijzing()
    bezwaar = bezwaren.dien_bezwaar_in(besluit=b, door=b.plan.aanvraag.aanvrager,
                                       gronden="Mijn diploma is mbo-2.")
    with pytest.raises(ValidationError) as e:
        bezwaren.beslis_op_bezwaar(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                                   uitkomst="gegrond", motivering="Klopt.")
    assert "nieuw_besluit" in e.value.error_dict
    bevries(time_machine, D(2026, 5, 20))
    with django_capture_on_commit_callbacks(execute=True):
        besluit = bezwaren.beslis_op_bezwaar(
            bezwaar=bezwaar, door=medewerkers["beoordelaar"], uitkomst="gegrond",
            motivering="Uit het diploma blijkt dat u mbo-2 heeft afgerond.",
            nieuw_besluit="De aanvraag wordt toegekend tot een bedrag van € 1.500,00.",
            bedrag=Decimal("1500.00"))
    besluit.refresh_from_db()
    assert besluit.soort == Vervolgbesluit.Soort.BESLISSING_OP_BEZWAAR
    assert besluit.bezwaartermijn_tot is None  # beroep, not bezwaar
    assert besluit.gegevens["herroepen"] is True
    bezwaar.refresh_from_db()
    assert bezwaar.uitkomst == "gegrond" and bezwaar.beroepstermijn_tot == D(2026, 7, 1)
    brief = tekst(besluit.brief.path)
    assert "gegrond" in brief and "herroepen" in brief
    assert "€ 1.500,00" in brief
    assert "mbo-2 heeft afgerond" in brief
    assert "rechtbank Overijssel" in brief and "1 juli 2026" in brief
    with pytest.raises(ValidationError):  # decided once
        bezwaren.beslis_op_bezwaar(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                                   uitkomst="ongegrond", motivering="Toch niet.")


def test_bewaartermijn_wacht_op_bezwaar_en_beroep(afwijzing, medewerkers, time_machine):
    bevries(time_machine, D(2026, 1, 5))
    b = afwijzing()
    aanvraag = b.plan.aanvraag
    bezwaar = bezwaren.dien_bezwaar_in(besluit=b, door=aanvraag.aanvrager, gronden="Oneens.")
    # 1 year + 43 days later the refused case would be due: the open bezwaar holds it
    bevries(time_machine, D(2027, 3, 1))
    assert bewaartermijnen.pas_toe()["aanvragen.aanvraag"] == 0
    bezwaren.beslis_op_bezwaar(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                               uitkomst="ongegrond", motivering="Het niveau past niet.")
    # beroepstermijn runs until 12 April 2027: still held
    bevries(time_machine, D(2027, 4, 1))
    assert bewaartermijnen.pas_toe()["aanvragen.aanvraag"] == 0
    bezwaren.registreer_beroep(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                               ingesteld_op=D(2027, 4, 1))
    bevries(time_machine, D(2027, 9, 1))
    assert bewaartermijnen.pas_toe()["aanvragen.aanvraag"] == 0  # beroep pending
    bezwaren.registreer_beroep(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                               uitspraak_op=D(2027, 8, 30), uitkomst="ongegrond")
    assert bewaartermijnen.pas_toe()["aanvragen.aanvraag"] == 1
    aanvraag.refresh_from_db()
    assert aanvraag.geanonimiseerd_op is not None


def test_geen_bezwaar_tegen_beslissing_op_bezwaar(afwijzing, medewerkers):
    b = afwijzing()
    bezwaar = bezwaren.dien_bezwaar_in(besluit=b, door=b.plan.aanvraag.aanvrager,
                                       gronden="Oneens.")
    besluit = bezwaren.beslis_op_bezwaar(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                                         uitkomst="ongegrond", motivering="Blijft.")
    with pytest.raises(ValidationError):
        bezwaren.dien_bezwaar_in(besluit=besluit, door=b.plan.aanvraag.aanvrager,
                                 gronden="Weer oneens.")


def test_per_post_en_bekendmaking_op_postdatum(maak_plan, periode, medewerkers, time_machine):
    bevries(time_machine, D(2026, 3, 13))
    plan = maak_plan(gevraagd_bedrag=Decimal("1500.00"))
    plan.aanvraag.besluiten_elektronisch = False
    plan.aanvraag.save()
    b = services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                           bedrag=Decimal("1500.00"), motivering="Voldoet.")
    zending = Postzending.objects.get(beschikking=b)
    assert zending.gepost_op is None
    bevries(time_machine, D(2026, 3, 17))
    post.markeer_gepost(zending=zending, door=medewerkers["beoordelaar"],
                        gepost_op=D(2026, 3, 16))
    b.refresh_from_db()
    # six weeks after posting end on Koningsdag (27 April 2026): the next working day
    assert b.bezwaartermijn_tot == D(2026, 4, 28)
    with pytest.raises(ValidationError):
        post.markeer_gepost(zending=zending, door=medewerkers["beoordelaar"],
                            gepost_op=D(2026, 3, 17))


def test_digitale_ontvanger_niet_op_postlijst(maak_plan, periode, medewerkers):
    plan = maak_plan()
    services.toekennen(plan=plan, door=medewerkers["beoordelaar"],
                       bedrag=Decimal("1500.00"), motivering="Voldoet.")
    assert not Postzending.objects.exists()


def test_verdaging_een_keer_met_brief(afwijzing, medewerkers, time_machine,
                                      django_capture_on_commit_callbacks):
    bevries(time_machine, D(2026, 3, 13))
    b = afwijzing()
    bezwaar = bezwaren.dien_bezwaar_in(besluit=b, door=b.plan.aanvraag.aanvrager,
                                       gronden="Oneens.")
    assert bezwaar.beslistermijn_tot == D(2026, 6, 5)
    beoordelaar = medewerkers["beoordelaar"]
    bevries(time_machine, D(2026, 6, 1))
    with django_capture_on_commit_callbacks(execute=True):
        bezwaar = bezwaren.wijzig_beslistermijn(
            bezwaar=bezwaar, door=beoordelaar, adviescommissie=False, verdaagd=True,
            reden_verdaging="Wij wachten op een verklaring van de opleider.")
    # 5 June + 6 weeks = Friday 17 July 2026
    assert bezwaar.verdaagd and bezwaar.beslistermijn_tot == D(2026, 7, 17)
    brief = Vervolgbesluit.objects.get(soort=Vervolgbesluit.Soort.VERDAGING)
    assert brief.bezwaartermijn_tot is None and brief.gegevens["bezwaar"] == bezwaar.pk
    pdf = tekst(brief.brief.path)
    assert "5 juni 2026" in pdf and "17 juli 2026" in pdf and "7:10" in pdf
    assert "verklaring van de opleider" in pdf
    # once only: it cannot be undone, and a second deferral adds nothing
    with pytest.raises(ValidationError) as e:
        bezwaren.wijzig_beslistermijn(bezwaar=bezwaar, door=beoordelaar,
                                      adviescommissie=False, verdaagd=False)
    assert "niet worden teruggedraaid" in str(e.value)
    bezwaren.wijzig_beslistermijn(bezwaar=bezwaar, door=beoordelaar, adviescommissie=False,
                                  verdaagd=True)
    assert Vervolgbesluit.objects.filter(soort=Vervolgbesluit.Soort.VERDAGING).count() == 1
    with pytest.raises(PermissionDenied):
        bezwaren.wijzig_beslistermijn(bezwaar=bezwaar, door=medewerkers["financieel"],
                                      adviescommissie=False, verdaagd=True)


def test_verdagen_niet_na_afloop_van_de_termijn(afwijzing, medewerkers, time_machine):
    bevries(time_machine, D(2026, 3, 13))
    b = afwijzing()
    bezwaar = bezwaren.dien_bezwaar_in(besluit=b, door=b.plan.aanvraag.aanvrager,
                                       gronden="Oneens.")
    bevries(time_machine, D(2026, 6, 8))  # the term ended on Friday 5 June
    with pytest.raises(ValidationError) as e:
        bezwaren.wijzig_beslistermijn(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                                      adviescommissie=False, verdaagd=True)
    assert "05-06-2026 verstreken" in str(e.value)
    assert not Vervolgbesluit.objects.filter(soort=Vervolgbesluit.Soort.VERDAGING).exists()


def test_verdaging_eindigt_op_werkdag(afwijzing, medewerkers, time_machine):
    # bezwaartermijn ends Friday 13 November 2026; + 6 weeks = Christmas, moved to Monday
    # 28 December; deferred: 13 November + 12 weeks = Friday 5 February 2027
    bevries(time_machine, D(2026, 10, 2))
    b = afwijzing()
    bezwaar = bezwaren.dien_bezwaar_in(besluit=b, door=b.plan.aanvraag.aanvrager,
                                       gronden="Oneens.")
    assert bezwaar.beslistermijn_tot == D(2026, 12, 28)
    bezwaar = bezwaren.wijzig_beslistermijn(bezwaar=bezwaar, door=medewerkers["beoordelaar"],
                                            adviescommissie=False, verdaagd=True)
    assert bezwaar.beslistermijn_tot == D(2027, 2, 5)
