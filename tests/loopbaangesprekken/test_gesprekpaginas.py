"""The case page and gesprek forms through HTTP: happy paths, bad input, mail and .ics."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Aanvraag
from loopbaangesprekken.models import Gesprek
from tests.aanvragen.factories import AanvraagFactory
from tests.loopbaangesprekken.factories import GesprekFactory
from tests.tijd import werkdag_na
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db


def morgen():
    """The next working day, at this time of day."""
    nu = timezone.localtime()
    return nu + datetime.timedelta(days=(werkdag_na(nu.date()) - nu.date()).days)


def aanvraag_url(aanvraag):
    return reverse("loopbaangesprekken:aanvraag", kwargs={"pk": aanvraag.pk})


def test_plannen_stuurt_uitnodiging_met_geldige_ics(client_als, medewerkers,
                                                   django_capture_on_commit_callbacks):
    aanvraag = AanvraagFactory(voornaam="Inge", achternaam="Jansen", email="inge@voorbeeld.nl")
    c = client_als("consulent_lwl")
    moment = morgen().replace(hour=14, minute=30, second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        response = c.post(reverse("loopbaangesprekken:gesprek-plannen",
                                  kwargs={"pk": aanvraag.pk}),
                          {"datum": moment.date().isoformat(), "tijd": "14:30",
                           "vorm": "op_locatie", "locatie": "Werkplein Hengelo"})
    assert response.status_code == 302
    assert response["Location"] == aanvraag_url(aanvraag)
    gesprek = Gesprek.objects.get(aanvraag=aanvraag)
    assert gesprek.gepland_op == moment
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.IN_BEHANDELING

    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["inge@voorbeeld.nl"]
    assert bericht.subject == "Uitnodiging loopbaangesprek Twents Fonds voor Vakmanschap"
    assert "Beste Inge Jansen" in bericht.body
    assert "14:30 uur" in bericht.body and "Werkplein Hengelo" in bericht.body
    assert aanvraag.referentie in bericht.body
    assert bericht.reply_to == [medewerkers["consulent_lwl"].email]
    naam, inhoud, soort = bericht.attachments[0]
    assert naam == "loopbaangesprek.ics" and soort.startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(inhoud)
    assert cal["method"] == "REQUEST" and cal["version"] == "2.0"
    (event,) = cal.walk("VEVENT")
    assert event.decoded("dtstart") == moment
    assert event.decoded("dtend") - event.decoded("dtstart") == datetime.timedelta(hours=1)
    assert str(event["location"]) == "Werkplein Hengelo"
    assert str(event["uid"]) == f"loopbaangesprek-{gesprek.pk}@twentsfonds.example"
    assert event["sequence"] == 0 and str(event["status"]) == "CONFIRMED"
    assert "dtstamp" in event

    # the resident's timeline text names the appointment, never internal data
    event = Gebeurtenis.objects.get(actie="plannen", object_id=str(gesprek.pk))
    assert "Werkplein Hengelo" in event.tekst_inwoner and "14:30" in event.tekst_inwoner


def test_verplaatsen_en_annuleren_updaten_dezelfde_afspraak(client_als, zaak_lwl,
                                                            django_capture_on_commit_callbacks):
    c = client_als("consulent_lwl")
    nieuw = morgen()
    with django_capture_on_commit_callbacks(execute=True):
        response = c.post(reverse("loopbaangesprekken:gesprek-verplaatsen",
                                  kwargs={"pk": zaak_lwl.pk}),
                          {"datum": nieuw.date().isoformat(), "tijd": "09:00",
                           "vorm": "telefonisch", "locatie": "", "reden": "Inwoner ziek"})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        c.post(reverse("loopbaangesprekken:gesprek-annuleren", kwargs={"pk": zaak_lwl.pk}),
               {"reden": "Inwoner heeft werk gevonden"})
    verplaatst, geannuleerd = mail.outbox
    assert verplaatst.subject == "Uw loopbaangesprek is verplaatst"
    assert "belt u" in verplaatst.body
    v = icalendar.Calendar.from_ical(verplaatst.attachments[0][1]).walk("VEVENT")[0]
    a_cal = icalendar.Calendar.from_ical(geannuleerd.attachments[0][1])
    a = a_cal.walk("VEVENT")[0]
    assert str(v["uid"]) == str(a["uid"])
    assert (v["sequence"], a["sequence"]) == (1, 2)
    assert str(v["location"]) == "Telefonisch"
    assert a_cal["method"] == "CANCEL" and str(a["status"]) == "CANCELLED"
    zaak_lwl.refresh_from_db()
    assert zaak_lwl.status == Gesprek.Status.GEANNULEERD


def test_plannen_foute_invoer_blijft_staan(client_als):
    aanvraag = AanvraagFactory()
    c = client_als("consulent_lwl")
    gisteren = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = c.post(reverse("loopbaangesprekken:gesprek-plannen", kwargs={"pk": aanvraag.pk}),
                      {"datum": gisteren, "tijd": "10:00", "vorm": "op_locatie", "locatie": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies een datum en tijd in de toekomst." in html
    assert "Kies de locatie van het gesprek." in html
    assert f'value="{gisteren}"' in html
    assert not Gesprek.objects.exists()
    response = c.post(reverse("loopbaangesprekken:gesprek-plannen", kwargs={"pk": aanvraag.pk}),
                      {"datum": "31-02-2027", "tijd": "25:00", "vorm": "per_duif"})
    assert response.status_code == 200 and not Gesprek.objects.exists()


def test_vastleggen_met_doorverwijzing(client_als, zaak_lwl):
    c = client_als("consulent_lwl")
    doel = reverse("loopbaangesprekken:gesprek-vastleggen", kwargs={"pk": zaak_lwl.pk})
    vandaag = timezone.localdate().isoformat()
    basis = {"datum": vandaag, "tijd": "00:01", "duur_minuten": "50",
             "onderwerpen": ["loopbaanorientatie", "financiering_oo_fonds"],
             "verslag": "Vertrouwelijk: privésituatie besproken."}
    # missing choices are explained at the field, input kept, nothing saved
    response = c.post(doel, {**basis, "uitkomst": "doorverwijzing",
                             "doorverwezen_naar": "anders"})
    assert response.status_code == 200
    assert "Vul in naar welke organisatie u doorverwijst." in response.content.decode()
    assert "Vertrouwelijk: privésituatie besproken." in response.content.decode()
    response = c.post(doel, {**basis, "uitkomst": "geen_vervolg"})
    assert "Vul de reden in waarom er geen vervolg is." in response.content.decode()
    zaak_lwl.refresh_from_db()
    assert zaak_lwl.status == Gesprek.Status.GEPLAND

    response = c.post(doel, {**basis, "uitkomst": "doorverwijzing", "doorverwezen_naar": "anders",
                             "toelichting": "Stichting Schuldhulp Twente"})
    assert response.status_code == 302
    zaak_lwl.refresh_from_db()
    assert zaak_lwl.status == Gesprek.Status.GEVOERD
    assert zaak_lwl.onderwerpen == ["loopbaanorientatie", "financiering_oo_fonds"]
    assert zaak_lwl.aanvraag.status == "doorverwezen"
    inwonerteksten = " ".join(Gebeurtenis.objects.filter(dossier_id=zaak_lwl.aanvraag_id)
                              .values_list("tekst_inwoner", flat=True))
    assert "Vertrouwelijk" not in inwonerteksten
    assert "doorverwezen naar een andere organisatie" in inwonerteksten
    # the staff case page shows the verslag
    html = c.get(reverse("loopbaangesprekken:aanvraag",
                         kwargs={"pk": zaak_lwl.aanvraag_id})).content.decode()
    assert "Vertrouwelijk: privésituatie besproken." in html


def test_vastleggen_niet_in_de_toekomst(client_als, zaak_lwl):
    c = client_als("consulent_lwl")
    response = c.post(reverse("loopbaangesprekken:gesprek-vastleggen", kwargs={"pk": zaak_lwl.pk}),
                      {"datum": (timezone.localdate() + datetime.timedelta(days=2)).isoformat(),
                       "tijd": "10:00", "duur_minuten": "3", "onderwerpen": [],
                       "verslag": "", "uitkomst": "vervolggesprek"})
    html = response.content.decode()
    assert "kunt u nog niet vastleggen" in html
    assert "minstens 5" in html


def test_uitkomst_scholingsplan_zonder_scholingsplanformulier(client_als, zaak_lwl):
    """Without the scholingsplan pages installed the consulent returns to the case."""
    c = client_als("consulent_lwl")
    response = c.post(
        reverse("loopbaangesprekken:gesprek-vastleggen", kwargs={"pk": zaak_lwl.pk}),
        {"datum": timezone.localdate().isoformat(), "tijd": "00:01", "duur_minuten": "60",
         "onderwerpen": ["scholingsadvies"], "verslag": "Plan: mbo-4 elektro.",
         "uitkomst": "scholingsplan"})
    assert response.status_code == 302
    assert Aanvraag.objects.get(pk=zaak_lwl.aanvraag_id).status == "scholingsplan"


def test_toewijzen_en_overdragen(client_als, medewerkers, maak_gebruiker):
    aanvraag = AanvraagFactory()
    c = client_als("consulent_lwl")
    collega = maak_gebruiker("consulent", "leerwerkloket")
    html = c.get(aanvraag_url(aanvraag)).content.decode()
    assert collega.get_full_name() in html and "Bram" not in html
    r = c.post(reverse("loopbaangesprekken:aanvraag-toewijzen", kwargs={"pk": aanvraag.pk}),
               {"consulent": medewerkers["consulent_lbs"].pk})
    assert r.status_code == 200  # not a valid choice: shown at the field
    assert "geen beschikbare keuze" in r.content.decode() or "Selecteer een geldige" in \
        r.content.decode()
    r = c.post(reverse("loopbaangesprekken:aanvraag-toewijzen", kwargs={"pk": aanvraag.pk}),
               {"consulent": collega.pk})
    assert r.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.consulent == collega
    overdragen = reverse("loopbaangesprekken:aanvraag-overdragen", kwargs={"pk": aanvraag.pk})
    assert c.post(overdragen, {"reden": ""}).status_code == 200
    r = c.post(overdragen, {"reden": "Inwoner wil naar Loopbaanstation"})
    assert r["Location"] == reverse("loopbaangesprekken:werkvoorraad")
    assert c.get(aanvraag_url(aanvraag)).status_code == 404
    assert client_als("consulent_lbs").get(aanvraag_url(aanvraag)).status_code == 200


def test_adrescontrole_via_pagina(client_als):
    aanvraag = AanvraagFactory(postcode="7693AB", postcodecontrole="te_controleren")
    c = client_als("consulent_lwl")
    html = c.get(aanvraag_url(aanvraag)).content.decode()
    assert "Taak: adres controleren" in html
    doel = reverse("loopbaangesprekken:aanvraag-adrescontrole", kwargs={"pk": aanvraag.pk})
    assert c.post(doel, {"uitkomst": ""}).status_code == 200
    assert c.post(doel, {"uitkomst": "bevestigd", "toelichting": "BRP"}).status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.postcodecontrole == "bevestigd"
    assert "Taak: adres controleren" not in c.get(aanvraag_url(aanvraag)).content.decode()


def test_aanvraagpagina_queries_onafhankelijk_van_aantal_gesprekken(client_als):
    aanvraag = AanvraagFactory(status="in_behandeling")
    c = client_als("consulent_lwl")
    c.get(aanvraag_url(aanvraag))

    def tel():
        with CaptureQueriesContext(connection) as ctx:
            assert c.get(aanvraag_url(aanvraag)).status_code == 200
        return len(ctx.captured_queries)

    GesprekFactory(aanvraag=aanvraag, consulent=aanvraag.aanvrager)
    een = tel()
    for status in ["gevoerd", "geannuleerd", "niet_verschenen"] * 5:
        GesprekFactory(aanvraag=aanvraag, consulent=aanvraag.aanvrager, status=status)
    assert tel() == een


@pytest.mark.urls("tests.loopbaangesprekken.urls_met_scholingsplan")
def test_uitkomst_scholingsplan_leidt_naar_scholingsplanformulier(client_als, zaak_lwl):
    c = client_als("consulent_lwl")
    response = c.post(
        reverse("loopbaangesprekken:gesprek-vastleggen", kwargs={"pk": zaak_lwl.pk}),
        {"datum": timezone.localdate().isoformat(), "tijd": "00:01", "duur_minuten": "60",
         "onderwerpen": ["scholingsadvies"], "verslag": "Plan: mbo-4 elektro.",
         "uitkomst": "scholingsplan"})
    plan_url = reverse("loopbaangesprekken:scholingsplan-nieuw",
                       kwargs={"aanvraag_id": zaak_lwl.aanvraag_id})
    assert response["Location"] == plan_url
    html = c.get(aanvraag_url(zaak_lwl.aanvraag)).content.decode()
    assert f'href="{plan_url}"' in html


def test_mailstoring_maakt_de_planning_niet_ongedaan(client_als, monkeypatch, caplog,
                                                     django_capture_on_commit_callbacks):
    from loopbaangesprekken import uitnodiging

    def storing(*args):
        raise ConnectionRefusedError("smtp onbereikbaar")

    monkeypatch.setattr(uitnodiging, "verstuur", storing)
    aanvraag = AanvraagFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_als("consulent_lwl").post(
            reverse("loopbaangesprekken:gesprek-plannen", kwargs={"pk": aanvraag.pk}),
            {"datum": morgen().date().isoformat(), "tijd": "10:00", "vorm": "video"})
    assert response.status_code == 302
    assert Gesprek.objects.filter(aanvraag=aanvraag, status="gepland").exists()
    assert "niet verstuurd" in caplog.text
    # the mail stays in the outbox; verwerk_outbox sends it again later
    from tfvv.models import Outboxtaak

    assert Outboxtaak.objects.get(taak="loopbaangesprekken.tasks.verstuur_gespreksmail",
                                  gedaan_op__isnull=True).argumenten["soort"] == "uitnodiging"


def test_gesprek_zonder_afspraak_vastleggen(client_als, medewerkers,
                                            django_capture_on_commit_callbacks):
    aanvraag = AanvraagFactory()
    c = client_als("consulent_lwl")
    doel = reverse("loopbaangesprekken:gesprek-registreren", kwargs={"pk": aanvraag.pk})
    assert c.get(doel).status_code == 200
    gegevens = {"vorm": "op_locatie", "locatie": "", "datum": timezone.localdate().isoformat(),
                "tijd": "00:01", "duur_minuten": "30", "onderwerpen": ["testen"],
                "verslag": "Inloopgesprek.", "uitkomst": "geen_vervolg", "toelichting": ""}
    response = c.post(doel, gegevens)
    html = response.content.decode()
    assert "Kies de locatie van het gesprek." in html
    assert "Vul de reden in waarom er geen vervolg is." in html
    assert not Gesprek.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = c.post(doel, {**gegevens, "locatie": "Werkplein Almelo",
                                 "toelichting": "Zoekt geen scholing."})
    assert response.status_code == 302
    gesprek = Gesprek.objects.get(aanvraag=aanvraag)
    assert (gesprek.status, gesprek.locatie, gesprek.duur_minuten) == ("gevoerd",
                                                                       "Werkplein Almelo", 30)
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.consulent) == ("geen_vervolg",
                                                    medewerkers["consulent_lwl"])
    event = Gebeurtenis.objects.get(actie="vastleggen", object_id=str(gesprek.pk))
    assert (event.van_status, event.naar_status) == ("", "gevoerd")
    assert mail.outbox == []  # no invitation for a gesprek that already took place
    # a closed case takes no further gesprekken
    assert c.get(doel).status_code == 403
