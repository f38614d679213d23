import pytest
from django.urls import reverse

from tfvv.models import Gemeente, Postcodegebied, Regeling

pytestmark = pytest.mark.django_db


def test_homepagina_in_het_nederlands(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get(reverse("tfvv:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Direct naar de inhoud" in html
    assert 'href="/static/vendor/bootstrap/bootstrap.min.css"' in html
    assert "cdn" not in html.lower()


@pytest.mark.parametrize("naam", ["tfvv:privacy", "tfvv:toegankelijkheid"])
def test_verklaringen(client, naam):
    assert client.get(reverse(naam)).status_code == 200


def test_referentiedata_geladen():
    assert Gemeente.objects.count() == 14
    assert Postcodegebied.objects.count() == 144
    assert Postcodegebied.objects.filter(soort="grens").count() == 2
    assert Postcodegebied.objects.filter(soort="postbus").count() == 20
    assert Postcodegebied.objects.get(pc4="7448").gemeente.naam == "Hellendoorn"
    assert Postcodegebied.objects.get(pc4="7668").gemeente.naam == "Tubbergen"
    assert not Postcodegebied.objects.filter(pc4="7411").exists()  # Deventer
    assert Gemeente.objects.get(naam="Wierden").peildatum.year == 2021


def test_twee_regelingen():
    pilot, nieuw = Regeling.objects.order_by("geldig_van")
    assert (str(pilot.geldig_van), str(pilot.geldig_tot)) == ("2019-01-01", "2022-12-31")
    assert (str(nieuw.geldig_van), str(nieuw.geldig_tot)) == ("2023-01-01", "2026-12-31")
    assert str(nieuw.cofinanciering_aandeel) == "0.500"
