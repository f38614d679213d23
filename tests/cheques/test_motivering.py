"""A refusal names each unmet condition in plain Dutch with its figures and legal basis;
only rules the toets found niet voldaan or handmatig can be cited."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cheques import services
from cheques.models import Beschikking
from tests.cheques.factories import toets_met
from tests.cheques.test_documenten import tekst

pytestmark = pytest.mark.django_db

R6_UITLEG = ("Gevraagd € 2.000,00 + eerder toegekend dit kalenderjaar € 1.000,00 = € 3.000,00; "
             "maximum € 2.500,00 per persoon per kalenderjaar.")


def snapshot():
    s = toets_met(R6="niet_voldaan", R4="handmatig", R5="niet_voldaan")
    for r in s["regels"]:
        if r["id"] == "R6":
            r["uitleg"] = R6_UITLEG
    return s


def test_zinnen_met_cijfers_en_grondslag(periode, maak_plan, medewerkers,
                                        django_capture_on_commit_callbacks):
    plan = maak_plan(toets_snapshot=snapshot())
    with django_capture_on_commit_callbacks(execute=True):
        b = services.afwijzen(plan=plan, door=medewerkers["beoordelaar"],
                              motivering="Wij hebben alles zorgvuldig bekeken.",
                              regels=["R6", "R4", "R5"],
                              redenen={"R4": "Het beroep biedt in Twente weinig vacatures."})
    b.refresh_from_db()
    assert "Voorwaarde: De subsidie blijft binnen het maximum per persoon" in b.motivering
    assert R6_UITLEG in b.motivering
    assert "Het beroep biedt in Twente weinig vacatures." in b.motivering
    assert "Wij hebben alles zorgvuldig bekeken." in b.motivering
    assert "R6" not in b.motivering  # no bare rule codes in the letter
    # the business plan is toelichting in the motivering, never a legal basis
    assert "Businessplan" in b.motivering
    assert "Businessplan" not in b.grondslag
    assert "Algemene wet bestuursrecht" in b.grondslag
    brief = tekst(b.brief.path)
    assert "€ 2.500,00" in brief and "weinig vacatures" in brief
    assert "bezwaar" in brief


def test_voldane_regel_kan_niet_worden_genoemd(periode, maak_plan, medewerkers):
    plan = maak_plan(toets_snapshot=snapshot())
    with pytest.raises(ValidationError) as e:
        services.afwijzen(plan=plan, door=medewerkers["beoordelaar"], motivering="Nee",
                          regels=["R7"])
    assert "R7 is volgens de subsidietoets voldaan" in str(e.value.error_dict["regels"])
    assert not Beschikking.objects.exists()


def test_handmatige_regel_vraagt_een_reden(periode, maak_plan, medewerkers):
    plan = maak_plan(toets_snapshot=snapshot())
    with pytest.raises(ValidationError) as e:
        services.afwijzen(plan=plan, door=medewerkers["beoordelaar"], motivering="Nee",
                          regels=["R4"], redenen={"R4": "  "})
    assert "Schrijf bij R4" in str(e.value.error_dict["regels"])


def test_formulier_toont_alleen_citeerbare_regels(periode, maak_plan, client_als):
    plan = maak_plan(toets_snapshot=snapshot())
    client = client_als("beoordelaar")
    html = client.get(reverse("cheques:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert 'value="R6"' in html and 'value="R4"' in html
    assert 'value="R7"' not in html
    assert 'name="reden_R4"' in html
    r = client.post(reverse("cheques:afwijzen", kwargs={"plan_id": plan.pk}),
                    {"regels": ["R4"], "motivering": "Nee"})
    assert r.status_code == 400
    assert "Schrijf bij R4" in r.content.decode()
    assert not Beschikking.objects.exists()
