"""The privacy statement states the retention periods from the settings (one source)."""

import pytest
from django.urls import reverse

from tfvv.bewaartermijnen import duur


def test_standaardtermijnen(client):
    html = client.get(reverse("tfvv:privacy")).content.decode()
    assert "bewaren wij 1 jaar na afloop van de bezwaartermijn" in " ".join(html.split())
    assert "7 jaar" in html
    assert "2 jaar" not in html
    assert "Die verantwoording bewaren wij 10 jaar" in " ".join(html.split())


def test_volgt_de_instelling(client, settings):
    settings.TFVV_BEWAARTERMIJNEN = {**settings.TFVV_BEWAARTERMIJNEN, "afgewezen": 548}
    html = " ".join(client.get(reverse("tfvv:privacy")).content.decode().split())
    assert "bewaren wij 18 maanden na afloop van de bezwaartermijn" in html
    settings.TFVV_BEWAARTERMIJNEN = {**settings.TFVV_BEWAARTERMIJNEN, "verantwoording": 2557}
    html = " ".join(client.get(reverse("tfvv:privacy")).content.decode().split())
    assert "Die verantwoording bewaren wij 7 jaar" in html


@pytest.mark.parametrize(("dagen", "tekst"), [
    (365, "1 jaar"), (7 * 365 + 2, "7 jaar"), (730, "2 jaar"), (548, "18 maanden"),
    (90, "3 maanden"), (45, "45 dagen"), (1, "1 dag")])
def test_duur(dagen, tekst):
    assert duur(dagen) == tekst
