"""The follow-up questionnaire in Chromium as a resident on a 375-pixel phone uses it with the
keyboard only: zero axe-core violations, nothing sticking out sideways."""

import re

import pytest
from django.core import mail

from loopbaangesprekken.models import Sector
from rapportage import vervolgvragen
from rapportage.models import Vervolgmeting
from tests.conftest import axe_schendingen
from tests.rapportage.factories_vervolg import maak_afronding
from tests.reizen.test_aanmeldformulier import is_gefocust, past_in_breedte, tab_naar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def toegankelijk(page):
    assert axe_schendingen(page) == [], page.url
    assert past_in_breedte(page), page.url


def kies_rondje(page, veld: str, index: int):
    """Tab into the radio group `veld` (lands on its first option), Space to choose it, arrows
    to option `index`."""
    tab_naar(page, page.locator(f"#id_{veld}_0"))
    page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    assert page.locator(f"#id_{veld}_{index}").is_checked(), veld


def test_vragenlijst_met_toetsenbord_op_375_pixels(live_server, browser, medewerkers):
    maak_afronding(medewerkers)
    mail.outbox.clear()
    vervolgvragen.verstuur_vervolgvragen()
    pad = re.search(r"https?://[^/\s]+(/vragenlijst/[A-Za-z0-9_-]{20,}/)",
                    mail.outbox[0].body).group(1)
    sector = Sector.objects.order_by("naam").first()

    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(live_server.url + pad)
    assert page.get_by_role("heading", name="Vragen over werk en opleiding").is_visible()
    toegankelijk(page)

    # sent empty with Enter: the error summary, still accessible
    tab_naar(page, page.get_by_role("button", name="Antwoorden versturen"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="Er ging iets mis").is_visible()
    toegankelijk(page)

    kies_rondje(page, "werksituatie", 1)  # another employer
    select = page.get_by_label("In welke sector werkt u?")
    tab_naar(page, select)
    for _ in range(30):
        if select.input_value() == str(sector.pk):
            break
        page.keyboard.press("ArrowDown")
    tab_naar(page, page.get_by_label("Wat is uw beroep?"))
    page.keyboard.type("Monteur")
    kies_rondje(page, "uren", 3)
    kies_rondje(page, "inkomen", 2)
    kies_rondje(page, "gebruik", 0)
    kies_rondje(page, "tevredenheid_loket", 3)
    kies_rondje(page, "tevredenheid_opleider", 4)
    kies_rondje(page, "aanbevelen", 0)
    knop = page.get_by_role("button", name="Antwoorden versturen")
    tab_naar(page, knop)
    assert is_gefocust(knop)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/vragenlijst/bedankt/"))
    assert page.get_by_role("heading", name="Dank u wel").is_visible()
    toegankelijk(page)

    meting = Vervolgmeting.objects.get(ingevuld_op__isnull=False)
    assert (meting.werksituatie, meting.sector, meting.beroep, meting.uren) == (
        "ander_werk", sector, "Monteur", "32_plus")
    assert (meting.tevredenheid_loket, meting.tevredenheid_opleider) == (4, 5)

    page.goto(live_server.url + pad)  # the link again: answered, no form
    assert page.get_by_text("U heeft deze vragen al beantwoord").is_visible()
    toegankelijk(page)
    context.close()


def test_openbare_resultatenpagina_toegankelijk(live_server, browser):
    """The public results page (docs/uitkomsten.md), also on a phone: axe-core 0 violations."""
    import datetime

    from rapportage.models import Telling

    Telling.objects.create(niveau=Telling.Niveau.TOTAAL, maand=datetime.date(2024, 5, 1),
                           dimensie="cheque", aantal=3)
    for breedte in (1280, 375):
        context = browser.new_context(viewport={"width": breedte, "height": 900})
        page = context.new_page()
        page.goto(live_server.url + "/resultaten/")
        assert page.get_by_role("heading", name="Resultaten van het Twents Fonds").is_visible()
        assert axe_schendingen(page) == []
        context.close()
