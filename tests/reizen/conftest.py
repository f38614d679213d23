"""Helpers for whole journeys in Chromium: every page visited is checked with axe-core
and photographed under var/screenshots/<test>/ for review."""

import re

import pytest

from tests.conftest import ROOT, axe_schendingen, huidige_code

SCREENSHOTS = ROOT / "var" / "screenshots"
GECONTROLEERD = SCREENSHOTS / "gecontroleerde-paginas.txt"


class Reis:
    """A person clicking through the site; `stap()` after each page load."""

    def __init__(self, page, live_server, naam: str):
        self.page = page
        self.url = live_server.url
        self.map = SCREENSHOTS / naam
        self.map.mkdir(parents=True, exist_ok=True)
        self.teller = 0
        self.paginas: list[str] = []

    def ga_naar(self, pad: str):
        self.page.goto(self.url + pad)
        return self.stap()

    def stap(self, omschrijving: str = ""):
        """Check the current page with axe-core and save a screenshot."""
        self.page.wait_for_load_state("domcontentloaded")
        self.teller += 1
        pad = self.page.url.removeprefix(self.url)
        naam = re.sub(r"[^a-z0-9]+", "-", (omschrijving or pad).lower()).strip("-") or "home"
        self.page.screenshot(path=str(self.map / f"{self.teller:02d}-{naam}.png"), full_page=True)
        schendingen = axe_schendingen(self.page)
        assert schendingen == [], f"axe-core op {pad}: {schendingen}"
        self.paginas.append(pad)
        with GECONTROLEERD.open("a", encoding="utf-8") as f:
            f.write(f"{self.map.name}\t{re.sub(r'/[0-9]+/', '/<id>/', pad)}\n")
        return self.page

    def log_in_als_medewerker(self, user, wachtwoord="Test-wachtwoord-123!"):
        self.page.goto(self.url + "/medewerkers/inloggen/")
        self.page.get_by_label("Gebruikersnaam").fill(user.username)
        self.page.get_by_label("Wachtwoord").fill(wachtwoord)
        self.page.get_by_label("Code uit uw authenticator-app").fill(
            huidige_code(user.totp_device))
        self.page.get_by_role("button", name="Inloggen").click()
        return self.stap(f"start-{user.username}")

    def log_uit(self):
        self.page.get_by_role("button", name="Uitloggen").click()
        self.page.wait_for_load_state("domcontentloaded")


@pytest.fixture
def reis(page, live_server, request):
    """reis = Reis(...) for the current test; screenshots under var/screenshots/<test>."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return Reis(page, live_server, re.sub(r"[^a-z0-9_]+", "-", request.node.name.lower()))
