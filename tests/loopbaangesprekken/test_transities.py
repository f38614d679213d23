"""Every gesprek and caseload transition, allowed or refused, per state and role."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from aanvragen.models import Aanvraag, Postcodecontrole
from loopbaangesprekken.models import Gesprek
from loopbaangesprekken.services import gesprekken as services
from tests.aanvragen.factories import AanvraagFactory
from tests.loopbaangesprekken.factories import GesprekFactory
from tfvv.models import Gebeurtenis
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db

G = Gesprek.Status
A = Aanvraag.Status
LATER = timezone.now() + datetime.timedelta(days=10)


def doe(naam, gesprek, actor):
    if naam == "verplaatsen":
        return services.verplaats_gesprek(gesprek=gesprek, actor=actor, gepland_op=LATER,
                                          vorm="video", reden="ziek")
    if naam == "annuleren":
        return services.annuleer_gesprek(gesprek=gesprek, actor=actor, reden="ziek")
    if naam == "niet_verschenen":  # only after the planned time
        Gesprek.objects.filter(pk=gesprek.pk).update(
            gepland_op=timezone.now() - datetime.timedelta(hours=1))
        return services.registreer_niet_verschenen(gesprek=gesprek, actor=actor)
    return services.leg_gesprek_vast(
        gesprek=gesprek, actor=actor, gevoerd_op=timezone.now(), duur_minuten=45,
        onderwerpen=["testen"], verslag="GEHEIM VERSLAG", uitkomst="vervolggesprek")


NAAR = {"verplaatsen": G.GEPLAND, "annuleren": G.GEANNULEERD,
        "niet_verschenen": G.NIET_VERSCHENEN, "vastleggen": G.GEVOERD}


@pytest.mark.parametrize("naam", list(NAAR))
@pytest.mark.parametrize("status", [G.GEPLAND, G.GEVOERD, G.GEANNULEERD, G.NIET_VERSCHENEN])
def test_gesprektransitie_per_status(medewerkers, zaak_lwl, naam, status):
    Gesprek.objects.filter(pk=zaak_lwl.pk).update(status=status)
    zaak_lwl.refresh_from_db()
    if status != G.GEPLAND:
        with pytest.raises(PermissionDenied):
            doe(naam, zaak_lwl, medewerkers["consulent_lwl"])
        assert Gesprek.objects.get(pk=zaak_lwl.pk).status == status
        return
    doe(naam, zaak_lwl, medewerkers["consulent_lwl"])
    zaak_lwl.refresh_from_db()
    assert zaak_lwl.status == NAAR[naam]
    event = Gebeurtenis.objects.get(objecttype="loopbaangesprekken.gesprek",
                                    object_id=str(zaak_lwl.pk), actie=naam)
    assert event.actor == medewerkers["consulent_lwl"]
    assert (event.van_status, event.naar_status) == (G.GEPLAND, NAAR[naam])
    assert event.dossier_id == zaak_lwl.aanvraag_id
    assert event.tekst_inwoner


@pytest.mark.parametrize("naam", list(NAAR))
@pytest.mark.parametrize("rol,mag", [
    ("consulent_lwl", True), ("consulent_manager", True), ("consulent_lbs", False),
    ("beoordelaar", False), ("financieel", False), ("adviesgroep", False), ("beheerder", False),
])
def test_gesprektransitie_per_rol(medewerkers, zaak_lwl, naam, rol, mag):
    if mag:
        doe(naam, zaak_lwl, medewerkers[rol])
        assert Gesprek.objects.get(pk=zaak_lwl.pk).status == NAAR[naam]
    else:
        with pytest.raises(PermissionDenied):
            doe(naam, zaak_lwl, medewerkers[rol])
        assert Gesprek.objects.get(pk=zaak_lwl.pk).status == G.GEPLAND


@pytest.mark.parametrize("status,mag", [
    (A.AANGEMELD, True), (A.IN_BEHANDELING, True), (A.SCHOLINGSPLAN, True),
    (A.INGEDIEND, False), (A.TOEGEKEND, False), (A.DOORVERWEZEN, False),
    (A.GEEN_VERVOLG, False), (A.INGETROKKEN, False),
])
def test_plannen_per_aanvraagstatus(medewerkers, status, mag):
    aanvraag = AanvraagFactory(status=status)
    consulent = medewerkers["consulent_lwl"]
    if not mag:
        with pytest.raises(PermissionDenied):
            services.plan_gesprek(aanvraag=aanvraag, actor=consulent, gepland_op=LATER,
                                  vorm="telefonisch")
        assert not aanvraag.gesprekken.exists()
        return
    gesprek = services.plan_gesprek(aanvraag=aanvraag, actor=consulent, gepland_op=LATER,
                                    vorm="telefonisch", locatie="genegeerd")
    aanvraag.refresh_from_db()
    assert gesprek.status == G.GEPLAND and gesprek.locatie == ""
    assert aanvraag.consulent == consulent  # planning takes an unassigned case
    assert aanvraag.status == (A.IN_BEHANDELING if status == A.AANGEMELD else status)
    event = Gebeurtenis.objects.get(actie="plannen", object_id=str(gesprek.pk))
    assert (event.van_status, event.naar_status) == ("", G.GEPLAND)
    assert "gepland op" in event.tekst_inwoner


@pytest.mark.parametrize("rol,mag", [
    ("consulent_lwl", True), ("consulent_manager", True), ("consulent_lbs", False),
    ("beoordelaar", False), ("beheerder", False),
])
def test_claimen_per_rol(medewerkers, rol, mag):
    aanvraag = AanvraagFactory()
    if not mag:
        with pytest.raises(PermissionDenied):
            services.claim(aanvraag=aanvraag, actor=medewerkers[rol])
        return
    services.claim(aanvraag=aanvraag, actor=medewerkers[rol])
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.consulent) == (A.IN_BEHANDELING, medewerkers[rol])
    event = Gebeurtenis.objects.get(dossier_id=aanvraag.pk, actie="claimen")
    assert event.tekst_inwoner


@pytest.mark.parametrize("status,mag", [
    (A.AANGEMELD, True), (A.IN_BEHANDELING, True), (A.SCHOLINGSPLAN, True),
    (A.INGEDIEND, False), (A.GEEN_VERVOLG, False),
])
def test_claimen_per_status(medewerkers, status, mag):
    aanvraag = AanvraagFactory(status=status)
    consulent = medewerkers["consulent_lwl"]
    if mag:
        services.claim(aanvraag=aanvraag, actor=consulent)
        aanvraag.refresh_from_db()
        assert aanvraag.consulent == consulent
    else:
        with pytest.raises(PermissionDenied):
            services.claim(aanvraag=aanvraag, actor=consulent)


def test_claimen_geweigerd_als_er_al_een_consulent_is(medewerkers):
    aanvraag = AanvraagFactory(status=A.IN_BEHANDELING, consulent=medewerkers["consulent_lwl"])
    with pytest.raises(PermissionDenied, match="al een consulent"):
        services.claim(aanvraag=aanvraag, actor=medewerkers["consulent_manager"])


def test_toewijzen_alleen_aan_consulent_van_het_eigen_loket(medewerkers, maak_gebruiker):
    aanvraag = AanvraagFactory()
    collega = maak_gebruiker("consulent", Organisatie.LEERWERKLOKET)
    services.wijs_toe(aanvraag=aanvraag, consulent=collega, actor=medewerkers["consulent_lwl"])
    aanvraag.refresh_from_db()
    assert (aanvraag.consulent, aanvraag.status) == (collega, A.IN_BEHANDELING)
    for vreemde in (medewerkers["consulent_lbs"], medewerkers["beoordelaar"]):
        with pytest.raises(PermissionDenied):
            services.wijs_toe(aanvraag=aanvraag, consulent=vreemde,
                              actor=medewerkers["consulent_lwl"])
    services.wijs_toe(aanvraag=aanvraag, consulent=medewerkers["consulent_lwl"],
                      actor=collega)
    event = Gebeurtenis.objects.filter(dossier_id=aanvraag.pk).last()
    assert event.actie == "toewijzen" and event.tekst_inwoner == ""


@pytest.mark.parametrize("status,mag", [
    (A.AANGEMELD, True), (A.IN_BEHANDELING, True), (A.SCHOLINGSPLAN, False),
    (A.INGEDIEND, False), (A.DOORVERWEZEN, False),
])
def test_overdragen_per_status(medewerkers, status, mag):
    aanvraag = AanvraagFactory(status=status, consulent=medewerkers["consulent_lwl"])
    actor = medewerkers["consulent_lwl"]
    if not mag:
        with pytest.raises(PermissionDenied):
            services.draag_over(aanvraag=aanvraag, actor=actor, reden="dichterbij")
        return
    services.draag_over(aanvraag=aanvraag, actor=actor, reden="Woont dichter bij Hengelo.")
    aanvraag.refresh_from_db()
    assert (aanvraag.loket, aanvraag.consulent, aanvraag.status) == (
        Organisatie.LOOPBAANSTATION, None, status)
    event = Gebeurtenis.objects.get(dossier_id=aanvraag.pk, actie="overdragen")
    assert event.reden == "Woont dichter bij Hengelo."
    assert "Loopbaanstation" in event.tekst_inwoner
    # the other loket can now take it; the first one no longer can
    services.claim(aanvraag=aanvraag, actor=medewerkers["consulent_lbs"])
    with pytest.raises(PermissionDenied):
        services.draag_over(aanvraag=aanvraag, actor=actor, reden="terug")


def test_overdragen_geweigerd_met_gepland_gesprek(medewerkers, zaak_lwl):
    with pytest.raises(PermissionDenied, match="Annuleer eerst"):
        services.draag_over(aanvraag=zaak_lwl.aanvraag, actor=medewerkers["consulent_lwl"],
                            reden="x")


def _vastleggen(gesprek, actor, uitkomst, **extra):
    return services.leg_gesprek_vast(
        gesprek=gesprek, actor=actor, gevoerd_op=timezone.now(), duur_minuten=60,
        onderwerpen=["loopbaanorientatie", "financiering_uwv"], verslag="GEHEIM VERSLAG",
        uitkomst=uitkomst, **extra)


@pytest.mark.parametrize("uitkomst,status,extra", [
    ("scholingsplan", A.SCHOLINGSPLAN, {}),
    ("vervolggesprek", A.IN_BEHANDELING, {}),
    ("doorverwijzing", A.DOORVERWEZEN, {"doorverwezen_naar": "wsp"}),
    ("geen_vervolg", A.GEEN_VERVOLG, {"toelichting": "Verhuist naar Utrecht."}),
])
def test_uitkomst_beweegt_de_aanvraag(medewerkers, zaak_lwl, uitkomst, status, extra):
    ander = GesprekFactory(aanvraag=zaak_lwl.aanvraag)
    _vastleggen(zaak_lwl, medewerkers["consulent_lwl"], uitkomst, **extra)
    aanvraag = Aanvraag.objects.get(pk=zaak_lwl.aanvraag_id)
    assert aanvraag.status == status
    ander.refresh_from_db()
    gesloten = status in (A.DOORVERWEZEN, A.GEEN_VERVOLG)
    assert ander.status == (G.GEANNULEERD if gesloten else G.GEPLAND)
    # the verslag is staff-only: in no event, not in its text, reason or data
    for event in Gebeurtenis.objects.filter(dossier_id=aanvraag.pk):
        assert "GEHEIM" not in f"{event.tekst_inwoner} {event.reden} {event.gegevens}"
    if uitkomst == "doorverwijzing":
        event = Gebeurtenis.objects.get(dossier_id=aanvraag.pk, actie="doorverwijzen")
        assert event.tekst_inwoner == ("Uw consulent heeft u doorverwezen naar "
                                       "Werkgeversservicepunt Twente.")


def test_elk_gevoerd_gesprek_telt(medewerkers, zaak_lwl):
    consulent = medewerkers["consulent_lwl"]
    _vastleggen(zaak_lwl, consulent, "vervolggesprek")
    tweede = services.plan_gesprek(aanvraag=zaak_lwl.aanvraag, actor=consulent,
                                   gepland_op=LATER, vorm="video")
    _vastleggen(tweede, consulent, "scholingsplan")
    assert zaak_lwl.aanvraag.gesprekken.filter(status=G.GEVOERD).count() == 2
    # in the scholingsplan phase another gesprek may follow; its outcome keeps the phase
    derde = services.plan_gesprek(aanvraag=zaak_lwl.aanvraag, actor=consulent,
                                  gepland_op=LATER, vorm="video")
    _vastleggen(derde, consulent, "scholingsplan")
    assert Aanvraag.objects.get(pk=zaak_lwl.aanvraag_id).status == A.SCHOLINGSPLAN
    # ... but no doorverwijzing from there (the aanvraag machine does not allow it)
    vierde = services.plan_gesprek(aanvraag=zaak_lwl.aanvraag, actor=consulent,
                                   gepland_op=LATER, vorm="video")
    with pytest.raises(PermissionDenied):
        _vastleggen(vierde, consulent, "doorverwijzing", doorverwezen_naar="uwv")
    assert Gesprek.objects.get(pk=vierde.pk).status == G.GEPLAND


@pytest.mark.parametrize("uitkomst,status", [
    (Postcodecontrole.BEVESTIGD, A.IN_BEHANDELING), (Postcodecontrole.AFGEKEURD, A.GEEN_VERVOLG),
])
def test_adrescontrole(medewerkers, uitkomst, status):
    aanvraag = AanvraagFactory(status=A.IN_BEHANDELING, postcode="7693AB",
                               postcodecontrole=Postcodecontrole.TE_CONTROLEREN,
                               consulent=medewerkers["consulent_lwl"])
    gesprek = GesprekFactory(aanvraag=aanvraag)
    with pytest.raises(PermissionDenied):
        services.controleer_adres(aanvraag=aanvraag, actor=medewerkers["consulent_lbs"],
                                  uitkomst=uitkomst)
    services.controleer_adres(aanvraag=aanvraag, actor=medewerkers["consulent_lwl"],
                              uitkomst=uitkomst, toelichting="BRP gecheckt")
    aanvraag.refresh_from_db()
    assert (aanvraag.postcodecontrole, aanvraag.status) == (uitkomst, status)
    event = Gebeurtenis.objects.get(dossier_id=aanvraag.pk, actie="adres_controleren")
    assert event.reden == "BRP gecheckt"
    gesprek.refresh_from_db()
    assert gesprek.status == (G.GEANNULEERD if status == A.GEEN_VERVOLG else G.GEPLAND)
    with pytest.raises(PermissionDenied, match="niet \\(meer\\)"):
        services.controleer_adres(aanvraag=aanvraag, actor=medewerkers["consulent_lwl"],
                                  uitkomst=uitkomst)


def test_zonder_mail_voor_ingevoerde_afspraken(medewerkers, django_capture_on_commit_callbacks):
    from django.core import mail

    aanvraag = AanvraagFactory()
    consulent = medewerkers["consulent_lwl"]
    with django_capture_on_commit_callbacks(execute=True):
        g = services.plan_gesprek(aanvraag=aanvraag, actor=consulent, gepland_op=LATER,
                                  vorm="video", informeer_inwoner=False)
        services.verplaats_gesprek(gesprek=g, actor=consulent, gepland_op=LATER, vorm="video",
                                   informeer_inwoner=False)
        services.annuleer_gesprek(gesprek=g, actor=consulent, reden="x",
                                  informeer_inwoner=False)
        services.plan_gesprek(aanvraag=aanvraag, actor=consulent, gepland_op=LATER,
                              vorm="video")
    assert [m.subject for m in mail.outbox] == [
        "Uitnodiging loopbaangesprek Twents Fonds voor Vakmanschap"]
