"""The manager assigns several cases to one consulent at once: all or none."""

import pytest
from django.urls import reverse

from aanvragen.models import Aanvraag
from tests.aanvragen.factories import AanvraagFactory
from tfvv.models import Gebeurtenis
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db
URL = reverse("loopbaangesprekken:werkvoorraad-toewijzen")


def test_manager_wijst_meerdere_aanvragen_tegelijk_toe(client_als, medewerkers):
    zaken = [AanvraagFactory() for _ in range(3)]
    c = client_als("consulent_manager")
    pagina = c.get(reverse("loopbaangesprekken:werkvoorraad"))
    assert "Meerdere aanvragen toewijzen" in pagina.content.decode()
    antwoord = c.post(URL, {"aanvragen": [z.pk for z in zaken[:2]],
                            "consulent": medewerkers["consulent_lwl"].pk, "lijst": "nieuw"},
                      follow=True)
    assert "2 aanvragen zijn toegewezen" in antwoord.content.decode()
    toegewezen = set(Aanvraag.objects.filter(consulent=medewerkers["consulent_lwl"])
                     .values_list("pk", flat=True))
    assert toegewezen == {zaken[0].pk, zaken[1].pk}
    # a new aanmelding is taken in behandeling on the way (one event per case)
    assert Gebeurtenis.objects.filter(dossier_id__in=toegewezen).count() == 2


def test_een_aanvraag_van_het_andere_loket_weigert_de_hele_batch(client_als, medewerkers):
    lwl = AanvraagFactory()
    lbs = AanvraagFactory(loket=Organisatie.LOOPBAANSTATION)
    antwoord = client_als("consulent_manager").post(
        URL, {"aanvragen": [lwl.pk, lbs.pk], "consulent": medewerkers["consulent_lwl"].pk},
        follow=True)
    assert "Niets toegewezen" in antwoord.content.decode()
    assert not Aanvraag.objects.filter(consulent__isnull=False).exists()


def test_zonder_keuze_een_duidelijke_melding(client_als):
    antwoord = client_als("consulent_manager").post(URL, {}, follow=True)
    tekst = antwoord.content.decode()
    assert "Vink minstens één aanvraag aan." in tekst
    assert "Kies de consulent aan wie u de aanvragen toewijst." in tekst


def test_een_gewone_consulent_mag_het_niet_en_ziet_het_niet(client_als, medewerkers):
    zaak = AanvraagFactory()
    c = client_als("consulent_lwl")
    assert "Meerdere aanvragen toewijzen" not in c.get(
        reverse("loopbaangesprekken:werkvoorraad")).content.decode()
    assert c.post(URL, {"aanvragen": [zaak.pk],
                        "consulent": medewerkers["consulent_lwl"].pk}).status_code == 403
    zaak.refresh_from_db()
    assert zaak.consulent is None


def test_terug_naar_dezelfde_lijst_volgorde_en_pagina(client_als, medewerkers):
    """Assigning from page 2 of a sorted list returns there; unknown values are dropped."""
    zaken = [AanvraagFactory(achternaam=f"Achter{i:02d}") for i in range(27)]
    c = client_als("consulent_manager")
    pagina = c.get(reverse("loopbaangesprekken:werkvoorraad"),
                   {"lijst": "open", "sorteer": "-naam", "pagina": 2})
    inhoud = pagina.content.decode()
    assert 'name="sorteer" value="-naam"' in inhoud and 'name="pagina" value="2"' in inhoud
    assert [a.achternaam for a in pagina.context["pagina"]] == ["Achter01", "Achter00"]
    antwoord = c.post(URL, {"aanvragen": [zaken[0].pk], "consulent":
                            medewerkers["consulent_lwl"].pk, "lijst": "open",
                            "sorteer": "-naam", "pagina": "2"})
    assert antwoord.url.endswith("?lijst=open&sorteer=-naam&pagina=2")
    antwoord = c.post(URL, {"lijst": "x", "sorteer": "wachtwoord", "pagina": "2; drop"})
    assert antwoord.url.endswith("?lijst=open")
