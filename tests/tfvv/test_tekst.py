"""The shared sanitiser for typed text in mails, PDFs and calendar files (tfvv.tekst)."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from tfvv import tekst

PAYLOAD = "Jan,\n\nLET OP: uw aanvraag is AFGEWEZEN. Ga naar https://evil.example"


def test_mailveilig_maakt_een_regel_zonder_link():
    assert tekst.mailveilig(PAYLOAD) == (
        "Jan, LET OP: uw aanvraag is AFGEWEZEN. Ga naar https[:]//evil[.]example")


@given(st.text())
def test_mailveilig_nooit_een_regeleinde(waarde):
    uit = tekst.mailveilig(waarde)
    assert "\n" not in uit and "\r" not in uit and "\u2028" not in uit
    assert "://" not in uit


def test_citeer_zet_elke_regel_achter_een_teken():
    assert tekst.citeer("Eerste regel\r\nzie www.evil.nl\n") == (
        "> Eerste regel\n> zie www[.]evil[.]nl\n>")


@pytest.mark.parametrize("naam", ["Inge", "'t Hooft", "d'Artagnan", "Jean-Luc", "J.P.",
                                  "de Vries", "Çelik", "Nguyễn", "O’Brien"])
def test_namen_toegestaan(naam):
    tekst.valideer_naam(naam)


@pytest.mark.parametrize("naam,code", [
    (PAYLOAD, "regeleinde"), ("Jan\tPiet", "regeleinde"), ("evil.example", "url"),
    ("Jan www.x.nl", "url"), ("Jan2", "naam"), ("<script>", "naam"), ("Jan: lees dit", "naam"),
    ("-", "naam"),
])
def test_namen_geweigerd(naam, code):
    with pytest.raises(ValidationError) as fout:
        tekst.valideer_naam(naam)
    assert fout.value.code == code


def test_naamcontrole_snel_bij_lange_vreemde_invoer():
    """No catastrophic backtracking in the name pattern."""
    with pytest.raises(ValidationError):
        tekst.valideer_naam("a-" * 5000 + "!")


@pytest.mark.parametrize("waarde", ["productiemedewerker", "zorg & welzijn", "mbo-2 (BBL)",
                                    "Hengelo/Almelo"])
def test_korte_tekst_toegestaan(waarde):
    tekst.valideer_korte_tekst(waarde)


@pytest.mark.parametrize("waarde", ["a\nb", "zie http://x", "<b>", "a;b"])
def test_korte_tekst_geweigerd(waarde):
    with pytest.raises(ValidationError):
        tekst.valideer_korte_tekst(waarde)
