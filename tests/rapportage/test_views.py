"""Pages and exports: roles, suppression, no personal data, XLSX = CSV, constant queries."""

import csv
import datetime
import io
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from aanvragen.models import Aanvraag
from rapportage import selectors
from rapportage.models import Voortgangsrapportage
from rapportage.services import ververs_samenvattingen
from rapportage.tabellen import AFGESCHERMD_TEKEN, ONDERDRUKT, is_klein, onbepaald, verberg
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tests.rapportage.factories import PERSOONLIJK, maak_dataset

pytestmark = pytest.mark.django_db
JAAR = {"jaar": "2024"}
TABELLEN = ("doelen", "trechter", "doorverwijzingen", "beschikkingen", "budget",
            "budget_bronnen", "gemeenten", "leeftijd", "arbeidssituatie", "niveau_aanvrager",
            "bron", "routes", "sectorovergangen", "doelsectoren", "niveau_opleiding",
            "opleiders", "chequebedrag", "doorlooptijden", "cofinanciering",
            "ikbindr_cofinanciering", "ikbindr_cheques")


# --- permissions -------------------------------------------------------------------------

ROLLEN = ("consulent_lwl", "consulent_lbs", "consulent_manager", "beoordelaar", "financieel",
          "adviesgroep", "beheerder")
RAPPORTAGE = {"adviesgroep", "beheerder"}


@pytest.fixture
def rapport(db):
    return Voortgangsrapportage.objects.create(van=datetime.date(2024, 1, 1),
                                               tot=datetime.date(2024, 12, 31))


def _urls(rapport):
    return [
        ("get", reverse("rapportage:dashboard"), RAPPORTAGE),
        ("get", reverse("rapportage:export", kwargs={"tabel": "trechter", "formaat": "csv"}),
         RAPPORTAGE),
        ("get", reverse("rapportage:export", kwargs={"tabel": "gemeenten", "formaat": "xlsx"}),
         RAPPORTAGE),
        ("post", reverse("rapportage:verversen"), RAPPORTAGE),
        ("get", reverse("rapportage:rapportages"), RAPPORTAGE),
        ("get", reverse("rapportage:rapportage", kwargs={"pk": rapport.pk}), RAPPORTAGE),
        ("get", reverse("rapportage:werkvoorraad"), {"beoordelaar", "beheerder"}),
    ]


def test_rechten_per_rol(client, client_als, rapport):
    for methode, url, toegestaan in _urls(rapport):
        antwoord = getattr(client, methode)(url)
        assert antwoord.status_code == 302 and "inloggen" in antwoord["Location"], url
        inwoner = InwonerFactory()
        from django.test import Client

        c = Client()
        c.force_login(inwoner, backend="django.contrib.auth.backends.ModelBackend")
        assert getattr(c, methode)(url).status_code == 403, url
        for rol in ROLLEN:
            antwoord = getattr(client_als(rol), methode)(url)
            if rol in toegestaan:
                assert antwoord.status_code in (200, 302), (rol, url)
                if antwoord.status_code == 302:
                    assert "inloggen" not in antwoord["Location"]
            else:
                assert antwoord.status_code == 403, (rol, url)


def test_pdf_download_rechten(client, client_als, rapport):
    from django.core.files.base import ContentFile

    url = reverse("rapportage:rapportage-pdf", kwargs={"pk": rapport.pk})
    assert client_als("adviesgroep").get(url).status_code == 404  # not ready yet
    rapport.bestand.save("r.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    rapport.status = "klaar"
    rapport.save()
    assert client.get(url).status_code == 302
    for rol in ROLLEN:
        antwoord = client_als(rol).get(url)
        assert antwoord.status_code == (200 if rol in RAPPORTAGE else 403), rol
    inwoner = InwonerFactory()
    client.force_login(inwoner, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(url).status_code == 403


def test_onbekende_tabel_of_formaat_geeft_404(client_als):
    c = client_als("adviesgroep")
    assert c.get(reverse("rapportage:export", kwargs={"tabel": "bestaat-niet",
                                                      "formaat": "csv"})).status_code == 404
    assert c.get(reverse("rapportage:export", kwargs={"tabel": "trechter",
                                                      "formaat": "pdf"})).status_code == 404


# --- suppression ---------------------------------------------------------------------------


def test_verberg_primair_en_aanvullend():
    assert verberg([10, 3, 0, 7, 20]) == [False, True, False, True, False]
    assert verberg([10, 3, 2, 7]) == [False, True, True, False]
    assert verberg([10, 3, 7], met_totaal=False) == [False, True, False]
    assert verberg([0, 0, 12]) == [False, False, False]



def test_verberg_laat_geen_klein_getal_uitrekenen():
    """The total minus the shown cells is the hidden sum: it may not pin a small cell down."""
    # seven hidden rows adding up to 7 would each be 1: the 6 is hidden too
    assert verberg([6, 1, 1, 1, 1, 1, 1, 1]) == [True] * 8
    # two 1s (sum 2) would each be 1: the smallest other cell (9) is enough
    assert verberg([1, 1, 40, 9]) == [True, True, False, True]
    # a 1 and a 5 hidden: 6 - 5 leaves the 1 exactly; the 100 suffices on its own
    assert verberg([1, 5, 100]) == [True, False, True]
    # with the 6 (hidden sum 7): the 1 could be 1 or 2, enough
    assert verberg([1, 6, 100]) == [True, True, False]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=12))
def test_verberg_eigenschap_geen_klein_getal_vast(aantallen):
    """Every column: unless every non-zero cell is hidden, each hidden small cell keeps at
    least two possible values given the total (what onbepaald checks), and no cell of 1
    to 4 is ever shown."""
    weg = verberg(aantallen)
    assert not any(is_klein(n) and not w for n, w in zip(aantallen, weg, strict=True))
    if not all(w for n, w in zip(aantallen, weg, strict=True) if n > 0):
        assert onbepaald(aantallen, weg)


def test_kleine_aantallen_onderdrukt_in_pagina_en_exports(client_als, medewerkers):
    inwoner = InwonerFactory()
    for i in range(3):
        AanvraagFactory(aanvrager=inwoner, aanvraagdatum=datetime.date(2025, 2, 1 + i),
                        referentie=f"TF-2025-{i:06d}")
    ververs_samenvattingen()
    c = client_als("adviesgroep")
    html = c.get(reverse("rapportage:dashboard"), {"jaar": "2025"}).content.decode()
    assert "&lt;5" in html
    rij = next(r for r in _csv(c, "trechter", {"jaar": "2025"}) if r[0] == "Aanmeldingen")
    # the count is "<5", its share "x" (a share of "<5" would read as a value)
    assert rij[1:] == [ONDERDRUKT, AFGESCHERMD_TEKEN]
    blad = _xlsx(c, "trechter", {"jaar": "2025"})
    assert blad[1][1:] == [ONDERDRUKT, AFGESCHERMD_TEKEN]
    # the gemeente table: one cell of 3 -> the Twente total is <5 as well
    gemeenten = _csv(c, "gemeenten", {"jaar": "2025"})
    assert gemeenten[-1][3] == ONDERDRUKT
    assert "3" not in [cel for rij in gemeenten for cel in rij[3:5]]


def test_aanvullende_onderdrukking_in_verdeling():
    tabel = selectors.verdeling("x", "X", {"a": (20, 0), "b": (2, 0), "c": (9, 0)})
    waarden = {r[0].tekst: r[1].tekst for r in tabel.rijen}
    assert waarden == {"a": "20", "b": ONDERDRUKT, "c": AFGESCHERMD_TEKEN}  # 9: not "<5"
    assert tabel.totaal[1].tekst == "31"


# --- exports and personal data ---------------------------------------------------------------


def _csv(c, tabel, params):
    antwoord = c.get(reverse("rapportage:export", kwargs={"tabel": tabel, "formaat": "csv"}),
                     params)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))


def _xlsx(c, tabel, params):
    antwoord = c.get(reverse("rapportage:export", kwargs={"tabel": tabel, "formaat": "xlsx"}),
                     params)
    assert antwoord.status_code == 200
    boek = load_workbook(io.BytesIO(antwoord.content))
    return [list(r) for r in boek.active.iter_rows(values_only=True)]


def _gelijk(csv_cel: str, xlsx_cel) -> bool:
    if xlsx_cel is None:
        return csv_cel == ""
    if isinstance(xlsx_cel, int | float):
        return abs(float(csv_cel) - xlsx_cel) < 0.005
    return csv_cel == str(xlsx_cel)


def test_xlsx_gelijk_aan_csv_en_geen_persoonsgegevens(client_als):
    maak_dataset(120)
    ververs_samenvattingen()
    c = client_als("adviesgroep")
    pagina = c.get(reverse("rapportage:dashboard"), JAAR).content.decode()
    for merk in PERSOONLIJK:
        assert merk not in pagina
    for tabel in TABELLEN:
        rijen_csv, rijen_xlsx = _csv(c, tabel, JAAR), _xlsx(c, tabel, JAAR)
        assert len(rijen_csv) == len(rijen_xlsx) > 1, tabel
        for a, b in zip(rijen_csv, rijen_xlsx, strict=True):
            assert len(a) == len(b) and all(_gelijk(x, y) for x, y in zip(a, b, strict=True)), (
                tabel, a, b)
        tekst = "\n".join(";".join(r) for r in rijen_csv)
        for merk in PERSOONLIJK:
            assert merk not in tekst, (tabel, merk)
        for rij in rijen_csv[1:]:
            for cel in rij[1:]:
                assert cel not in ("1", "2", "3", "4") or tabel in ("budget", "budget_bronnen"), (
                    tabel, rij)


def test_voortgangsrapportage_op_verzoek(client_als, tmp_path,
                                        django_capture_on_commit_callbacks):
    maak_dataset(60)
    ververs_samenvattingen()
    c = client_als("adviesgroep")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = c.post(reverse("rapportage:rapportages"), {"van": "2024-01-01",
                                                              "tot": "2024-12-31"})
    rapport = Voortgangsrapportage.objects.get()
    assert antwoord["Location"] == reverse("rapportage:rapportage", kwargs={"pk": rapport.pk})
    rapport.refresh_from_db()  # Celery runs eagerly in the tests
    assert rapport.status == "klaar"
    pagina = c.get(antwoord["Location"]).content.decode()
    assert "http-equiv" not in pagina and "Download de PDF" in pagina
    lijst = c.get(reverse("rapportage:rapportages")).content.decode()
    assert reverse("rapportage:rapportage-pdf", kwargs={"pk": rapport.pk}) in lijst
    pdf = c.get(reverse("rapportage:rapportage-pdf", kwargs={"pk": rapport.pk}))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    bestand = tmp_path / "r.pdf"
    bestand.write_bytes(b"".join(pdf.streaming_content))
    tekst = subprocess.run(["pdftotext", str(bestand), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Voortgangsrapportage" in tekst and "Trechter" in tekst
    for merk in PERSOONLIJK:
        assert merk not in tekst


def test_lopende_rapportage_ververst_zichzelf(client_als, rapport):
    pagina = client_als("beheerder").get(
        reverse("rapportage:rapportage", kwargs={"pk": rapport.pk})).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in pagina
    assert 'role="progressbar"' in pagina


def test_rapportage_formulier_fouten(client_als):
    antwoord = client_als("adviesgroep").post(reverse("rapportage:rapportages"),
                                              {"van": "2024-12-31", "tot": "2024-01-01"})
    assert antwoord.status_code == 200
    assert "De einddatum ligt voor de begindatum." in antwoord.content.decode()
    assert not Voortgangsrapportage.objects.exists()


def test_maandelijkse_rapportage_eenmaal_per_maand(db, django_capture_on_commit_callbacks):
    from rapportage.services import maandelijkse_rapportage

    with django_capture_on_commit_callbacks(execute=True):
        eerste = maandelijkse_rapportage(vandaag=datetime.date(2025, 3, 1))
    assert (eerste.van, eerste.tot) == (datetime.date(2025, 1, 1), datetime.date(2025, 2, 28))
    assert eerste.automatisch and Voortgangsrapportage.objects.get().status == "klaar"
    assert maandelijkse_rapportage(vandaag=datetime.date(2025, 3, 1)).pk == eerste.pk


def test_beat_planning():
    from django.conf import settings

    taken = {v["task"] for v in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"rapportage.tasks.ververs_samenvattingen",
            "rapportage.tasks.maandelijkse_rapportage"} <= taken


# --- filters --------------------------------------------------------------------------------


@pytest.mark.parametrize("params, fout", [
    ({"van": "2024-05-01", "tot": "2024-01-01"}, "De einddatum ligt voor de begindatum."),
    ({"van": "2024-05-01"}, "zowel de begin- als de einddatum"),
    ({"kwartaal": "2"}, "Kies ook een jaar bij een kwartaal."),
    ({"van": "gisteren", "tot": "2024-01-01"}, "Vul een geldige datum in, bijvoorbeeld"),
])
def test_filterfouten_bij_het_veld(client_als, params, fout):
    antwoord = client_als("adviesgroep").get(reverse("rapportage:dashboard"), params)
    assert antwoord.status_code == 200
    assert fout in antwoord.content.decode()


def test_kwartaal_en_eigen_periode():
    from rapportage.forms import DashboardFilterForm

    f = DashboardFilterForm({"jaar": "2024", "kwartaal": "4"})
    assert (f.filters().van, f.filters().tot) == (datetime.date(2024, 10, 1),
                                                   datetime.date(2024, 12, 31))
    f = DashboardFilterForm({"jaar": "2024", "kwartaal": "1"})
    assert f.filters().tot == datetime.date(2024, 3, 31)
    f = DashboardFilterForm({"van": "2024-02-10", "tot": "2024-05-03", "loket": "loopbaanstation"})
    assert f.filters() == selectors.Filters(van=datetime.date(2024, 2, 10),
                                            tot=datetime.date(2024, 5, 3),
                                            loket="loopbaanstation")


# --- query count independent of data size ----------------------------------------------------


def _queries(c, url, params):
    with CaptureQueriesContext(connection) as ctx:
        assert c.get(url, params).status_code == 200
    return len(ctx.captured_queries)


def test_aantal_queries_constant(client_als, django_assert_max_num_queries):
    c = client_als("adviesgroep")
    url = reverse("rapportage:dashboard")
    maak_dataset(20, seed=1)
    ververs_samenvattingen()
    gefilterd = {**JAAR, "gemeente": "1", "loket": "leerwerkloket"}
    beheerder = client_als("beheerder")
    werk = reverse("rapportage:werkvoorraad")
    klein = [_queries(c, url, JAAR), _queries(c, url, gefilterd), _queries(beheerder, werk, {})]
    maak_dataset(250, seed=2)
    ververs_samenvattingen()
    assert Aanvraag.objects.count() > 250
    groot = [_queries(c, url, JAAR), _queries(c, url, gefilterd), _queries(beheerder, werk, {})]
    assert groot == klein
    with django_assert_max_num_queries(klein[0] - 8):  # the same page again: from the cache
        c.get(url, JAAR)


def test_dashboard_cache_volgt_verversing(client_als):
    c = client_als("adviesgroep")
    url = reverse("rapportage:dashboard")
    maak_dataset(20, seed=3)
    ververs_samenvattingen()
    assert "Aanmeldingen</th><td class=\"text-end\">20<" in c.get(url, JAAR).content.decode()
    maak_dataset(20, seed=4)
    # same refresh: from the cache, still 20
    assert "Aanmeldingen</th><td class=\"text-end\">20<" in c.get(url, JAAR).content.decode()
    ververs_samenvattingen()
    assert "Aanmeldingen</th><td class=\"text-end\">40<" in c.get(url, JAAR).content.decode()


def test_formules_in_exports_geneutraliseerd(client_als):
    """Labels typed by people (here opleider names) reach the exports; none runs as a
    formula in a spreadsheet."""
    from loopbaangesprekken.models import Opleider
    from tests.tfvv.test_export import AANVALLEN

    maak_dataset(80)
    for opleider, aanval in zip(Opleider.objects.order_by("naam"), AANVALLEN, strict=False):
        opleider.naam = aanval
        opleider.save(update_fields=["naam"])
    ververs_samenvattingen()
    c = client_als("adviesgroep")
    for rijen in (_csv(c, "opleiders", JAAR), _xlsx(c, "opleiders", JAAR)):
        namen = [rij[0] for rij in rijen[1:]]
        assert any(n.startswith("'=HYPERLINK") for n in namen)
        for rij in rijen:
            for cel in rij:
                assert not (isinstance(cel, str) and cel.startswith(("=", "+", "-", "@", "\t",
                                                                     "\r"))), cel
