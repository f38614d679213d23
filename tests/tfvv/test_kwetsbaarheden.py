"""The pip-audit step of the static checks: fails on a finding, not on an unreachable service."""

import importlib.util
import json

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("kwetsbaarheden",
                                              ROOT / "scripts" / "kwetsbaarheden.py")
kwetsbaarheden = importlib.util.module_from_spec(spec)
spec.loader.exec_module(kwetsbaarheden)


def rapport(tmp_path, inhoud) -> str:
    pad = tmp_path / "rapport.json"
    pad.write_text(json.dumps(inhoud) if inhoud is not None else "")
    return str(pad)


def test_kwetsbaarheid_faalt(tmp_path, capsys):
    pad = rapport(tmp_path, {"dependencies": [
        {"name": "django", "version": "5.2", "vulns": [
            {"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"]}]},
        {"name": "celery", "version": "5.4.0", "vulns": []}]})
    assert kwetsbaarheden.main(pad) == 1
    assert "KWETSBAAR django 5.2: PYSEC-2025-1 (opgelost in 5.2.1)" in capsys.readouterr().out


def test_schoon_slaagt(tmp_path, capsys):
    pad = rapport(tmp_path, {"dependencies": [{"name": "celery", "version": "5.4.0",
                                               "vulns": []}]})
    assert kwetsbaarheden.main(pad) == 0
    assert "1 pakketten gecontroleerd, 0 kwetsbaarheden" in capsys.readouterr().out


def test_dienst_onbereikbaar_meldt_maar_faalt_niet(tmp_path, capsys):
    assert kwetsbaarheden.main(rapport(tmp_path, None)) == 0
    assert "niet bereikbaar" in capsys.readouterr().out
    pad = rapport(tmp_path, {"dependencies": [
        {"name": "celery", "skip_reason": "Dependency not found on PyPI"}]})
    assert kwetsbaarheden.main(pad) == 0
    assert "1 van 1 pakketten niet gecontroleerd" in capsys.readouterr().out
