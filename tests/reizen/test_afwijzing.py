"""The refusal path: the beoordelaar refuses with a motivering citing the rule; the resident
reads the decision and its motivering in the beschikking from the own page."""

import pytest

from loopbaangesprekken.models import Scholingsplan
from tests.reizen.stappen import (
    beoordelaar_opent_plan,
    consulent_legt_gesprek_vast,
    consulent_neemt_in_behandeling,
    consulent_schrijft_plan_en_dient_in,
    formulier,
    inwoner_downloadt,
    inwoner_logt_in,
    inwoner_meldt_aan,
    referentie_en_budget,
    verstuur,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOTIVERING = ("Het doelberoep sluit niet aan bij de vraag op de Twentse arbeidsmarkt "
              "zoals de verordening dat in artikel 4 vraagt.")


REDEN_R4 = "Het arbeidsmarktperspectief is niet onderbouwd met vacatures in Twente."


def laat_r4_aan_de_beoordelaar(referentie):
    """Only a rule the toets found niet voldaan or handmatig can ground a refusal: here the
    toets left R4 (arbeidsmarktperspectief) to the beoordelaar."""
    plan = Scholingsplan.objects.get(aanvraag__referentie=referentie)
    snapshot = plan.toets_snapshot
    for regel in snapshot["uitslag"]["regels"]:
        if regel["id"] == "R4":
            regel["uitkomst"] = "handmatig"
    plan.toets_snapshot = snapshot
    plan.save(update_fields=["toets_snapshot"])


def test_afwijzing_met_motivering_voor_de_inwoner(reis, medewerkers,
                                                   mailoutbox):
    gegevens = referentie_en_budget()
    referentie = inwoner_meldt_aan(reis, voornaam="Bram", achternaam="Jansen",
                                   email="bram@voorbeeld.nl")
    consulent_neemt_in_behandeling(reis, medewerkers["consulent_lwl"], referentie)
    consulent_legt_gesprek_vast(reis, uitkomst="scholingsplan opstellen")
    consulent_schrijft_plan_en_dient_in(reis, gegevens, consulent=medewerkers["consulent_lwl"],
                                        email="bram@voorbeeld.nl")
    reis.log_uit()
    laat_r4_aan_de_beoordelaar(referentie)

    beoordelaar_opent_plan(reis, medewerkers["beoordelaar"], referentie)

    def vul_in(page):
        form = formulier(page, "Afwijzen")
        form.get_by_label("R4", exact=False).first.check()
        form.get_by_label("Waarom is niet voldaan aan R4?").fill(REDEN_R4)
        form.get_by_label("Motivering (artikel 3:47 Awb)").fill(MOTIVERING)

    page = verstuur(reis, medewerkers["beoordelaar"], vul_in, "Afwijzen", "afgewezen")
    assert page.get_by_text("Besloten: afwijzing").is_visible()
    reis.log_uit()

    page = inwoner_logt_in(reis, email="bram@voorbeeld.nl")
    assert page.get_by_text("Uw beschikking staat klaar om te downloaden.").is_visible()
    assert page.get_by_role("link", name="Scholingscheque (PDF)").count() == 0
    beschikking = " ".join(inwoner_downloadt(reis, "Beschikking (PDF)").split())
    assert MOTIVERING in beschikking
    assert REDEN_R4 in beschikking
