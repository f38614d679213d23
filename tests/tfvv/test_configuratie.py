"""Every environment variable read in tfvv/settings.py is documented in docs/configuratie.md."""

import re

from tests.conftest import ROOT

GELEZEN = re.compile(r"\b[Ee]nv(?:\(\))?\.\w+\(\s*\"([A-Z][A-Z0-9_]+)\"")


def test_elke_omgevingsvariabele_gedocumenteerd():
    docs = (ROOT / "docs" / "configuratie.md").read_text()
    namen = set()
    for bestand in ("settings.py", "settings_test.py"):
        namen |= set(GELEZEN.findall((ROOT / "tfvv" / bestand).read_text()))
    assert len(namen) > 30
    ontbreekt = sorted(n for n in namen if f"`{n}`" not in docs)
    assert not ontbreekt, f"Beschrijf in docs/configuratie.md: {ontbreekt}"
