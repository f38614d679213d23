import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aanvragen.models import Aanvraag
from cheques import services, verificatie
from cheques.models import Aanvulverzoek, Beschikking, Cheque
from loopbaangesprekken.models import Scholingsplan
from tests.cheques.factories import toets_met
from tfvv import budget, budget_selectors
from tfvv.models import Gebeurtenis
from tfvv.termijnen import bezwaartermijn_einde

pytestmark = pytest.mark.django_db
D = Decimal
VANDAAG = timezone.localdate


def stand(periode):
    return budget_selectors.standen([periode])[0]


def ken_toe(plan, door, bedrag="1500.00"):
    return services.toekennen(plan=plan, door=door, bedrag=D(bedrag),
                              motivering="Het plan voldoet aan alle regels.")


def test_toekennen_reserveert_en_geeft_cheque_uit(periode, maak_plan, medewerkers,
                                                   django_capture_on_commit_callbacks):
    plan = maak_plan()
    with django_capture_on_commit_callbacks(execute=True):
        beschikking = ken_toe(plan, medewerkers["beoordelaar"])
    cheque = beschikking.cheque
    assert re.fullmatch(rf"TFV-{VANDAAG().year}-000001", cheque.nummer)
    assert beschikking.status == Beschikking.Status.VERZONDEN
    # six weeks, moved to the next working day by the Algemene termijnenwet
    assert beschikking.bezwaartermijn_tot == bezwaartermijn_einde(VANDAAG())
    assert "80 %" in beschikking.verplichtingen
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.BESLOTEN
    assert plan.aanvraag.status == Aanvraag.Status.TOEGEKEND
    s = stand(periode)
    assert (s.gereserveerd, s.gerealiseerd, s.vrij) == (D("1500"), D("0"), D("98500"))
    event = Gebeurtenis.objects.get(objecttype="loopbaangesprekken.scholingsplan",
                                    actie="toekennen")
    assert event.dossier_id == plan.aanvraag_id
    assert event.gegevens == {"bedrag": "1500.00", "jaar": VANDAAG().year,
                              "cheque": cheque.nummer}
    # documents and mails were produced by the (eager) task after commit
    cheque.refresh_from_db()
    assert cheque.pdf and cheque.mail_verzonden_op
    assert {tuple(m.to) for m in mail.outbox} == {(plan.aanvraag.email,),
                                                  (plan.opleider.email,)}
    code = verificatie.code(nummer=cheque.nummer, zout=cheque.verificatiezout)
    opleidermail = next(m for m in mail.outbox if m.to == [plan.opleider.email])
    assert verificatie.opgemaakt(code) in opleidermail.body
    assert verificatie.klopt(verwacht_hash=cheque.verificatiecode_hash, invoer=code.lower())
    links = Gebeurtenis.objects.get(actie="documenten_verzonden").gegevens["links"]
    assert [link["label"] for link in links] == ["Beschikking (PDF)", "Scholingscheque (PDF)",
                                                  "Bezwaar maken"]


def test_toekennen_regels(periode, maak_plan, medewerkers):
    b = medewerkers["beoordelaar"]
    with pytest.raises(ValidationError) as e:
        ken_toe(maak_plan(), b, bedrag="1600.00")
    assert "hoger dan gevraagd" in str(e.value)
    with pytest.raises(ValidationError) as e:
        services.toekennen(plan=maak_plan(), door=b, bedrag=D("100"), motivering=" ")
    assert "3:47" in str(e.value)
    with pytest.raises(ValidationError) as e:
        ken_toe(maak_plan(toets_snapshot=toets_met(R2="niet voldaan")), b)
    assert "R2" in str(e.value)
    with pytest.raises(PermissionDenied):
        ken_toe(maak_plan(), medewerkers["financieel"])
    assert not Cheque.objects.exists()


def test_maximum_per_persoon_per_jaar(periode, maak_plan, medewerkers):
    b = medewerkers["beoordelaar"]
    eerste = maak_plan(gevraagd_bedrag=D("1500"))
    ken_toe(eerste, b)
    tweede = maak_plan(aanvraag__aanvrager=eerste.aanvraag.aanvrager, gevraagd_bedrag=D("1500"))
    with pytest.raises(ValidationError) as e:
        ken_toe(tweede, b)
    assert "nog € 1.000,00 over (maximum € 2.500,00)" in str(e.value)
    ken_toe(tweede, b, bedrag="1000.00")


def test_medeondertekening(periode, maak_plan, medewerkers):
    plan = maak_plan(gevraagd_bedrag=D("2400"))
    eerste, tweede = medewerkers["beoordelaar"], medewerkers["beoordelaar2"]
    concept = ken_toe(plan, eerste, bedrag="2400.00")
    assert concept.status == Beschikking.Status.CONCEPT
    assert not Cheque.objects.exists() and stand(periode).gereserveerd == 0
    with pytest.raises(PermissionDenied):
        services.medeondertekenen(beschikking=concept, door=eerste)
    with pytest.raises(PermissionDenied):
        services.medeondertekenen(beschikking=concept, door=medewerkers["financieel"])
    beschikking = services.medeondertekenen(beschikking=concept, door=tweede)
    assert beschikking.medeondertekenaar == tweede
    assert beschikking.cheque.bedrag == D("2400")
    with pytest.raises(ValidationError):
        services.medeondertekenen(beschikking=beschikking, door=tweede)


def test_handmatige_regel_vraagt_medeondertekening_en_verwerpen(periode, maak_plan,
                                                                 medewerkers):
    plan = maak_plan(toets_snapshot=toets_met(R4="handmatig beoordelen"))
    concept = ken_toe(plan, medewerkers["beoordelaar"], bedrag="500.00")
    assert concept.status == Beschikking.Status.CONCEPT
    with pytest.raises(ValidationError):
        services.concept_verwerpen(beschikking=concept, door=medewerkers["beoordelaar2"],
                                   reden="")
    services.concept_verwerpen(beschikking=concept, door=medewerkers["beoordelaar2"],
                               reden="Arbeidsmarktperspectief onvoldoende onderbouwd.")
    assert not Beschikking.objects.exists()
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.INGEDIEND


def test_afwijzen(periode, maak_plan, medewerkers, django_capture_on_commit_callbacks):
    plan = maak_plan(toets_snapshot=toets_met(R7="niet_voldaan"))
    b = medewerkers["beoordelaar"]
    with pytest.raises(ValidationError) as e:
        services.afwijzen(plan=plan, door=b, motivering="", regels=[])
    assert set(e.value.error_dict) == {"motivering", "regels"}
    with django_capture_on_commit_callbacks(execute=True):
        beschikking = services.afwijzen(plan=plan, door=b, motivering="Te oud.", regels=["R7"])
    beschikking.refresh_from_db()
    assert beschikking.uitkomst == Beschikking.Uitkomst.AFWIJZING
    assert "Subsidieverordening" in beschikking.grondslag
    assert beschikking.brief  # the letter was rendered
    plan.aanvraag.refresh_from_db()
    assert plan.aanvraag.status == Aanvraag.Status.AFGEWEZEN
    with pytest.raises(ValidationError):  # a second decision on the same plan
        ken_toe(plan, b)


def test_aanvulling_en_buiten_behandeling(periode, maak_plan, medewerkers):
    plan = maak_plan()
    b = medewerkers["beoordelaar"]
    with pytest.raises(ValidationError):
        services.vraag_aanvulling(plan=plan, door=b, omschrijving="Offerte",
                                  hersteltermijn_tot=VANDAAG())
    verzoek = services.vraag_aanvulling(plan=plan, door=b, omschrijving="Offerte opleider",
                                        hersteltermijn_tot=VANDAAG() + datetime.timedelta(14))
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.AANVULLING
    with pytest.raises(ValidationError) as e:
        services.buiten_behandeling_stellen(plan=plan, door=b)
    assert "nog niet verstreken" in str(e.value)
    with pytest.raises(ValidationError):  # no grant while an aanvulling is pending
        ken_toe(plan, b)
    Aanvulverzoek.objects.filter(pk=verzoek.pk).update(
        hersteltermijn_tot=VANDAAG() - datetime.timedelta(days=1))
    beschikking = services.buiten_behandeling_stellen(plan=plan, door=b)
    assert "Offerte opleider" in beschikking.motivering
    plan.aanvraag.refresh_from_db()
    assert plan.aanvraag.status == Aanvraag.Status.BUITEN_BEHANDELING


def test_aanvulling_mailt_consulent_en_inwoner(periode, maak_plan, medewerkers,
                                               django_capture_on_commit_callbacks):
    plan = maak_plan()
    with django_capture_on_commit_callbacks(execute=True):
        services.vraag_aanvulling(plan=plan, door=medewerkers["beoordelaar"],
                                  omschrijving="Offerte",
                                  hersteltermijn_tot=VANDAAG() + datetime.timedelta(14))
    assert set(mail.outbox[0].to) == {plan.aanvraag.email, plan.consulent.email}
    assert "4:5" in mail.outbox[0].body


def test_vervallen(periode, maak_plan, medewerkers, django_capture_on_commit_callbacks):
    cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"]).cheque
    mail.outbox.clear()
    assert services.laat_verlopen_cheques_vervallen(vandaag=cheque.geldig_tot) == 0
    with django_capture_on_commit_callbacks(execute=True):
        aantal = services.laat_verlopen_cheques_vervallen(
            vandaag=cheque.geldig_tot + datetime.timedelta(days=1))
    assert aantal == 1
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.VERVALLEN
    assert stand(periode).gereserveerd == 0
    event = Gebeurtenis.objects.get(actie="cheque_vervallen")
    assert event.gegevens["bedrag"] == "1500.00" and event.gegevens["cheque"] == cheque.nummer
    assert "vervallen" in mail.outbox[0].subject
    assert Gebeurtenis.objects.filter(objecttype="cheques.cheque", actie="vervallen")\
        .exclude(tekst_inwoner="").exists()


def test_plafond(maak_plan, medewerkers):
    from tests.cheques.factories import maak_periode

    periode = maak_periode(plafond=D("2000.00"))
    b = medewerkers["beoordelaar"]
    ken_toe(maak_plan(), b)
    with pytest.raises(budget.PlafondOverschreden) as e:
        ken_toe(maak_plan(), b)
    assert "gevraagd € 1.500,00, nog beschikbaar € 500,00" in str(e.value)
    assert "4:25" in str(e.value)
    ken_toe(maak_plan(gevraagd_bedrag=D("500")), b, bedrag="500.00")
    assert stand(periode).vrij == 0
    # the refused grant did not use up a number: numbers stay gap-free
    assert list(Cheque.objects.values_list("nummer", flat=True)) == [
        f"TFV-{VANDAAG().year}-000001", f"TFV-{VANDAAG().year}-000002"]


def test_toezegging_na_publicatie_verhoogt_het_plafond_niet(periode, medewerkers):
    """Awb 4:27: only a new, published plafond decision changes the plafond."""
    from tfvv import begroting
    from tfvv.models import Financieringsbron

    bron = Financieringsbron.objects.create(naam="Provincie Overijssel")
    begroting.voeg_toezegging_toe(bron=bron, periode=periode, bedrag=D("2000000"),
                                  datum=datetime.date(2023, 2, 1), door=medewerkers["beheerder"])
    assert stand(periode).plafond == D("100000")
    assert Gebeurtenis.objects.get(actie="toezegging_toevoegen").gegevens["bedrag"] == "2000000"
