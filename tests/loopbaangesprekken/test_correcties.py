"""Corrections on gesprekken: no 'niet verschenen' before the planned time, undoing it
within the term, and the verslag corrected as a new version with the old ones kept."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from loopbaangesprekken.models import Gesprek, Verslagversie
from loopbaangesprekken.permissions import herstellen_mogelijk_tot
from loopbaangesprekken.services import gesprekken as services
from tests.loopbaangesprekken.factories import GesprekFactory
from tfvv.bewaartermijnen import anonimiseerders, dossier_geanonimiseerd
from tfvv.models import Gebeurtenis
from tfvv.termijnen import einde_termijn

pytestmark = pytest.mark.django_db
G = Gesprek.Status


def url(naam, gesprek):
    return reverse(f"loopbaangesprekken:{naam}", kwargs={"pk": gesprek.pk})


def verstreken(zaak, **velden):
    Gesprek.objects.filter(pk=zaak.pk).update(
        gepland_op=timezone.now() - datetime.timedelta(hours=1), **velden)
    zaak.refresh_from_db()
    return zaak


# --- niet verschenen ------------------------------------------------------------------------

def test_niet_verschenen_pas_na_het_geplande_tijdstip(zaak_lwl, medewerkers, client_als):
    consulent = medewerkers["consulent_lwl"]
    with pytest.raises(PermissionDenied, match="pas na dat tijdstip"):
        services.registreer_niet_verschenen(gesprek=zaak_lwl, actor=consulent)
    c = client_als("consulent_lwl")
    antwoord = c.post(url("gesprek-niet-verschenen", zaak_lwl), {"toelichting": ""})
    assert antwoord.status_code == 403
    assert "pas na dat tijdstip" in antwoord.content.decode()
    aanvraagpagina = reverse("loopbaangesprekken:aanvraag", kwargs={"pk": zaak_lwl.aanvraag_id})
    assert url("gesprek-niet-verschenen", zaak_lwl) not in c.get(aanvraagpagina).content.decode()
    zaak_lwl.refresh_from_db()
    assert zaak_lwl.status == G.GEPLAND
    verstreken(zaak_lwl)
    services.registreer_niet_verschenen(gesprek=zaak_lwl, actor=consulent)
    assert Gesprek.objects.get(pk=zaak_lwl.pk).status == G.NIET_VERSCHENEN


def test_niet_verschenen_herstellen(zaak_lwl, medewerkers):
    consulent = medewerkers["consulent_lwl"]
    verstreken(zaak_lwl)
    services.registreer_niet_verschenen(gesprek=zaak_lwl, actor=consulent,
                                        toelichting="Niet gekomen.")
    services.herstel_niet_verschenen(gesprek=zaak_lwl, actor=consulent,
                                     reden="Verkeerd gesprek aangeklikt.")
    zaak_lwl.refresh_from_db()
    assert (zaak_lwl.status, zaak_lwl.toelichting) == (G.GEPLAND, "")
    event = Gebeurtenis.objects.get(actie="niet_verschenen_herstellen")
    assert (event.van_status, event.naar_status) == (G.NIET_VERSCHENEN, G.GEPLAND)
    assert event.reden == "Verkeerd gesprek aangeklikt."
    assert event.gegevens["vorige_toelichting"] == "Niet gekomen."
    assert "gecorrigeerd" in event.tekst_inwoner
    # planned again: it can now be logged as held
    services.leg_gesprek_vast(gesprek=zaak_lwl, actor=consulent, gevoerd_op=timezone.now(),
                              duur_minuten=45, onderwerpen=["testen"], verslag="Toch gekomen.",
                              uitkomst="vervolggesprek")


@pytest.mark.parametrize("rol", ["consulent_lbs", "beoordelaar", "financieel"])
def test_herstellen_niet_door_anderen(zaak_lwl, medewerkers, rol):
    verstreken(zaak_lwl, status=G.NIET_VERSCHENEN)
    with pytest.raises(PermissionDenied):
        services.herstel_niet_verschenen(gesprek=zaak_lwl, actor=medewerkers[rol], reden="x")
    assert Gesprek.objects.get(pk=zaak_lwl.pk).status == G.NIET_VERSCHENEN


@pytest.mark.parametrize("status", [G.GEPLAND, G.GEVOERD, G.GEANNULEERD])
def test_herstellen_alleen_na_niet_verschenen(zaak_lwl, medewerkers, status):
    verstreken(zaak_lwl, status=status)
    with pytest.raises(PermissionDenied):
        services.herstel_niet_verschenen(gesprek=zaak_lwl, actor=medewerkers["consulent_lwl"],
                                         reden="x")


def test_herstellen_binnen_de_termijn(zaak_lwl, medewerkers, client_als):
    gepland = timezone.now() - datetime.timedelta(days=30)
    Gesprek.objects.filter(pk=zaak_lwl.pk).update(gepland_op=gepland, status=G.NIET_VERSCHENEN)
    zaak_lwl.refresh_from_db()
    tot = herstellen_mogelijk_tot(zaak_lwl)
    assert tot == einde_termijn(timezone.localdate(gepland) + datetime.timedelta(days=14))
    with pytest.raises(PermissionDenied, match="Herstellen kon tot en met"):
        services.herstel_niet_verschenen(gesprek=zaak_lwl, actor=medewerkers["consulent_lwl"],
                                         reden="Te laat.")
    antwoord = client_als("consulent_lwl").get(url("gesprek-niet-verschenen-herstellen",
                                                   zaak_lwl))
    assert antwoord.status_code == 403
    assert "Herstellen kon tot en met" in antwoord.content.decode()


def test_herstellen_via_de_pagina(zaak_lwl, client_als):
    verstreken(zaak_lwl, status=G.NIET_VERSCHENEN)
    c = client_als("consulent_lwl")
    aanvraagpagina = reverse("loopbaangesprekken:aanvraag", kwargs={"pk": zaak_lwl.aanvraag_id})
    assert url("gesprek-niet-verschenen-herstellen", zaak_lwl) in c.get(
        aanvraagpagina).content.decode()
    antwoord = c.post(url("gesprek-niet-verschenen-herstellen", zaak_lwl), {"reden": " "})
    assert antwoord.status_code == 200
    assert "Dit veld is verplicht." in antwoord.content.decode()
    assert Gesprek.objects.get(pk=zaak_lwl.pk).status == G.NIET_VERSCHENEN
    antwoord = c.post(url("gesprek-niet-verschenen-herstellen", zaak_lwl),
                      {"reden": "Verkeerd gesprek."}, follow=True)
    assert "staat weer gepland" in antwoord.content.decode()
    assert Gesprek.objects.get(pk=zaak_lwl.pk).status == G.GEPLAND


# --- the verslag ----------------------------------------------------------------------------

@pytest.fixture
def gevoerd(zaak_lwl):
    Gesprek.objects.filter(pk=zaak_lwl.pk).update(
        status=G.GEVOERD, gevoerd_op=timezone.now(), duur_minuten=45, onderwerpen=["testen"],
        verslag="Eerste versie.", uitkomst="vervolggesprek")
    zaak_lwl.refresh_from_db()
    return zaak_lwl


def test_verslag_corrigeren_bewaart_de_vorige_versie(gevoerd, medewerkers):
    consulent = medewerkers["consulent_lwl"]
    services.corrigeer_verslag(gesprek=gevoerd, actor=consulent, verslag="Tweede versie.",
                               reden="Naam verkeerd gespeld.")
    services.corrigeer_verslag(gesprek=gevoerd, actor=medewerkers["consulent_manager"],
                               verslag="Derde versie.", reden="Aanvulling.")
    gevoerd.refresh_from_db()
    assert gevoerd.verslag == "Derde versie."
    versies = list(Verslagversie.objects.filter(gesprek=gevoerd))
    assert [v.tekst for v in versies] == ["Tweede versie.", "Eerste versie."]
    assert [v.vervangen_door for v in versies] == [medewerkers["consulent_manager"], consulent]
    events = Gebeurtenis.objects.filter(actie="verslag_corrigeren").order_by("id")
    assert [e.reden for e in events] == ["Naam verkeerd gespeld.", "Aanvulling."]
    # the staff-only text never goes into the event log
    for e in events:
        assert "versie." not in str(e.gegevens) and not e.tekst_inwoner


@pytest.mark.parametrize("rol", ["consulent_lbs", "beoordelaar", "financieel"])
def test_verslag_corrigeren_niet_door_anderen(gevoerd, medewerkers, rol):
    with pytest.raises(PermissionDenied):
        services.corrigeer_verslag(gesprek=gevoerd, actor=medewerkers[rol], verslag="Anders.",
                                   reden="x")
    assert not Verslagversie.objects.exists()


@pytest.mark.parametrize("status", [G.GEPLAND, G.GEANNULEERD, G.NIET_VERSCHENEN])
def test_verslag_alleen_van_gevoerd_gesprek(zaak_lwl, medewerkers, client_als, status):
    Gesprek.objects.filter(pk=zaak_lwl.pk).update(status=status)
    with pytest.raises(PermissionDenied):
        services.corrigeer_verslag(gesprek=zaak_lwl, actor=medewerkers["consulent_lwl"],
                                   verslag="Anders.", reden="x")
    antwoord = client_als("consulent_lwl").get(url("verslag-corrigeren", zaak_lwl))
    assert antwoord.status_code == 403
    assert "gevoerd gesprek" in antwoord.content.decode()


def test_verslag_corrigeren_via_de_pagina(gevoerd, client_als, medewerkers):
    c = client_als("consulent_lwl")
    formulier = c.get(url("verslag-corrigeren", gevoerd)).content.decode()
    assert "Eerste versie." in formulier
    # unchanged text and no reason: messages at the fields, the text typed is kept
    antwoord = c.post(url("verslag-corrigeren", gevoerd), {"verslag": "Eerste versie.",
                                                           "reden": ""})
    tekst = antwoord.content.decode()
    assert "Het verslag is niet gewijzigd." in tekst and "Dit veld is verplicht." in tekst
    antwoord = c.post(url("verslag-corrigeren", gevoerd), {"verslag": "Nieuw <b>verslag</b>",
                                                           "reden": ""})
    assert "Nieuw &lt;b&gt;verslag&lt;/b&gt;" in antwoord.content.decode()
    assert not Verslagversie.objects.exists()
    c.post(url("verslag-corrigeren", gevoerd), {"verslag": "Nieuw verslag.",
                                                "reden": "Tikfout."})
    pagina = c.get(reverse("loopbaangesprekken:aanvraag",
                           kwargs={"pk": gevoerd.aanvraag_id})).content.decode()
    assert "Nieuw verslag." in pagina and "Gewijzigd op" in pagina
    assert medewerkers["consulent_lwl"].get_full_name() in pagina
    assert url("verslagversies", gevoerd) in pagina
    versies = c.get(url("verslagversies", gevoerd)).content.decode()
    assert "Eerste versie." in versies and "Tikfout." in versies
    assert client_als("consulent_lbs").get(url("verslagversies", gevoerd)).status_code == 404
    assert client_als("beoordelaar").get(url("verslagversies", gevoerd)).status_code == 403


def test_aanvraagpagina_queries_onafhankelijk_van_versies(gevoerd, client_als, medewerkers,
                                                         django_assert_max_num_queries):
    c = client_als("consulent_lwl")
    pagina = reverse("loopbaangesprekken:aanvraag", kwargs={"pk": gevoerd.aanvraag_id})
    services.corrigeer_verslag(gesprek=gevoerd, actor=medewerkers["consulent_lwl"],
                               verslag="Versie 2.", reden="x")
    with CaptureQueriesContext(connection) as een:
        c.get(pagina)
    for i in range(3):
        extra = GesprekFactory(aanvraag=gevoerd.aanvraag, status=G.GEVOERD, verslag="v")
        services.corrigeer_verslag(gesprek=extra, actor=medewerkers["consulent_lwl"],
                                   verslag=f"w{i}", reden="x")
    with django_assert_max_num_queries(len(een)):
        c.get(pagina)


def test_anonimiseren_wist_ook_de_eerdere_versies(gevoerd, medewerkers):
    services.corrigeer_verslag(gesprek=gevoerd, actor=medewerkers["consulent_lwl"],
                               verslag="Nieuw.", reden="x")
    anonimiseerders()  # connects the stages' receivers, as the retention job does
    dossier_geanonimiseerd.send(sender=None, dossier_id=gevoerd.aanvraag_id)
    assert not Verslagversie.objects.exists()
    assert Gesprek.objects.get(pk=gevoerd.pk).verslag == ""
