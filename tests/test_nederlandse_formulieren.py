"""Dutch formats and messages in the forms of every stage (issue 18, item 8): the error
summary linking to the fields, meaningful select placeholders, Dutch formset messages,
dates that stay filled in, plausible bounds on the planning of a gesprek."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from tests.aanvragen.factories import AanvraagFactory
from tests.tijd import werkdag_na

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(medewerkers):
    return AanvraagFactory(status="in_behandeling", consulent=medewerkers["consulent_lwl"])


def test_scholingsplan_foutenoverzicht_linkt_naar_de_velden(client_als, zaak):
    url = reverse("loopbaangesprekken:scholingsplan-nieuw", kwargs={"aanvraag_id": zaak.pk})
    c = client_als("consulent_lwl")
    leeg = c.get(url).content.decode()
    assert "Er ging iets mis" not in leeg
    assert "---------" not in leeg
    for tekst in ("— kies een opleider —", "— kies een sector —", "— kies een soort kosten —",
                  "— kies een bron —"):
        assert tekst in leeg
    data = {f"{p}-{k}": v for p in ("kosten", "cofinanciering")
            for k, v in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"),
                         ("MAX_NUM_FORMS", "1000"))}
    data["gevraagd_bedrag"] = "4.200"
    html = c.post(url, data).content.decode()
    overzicht = re.search(r'<div class="alert alert-danger" role="alert" tabindex="-1" '
                          r'id="foutoverzicht".*?</div>', html, re.DOTALL)
    assert overzicht, "geen foutenoverzicht bovenaan"
    assert "Er ging iets mis" in overzicht.group(0)
    assert 'href="#id_opleiding_naam"' in overzicht.group(0)
    assert 'href="#id_gevraagd_bedrag"' in overzicht.group(0)
    assert "Vul ten minste één kostenregel in." in html
    assert "Verstuur minimaal" not in html
    assert 'value="4.200"' in html  # the input is kept


def test_gesprek_vastleggen_heeft_foutenoverzicht(client_als, medewerkers):
    from tests.loopbaangesprekken.factories import GesprekFactory

    gesprek = GesprekFactory(aanvraag__consulent=medewerkers["consulent_lwl"])
    html = client_als("consulent_lwl").post(
        reverse("loopbaangesprekken:gesprek-vastleggen", kwargs={"pk": gesprek.pk}), {}
    ).content.decode()
    assert "Er ging iets mis" in html and 'href="#id_verslag"' in html


@pytest.mark.parametrize(("datum", "tijd", "veld", "melding"), [
    (lambda: datetime.date(2031, 1, 1), "10:00", "datum", "half jaar vooruit"),
    (lambda: werkdag_na() + datetime.timedelta(days=(5 - werkdag_na().weekday()) % 7),
     "10:00", "datum", "zaterdag, zondag of feestdag"),
    (lambda: werkdag_na(), "07:00", "tijd", "tussen 08:00 en 18:00"),
    (lambda: werkdag_na(), "18:30", "tijd", "tussen 08:00 en 18:00"),
    (lambda: timezone.localdate() - datetime.timedelta(days=2), "10:00", "datum",
     "in de toekomst"),
])
def test_gesprek_plannen_binnen_redelijke_grenzen(client_als, zaak, datum, tijd, veld,
                                                  melding):
    dag = datum()
    for tekst in (dag.isoformat(), f"{dag:%d-%m-%Y}"):  # date picker and typed by hand
        response = client_als("consulent_lwl").post(
            reverse("loopbaangesprekken:gesprek-plannen", kwargs={"pk": zaak.pk}),
            {"datum": tekst, "tijd": tijd, "vorm": "telefonisch"})
        assert response.status_code == 200
        assert melding in " ".join(response.context["form"].errors[veld])
        assert not zaak.gesprekken.exists()


def test_gesprek_plannen_op_een_werkdag_lukt(client_als, zaak):
    response = client_als("consulent_lwl").post(
        reverse("loopbaangesprekken:gesprek-plannen", kwargs={"pk": zaak.pk}),
        {"datum": f"{werkdag_na():%d-%m-%Y}", "tijd": "09:30", "vorm": "telefonisch"})
    assert response.status_code == 302
    assert zaak.gesprekken.count() == 1


def test_werkvoorraad_toont_maanden_voluit(client_als, zaak):
    html = client_als("consulent_lwl").get(reverse("loopbaangesprekken:werkvoorraad"),
                                           {"lijst": "open"}).content.decode()
    ontvangen = timezone.localtime(zaak.ontvangen_op)
    assert formats.date_format(ontvangen, "j F Y") in html  # "4 december 2026"
    assert formats.date_format(ontvangen, "j M Y") not in html


def test_rapportageformulier_houdt_datums_na_een_fout(client_als):
    html = client_als("adviesgroep").post(reverse("rapportage:rapportages"),
                                          {"van": "2025-03-01", "tot": "2025-01-01"}
                                          ).content.decode()
    assert 'value="2025-03-01"' in html and 'value="2025-01-01"' in html
    html = client_als("adviesgroep").post(reverse("rapportage:rapportages"),
                                          {"van": "01-03-2025", "tot": "31-12-2024"}
                                          ).content.decode()
    assert "De einddatum ligt voor de begindatum." in html
