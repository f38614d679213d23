"""The happy path, as the people involved click through it in Chromium: a resident applies
and logs in by link; a consulent claims, plans and logs the gesprek, writes and submits the
scholingsplan; a beoordelaar grants and a second one co-signs; the resident downloads the
cheque; the opleider verifies it publicly; finance registers the invoice, settles and pays;
the adviesgroep dashboard shows the new numbers. Every page is checked with axe-core and
photographed under var/screenshots/."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfWriter

from cheques.models import Betaalbatch
from tests.conftest import huidige_code
from tests.reizen.stappen import (
    beoordelaar_kent_toe,
    beoordelaar_opent_plan,
    consulent_legt_gesprek_vast,
    consulent_neemt_in_behandeling,
    consulent_schrijft_plan_en_dient_in,
    formulier,
    inwoner_downloadt,
    inwoner_logt_in,
    inwoner_meldt_aan,
    opleider_controleert,
    referentie_en_budget,
    verstuur,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def bewijs_pdf(tmp_path):
    """A presentieverklaring as the opleider sends it (a one-page PDF)."""
    pad = tmp_path / "presentieverklaring.pdf"
    schrijver = PdfWriter()
    schrijver.add_blank_page(width=595, height=842)
    with pad.open("wb") as f:
        schrijver.write(f)
    return pad


def test_van_aanmelding_tot_betaling_en_dashboard(reis, medewerkers,
                                                  mailoutbox, tmp_path):
    gegevens = referentie_en_budget()

    # the resident applies and logs in with the link from the confirmation mail
    referentie = inwoner_meldt_aan(reis)
    page = inwoner_logt_in(reis, nieuwe_link=False)
    assert page.get_by_text("Wij hebben uw aanmelding ontvangen.").is_visible()
    reis.log_uit()

    # the consulent: claim, plan, log the gesprek, write and submit the plan
    consulent_neemt_in_behandeling(reis, medewerkers["consulent_lwl"], referentie)
    consulent_legt_gesprek_vast(reis, uitkomst="scholingsplan opstellen")
    consulent_schrijft_plan_en_dient_in(reis, gegevens, consulent=medewerkers["consulent_lwl"],
                                        email="inge@voorbeeld.nl")
    reis.log_uit()

    # beoordelaar 1 proposes € 2,000 (the co-sign threshold), beoordelaar 2 co-signs
    beoordelaar_opent_plan(reis, medewerkers["beoordelaar"], referentie)
    page = beoordelaar_kent_toe(reis, medewerkers["beoordelaar"], "2000.00",
                                "Het plan voldoet aan alle regels van de verordening.")
    assert page.get_by_text("Een tweede beoordelaar moet medeondertekenen.").is_visible()
    reis.log_uit()
    beoordelaar_opent_plan(reis, medewerkers["beoordelaar2"], referentie)
    page = verstuur(reis, medewerkers["beoordelaar2"], lambda page: None,
                    "Medeondertekenen en cheque uitgeven", "medeondertekend")
    nummer = re.search(r"TFV-\d{4}-\d{6}", page.locator("main").inner_text()).group(0)
    reis.log_uit()

    # the resident downloads the beschikking and the cheque
    page = inwoner_logt_in(reis)
    assert page.get_by_text("Uw beschikking staat klaar om te downloaden.").is_visible()
    beschikking = inwoner_downloadt(reis, "Beschikking (PDF)")
    assert "Het plan voldoet aan alle regels van de verordening." in beschikking
    cheque = inwoner_downloadt(reis, "Scholingscheque (PDF)")
    assert nummer in cheque
    code = re.search(r"Verificatiecode\s*([A-Z0-9]{5}-[A-Z0-9]{5})", cheque).group(1)
    reis.log_uit()

    # the opleider checks the cheque: valid, nothing personal shown
    page = opleider_controleert(reis, nummer, code)
    uitslag = page.get_by_role("status").inner_text()
    assert "Deze cheque is geldig" in uitslag and "ROC van Twente" in uitslag
    assert "Inge" not in uitslag and "de Vries" not in uitslag

    # finance: the opleider's invoice at the start is paid as a voorschot, in a batch that
    # one financieel medewerker prepares and another approves; then the completion proof
    # and the vaststellingsbeschikking
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    page = reis.log_in_als_medewerker(fin)
    page.get_by_role("link", name="Financiën").click()
    reis.stap("financien")
    page.get_by_role("link", name=nummer).click()
    reis.stap("cheque")

    def declaratie(page):
        form = formulier(page, "Registreren")
        form.get_by_label("Factuurnummer").fill("ROC-2026-0815")
        form.get_by_label("Factuurdatum").fill(timezone.localdate().isoformat())
        form.get_by_label("Bedrag (€)").fill("2.000,00")
        form.get_by_label("Factuur of bewijs van start (PDF)").set_input_files(
            bewijs_pdf(tmp_path))

    page = verstuur(reis, fin, declaratie, "Registreren", "declaratie-geregistreerd")
    assert page.get_by_text("ROC-2026-0815").is_visible()
    page.goto(reis.url + reverse("cheques:betaalbatches"))
    page = verstuur(reis, fin, lambda page: None, "Batch opstellen", "batch-opgesteld")
    reis.log_uit()
    page = reis.log_in_als_medewerker(fin2)
    page.goto(reis.url + reverse("cheques:betaalbatch",
                                 kwargs={"nummer": Betaalbatch.objects.get().nummer}))
    page = verstuur(reis, fin2, lambda page: page.get_by_label(
        "Code uit uw authenticator-app").fill(huidige_code(fin2.totp_device)),
        "Goedkeuren en boeken", "batch-goedgekeurd")
    assert page.get_by_text("De batch is goedgekeurd en de betalingen zijn geboekt.").is_visible()
    reis.log_uit()

    page = reis.log_in_als_medewerker(fin)
    page.goto(reis.url + reverse("cheques:cheque", kwargs={"nummer": nummer}))

    def afronding(page):
        page.get_by_label("Diploma").check()
        page.get_by_label("Bewijs (PDF)").set_input_files(bewijs_pdf(tmp_path))

    page = verstuur(reis, fin, afronding, "Afronding vastleggen", "afronding")

    # the vaststelling waits until finance recorded what the co-financing party paid
    page.get_by_role("link", name="Realisatie van de cofinanciering vastleggen of bekijken").click()

    def cofinanciering(page):
        page.get_by_label("Gerealiseerd bedrag (€)").fill("2.000,00")
        page.get_by_label("rechtstreeks aan de opleider").check()
        page.get_by_label("Datum van de betaling").fill(timezone.localdate().isoformat())
        page.get_by_label("Bewijs (PDF)").set_input_files(bewijs_pdf(tmp_path))

    page = verstuur(reis, fin, cofinanciering, "Vastleggen", "cofinanciering-gerealiseerd")
    assert page.get_by_text("De realisatie van de cofinanciering is vastgelegd.").is_visible()
    page.goto(reis.url + reverse("cheques:cheque", kwargs={"nummer": nummer}))

    def vaststelling(page):
        page.get_by_label("Vast te stellen bedrag (€)").fill("2.000,00")
        page.get_by_label("Motivering (artikel 3:47 Awb)").fill(
            "U heeft het diploma behaald; de subsidie wordt volledig vastgesteld.")

    page = verstuur(reis, fin, vaststelling, "Vaststellen", "vastgesteld")
    assert "betaald en afgehandeld" in page.locator("main dl").inner_text()
    reis.log_uit()

    # the adviesgroep refreshes the dashboard and sees the cheque and the gesprek
    page = reis.log_in_als_medewerker(medewerkers["adviesgroep"])
    page.get_by_role("link", name="Dashboard").click()
    reis.stap("dashboard-voor-verversen")
    assert page.get_by_text("De cijfers zijn nog niet berekend.").is_visible()
    page.get_by_role("button", name="Cijfers nu verversen").click()
    reis.stap("dashboard")
    assert page.get_by_text("Cijfers bijgewerkt op").is_visible()
    doelen = page.get_by_role("table", name="Doelen: gerealiseerd tegenover verwacht")
    # small numbers are shown as '<5' (no personal data): one cheque, one gesprek
    assert doelen.get_by_role("row", name="Cheques in de gekozen periode").get_by_role(
        "cell").first.inner_text() == "<5"
    assert doelen.get_by_role("row", name="LLO-gesprekken in de gekozen periode").get_by_role(
        "cell").first.inner_text() == "<5"
    budget = page.get_by_role("table", name="Budget per begrotingsperiode").inner_text()
    assert "€ 250.000,00" in budget  # toegezegd
    assert "€ 2.000,00" in budget  # gerealiseerd: the payment
    assert "€ 248.000,00" in budget  # vrij
