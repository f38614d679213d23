"""The public form as residents with different means use it: keyboard only, a 375-pixel
phone screen, and a browser without JavaScript."""

import re

import pytest

from tests.reizen.conftest import laatste_inloglink, vul_aanmelding_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ONTVANGEN = "Wij hebben uw aanmelding ontvangen"


def is_gefocust(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def tab_naar(page, locator, maximaal=80):
    """Press Tab until `locator` has the focus (as a keyboard user moves through a page)."""
    for _ in range(maximaal):
        page.keyboard.press("Tab")
        if is_gefocust(locator):
            return
    raise AssertionError(f"{locator} is met Tab niet bereikbaar")


def typ(page, label, tekst):
    tab_naar(page, page.get_by_label(label))
    page.keyboard.type(tekst)


def kies(page, label, waarde):
    """A closed <select>: arrow keys change the choice."""
    veld = page.get_by_label(label)
    tab_naar(page, veld)
    for _ in range(30):
        if veld.input_value() == waarde:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{waarde} niet te kiezen in {label}")


def kies_keuzerondje(page, groep_eerste, label):
    """Tab into a radio group (lands on its first or checked option), arrows to `label`."""
    doel = page.get_by_label(label, exact=True)
    tab_naar(page, page.get_by_label(groep_eerste, exact=True))
    for _ in range(10):
        if doel.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{label} niet te kiezen")


def test_formulier_alleen_met_het_toetsenbord(reis, mailoutbox):
    page = reis.ga_naar("/aanmelden/")
    # the first Tab reaches the skip link; Enter jumps past the menu
    page.keyboard.press("Tab")
    assert is_gefocust(page.get_by_role("link", name="Direct naar de inhoud"))
    reis.stap("skiplink-zichtbaar")
    page.keyboard.press("Enter")

    typ(page, "Voornaam", "Fatima")
    typ(page, "Achternaam", "El Amrani")
    typ(page, "Geboortedatum", "02-11-1979")
    typ(page, "E-mailadres", "fatima@voorbeeld.nl")
    typ(page, "Telefoonnummer", "053 4812345")
    typ(page, "Postcode", "7541 AA")
    typ(page, "Huisnummer", "3")
    typ(page, "Straat", "Marktstraat")
    typ(page, "Woonplaats", "Almelo")
    kies(page, "Wat is de hoogste opleiding", "vmbo")
    kies_keuzerondje(page, "werkend in loondienst", "werkzoekend met WW-uitkering")
    typ(page, "Wat is uw beroep", "verkoopmedewerker")
    typ(page, "Wat wilt u leren", "Ik wil in de zorg gaan werken.")
    kies_keuzerondje(page, "geen voorkeur", "geen voorkeur")
    kies(page, "Hoe heeft u van het fonds gehoord?", "uwv")
    kies_keuzerondje(page, "Digitaal: per e-mail en in 'Mijn aanvraag'", "Per post, op papier")
    tab_naar(page, page.get_by_label("privacyverklaring gelezen"))
    page.keyboard.press("Space")
    assert page.get_by_label("privacyverklaring gelezen").is_checked()
    reis.stap("ingevuld-met-toetsenbord")

    tab_naar(page, page.get_by_role("button", name="Aanmelding versturen"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/aanmelden/ontvangen/"))
    reis.stap("ontvangen")
    assert page.get_by_role("heading", name=ONTVANGEN).is_visible()
    assert laatste_inloglink("fatima@voorbeeld.nl")


def past_in_breedte(page) -> bool:
    """Nothing sticks out sideways: no horizontal scrolling at this width (WCAG 1.4.10)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_formulier_op_een_telefoon_van_375_pixels(reis_in, mailoutbox):
    reis = reis_in("375px", viewport={"width": 375, "height": 812}, is_mobile=True,
                   has_touch=True)
    page = reis.ga_naar("/aanmelden/")
    assert past_in_breedte(page)

    page.get_by_role("button", name="Aanmelding versturen").click()
    reis.stap("foutoverzicht")
    assert page.get_by_role("heading", name="Er ging iets mis").is_visible()
    assert past_in_breedte(page)

    vul_aanmelding_in(page, email="smal@voorbeeld.nl")
    page.get_by_role("button", name="Aanmelding versturen").click()
    reis.stap("ontvangen")
    assert page.get_by_role("heading", name=ONTVANGEN).is_visible()
    assert past_in_breedte(page)


def test_formulier_zonder_javascript(reis_in, mailoutbox):
    reis = reis_in("zonder-js", java_script_enabled=False)
    page = reis.page
    page.goto(reis.url + "/aanmelden/")
    reis.stap("formulier", axe=False)

    # the server checks everything: errors come back at the fields, input kept
    vul_aanmelding_in(page, email="geen-js@voorbeeld")
    page.get_by_role("button", name="Aanmelding versturen").click()
    reis.stap("fout-bij-e-mailadres", axe=False)
    assert page.get_by_role("heading", name="Er ging iets mis").is_visible()
    assert page.get_by_label("Voornaam").input_value() == "Inge"

    page.get_by_label("E-mailadres").fill("geen-js@voorbeeld.nl")
    page.get_by_role("button", name="Aanmelding versturen").click()
    reis.stap("ontvangen", axe=False)
    assert page.get_by_role("heading", name=ONTVANGEN).is_visible()

    page.goto(reis.url + laatste_inloglink("geen-js@voorbeeld.nl"))
    page.get_by_role("button", name="Inloggen en mijn aanvraag bekijken").click()
    reis.stap("mijn-aanvraag", axe=False)
    assert page.get_by_role("heading", name="Mijn aanvraag", exact=False).is_visible()
