"""The bench harness: the scenario registry and the report."""

import json

import pytest

from bench import draai


def test_ontbrekende_module_is_niet_beschikbaar(monkeypatch):
    monkeypatch.setitem(draai.SCENARIOS, "spook", ("bench.bestaat_niet", "test"))
    ctx = draai.Context(host="127.0.0.1", poort=1, duur=1, clients=1, omvang=[], aantal=0,
                        run="x")
    uitkomst = draai.draai_scenario("spook", ctx)
    assert uitkomst["status"] == "niet beschikbaar"
    assert "bench.bestaat_niet" in uitkomst["reden"]


def test_rapport_voegt_scenarios_van_dezelfde_dag_samen(tmp_path):
    basis = {"datum": "2026-11-23", "omgeving": {"postgresql": "15"},
             "machine": {"cores": 2, "geheugen_gb": 4.0, "cpu": "x", "kernel": "k",
                         "python": "3.11"}}
    draai.schrijf({**basis, "scenarios": {"pdf": {
        "status": "gemeten", "cijfers": {"ms": {"p50": 40.0}},
        "doelen": [draai.doel("factor <= 1.5", "1.10x", True)]}}}, tmp_path)
    json_pad, md_pad = draai.schrijf({**basis, "scenarios": {
        "rush": draai.niet_beschikbaar("nog geen formulier")}}, tmp_path)
    rapport = json.loads(json_pad.read_text())
    assert list(rapport["scenarios"]) == ["rush", "pdf"]
    md = md_pad.read_text()
    assert "2 cores, 4.0 GB" in md
    assert "| factor <= 1.5 | 1.10x | ja |" in md
    assert "| ms.p50 | 40.00 |" in md
    assert "**niet beschikbaar** (nog geen formulier)" in md


def test_onbekend_scenario_wordt_geweigerd():
    with pytest.raises(SystemExit):
        draai.parse_args(["--scenario", "rush,bestaatniet"])
    assert draai.parse_args(["--scenario", "rush,pdf"]).scenario == ["rush", "pdf"]
