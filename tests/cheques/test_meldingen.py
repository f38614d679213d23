"""The path event -> melding (tfvv.meldingen) for every actie the stages register: who is
notified, never the person who caused it, never a resident, only after commit."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cheques import services
from cheques.models import Aanvulverzoek
from cheques.services import bezwaar as bezwaren
from loopbaangesprekken.models import Scholingsplan
from loopbaangesprekken.services import scholingsplan as plan_services
from tests.cheques.factories import toets_met
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Melding
from tfvv.models.gebruiker import Meldingsmail

pytestmark = pytest.mark.django_db


def ontvangers(actie: str) -> set[str]:
    return set(Melding.objects.filter(soort=actie).values_list("ontvanger__username", flat=True))


@pytest.fixture
def zaak(maak_plan, periode, medewerkers):
    """A submitted plan whose case is handled by the Leerwerkloket consulent."""
    plan = maak_plan()
    plan.aanvraag.consulent = medewerkers["consulent_lwl"]
    plan.aanvraag.save(update_fields=["consulent"])
    return plan


def test_plan_ingediend_naar_beoordelaars(maak_plan, periode, medewerkers,
                                          django_capture_on_commit_callbacks):
    plan = maak_plan(status=Scholingsplan.Status.CONCEPT, ingediend_op=None)
    with django_capture_on_commit_callbacks(execute=True):
        plan_services.indienen(plan=plan, actor=medewerkers["consulent_lwl"])
    assert ontvangers("indienen") == {"beoordelaar", "beoordelaar2"}
    melding = Melding.objects.filter(soort="indienen").first()
    assert plan.aanvraag.referentie in melding.tekst
    assert melding.link == reverse("cheques:plan", kwargs={"plan_id": plan.pk})
    assert melding.gelezen_op is None


def test_geen_melding_zonder_commit(maak_plan, periode, medewerkers):
    plan = maak_plan(status=Scholingsplan.Status.CONCEPT, ingediend_op=None)
    with pytest.raises(RuntimeError), transaction.atomic():
        plan_services.indienen(plan=plan, actor=medewerkers["consulent_lwl"])
        raise RuntimeError("rolled back")
    assert not Melding.objects.exists()


def test_medeondertekening_naar_andere_beoordelaars_nooit_de_voorsteller(
        zaak, medewerkers, django_capture_on_commit_callbacks):
    zaak.gevraagd_bedrag = 2400
    zaak.save(update_fields=["gevraagd_bedrag"])
    with django_capture_on_commit_callbacks(execute=True):
        services.toekennen(plan=zaak, door=medewerkers["beoordelaar"], bedrag=2400,
                           motivering="Voldoet")
    assert ontvangers("toekenning_voorstellen") == {"beoordelaar2"}


def test_bezwaar_naar_beoordelaars_nooit_de_inwoner(zaak, medewerkers,
                                                   django_capture_on_commit_callbacks):
    zaak.toets_snapshot = toets_met(R7="niet_voldaan")
    zaak.save(update_fields=["toets_snapshot"])
    with django_capture_on_commit_callbacks(execute=True):
        besluit = services.afwijzen(plan=zaak, door=medewerkers["beoordelaar"],
                                    motivering="Het niveau past niet.", regels=["R7"])
    inwoner = zaak.aanvraag.aanvrager
    with django_capture_on_commit_callbacks(execute=True):
        bezwaar = bezwaren.dien_bezwaar_in(besluit=besluit, door=inwoner, gronden="Niet eens.")
    assert ontvangers("bezwaar_ontvangen") == {"beoordelaar", "beoordelaar2"}
    assert not Melding.objects.filter(ontvanger=inwoner).exists()
    assert Melding.objects.filter(soort="bezwaar_ontvangen").first().link == reverse(
        "cheques:bezwaar", kwargs={"pk": bezwaar.pk})


def test_aanvulling_beantwoord_naar_consulent_en_vrager(zaak, medewerkers,
                                                       django_capture_on_commit_callbacks):
    verzoek = services.vraag_aanvulling(
        plan=zaak, door=medewerkers["beoordelaar2"], omschrijving="Offerte",
        hersteltermijn_tot=timezone.localdate() + datetime.timedelta(days=14))
    # the action the resident portal writes when the resident answers
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        registreer_gebeurtenis(actor=zaak.aanvraag.aanvrager, obj=verzoek,
                               actie="aanvulling_beantwoord_door_inwoner",
                               dossier_id=zaak.aanvraag_id)
    assert ontvangers("aanvulling_beantwoord_door_inwoner") == {"consulent_lwl", "beoordelaar2"}
    links = dict(Melding.objects.values_list("ontvanger__username", "link"))
    assert links["beoordelaar2"] == reverse("cheques:plan", kwargs={"plan_id": zaak.pk})
    assert links["consulent_lwl"] == reverse("loopbaangesprekken:aanvraag",
                                             kwargs={"pk": zaak.aanvraag_id})
    assert Aanvulverzoek.objects.count() == 1


@pytest.mark.parametrize("actie", ["plan_goedgekeurd_door_inwoner",
                                   "plan_wijziging_gevraagd_door_inwoner"])
def test_inwoner_over_het_plan_naar_consulent(actie, zaak, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        registreer_gebeurtenis(actor=zaak.aanvraag.aanvrager, obj=zaak, actie=actie,
                               dossier_id=zaak.aanvraag_id)
    assert ontvangers(actie) == {"consulent_lwl"}
    assert Melding.objects.get().link == reverse("loopbaangesprekken:scholingsplan",
                                                 kwargs={"pk": zaak.pk})


def test_actor_krijgt_nooit_een_melding(zaak, medewerkers, django_capture_on_commit_callbacks):
    """A consulent who answers for the case (as actor) is not told of their own act."""
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        registreer_gebeurtenis(actor=medewerkers["consulent_lwl"], obj=zaak,
                               actie="plan_goedgekeurd_door_inwoner", dossier_id=zaak.aanvraag_id)
    assert not Melding.objects.exists()


def test_onbekende_actie_geeft_geen_melding(zaak, medewerkers,
                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        registreer_gebeurtenis(actor=medewerkers["beoordelaar"], obj=zaak, actie="iets_anders",
                               dossier_id=zaak.aanvraag_id)
    assert not callbacks and not Melding.objects.exists()


def test_mail_per_voorkeur(maak_plan, periode, medewerkers, django_capture_on_commit_callbacks):
    """Direct: one mail through the outbox; daily overview or none: no mail now."""
    voorkeuren = {"beoordelaar": Meldingsmail.DIRECT, "beoordelaar2": Meldingsmail.GEEN}
    for naam, voorkeur in voorkeuren.items():
        medewerkers[naam].meldingen_mail = voorkeur
        medewerkers[naam].save(update_fields=["meldingen_mail"])
    plan = maak_plan(status=Scholingsplan.Status.CONCEPT, ingediend_op=None)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        plan_services.indienen(plan=plan, actor=medewerkers["consulent_lwl"])
    assert [m.to for m in mail.outbox] == [[medewerkers["beoordelaar"].email]]
    bericht = mail.outbox[0]
    assert bericht.subject == "Melding: Scholingsplan ingediend"
    assert reverse("cheques:plan", kwargs={"plan_id": plan.pk}) in bericht.body
    assert reverse("tfvv:meldingen") in bericht.body
    gemaild = dict(Melding.objects.values_list("ontvanger__username", "gemaild_op"))
    assert gemaild["beoordelaar"] is not None and gemaild["beoordelaar2"] is None
