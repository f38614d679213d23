"""docker-compose.yml: YAML syntax and the shape of the stack (no Docker engine here)."""

import re

import yaml

from tests.conftest import ROOT


def test_stack_compleet_met_gezondheidscontroles():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    diensten = compose["services"]
    assert set(diensten) == {"db", "redis", "mailpit", "migrate", "web", "worker", "beat"}
    for naam, dienst in diensten.items():
        if naam != "migrate":
            assert "healthcheck" in dienst, f"{naam} heeft geen healthcheck"
    assert diensten["db"]["image"].startswith("postgres:15")
    assert diensten["web"]["depends_on"]["migrate"]["condition"] == \
        "service_completed_successfully"
    assert "gunicorn" in (ROOT / "Dockerfile").read_text()


def test_omgeving_gedocumenteerd():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    docs = (ROOT / "docs" / "configuratie.md").read_text()
    omgeving = compose["services"]["web"]["environment"]
    ontbreekt = [n for n in omgeving if f"`{n}`" not in docs]
    assert not ontbreekt
    assert re.search(r"\$\{DJANGO_SECRET_KEY:\?", (ROOT / "docker-compose.yml").read_text())
