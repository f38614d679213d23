"""`manage.py demo`: credentials of its own per install, printed once and on request;
refused with DEBUG off unless forced."""

import io

import pytest
from django.core.management import CommandError, call_command

from tfvv import demo
from tfvv.models import Gebruiker

pytestmark = pytest.mark.django_db


@pytest.fixture
def var(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def laad():
    uitvoer = []
    demo.laad(uitvoer.append)
    return "\n".join(uitvoer)


def test_willekeurig_per_installatie_en_een_keer_getoond(var):
    eerste = laad()
    opgeslagen = demo.lees_inloggegevens()
    beheerder = Gebruiker.objects.get(username="beheerder")
    assert beheerder.check_password(opgeslagen["beheerder"]["wachtwoord"])
    assert opgeslagen["beheerder"]["wachtwoord"] in eerste
    assert not beheerder.is_superuser
    assert len({g["wachtwoord"] for g in opgeslagen.values()}) == len(demo.MEDEWERKERS)
    assert (var / "demo-inloggegevens.json").stat().st_mode & 0o077 == 0
    # a second run keeps them and does not print them
    tweede = laad()
    assert opgeslagen["beheerder"]["wachtwoord"] not in tweede and "--toon" in tweede
    assert demo.lees_inloggegevens() == opgeslagen
    # another install (no stored credentials) gets other ones; the demo users stay, as the
    # demo budget's plafond decision names them and money records are never changed
    (var / "demo-inloggegevens.json").unlink()
    laad()
    assert demo.lees_inloggegevens()["beheerder"] != opgeslagen["beheerder"]


def test_toon_drukt_opnieuw_af(var):
    laad()
    uit = io.StringIO()
    call_command("demo", "--toon", stdout=uit)
    assert demo.lees_inloggegevens()["financieel"]["totp"] in uit.getvalue()


def test_toon_zonder_demo(var):
    with pytest.raises(CommandError, match="nog geen demo-inloggegevens"):
        call_command("demo", "--toon")


def test_weigert_zonder_debug(var, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--ook-zonder-debug"):
        call_command("demo")
    assert not Gebruiker.objects.filter(username="beheerder").exists()


def test_technisch_beheerder_alleen_via_commando(var):
    uit = io.StringIO()
    call_command("maak_technisch_beheerder", "techniek", stdout=uit)
    techniek = Gebruiker.objects.get(username="techniek")
    assert techniek.is_superuser and techniek.is_medewerker
    assert "TOTP-geheim" in uit.getvalue()
