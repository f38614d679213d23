"""The funder report as a stored report (rapportage.verantwoordingsrapport): requested on the
page, made once by the worker (outbox; eager in tests), kept as made. The page reads only
stored rows (the same query count at any size), answers in every state of a report, and the
downloads serve the stored files of a report of that very periode and bron."""

import datetime
import hashlib
import os
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from rapportage import verantwoording, verantwoordingsrapport
from rapportage.models import Verantwoordingsrapport
from rapportage.verantwoordingsrapport import (
    maak_verantwoordingsrapport,
    stand,
    totalen_van,
    vraag_verantwoording_aan,
)
from tests.rapportage.factories_verantwoording import maak_verantwoordingsdata
from tfvv.models import Financieringsbron, Gebeurtenis, Outboxtaak

pytestmark = pytest.mark.django_db
R = Verantwoordingsrapport.Status


def vraag_en_maak(client, periode, bron, capture) -> Verantwoordingsrapport:
    """Press "Nieuw rapport maken" as `client`; the worker (eager) makes the report."""
    url = reverse("rapportage:verantwoording", kwargs={"periode_id": periode.pk,
                                                       "bron_id": bron.pk})
    with capture(execute=True):
        antwoord = client.post(url)
    assert antwoord.status_code == 302 and antwoord.url == url
    return Verantwoordingsrapport.objects.filter(periode=periode, bron=bron).first()


def _url(naam, rapport, **extra):
    return reverse(f"rapportage:{naam}", kwargs={"periode_id": rapport.periode_id,
                                                 "bron_id": rapport.bron_id, **extra})


def _download(rapport, formaat="pdf", **anders):
    return reverse("rapportage:verantwoording-download", kwargs={
        "periode_id": rapport.periode_id, "bron_id": rapport.bron_id, "rapport_id": rapport.pk,
        "formaat": formaat, **anders})


@pytest.fixture
def data(db):
    return maak_verantwoordingsdata(20, seed=7, jaar=2100)


def test_gemaakt_door_de_worker_en_totalen_gelijk_aan_het_volledige_rapport(
        data, medewerkers, django_capture_on_commit_callbacks):
    bron = data.bronnen[0]
    with django_capture_on_commit_callbacks(execute=True):
        rapport = vraag_verantwoording_aan(periode=data.periode, bron=bron,
                                           door=medewerkers["financieel"])
    rapport.refresh_from_db()
    assert rapport.status == R.KLAAR and rapport.foutmelding == ""
    assert Outboxtaak.objects.get(argumenten={"rapport_id": rapport.pk}).gedaan_op
    with rapport.pdf.open("rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == rapport.pdf_sha256
    with rapport.xlsx.open("rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == rapport.xlsx_sha256
    assert set(Gebeurtenis.objects.filter(object_id=str(rapport.pk)).values_list(
        "actie", flat=True)) == {"verantwoording_aangevraagd", "verantwoording_gemaakt"}
    # the stored totals, read back, are the full report's, to the cent
    v = verantwoording.verantwoording(data.periode, bron)
    s = stand(rapport.totalen)
    assert s.sluit and v.sluit
    assert s.aantal_deelnemers == len(v.deelnemers) == data.deelnemers[bron.pk] > 0
    assert (s.toegezegd, s.totalen) == (v.toegezegd, v.totalen)
    assert [(a.soort, a.label, a.grootboek, a.deze_bron, a.andere_bronnen, a.niet_toegerekend,
             a.verschil) for a in s.aansluiting] == \
        [(a.soort, a.label, a.grootboek, a.deze_bron, a.andere_bronnen, a.niet_toegerekend,
          a.verschil) for a in v.aansluiting]
    assert (s.afrondingen, s.werk_na_6_maanden) == (v.afrondingen, v.werk_na_6_maanden)
    assert stand(totalen_van(v)) == s


def test_grote_lijst_alleen_in_het_excel_bestand(data, medewerkers, monkeypatch):
    """Above PDF_MAX_DEELNEMERS the PDF names the Excel file (by its SHA-256) instead of
    listing every participant; it always names it, so the two files belong together."""
    monkeypatch.setattr(verantwoordingsrapport, "PDF_MAX_DEELNEMERS", 1)
    bron = data.bronnen[0]
    rapport = vraag_verantwoording_aan(periode=data.periode, bron=bron,
                                       door=medewerkers["financieel"])
    rapport = maak_verantwoordingsrapport(rapport_id=rapport.pk)
    with rapport.pdf.open("rb") as f:
        tekst = "".join(p.extract_text() for p in PdfReader(f).pages)
    aaneen = "".join(tekst.split())
    assert rapport.xlsx_sha256 in aaneen and "alleeninhetExcel-bestand" in aaneen
    eerste = verantwoording.verantwoording(data.periode, bron).deelnemers[0].pseudoniem
    assert eerste not in aaneen
    with rapport.xlsx.open("rb") as f:
        blad = load_workbook(f).worksheets[0]
    assert eerste in {r[0] for r in blad.iter_rows(min_row=2, values_only=True)}


def test_tweede_aanvraag_terwijl_er_een_wacht_geeft_dezelfde(data, medewerkers):
    bron, fin = data.bronnen[1], medewerkers["financieel"]
    eerste = vraag_verantwoording_aan(periode=data.periode, bron=bron, door=fin)
    assert eerste.status == R.WACHTEND  # the worker has not run (no commit in this test)
    assert vraag_verantwoording_aan(periode=data.periode, bron=bron, door=fin) == eerste
    Verantwoordingsrapport.objects.filter(pk=eerste.pk).update(status=R.BEZIG)
    assert vraag_verantwoording_aan(periode=data.periode, bron=bron, door=fin) == eerste
    assert Verantwoordingsrapport.objects.count() == 1
    assert Outboxtaak.objects.filter(taak__endswith="maak_verantwoordingsrapport").count() == 1
    # another bron is another report
    assert vraag_verantwoording_aan(periode=data.periode, bron=data.bronnen[2],
                                    door=fin) != eerste
    # once made, a new request makes a new report; the made one stays as it is
    gemaakt = maak_verantwoordingsrapport(rapport_id=eerste.pk)
    assert gemaakt.status == R.KLAAR
    nieuw = vraag_verantwoording_aan(periode=data.periode, bron=bron, door=fin)
    assert nieuw.pk != eerste.pk and nieuw.status == R.WACHTEND
    # idempotent: running the task again changes nothing
    opnieuw = maak_verantwoordingsrapport(rapport_id=eerste.pk)
    assert (opnieuw.pdf_sha256, opnieuw.klaar_op, opnieuw.pdf.name) == \
        (gemaakt.pdf_sha256, gemaakt.klaar_op, gemaakt.pdf.name)


def test_mislukt_rapport_toont_een_nederlandse_melding(data, client_als, monkeypatch,
                                                      django_capture_on_commit_callbacks):
    def kapot(*args):
        raise RuntimeError("interne fout: relation bronlast does not exist")

    monkeypatch.setattr(verantwoording, "verantwoording", kapot)
    c = client_als("financieel")
    rapport = vraag_en_maak(c, data.periode, data.bronnen[0],
                            django_capture_on_commit_callbacks)
    assert rapport.status == R.MISLUKT and "relation bronlast" in rapport.foutmelding
    assert not rapport.pdf and not rapport.pdf_sha256
    tekst = c.get(_url("verantwoording", rapport)).content.decode()
    assert "kon niet worden gemaakt" in tekst and "Nieuw rapport maken" in tekst
    assert "relation" not in tekst and "RuntimeError" not in tekst
    assert c.get(_download(rapport)).status_code == 404


@pytest.mark.parametrize(("scheef", "lezingen", "sluit"), [(1, 2, True), (99, 3, False)])
def test_opnieuw_gelezen_zolang_het_niet_aansluit(data, medewerkers, monkeypatch, scheef,
                                                 lezingen, sluit):
    """A booking between two of the build's statements: read again; a difference that
    stays after three reads is stored as not reconciling."""
    echt, gelezen = verantwoording.verantwoording, []

    def lees(periode, bron):
        v = echt(periode, bron)
        gelezen.append(v)
        if len(gelezen) <= scheef:  # as if a booking came in between the ledger queries
            v.aansluiting[0].grootboek += Decimal("0.01")
        return v

    monkeypatch.setattr(verantwoording, "verantwoording", lees)
    rapport = vraag_verantwoording_aan(periode=data.periode, bron=data.bronnen[0],
                                       door=medewerkers["financieel"])
    rapport = maak_verantwoordingsrapport(rapport_id=rapport.pk)
    assert rapport.status == R.KLAAR and len(gelezen) == lezingen
    assert rapport.totalen["sluit"] is sluit and stand(rapport.totalen).sluit is sluit


@pytest.mark.parametrize("status", R.values)
def test_elke_status_geeft_een_pagina_nooit_een_500(status, data, client_als,
                                                    django_capture_on_commit_callbacks):
    c = client_als("financieel")
    bron = data.bronnen[0]
    klaar = vraag_en_maak(c, data.periode, bron, django_capture_on_commit_callbacks)
    rapport = klaar if status == R.KLAAR else Verantwoordingsrapport.objects.create(
        periode=data.periode, bron=bron, status=status, foutmelding="Traceback ...")
    pagina = c.get(_url("verantwoording", rapport))
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Traceback" not in tekst and ">wachtend<" not in tekst and ">bezig<" not in tekst
    if status in (R.WACHTEND, R.BEZIG):
        assert "Een nieuw rapport wordt gemaakt" in tekst and "Nieuw rapport maken" not in tekst
    else:
        assert "Nieuw rapport maken" in tekst
    assert "Stand van" in tekst  # the finished report's figures stay on the page
    for formaat in ("pdf", "xlsx"):
        assert c.get(_download(rapport, formaat)).status_code == (
            200 if status == R.KLAAR else 404)
    assert c.get(_download(rapport, "csv")).status_code == 404
    # a report is only found under its own periode and bron
    ander = data.bronnen[1]
    assert c.get(_download(rapport, bron_id=ander.pk)).status_code == 404
    prive = Financieringsbron.objects.create(naam="Werkgeversbijdrage", publiek=False)
    assert c.get(_download(rapport, bron_id=prive.pk)).status_code == 404
    assert c.get(_url("verantwoording", rapport, bron_id=prive.pk)).status_code == 404
    assert c.post(_url("verantwoording", rapport)).status_code == 302


def test_zonder_rapport_uitleg_en_knop(data, client_als):
    bron = data.bronnen[3]
    tekst = client_als("financieel").get(reverse("rapportage:verantwoording", kwargs={
        "periode_id": data.periode.pk, "bron_id": bron.pk})).content.decode()
    assert "nog geen rapport gemaakt" in tekst and "Nieuw rapport maken" in tekst


def test_pagina_vast_aantal_queries_bij_elke_omvang(client_als, medewerkers,
                                                    django_capture_on_commit_callbacks):
    c = client_als("financieel")

    def tel(aantal: int, jaar: int) -> tuple[int, int]:
        d = maak_verantwoordingsdata(aantal, seed=aantal, jaar=jaar)
        bron = max(d.bronnen, key=lambda b: d.deelnemers[b.pk])
        for _ in range(2):  # an earlier report in the list too
            rapport = vraag_en_maak(c, d.periode, bron, django_capture_on_commit_callbacks)
        assert rapport.status == R.KLAAR
        url = _url("verantwoording", rapport)
        c.get(url)  # the session is warm, as for every later page view
        with CaptureQueriesContext(connection) as q:
            assert c.get(url).status_code == 200
        return len(q), rapport.totalen["aantal_deelnemers"]

    klein, weinig = tel(10, 2200)
    groot, veel = tel(200, 2300)
    assert veel > weinig
    assert klein == groot


def test_demo_maakt_een_rapport_per_bron_met_lasten(data, medewerkers):
    from rapportage import demo
    from tfvv.models import Bronlast

    uitvoer = []
    demo.laad(uitvoer.append)
    demo.laad(uitvoer.append)  # idempotent: no second report
    paren = set(Bronlast.objects.values_list("periode_id", "bron_id"))
    rapporten = Verantwoordingsrapport.objects.select_related("aangevraagd_door")
    assert {(r.periode_id, r.bron_id) for r in rapporten} == paren and len(rapporten) == len(paren)
    assert {(r.status, r.aangevraagd_door.username) for r in rapporten} == {(R.KLAAR, "financieel")}
    assert sum("verantwoording" in regel for regel in uitvoer) == len(paren)


def test_na_de_bewaartermijn_gaan_de_bestanden_en_blijven_de_totalen(
        data, client_als, settings, django_capture_on_commit_callbacks):
    """The nightly retention job deletes a report's files (the pseudonymised participant
    rows) once its period has passed, not a day earlier; the page keeps the totals, the
    reconciliation and the SHA-256 and says why there is nothing to download."""
    from tfvv import bewaartermijnen

    settings.TFVV_BEWAARTERMIJNEN = {**settings.TFVV_BEWAARTERMIJNEN, "verantwoording": 30}
    c = client_als("financieel")
    rapport = vraag_en_maak(c, data.periode, data.bronnen[0], django_capture_on_commit_callbacks)
    pdf_pad, totalen = rapport.pdf.path, rapport.totalen
    bijna = rapport.klaar_op + datetime.timedelta(days=29)
    assert bewaartermijnen.pas_toe(nu=bijna)["rapportage.verantwoordingsrapport"] == 0
    later = rapport.klaar_op + datetime.timedelta(days=30, minutes=1)
    assert bewaartermijnen.pas_toe(nu=later, droog=True)[
        "rapportage.verantwoordingsrapport"] == 1
    assert bewaartermijnen.pas_toe(nu=later)["rapportage.verantwoordingsrapport"] == 1
    rapport.refresh_from_db()
    assert not rapport.pdf and not rapport.xlsx and rapport.geanonimiseerd_op == later
    assert rapport.totalen == totalen and rapport.pdf_sha256
    assert not os.path.exists(pdf_pad)
    tekst = c.get(_url("verantwoording", rapport)).content.decode()
    assert "De bewaartermijn van dit rapport is verstreken" in tekst
    assert rapport.pdf_sha256 in tekst and "Download de PDF" not in tekst
    assert "verwijderd op" in tekst
    for formaat in ("pdf", "xlsx"):
        assert c.get(_download(rapport, formaat)).status_code == 404
    # done once: the next night finds nothing
    assert bewaartermijnen.pas_toe(nu=timezone.now() + datetime.timedelta(days=31))[
        "rapportage.verantwoordingsrapport"] == 0
