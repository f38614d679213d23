"""The resident's consent to the scholingsplan (Awb 4:2), at the service level: put up,
approved or a change asked, each for one version of the plan; an edit voids it; submitting
needs it, or a recorded reason when the consulent submits on the resident's behalf."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from aanvragen import portaal
from loopbaangesprekken.models import Planakkoord, Scholingsplan
from loopbaangesprekken.portaal import scholingsplan_goedkeuren
from loopbaangesprekken.selectors.akkoord import Stand, akkoordstand, wachtende_plannen
from loopbaangesprekken.services import akkoord as services
from loopbaangesprekken.services import scholingsplan as plan_services
from tests.aanvragen.bestanden import PDF, upload
from tests.aanvragen.factories import InwonerFactory
from tests.loopbaangesprekken.factories_scholingsplan import ScholingsplanFactory, begroting
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db

S = Planakkoord.Soort


@pytest.fixture
def plan(medewerkers):
    begroting()
    return ScholingsplanFactory(consulent=medewerkers["consulent_lwl"], akkoord=False)


def voorgelegd(plan, **kwargs):
    services.leg_voor(plan=plan, actor=plan.consulent, **kwargs)
    return akkoordstand(plan).versie


def test_voorleggen_mailt_zonder_inloglink_en_geeft_een_taak(plan,
                                                            django_capture_on_commit_callbacks):
    assert akkoordstand(plan).stand == Stand.NIET_VOORGELEGD
    assert portaal.taken(plan.aanvraag) == []
    with django_capture_on_commit_callbacks(execute=True):
        services.leg_voor(plan=plan, actor=plan.consulent)
    assert akkoordstand(plan).stand == Stand.WACHT
    [bericht] = mail.outbox
    assert bericht.to == [plan.aanvraag.email]
    assert "scholingsplan" in bericht.subject and "/inloggen/ " in bericht.body
    assert not re.search(r"/inloggen/[A-Za-z0-9_-]{20,}", bericht.body)  # no login link
    gebeurtenis = Gebeurtenis.objects.get(actie="plan_voorgelegd_aan_inwoner")
    assert gebeurtenis.tekst_inwoner and gebeurtenis.gegevens["links"]
    [taak] = portaal.taken(plan.aanvraag)
    assert taak.titel == "Uw scholingsplan bekijken en goedkeuren"
    assert taak.url == f"/mijn-aanvraag/{plan.aanvraag_id}/scholingsplan/"


def test_akkoord_vastgelegd_met_wie_wanneer_en_versie(plan):
    versie = voorgelegd(plan)
    stap = services.keur_goed(plan=plan, actor=plan.aanvraag.aanvrager, versie=versie)
    assert (stap.soort, stap.versie, stap.door) == (S.AKKOORD, versie, plan.aanvraag.aanvrager)
    assert stap.inhoud["gevraagd_bedrag"] == "2000.00"
    assert stap.inhoud["kosten"] == [["cursusgeld", "", "4000.00"]]
    gebeurtenis = Gebeurtenis.objects.get(actie="plan_goedgekeurd_door_inwoner")
    assert gebeurtenis.actor == plan.aanvraag.aanvrager and gebeurtenis.tekst_inwoner
    assert gebeurtenis.gegevens["versie"] == versie
    assert akkoordstand(plan).akkoord
    assert portaal.taken(plan.aanvraag) == []  # the task is done


def test_wijziging_vragen_vraagt_een_tekst(plan):
    versie = voorgelegd(plan)
    with pytest.raises(services.AkkoordNietMogelijk):
        services.vraag_wijziging(plan=plan, actor=plan.aanvraag.aanvrager, versie=versie,
                                 toelichting="   ")
    services.vraag_wijziging(plan=plan, actor=plan.aanvraag.aanvrager, versie=versie,
                             toelichting="Ik begin pas in oktober.")
    stand = akkoordstand(plan)
    assert stand.stand == Stand.WIJZIGING
    assert stand.laatste.toelichting == "Ik begin pas in oktober."
    gebeurtenis = Gebeurtenis.objects.get(actie="plan_wijziging_gevraagd_door_inwoner")
    assert gebeurtenis.reden == "Ik begin pas in oktober." and gebeurtenis.tekst_inwoner
    assert stand.kan_voorleggen and not wachtende_plannen(plan.aanvraag)


def test_alleen_de_eigen_inwoner_en_alleen_de_getoonde_versie(plan, medewerkers):
    versie = voorgelegd(plan)
    with pytest.raises(PermissionDenied):
        services.keur_goed(plan=plan, actor=InwonerFactory(), versie=versie)
    with pytest.raises(PermissionDenied):
        services.keur_goed(plan=plan, actor=medewerkers["consulent_lwl"], versie=versie)
    with pytest.raises(services.AkkoordNietMogelijk):
        services.keur_goed(plan=plan, actor=plan.aanvraag.aanvrager, versie="0" * 64)
    assert not Planakkoord.objects.filter(soort=S.AKKOORD).exists()


def test_wijziging_door_consulent_maakt_het_akkoord_ongeldig(plan):
    versie = voorgelegd(plan)
    services.keur_goed(plan=plan, actor=plan.aanvraag.aanvrager, versie=versie)
    Scholingsplan.objects.filter(pk=plan.pk).update(gevraagd_bedrag="1900.00")
    plan.refresh_from_db()
    assert akkoordstand(plan).stand == Stand.VERVALLEN
    services.vervalt_na_wijziging(plan=plan, actor=plan.consulent)
    assert Gebeurtenis.objects.get(actie="plan_akkoord_vervallen").gegevens["vorige"] == "akkoord"
    with pytest.raises(services.GeenAkkoord):
        plan_services.indienen(plan=plan, actor=plan.consulent)
    # the resident cannot approve the old version either: the consulent puts it up again
    with pytest.raises(services.AkkoordNietMogelijk):
        services.keur_goed(plan=plan, actor=plan.aanvraag.aanvrager, versie=versie)
    nieuw = voorgelegd(plan)
    assert nieuw != versie
    services.keur_goed(plan=plan, actor=plan.aanvraag.aanvrager, versie=nieuw)
    plan = plan_services.indienen(plan=plan, actor=plan.consulent)
    assert plan.status == Scholingsplan.Status.INGEDIEND
    assert Gebeurtenis.objects.get(actie="indienen").gegevens["akkoord_inwoner"] == nieuw


def test_opslaan_zonder_inhoudelijke_wijziging_laat_het_akkoord_staan(plan):
    services.keur_goed(plan=plan, actor=plan.aanvraag.aanvrager, versie=voorgelegd(plan))
    assert services.vervalt_na_wijziging(plan=plan, actor=plan.consulent) is None
    assert akkoordstand(plan).akkoord


def test_indienen_zonder_akkoord_geweigerd_en_niets_opgeslagen(plan):
    voorgelegd(plan)
    with pytest.raises(services.GeenAkkoord):
        plan_services.indienen(plan=plan, actor=plan.consulent)
    plan.refresh_from_db()
    assert plan.status == Scholingsplan.Status.CONCEPT and plan.toets_snapshot is None
    assert not Gebeurtenis.objects.filter(actie="indienen").exists()


def test_namens_de_inwoner_indienen_met_reden_en_formulier(plan):
    with pytest.raises(services.GeenAkkoord):
        plan_services.indienen(plan=plan, actor=plan.consulent, namens_inwoner="  ")
    plan = plan_services.indienen(plan=plan, actor=plan.consulent,
                                  namens_inwoner="Heeft op papier getekend.",
                                  formulier=upload("akkoord.pdf", PDF))
    assert plan.status == Scholingsplan.Status.INGEDIEND
    stap = Planakkoord.objects.get(soort=S.NAMENS)
    assert stap.toelichting == "Heeft op papier getekend." and stap.formulier
    gebeurtenis = Gebeurtenis.objects.get(actie="indienen")
    assert gebeurtenis.reden == "Heeft op papier getekend."
    assert gebeurtenis.gegevens["namens_inwoner"] is True
    assert gebeurtenis.gegevens["ondertekend_formulier"] is True


def test_na_indienen_geen_antwoord_meer(plan):
    versie = voorgelegd(plan)
    plan_services.indienen(plan=plan, actor=plan.consulent, namens_inwoner="Mondeling akkoord.")
    with pytest.raises(services.AkkoordNietMogelijk):
        services.keur_goed(plan=plan, actor=plan.aanvraag.aanvrager, versie=versie)
    with pytest.raises(services.AkkoordNietMogelijk):
        services.leg_voor(plan=plan, actor=plan.consulent)


def test_al_akkoord_niet_opnieuw_voorleggen(plan):
    services.keur_goed(plan=plan, actor=plan.aanvraag.aanvrager, versie=voorgelegd(plan))
    with pytest.raises(services.AkkoordNietMogelijk):
        services.leg_voor(plan=plan, actor=plan.consulent)


def test_taak_kost_een_query(plan, django_assert_num_queries):
    voorgelegd(plan, informeer_inwoner=False)
    with django_assert_num_queries(1):  # this stage's share of the portal page
        taken = list(scholingsplan_goedkeuren(plan.aanvraag))
    assert len(taken) == 1 and portaal.taken(plan.aanvraag) == taken


def test_anonimiseren_maakt_de_toelichtingen_leeg(plan):
    from loopbaangesprekken.bewaartermijnen import anonimiseer_gesprekken_en_plannen

    services.vraag_wijziging(plan=plan, actor=plan.aanvraag.aanvrager, versie=voorgelegd(plan),
                             toelichting="Ik ben ziek tot oktober.")
    anonimiseer_gesprekken_en_plannen(sender=None, dossier_id=plan.aanvraag_id)
    assert set(Planakkoord.objects.values_list("toelichting", flat=True)) == {""}
