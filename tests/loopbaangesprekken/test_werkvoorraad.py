"""The queue: tabs, filters, search, pagination, and query counts independent of size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Aanvraag, Postcodecontrole
from loopbaangesprekken.models import Gesprek
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tfvv.models import Gemeente
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db
URL = reverse("loopbaangesprekken:werkvoorraad")


def referenties(response) -> list[str]:
    return [a.referentie for a in response.context["pagina"]]


def test_nieuw_oudste_eerst_met_wachttijd(client_als):
    nieuw = AanvraagFactory(referentie="TF-NIEUW")
    oud = AanvraagFactory(referentie="TF-OUD")
    Aanvraag.objects.filter(pk=oud.pk).update(
        ontvangen_op=timezone.now() - datetime.timedelta(days=15))
    response = client_als("consulent_lwl").get(URL)
    assert referenties(response) == [oud.referentie, nieuw.referentie]
    assert "2 weken" in response.content.decode()


def test_tabbladen(client_als, medewerkers):
    AanvraagFactory(referentie="TF-A")
    AanvraagFactory(referentie="TF-B", status="in_behandeling",
                    consulent=medewerkers["consulent_lwl"])
    AanvraagFactory(referentie="TF-C", status="in_behandeling",
                    consulent=medewerkers["consulent_manager"])
    AanvraagFactory(referentie="TF-D", status="geen_vervolg")
    c = client_als("consulent_lwl")
    assert referenties(c.get(URL)) == ["TF-A"]
    assert referenties(c.get(URL, {"lijst": "mijn"})) == ["TF-B"]
    assert referenties(c.get(URL, {"lijst": "open"})) == ["TF-A", "TF-B", "TF-C"]
    assert c.get(URL, {"lijst": "onzin"}).context["lijst"] == "nieuw"
    assert c.get(URL).context["tellingen"] == {"nieuw": 1, "mijn": 1, "open": 3}


def test_filters_en_zoeken(client_als):
    almelo = Gemeente.objects.get(naam="Almelo")
    AanvraagFactory(referentie="TF-1", voornaam="Jan", achternaam="de Vries", postcode="7511AB")
    AanvraagFactory(referentie="TF-2", voornaam="Eva", achternaam="Jansen", postcode="7601CD",
                    gemeente=almelo, voorkeur_locatie="Werkplein Almelo",
                    postcodecontrole=Postcodecontrole.TE_CONTROLEREN)
    oud = AanvraagFactory(referentie="TF-3", voornaam="Piet", achternaam="Kok",
                          postcode="7553XY", status="in_behandeling")
    Aanvraag.objects.filter(pk=oud.pk).update(
        ontvangen_op=timezone.now() - datetime.timedelta(days=30))
    c = client_als("consulent_lwl")

    def zoek(**params):
        return referenties(c.get(URL, {"lijst": "open", **params}))

    assert zoek(zoek="jan") == ["TF-1", "TF-2"]  # voornaam Jan, achternaam Jansen
    assert zoek(zoek="de vries") == ["TF-1"]
    assert zoek(zoek="TF-2") == ["TF-2"]
    assert zoek(zoek="7601 cd") == ["TF-2"]
    assert zoek(zoek="7553") == ["TF-3"]
    assert zoek(gemeente=almelo.pk) == ["TF-2"]
    assert zoek(locatie="Werkplein Almelo") == ["TF-2"]
    assert zoek(status="in_behandeling") == ["TF-3"]
    assert zoek(wachttijd="28") == ["TF-3"]
    assert zoek(adrescontrole="on") == ["TF-2"]
    html = c.get(URL, {"lijst": "open"}).content.decode()
    assert "Adres controleren" in html
    # bad filter input: no 500, the form shows the error and keeps the input
    response = c.get(URL, {"lijst": "open", "status": "bestaat_niet", "wachttijd": "x"})
    assert response.status_code == 200
    assert response.context["filter"].errors


def test_paginering(client_als):
    inwoner = InwonerFactory()
    gemeente = Gemeente.objects.get(naam="Enschede")
    Aanvraag.objects.bulk_create(
        [AanvraagFactory.build(aanvrager=inwoner, gemeente=gemeente) for _ in range(30)])
    c = client_als("consulent_lwl")
    eerste = c.get(URL)
    assert len(referenties(eerste)) == 25
    assert "pagina=2" in eerste.content.decode()
    tweede = c.get(URL, {"pagina": 2})
    assert len(referenties(tweede)) == 5
    assert c.get(URL, {"pagina": "999"}).status_code == 200


def test_sorteren_op_kolom(client_als):
    hengelo = Gemeente.objects.get(naam="Hengelo")
    AanvraagFactory(referentie="TF-B", achternaam="Bos")
    AanvraagFactory(referentie="TF-C", achternaam="Aa", gemeente=hengelo)
    AanvraagFactory(referentie="TF-A", achternaam="Cats")
    c = client_als("consulent_lwl")

    def volgorde(sorteer):
        return referenties(c.get(URL, {"lijst": "open", "sorteer": sorteer}))

    assert volgorde("ontvangen") == ["TF-B", "TF-C", "TF-A"]
    assert volgorde("-ontvangen") == ["TF-A", "TF-C", "TF-B"]
    assert volgorde("referentie") == ["TF-A", "TF-B", "TF-C"]
    assert volgorde("naam") == ["TF-C", "TF-B", "TF-A"]
    assert volgorde("-naam") == ["TF-A", "TF-B", "TF-C"]
    assert volgorde("gemeente") == ["TF-B", "TF-A", "TF-C"]  # Enschede before Hengelo
    assert volgorde("-gemeente") == ["TF-C", "TF-B", "TF-A"]
    # an unknown key is ignored: the default order (oldest first), no error
    assert volgorde("id; drop table") == ["TF-B", "TF-C", "TF-A"]
    inhoud = c.get(URL, {"lijst": "open", "sorteer": "naam", "zoek": "a"}).content.decode()
    assert 'aria-sort="ascending"' in inhoud
    assert "sorteer=-naam" in inhoud and "zoek=a" in inhoud  # the filter stays in the link
    assert 'name="sorteer" value="naam"' in inhoud  # and the order in the filter form


def _vul(aantal: int, medewerkers):
    """`aantal` cases of both loketten, some assigned, some with gesprekken."""
    inwoner = InwonerFactory()
    gemeente = Gemeente.objects.get(naam="Hengelo")
    consulent = medewerkers["consulent_lwl"]
    aanvragen = Aanvraag.objects.bulk_create([
        AanvraagFactory.build(
            aanvrager=inwoner, gemeente=gemeente,
            loket=(Organisatie.LEERWERKLOKET if i % 3 else Organisatie.LOOPBAANSTATION),
            status="in_behandeling" if i % 2 else "aangemeld",
            consulent=consulent if i % 2 else None,
            postcodecontrole="te_controleren" if i % 7 == 0 else "niet_nodig",
        )
        for i in range(aantal)
    ])
    Gesprek.objects.bulk_create([
        Gesprek(aanvraag=a, consulent=consulent, status=Gesprek.Status.GEPLAND,
                gepland_op=timezone.now() + datetime.timedelta(days=2), vorm="video")
        for a in aanvragen if a.status == "in_behandeling"
    ])


@pytest.mark.parametrize("rol", ["consulent_lwl", "consulent_manager"])
def test_aantal_queries_onafhankelijk_van_aantal_aanvragen(client_als, medewerkers, rol,
                                                           django_assert_max_num_queries):
    c = client_als(rol)
    verzoeken = [{}, {"lijst": "mijn"}, {"lijst": "open", "zoek": "jan", "wachttijd": "7",
                                         "gemeente": Gemeente.objects.get(naam="Hengelo").pk},
                 {"lijst": "open", "sorteer": "-naam"}, {"sorteer": "gemeente", "pagina": 2}]
    c.get(URL)  # warm up the session

    def tel():
        aantallen = []
        for params in verzoeken:
            with CaptureQueriesContext(connection) as ctx:
                assert c.get(URL, params).status_code == 200
            aantallen.append(len(ctx.captured_queries))
        return aantallen

    _vul(10, medewerkers)
    bij_10 = tel()
    _vul(990, medewerkers)
    bij_1000 = tel()
    assert bij_10 == bij_1000
    with django_assert_max_num_queries(max(bij_10)):
        c.get(URL, {"lijst": "open"})
