"""The command-line contract of `manage.py subsidietoets CASE.json` (docs/subsidietoets.md)."""

import copy
import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

VOORBEELD = {
    "aanvraagdatum": "2024-03-01",
    "aanvrager": {"geboortedatum": "1990-05-17", "postcode": "7511 AB",
                  "opleidingsniveau": "mbo-3"},
    "scholing": {"niveau": "mbo-4", "startdatum": "2024-04-01", "einddatum": "2024-12-31",
                 "opleider_erkend": True, "totale_kosten": "4000.00",
                 "doelberoep_op_kansberoepenlijst": True,
                 "arbeidsmarktperspectief_onderbouwd": False},
    "cofinanciering": [{"bron": "werkgever", "bedrag": "2000.00"}],
    "gevraagd_bedrag": "2000.00",
    "eerder_toegekend_dit_jaar": "0.00",
    "beschikbaar_budget": "100000.00",
    "open_cheque_zelfde_opleiding": False,
}


def voer_uit(tmp_path, data, capsys):
    bestand = tmp_path / "casus.json"
    bestand.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    code = 0
    try:
        call_command("subsidietoets", str(bestand))
    except SystemExit as e:
        code = e.code
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_voorbeeld_voldoet(tmp_path, capsys):
    code, out, _ = voer_uit(tmp_path, VOORBEELD, capsys)
    assert code == 0
    resultaat = json.loads(out)
    assert resultaat["regeling"] == "Twents Fonds 2023–2026"
    assert resultaat["uitkomst"] == "voldaan"
    assert [r["id"] for r in resultaat["regels"]] == [f"R{i}" for i in range(1, 11)]
    assert all({"id", "uitkomst", "uitleg"} <= set(r) for r in resultaat["regels"])


def gewijzigd(pad, waarde):
    data = copy.deepcopy(VOORBEELD)
    doel = data
    *kop, laatste = pad.split(".")
    for k in kop:
        doel = doel[k]
    doel[laatste] = waarde
    return data


@pytest.mark.parametrize(("pad", "waarde", "regel", "uitkomst"), [
    ("aanvrager.postcode", "7500 AA", "R1", "niet voldaan"),      # PO box
    ("aanvrager.postcode", "7411 AB", "R1", "niet voldaan"),      # Deventer
    ("aanvrager.postcode", "7693AB", "R1", "handmatig beoordelen"),  # border
    ("aanvrager.geboortedatum", "2006-03-02", "R2", "niet voldaan"),
    ("scholing.startdatum", "2024-02-29", "R8", "niet voldaan"),
    ("beschikbaar_budget", "1999.99", "R9", "niet voldaan"),
    ("open_cheque_zelfde_opleiding", True, "R10", "niet voldaan"),
])
def test_uitkomst_per_regel(tmp_path, capsys, pad, waarde, regel, uitkomst):
    code, out, _ = voer_uit(tmp_path, gewijzigd(pad, waarde), capsys)
    assert code == 0
    regels = {r["id"]: r for r in json.loads(out)["regels"]}
    assert regels[regel]["uitkomst"] == uitkomst
    assert json.loads(out)["uitkomst"] == uitkomst


def test_regeling_wisselt_op_1_januari_2023(tmp_path, capsys):
    pilot = gewijzigd("aanvraagdatum", "2022-12-31")
    pilot["scholing"]["startdatum"] = "2023-01-02"
    pilot["cofinanciering"] = []
    pilot["scholing"]["totale_kosten"] = "2000.00"
    code, out, _ = voer_uit(tmp_path, pilot, capsys)
    assert code == 0 and json.loads(out)["regeling"] == "Pilot 2019–2022"
    assert json.loads(out)["uitkomst"] == "voldaan"  # no co-financing needed in the pilot
    pilot["aanvraagdatum"] = "2023-01-01"
    code, out, _ = voer_uit(tmp_path, pilot, capsys)
    resultaat = json.loads(out)
    assert resultaat["regeling"] == "Twents Fonds 2023–2026"
    assert {r["id"]: r["uitkomst"] for r in resultaat["regels"]}["R5"] == "niet voldaan"


def test_geen_regeling_van_kracht(tmp_path, capsys):
    code, out, err = voer_uit(tmp_path, gewijzigd("aanvraagdatum", "2027-01-01"), capsys)
    assert code == 2 and out == ""
    assert "aanvraagdatum" in err and "geen regeling van kracht" in err


def test_ongeldige_velden_worden_elk_genoemd(tmp_path, capsys):
    data = gewijzigd("aanvrager.postcode", "0123 AB")
    data["scholing"]["einddatum"] = "2024-03-01"
    data["gevraagd_bedrag"] = "twee"
    data["cofinanciering"] = [{"bron": "bank", "bedrag": "-1"}]
    del data["open_cheque_zelfde_opleiding"]
    code, _, err = voer_uit(tmp_path, data, capsys)
    assert code == 2
    for veld in ["aanvrager.postcode", "scholing.einddatum", "gevraagd_bedrag",
                 "cofinanciering[0].bron", "cofinanciering[0].bedrag",
                 "open_cheque_zelfde_opleiding"]:
        assert veld in err
    assert "ontbreekt" in err


@pytest.mark.parametrize("tekst", ["", "{", "[]", "null", "42", '"tekst"', "\x00"])
def test_geen_json_object(tmp_path, capsys, tekst):
    code, out, err = voer_uit(tmp_path, tekst, capsys)
    assert code == 2 and out == "" and err


def test_bestand_bestaat_niet(capsys):
    with pytest.raises(SystemExit) as e:
        call_command("subsidietoets", "/bestaat/niet.json")
    assert e.value.code == 2


json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda kinderen: st.lists(kinderen, max_size=3)
    | st.dictionaries(st.text(max_size=8), kinderen, max_size=3),
    max_leaves=10,
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pad=st.sampled_from([
    "aanvraagdatum", "aanvrager", "aanvrager.geboortedatum", "aanvrager.postcode",
    "aanvrager.opleidingsniveau", "scholing", "scholing.niveau", "scholing.startdatum",
    "scholing.totale_kosten", "scholing.opleider_erkend", "cofinanciering", "gevraagd_bedrag",
    "beschikbaar_budget", "open_cheque_zelfde_opleiding",
]), waarde=json_waarden)
def test_geen_invoer_laat_het_commando_vastlopen(tmp_path, capsys, pad, waarde):
    code, out, err = voer_uit(tmp_path, gewijzigd(pad, waarde), capsys)
    assert code in (0, 2)
    if code == 0:
        assert len(json.loads(out)["regels"]) == 10
    else:
        assert pad.split(".")[0] in err


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=json_waarden)
def test_willekeurige_json_geeft_exit_2(tmp_path, capsys, data):
    code, _, err = voer_uit(tmp_path, data, capsys)
    assert code == 2 and "Ongeldige invoer" in err


def test_als_apart_proces(tmp_path):
    """The real process on a freshly migrated database of its own: JSON on stdout and
    exit 0; an aanvraagdatum without a regeling: exit 2."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tfvv.settings_test",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'proces.sqlite3'}"}

    def manage(*args):
        return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)

    assert manage("migrate", "-v0").returncode == 0
    bestand = tmp_path / "casus.json"
    bestand.write_text(json.dumps(VOORBEELD))
    proces = manage("subsidietoets", str(bestand))
    assert proces.returncode == 0, proces.stderr
    assert json.loads(proces.stdout)["uitkomst"] == "voldaan"
    bestand.write_text(json.dumps(gewijzigd("aanvraagdatum", "2018-12-31")))
    proces = manage("subsidietoets", str(bestand))
    assert proces.returncode == 2 and proces.stdout == ""
    assert "aanvraagdatum: op 31-12-2018 is geen regeling van kracht." in proces.stderr
