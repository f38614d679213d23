"""Helpers for whole journeys in Chromium: every page visited is checked with axe-core
and photographed under var/screenshots/<test>/ for review."""

import re
import shutil

import pytest

from tests.aanvragen.conftest import pad_van_link
from tests.conftest import ROOT, axe_schendingen, huidige_code

SCREENSHOTS = ROOT / "var" / "screenshots"
GECONTROLEERD = SCREENSHOTS / "gecontroleerde-paginas.txt"


def algemeen_pad(pad: str) -> str:
    """'/cheques/TFV-2026-000001/#x' -> '/cheques/<nummer>/': one line per kind of page."""
    pad = pad.split("#")[0]
    pad = re.sub(r"/[0-9]+/", "/<id>/", pad)
    pad = re.sub(r"TFV-\d{4}-\d{6}", "<nummer>", pad)
    return re.sub(r"TF-\d{4}-\d{6}", "<referentie>", pad)


class Reis:
    """A person clicking through the site; `stap()` after each page load."""

    def __init__(self, page, live_server, naam: str):
        self.page = page
        page.set_default_timeout(10_000)
        page.set_default_navigation_timeout(30_000)
        self.url = live_server.url
        self.map = SCREENSHOTS / naam
        shutil.rmtree(self.map, ignore_errors=True)  # only this run's screenshots
        self.map.mkdir(parents=True)
        self.teller = 0
        self.paginas: list[str] = []

    def ga_naar(self, pad: str, omschrijving: str = ""):
        self.page.goto(self.url + pad)
        return self.stap(omschrijving)

    def stap(self, omschrijving: str = "", axe: bool = True):
        """Check the current page with axe-core and save a screenshot (`axe=False` only
        where the browser runs without JavaScript, so axe-core cannot run)."""
        self.page.wait_for_load_state("domcontentloaded")
        self.teller += 1
        # a login token is a secret: never in a file name or the list of pages
        pad = re.sub(r"/inloggen/[A-Za-z0-9_-]{20,}/", "/inloggen/<token>/",
                     self.page.url.removeprefix(self.url))
        naam = re.sub(r"[^a-z0-9]+", "-", (omschrijving or pad).lower()).strip("-") or "home"
        self.page.screenshot(path=str(self.map / f"{self.teller:02d}-{naam}.png"), full_page=True)
        self.paginas.append(pad)
        if not axe:
            return self.page
        schendingen = axe_schendingen(self.page)
        assert schendingen == [], f"axe-core op {pad}: {schendingen}"
        with GECONTROLEERD.open("a", encoding="utf-8") as f:
            f.write(f"{self.map.name}\t{algemeen_pad(pad)}\n")
        return self.page

    def log_in_als_medewerker(self, user, wachtwoord="Test-wachtwoord-123!"):
        self.page.goto(self.url + "/medewerkers/inloggen/")
        self.stap("inloggen-medewerker")
        self.page.get_by_label("Gebruikersnaam").fill(user.username)
        self.page.get_by_label("Wachtwoord").fill(wachtwoord)
        self.page.get_by_label("Code uit uw authenticator-app").fill(
            huidige_code(user.totp_device))
        self.page.get_by_role("button", name="Inloggen").click()
        return self.stap(f"start-{user.username}")

    def log_uit(self):
        self.page.get_by_role("button", name="Uitloggen").click()
        self.page.wait_for_load_state("domcontentloaded")


@pytest.fixture(scope="session", autouse=True)
def lege_lijst_gecontroleerde_paginas():
    """The list of pages checked by axe-core describes this test run only."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    GECONTROLEERD.unlink(missing_ok=True)


@pytest.fixture
def reis(page, live_server, request):
    """reis = Reis(...) for the current test; screenshots under var/screenshots/<test>."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return Reis(page, live_server, _mapnaam(request))


def _mapnaam(request) -> str:
    return re.sub(r"[^a-z0-9_]+", "-", request.node.name.lower()).strip("-")


@pytest.fixture
def reis_in(browser, live_server, request):
    """reis_in("375px", viewport=...) -> a Reis in a fresh browser context with options."""
    contexten = []

    def maak(naam: str, **opties):
        context = browser.new_context(**opties)
        contexten.append(context)
        return Reis(context.new_page(), live_server, f"{_mapnaam(request)}-{naam}")

    yield maak
    for context in contexten:
        context.close()


# --- shared steps of the journeys -------------------------------------------------------


def vul_aanmelding_in(page, *, voornaam="Inge", achternaam="de Vries",
                      email="inge@voorbeeld.nl"):
    """The public form, filled in by label as a resident would (mouse and keyboard)."""
    page.get_by_label("Voornaam").fill(voornaam)
    page.get_by_label("Achternaam").fill(achternaam)
    page.get_by_label("Geboortedatum").fill("15-03-1985")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Telefoonnummer").fill("06 12345678")
    page.get_by_label("Postcode").fill("7511 AB")
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_label("Straat").fill("Oude Markt")
    page.get_by_label("Woonplaats").fill("Enschede")
    page.get_by_label("Digitaal: per e-mail").check()
    page.get_by_label("Wat is de hoogste opleiding").select_option("mbo-2")
    page.get_by_label("werkend in loondienst").check()
    page.get_by_label("Wat is uw beroep").fill("productiemedewerker")
    page.get_by_label("In welke sector werkt").fill("metaal")
    page.get_by_label("Wat wilt u leren").fill("Ik wil elektromonteur worden.")
    page.get_by_label("geen voorkeur").check()
    page.get_by_label("Hoe heeft u van het fonds gehoord?").select_option("ikbindr")
    page.get_by_label("privacyverklaring gelezen").check()


def laatste_referentie(email: str) -> str:
    """The reference in the newest confirmation mailed to `email` (the receipt page does not
    show it: it is the same page whether or not the address had an open aanvraag)."""
    from django.core import mail

    onderwerpen = [m.subject for m in mail.outbox if email in m.to]
    gevonden = [re.search(r"TF-\d{4}-\d{6}", o) for o in onderwerpen]
    assert any(gevonden), f"geen ontvangstbevestiging aan {email}: {onderwerpen}"
    return [g for g in gevonden if g][-1].group(0)


def laatste_inloglink(email: str) -> str:
    """The path of the newest login link mailed to `email` (locmem outbox)."""
    from django.core import mail

    berichten = [m for m in mail.outbox if email in m.to and "/inloggen/" in m.body]
    assert berichten, f"geen inloglink aan {email}: {[m.subject for m in mail.outbox]}"
    return pad_van_link(berichten[-1].body)
