"""Steps that several journeys share: a resident applies and logs in by the mailed link,
a consulent takes the case, plans and logs the gesprek, and writes and submits the plan."""

import datetime
import re

from django.utils import timezone
from pypdf import PdfReader

from tests.conftest import huidige_code
from tests.loopbaangesprekken.factories_scholingsplan import (
    KansberoepFactory,
    OpleiderFactory,
    SectorFactory,
    begroting,
)
from tests.reizen.conftest import laatste_inloglink, laatste_referentie, vul_aanmelding_in
from tests.tijd import werkdag_na


def precies(label: str) -> re.Pattern:
    """A label matched exactly, with or without crispy's asterisk for a required field."""
    return re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$")


def referentie_en_budget():
    """What the functioneel beheerder maintains: budget, erkende opleider, kansberoepen."""
    begroting(bedrag="250000.00")
    kansberoep = KansberoepFactory()
    SectorFactory(naam="Industrie", kansrijk=False)
    return {"opleider": OpleiderFactory(naam="ROC van Twente"), "kansberoep": kansberoep}


def inwoner_meldt_aan(reis, *, voornaam="Inge", achternaam="de Vries",
                      email="inge@voorbeeld.nl") -> str:
    """The resident fills in the public form; returns the reference number."""
    page = reis.ga_naar("/aanmelden/")
    vul_aanmelding_in(page, voornaam=voornaam, achternaam=achternaam, email=email)
    page.get_by_role("button", name="Aanmelding versturen").click()
    reis.stap("aanmelding-ontvangen")
    assert page.get_by_role("heading", name="Wij hebben uw aanmelding ontvangen").is_visible()
    return laatste_referentie(email)


def inwoner_logt_in(reis, email="inge@voorbeeld.nl", *, nieuwe_link=True):
    """The resident asks for a login link (or uses the one in the confirmation mail),
    opens it from the e-mail and confirms."""
    reis.page.context.clear_cookies()
    if nieuwe_link:
        page = reis.ga_naar("/inloggen/")
        page.get_by_label("Uw e-mailadres").fill(email)
        page.get_by_role("button", name="Stuur mij een inloglink").click()
        reis.stap("inloglink-verstuurd")
        assert page.get_by_role("heading", name="Kijk in uw e-mail").is_visible()
    page = reis.ga_naar(laatste_inloglink(email))
    page.get_by_role("button", name="Inloggen en mijn aanvraag bekijken").click()
    reis.stap("mijn-aanvraag")
    assert page.get_by_role("heading", name=re.compile("Mijn aanvraag TF-")).is_visible()
    return page


def consulent_neemt_in_behandeling(reis, consulent, referentie):
    """From the queue: find the case, claim it, plan a gesprek for tomorrow."""
    reis.page.context.clear_cookies()
    page = reis.log_in_als_medewerker(consulent)
    page.get_by_role("link", name="Werkvoorraad").first.click()
    reis.stap("werkvoorraad")
    page.get_by_label("Zoeken op naam, referentie of postcode").fill(referentie)
    page.get_by_role("button", name="Toon resultaten").click()
    reis.stap("werkvoorraad-gezocht")
    page.get_by_role("link", name=referentie).click()
    reis.stap("aanvraag")
    page.get_by_role("button", name="In behandeling nemen").click()
    reis.stap("aanvraag-in-behandeling")
    assert page.get_by_role("link", name="Gesprek plannen").is_visible()

    page.get_by_role("link", name="Gesprek plannen").click()
    reis.stap("gesprek-plannen")
    page.get_by_label(precies("Datum")).fill(werkdag_na().isoformat())
    page.get_by_label(precies("Tijd")).fill("10:00")
    page.get_by_label("op locatie").check()
    page.get_by_label("Locatie", exact=True).select_option("Werkplein Enschede")
    page.get_by_role("button", name="Plannen en uitnodiging versturen").click()
    reis.stap("gesprek-gepland")
    assert page.get_by_role("link", name="Gesprek vastleggen").is_visible()
    return page


def consulent_legt_gesprek_vast(reis, *, uitkomst: str, doorverwezen_naar: str = ""):
    """The gesprek took place an hour ago: log it with its outcome."""
    page = reis.page
    page.get_by_role("link", name="Gesprek vastleggen").click()
    reis.stap("gesprek-vastleggen")
    gevoerd = timezone.localtime() - datetime.timedelta(hours=1)
    page.get_by_label(precies("Datum")).fill(gevoerd.date().isoformat())
    page.get_by_label(precies("Tijd")).fill(gevoerd.strftime("%H:%M"))
    page.get_by_label("Duur (minuten)").fill("60")
    page.get_by_label("loopbaanoriëntatie").check()
    page.get_by_label("scholingsadvies").check()
    page.get_by_label("Verslag").fill("Inge wil de overstap maken naar de techniek.")
    page.get_by_label(uitkomst, exact=True).check()
    if doorverwezen_naar:
        page.get_by_label("Doorverwezen naar").select_option(label=doorverwezen_naar)
    page.get_by_role("button", name="Gesprek vastleggen").click()
    return reis.stap("gesprek-vastgelegd")


def consulent_schrijft_plan_en_dient_in(reis, gegevens, *, consulent, email,
                                        cofinanciering="2000.00"):
    """On the plan form (where logging 'scholingsplan opstellen' leads): write, check, put it
    up to the resident, who approves it in the portal; then the consulent submits."""
    page = reis.page
    assert page.get_by_role("heading", name="Nieuw scholingsplan").is_visible()
    page.get_by_label("Naam opleiding").fill("Eerste monteur elektrotechnische installaties")
    page.get_by_label("Niveau opleiding").select_option("mbo-4")
    page.get_by_label("Opleider").select_option(label="ROC van Twente")
    start = timezone.localdate() + datetime.timedelta(days=14)
    page.get_by_label("Startdatum").fill(start.isoformat())
    page.get_by_label("Einddatum").fill((start + datetime.timedelta(days=200)).isoformat())
    page.get_by_label("van werk naar werk in een andere sector").check()
    page.get_by_label("Doelberoep").fill("Elektromonteur")
    page.get_by_label("Doelsector").select_option(str(gegevens["kansberoep"].sector.pk))
    kosten = page.get_by_role("group", name="Kostenregel 1")
    kosten.get_by_label("Soort").select_option("cursusgeld")
    kosten.get_by_label("Bedrag").fill("4000.00")
    cofi = page.get_by_role("group", name="Cofinancieringsregel 1")
    # the resident's own contribution: counts once the resident declares it in the portal
    cofi.get_by_label("Bron").select_option("eigen_bijdrage")
    cofi.get_by_label("Partij").fill("Aanvrager")
    cofi.get_by_label("Bedrag").fill(cofinanciering)
    cofi.get_by_label("Status").select_option("toegezegd")
    page.get_by_role("button", name="Opslaan en controleren").click()
    reis.stap("scholingsplan-gecontroleerd")
    assert "Uitkomst subsidietoets: handmatig beoordelen" in page.locator(
        "#subsidietoets").inner_text()

    page.get_by_role("link", name="Terug naar het plan").click()
    reis.stap("scholingsplan")
    page.get_by_role("button", name="Voorleggen aan inwoner").click()
    reis.stap("scholingsplan-voorgelegd")
    assert "Wacht op akkoord" in page.locator("main").inner_text()
    plan_pad = page.url.removeprefix(reis.url)
    reis.log_uit()

    inwoner_keurt_plan_goed(reis, email)
    reis.log_uit()

    page = reis.log_in_als_medewerker(consulent)
    page = reis.ga_naar(plan_pad, "scholingsplan-met-akkoord")
    assert "Akkoord gegeven op" in page.locator("main").inner_text()
    assert "bevestigd door de aanvrager op" in page.locator("main").inner_text()
    page.get_by_role("button", name="Indienen bij gemeente Enschede").click()
    reis.stap("scholingsplan-ingediend")
    assert "ingediend bij gemeente Enschede" in page.locator(".meldingen").inner_text()
    return page


def inwoner_keurt_plan_goed(reis, email):
    """The resident logs in, declares their own contribution (the task 'Bevestig uw eigen
    bijdrage'), opens the task 'Uw scholingsplan bekijken en goedkeuren' and approves the
    plan."""
    page = inwoner_logt_in(reis, email)
    page.get_by_role("link", name="Eigen bijdrage bevestigen", exact=True).click()
    reis.stap("eigen-bijdrage")
    page.get_by_label("Ik verklaar dat ik deze eigen bijdrage zelf betaal").check()
    page.locator("main form button[type=submit]").click()
    reis.stap("eigen-bijdrage-bevestigd")
    assert "U heeft bevestigd dat u uw eigen bijdrage" in page.locator("main").inner_text()
    page.get_by_role("link", name="Scholingsplan bekijken", exact=True).click()
    reis.stap("scholingsplan-inwoner")
    page.get_by_label("Ik ga akkoord met dit scholingsplan").check()
    page.get_by_role("button", name="Akkoord geven").click()
    reis.stap("scholingsplan-goedgekeurd")
    assert "U heeft uw akkoord gegeven" in page.locator("main").inner_text()
    return page


def formulier(page, knop: str):
    """The form on the page that is sent with the button `knop`."""
    return page.locator("form").filter(has=page.get_by_role("button", name=knop, exact=True))


def verstuur(reis, medewerker, vul_in, knop: str, omschrijving: str):
    """Fill in and send a decision form; when the site asks for the authenticator code
    again (step-up, tfvv/stepup.py), enter it and send the form once more, as a person
    would."""
    page = reis.page
    vul_in(page)
    page.get_by_role("button", name=knop, exact=True).click()
    if "/medewerkers/bevestigen/" in page.url:
        reis.stap("bevestigen-met-code")
        page.get_by_label("Code uit uw authenticator-app").fill(
            huidige_code(medewerker.totp_device))
        page.get_by_role("button", name="Bevestigen").click()
        vul_in(page)
        page.get_by_role("button", name=knop, exact=True).click()
    return reis.stap(omschrijving)


def beoordelaar_opent_plan(reis, beoordelaar, referentie):
    reis.page.context.clear_cookies()
    page = reis.log_in_als_medewerker(beoordelaar)
    page.get_by_role("link", name="Beoordelen", exact=True).click()
    reis.stap("beoordelen")
    page.get_by_role("link", name=referentie).click()
    reis.stap("plan-beoordelen")
    regels = page.get_by_role("table", name=re.compile("Regels R1–R10"))
    assert regels.get_by_role("row").count() == 11  # header + R1..R10
    return page


def beoordelaar_kent_toe(reis, beoordelaar, bedrag: str, motivering: str):
    def vul_in(page):
        form = formulier(page, "Toekennen")
        form.get_by_label("Toe te kennen bedrag (€)").fill(bedrag)
        form.get_by_label("Motivering (artikel 3:47 Awb)").fill(motivering)
    return verstuur(reis, beoordelaar, vul_in, "Toekennen", "toekennen")


def inwoner_downloadt(reis, linktekst: str) -> str:
    """Download a PDF from the resident's timeline; returns its text."""
    page = reis.page
    with page.expect_download() as download:
        page.get_by_role("link", name=linktekst).first.click()
    pad = download.value.path()
    return "\n".join(p.extract_text() for p in PdfReader(pad).pages)


def opleider_controleert(reis, nummer: str, code: str):
    """The opleider (not logged in) checks the cheque on the public page."""
    reis.page.context.clear_cookies()
    page = reis.ga_naar("/cheques/controleren/")
    page.get_by_label("Chequenummer").fill(nummer)
    page.get_by_label("Verificatiecode").fill(code)
    page.get_by_role("button", name="Controleren").click()
    return reis.stap("cheque-gecontroleerd")
