"""The werkgeversregister: kept by beheer (KvK-nummer, contact, IKBINDR-zakelijk), extended
by a consulent from the plan form, and chosen on a co-financing line."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from loopbaangesprekken.demo_scholingsplannen import formulierdata
from loopbaangesprekken.forms_scholingsplan import CofinancieringFormSet
from loopbaangesprekken.models import Scholingsplan, Werkgever
from tests.loopbaangesprekken.factories_scholingsplan import WerkgeverFactory
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db

NIEUW = {"naam": "Metaalbedrijf Twente BV", "kvk_nummer": "0812 3456", "contactpersoon":
         "Petra Bosch", "email": "hr@metaal.example", "adres": "Industrieweg 1",
         "postcode": "7550 AA", "plaats": "Hengelo", "ikbindr_van": "2023-03-01",
         "ikbindr_vaste_toezegging": "on", "actief": "on"}


def inhoud(response) -> str:
    return response.content.decode()


def test_beheer_legt_werkgever_met_ikbindr_vast(client_als):
    c = client_als("beheerder")
    response = c.post(reverse("referentiebeheer:werkgever-nieuw"), NIEUW)
    assert response.status_code == 302
    werkgever = Werkgever.objects.get()
    assert werkgever.kvk_nummer == "08123456"  # spaces taken out
    assert werkgever.ikbindr_partner_op(datetime.date(2024, 1, 1))
    assert not werkgever.ikbindr_partner_op(datetime.date(2023, 2, 28))
    assert Gebeurtenis.objects.filter(actie="werkgever_aangemaakt").exists()
    lijst = inhoud(c.get(reverse("referentiebeheer:werkgevers")))
    assert "Metaalbedrijf Twente BV" in lijst and "partner sinds 1 maart 2023" in lijst
    assert "vaste toezegging van 50 %" in lijst

    url = reverse("referentiebeheer:werkgever-wijzigen", kwargs={"pk": werkgever.pk})
    assert c.post(url, {**NIEUW, "ikbindr_tot": "2024-12-31"}).status_code == 302
    werkgever.refresh_from_db()
    assert not werkgever.ikbindr_partner_op(datetime.date(2025, 1, 1))
    assert Gebeurtenis.objects.filter(actie="werkgever_gewijzigd").exists()


@pytest.mark.parametrize(("wijziging", "veld", "melding"), [
    ({"kvk_nummer": "1234567"}, "kvk_nummer",
     "Een KvK-nummer heeft acht cijfers, bijvoorbeeld 41027452."),
    ({"kvk_nummer": "4102745a"}, "kvk_nummer",
     "Een KvK-nummer heeft acht cijfers, bijvoorbeeld 41027452."),
    ({"email": "geen-adres"}, "email", "Voer een geldig e-mailadres in."),
    ({"naam": ""}, "naam", "Dit veld is verplicht."),
    ({"ikbindr_van": "2024-01-01", "ikbindr_tot": "2023-01-01"}, "ikbindr_tot",
     "De einddatum ligt voor de begindatum."),
    ({"ikbindr_van": "", "ikbindr_tot": "2023-01-01"}, "ikbindr_van",
     "Vul in sinds wanneer de werkgever partner is."),
])
def test_foute_invoer_nederlands_bij_het_veld(client_als, wijziging, veld, melding):
    response = client_als("beheerder").post(reverse("referentiebeheer:werkgever-nieuw"),
                                            {**NIEUW, **wijziging})
    assert response.status_code == 400
    assert melding in response.context["form"].errors[veld]
    assert "Metaalbedrijf Twente BV" in inhoud(response) or wijziging.get("naam") == ""
    assert not Werkgever.objects.exists()


def test_kvk_nummer_staat_maar_een_keer_in_het_register(client_als):
    WerkgeverFactory(kvk_nummer="08123456")
    response = client_als("beheerder").post(reverse("referentiebeheer:werkgever-nieuw"), NIEUW)
    assert response.status_code == 400
    assert ("Er staat al een werkgever met dit KvK-nummer in het register."
            in response.context["form"].errors["kvk_nummer"])


def test_consulent_voegt_werkgever_toe_en_keert_terug(client_als):
    c = client_als("consulent_lwl")
    terug = "/consulent/scholingsplannen/1/bewerken/"
    url = reverse("loopbaangesprekken:werkgever-toevoegen") + f"?volgende={terug}"
    pagina = c.get(url)
    assert pagina.status_code == 200
    assert list(pagina.context["form"].fields) == ["naam", "kvk_nummer", "email"]
    response = c.post(url, {"naam": "Bakkerij Oost", "kvk_nummer": "12.34.56.78",
                            "email": "info@bakkerij.example"})
    assert response.status_code == 302 and response["Location"] == terug
    assert Werkgever.objects.get().kvk_nummer == "12345678"
    # an outside address is never followed
    response = c.post(reverse("loopbaangesprekken:werkgever-toevoegen")
                      + "?volgende=https://kwaadwillend.example/",
                      {"naam": "Twee", "kvk_nummer": "87654321", "email": "a@b.example"})
    assert response["Location"] == reverse("loopbaangesprekken:werkvoorraad")


def _formset(regel: dict, instance=None):
    data = formulierdata({}, [], [regel])
    return CofinancieringFormSet(data, instance=instance or Scholingsplan(),
                                 prefix="cofinanciering")


def test_werkgeverregel_vraagt_een_werkgever_uit_het_register():
    fs = _formset({"bron": "werkgever", "partij": "Metaal BV", "bedrag": "2000,00",
                   "status": "toegezegd"})
    assert not fs.is_valid()
    assert fs.forms[0].errors["werkgever"] == [
        "Kies de werkgever uit het register, of voeg hem eerst toe."]

    werkgever = WerkgeverFactory(naam="Metaal BV")
    fs = _formset({"bron": "werkgever", "werkgever": werkgever.pk, "bedrag": "2.000,00",
                   "status": "toegezegd"})
    assert fs.is_valid(), fs.errors
    assert fs.forms[0].cleaned_data["partij"] == "Metaal BV"  # the register's name
    assert fs.forms[0].cleaned_data["bedrag"] == Decimal("2000.00")


def test_andere_bron_vraagt_een_partij():
    fs = _formset({"bron": "oo_fonds", "bedrag": "500", "status": "toegezegd"})
    assert not fs.is_valid()
    assert fs.forms[0].errors["partij"] == ["Vul in wie de bijdrage betaalt."]


def test_inactieve_werkgever_niet_te_kiezen():
    werkgever = WerkgeverFactory(actief=False)
    fs = _formset({"bron": "werkgever", "werkgever": werkgever.pk, "bedrag": "500",
                   "status": "toegezegd"})
    assert not fs.is_valid()
    assert "werkgever" in fs.forms[0].errors
