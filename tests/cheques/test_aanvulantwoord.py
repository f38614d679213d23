"""The resident answers an aanvulverzoek in the portal (service and portal task)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aanvragen import portaal
from aanvragen.models import Document
from cheques import services
from cheques.models import Aanvulantwoord, Aanvulverzoek
from cheques.portaal import open_aanvulverzoeken
from cheques.services.aanvulantwoord import ACTIE, beantwoord_aanvulverzoek
from loopbaangesprekken.selectors import scholingsplan as plan_selectors
from loopbaangesprekken.services import scholingsplan as plan_services
from tests.aanvragen.bestanden import PDF, PNG, upload
from tests.aanvragen.factories import InwonerFactory
from tests.cheques.factories import VOLDAAN
from tests.tijd import werkdag_na
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db

VRAAG = "Stuur de getekende werkgeversverklaring."


@pytest.fixture
def verzoek(maak_plan, medewerkers):
    plan = maak_plan(toets_snapshot={"uitslag": VOLDAAN})  # as a submission stores it
    verzoek = services.vraag_aanvulling(plan=plan, door=medewerkers["beoordelaar"],
                                        omschrijving=VRAAG,
                                        hersteltermijn_tot=werkdag_na(dagen=14))
    verzoek.plan.refresh_from_db()  # now waiting for the aanvulling
    return verzoek


def beantwoord(verzoek, tekst="", bestanden=(), door=None):
    return beantwoord_aanvulverzoek(verzoek=verzoek, door=door or verzoek.plan.aanvraag.aanvrager,
                                    tekst=tekst, bestanden=list(bestanden))


def test_antwoord_met_tekst_en_documenten(verzoek):
    antwoord = beantwoord(verzoek, "  Mijn werkgever tekent maandag.  ", [
        ("werkgeversverklaring", upload("verklaring.pdf", PDF), "application/pdf"),
        ("anders", upload("foto.png", PNG, "image/png"), "image/png")])
    assert antwoord.tekst == "Mijn werkgever tekent maandag." and not antwoord.te_laat
    documenten = list(antwoord.documenten.order_by("pk"))
    assert [d.soort for d in documenten] == ["werkgeversverklaring", "anders"]
    assert all(d.aanvraag_id == verzoek.plan.aanvraag_id for d in documenten)
    g = Gebeurtenis.objects.get(actie=ACTIE)
    assert g.object_id == str(verzoek.plan_id) and g.dossier_id == verzoek.plan.aanvraag_id
    assert g.reden == "Mijn werkgever tekent maandag."
    assert "U heeft een aanvulling gestuurd met 2 documenten." in g.tekst_inwoner
    assert g.gegevens["aanvulverzoek"] == verzoek.pk and g.gegevens["te_laat"] is False
    assert [link["url"] for link in g.gegevens["links"]] == [
        f"/documenten/{d.pk}/" for d in documenten]
    # the consulent's page reads it from the event log
    aanvulling = plan_selectors.aanvulling_gevraagd(verzoek.plan)
    (getoond,) = aanvulling["antwoorden"]
    assert getoond["tekst"] == "Mijn werkgever tekent maandag."
    assert getoond["documenten"][0]["label"] == "werkgeversverklaring: verklaring.pdf"


def test_meerdere_antwoorden_tot_de_consulent_indient(verzoek):
    beantwoord(verzoek, "Eerste deel.")
    beantwoord(verzoek, bestanden=[("diploma", upload("d.pdf", PDF), "application/pdf")])
    assert verzoek.antwoorden.count() == 2
    assert len(plan_selectors.aanvulling_gevraagd(verzoek.plan)["antwoorden"]) == 2


def test_leeg_antwoord_geweigerd(verzoek):
    with pytest.raises(ValidationError) as fout:
        beantwoord(verzoek, "   ")
    assert "Schrijf een antwoord of voeg een document toe" in str(fout.value.message_dict)
    assert not Aanvulantwoord.objects.exists()


def test_andere_inwoner_geweigerd(verzoek):
    with pytest.raises(PermissionDenied):
        beantwoord(verzoek, "Hallo", door=InwonerFactory())
    assert not Aanvulantwoord.objects.exists()


def test_gesloten_verzoek_geweigerd_zonder_bestanden_achter_te_laten(verzoek, medewerkers):
    plan_services.indienen(plan=verzoek.plan, actor=medewerkers["consulent_lwl"],
                           toelichting="Telefonisch doorgekregen.")
    with pytest.raises(ValidationError) as fout:
        beantwoord(verzoek, "Te laat?", [("diploma", upload("d.pdf", PDF), "application/pdf")])
    assert fout.value.code == "gesloten"
    assert "niet meer reageren" in fout.value.messages[0]
    assert not Aanvulantwoord.objects.exists() and not Document.objects.exists()


def test_na_de_hersteltermijn_als_te_laat_bewaard(verzoek):
    Aanvulverzoek.objects.filter(pk=verzoek.pk).update(
        hersteltermijn_tot=timezone.localdate() - datetime.timedelta(days=1))
    verzoek.refresh_from_db()
    antwoord = beantwoord(verzoek, "Sorry, het duurde even.")
    assert antwoord.te_laat
    g = Gebeurtenis.objects.get(actie=ACTIE)
    assert g.gegevens["te_laat"] is True and "artikel 4:5 Awb" in g.tekst_inwoner
    assert plan_selectors.aanvulling_gevraagd(verzoek.plan)["antwoorden"][0]["te_laat"]


def test_taak_in_het_portaal_tot_de_consulent_indient(verzoek, medewerkers,
                                                      django_assert_num_queries):
    aanvraag = verzoek.plan.aanvraag
    with django_assert_num_queries(1):  # this stage's share of the portal page
        (taak,) = open_aanvulverzoeken(aanvraag)
    assert portaal.taken(aanvraag) == [taak]
    assert taak.titel == "Aanvulling gevraagd" and VRAAG in taak.tekst
    assert taak.uiterlijk == verzoek.hersteltermijn_tot
    assert taak.url == f"/mijn-aanvraag/{aanvraag.pk}/aanvulling/{verzoek.pk}/"
    beantwoord(verzoek, "Komt eraan.")
    (taak,) = portaal.taken(aanvraag)
    assert "U heeft al een aanvulling gestuurd" in taak.tekst
    plan_services.indienen(plan=verzoek.plan, actor=medewerkers["consulent_lwl"],
                           toelichting="Verklaring ontvangen van de inwoner.")
    assert portaal.taken(aanvraag) == []


def test_toelichting_consulent_bij_het_verzoek(verzoek, medewerkers):
    plan_services.indienen(plan=verzoek.plan, actor=medewerkers["consulent_lwl"],
                           toelichting="De inwoner stuurde de verklaring in het portaal.")
    verzoek.refresh_from_db()
    assert verzoek.beantwoord_op is not None
    assert verzoek.toelichting_consulent == "De inwoner stuurde de verklaring in het portaal."


def test_anonimiseren_wist_de_vrije_tekst(verzoek, medewerkers):
    from aanvragen.models import Aanvraag
    from tfvv.bewaartermijnen import anonimiseerders, dossier_geanonimiseerd

    anonimiseerders()  # the apps' retention modules, as the nightly job loads them
    beantwoord(verzoek, "Mijn werkgever is Jansen BV.")
    plan_services.indienen(plan=verzoek.plan, actor=medewerkers["consulent_lwl"],
                           toelichting="Verklaring van Jansen BV ontvangen.")
    dossier_geanonimiseerd.send(sender=Aanvraag, dossier_id=verzoek.plan.aanvraag_id)
    verzoek.refresh_from_db()
    assert verzoek.toelichting_consulent == ""
    assert Aanvulantwoord.objects.get().tekst == ""
