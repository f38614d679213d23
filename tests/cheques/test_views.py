import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cheques import services, verificatie
from cheques.models import Beschikking, Cheque
from tests.aanvragen.factories import InwonerFactory
from tests.cheques.factories import maak_periode
from tests.cheques.financien import betaal, declareer, ken_toe
from tfvv.models import Inzage

pytestmark = pytest.mark.django_db
D = Decimal

ROLLEN = ["anoniem", "inwoner", "ander_inwoner", "consulent_lwl", "consulent_lbs",
          "beoordelaar", "financieel", "adviesgroep", "beheerder"]


@pytest.fixture
def dossier(periode, maak_plan, medewerkers, django_capture_on_commit_callbacks):
    """An open plan, a granted plan with documents, a voorschot paid in a batch."""
    open_plan = maak_plan()
    toegekend = maak_plan()
    with django_capture_on_commit_callbacks(execute=True):
        beschikking = services.toekennen(plan=toegekend, door=medewerkers["beoordelaar"],
                                         bedrag=D("1500.00"), motivering="Voldoet.")
    betaald = ken_toe(maak_plan(), medewerkers["beoordelaar"], "1000.00")
    fin = medewerkers["financieel"]
    declareer(betaald, fin, "1000.00")
    batch = betaal(fin, medewerkers["financieel2"])
    return {"open_plan": open_plan, "beschikking": Beschikking.objects.get(pk=beschikking.pk),
            "cheque": beschikking.cheque, "batch": batch, "periode": periode}


@pytest.fixture
def als(client_als, dossier):
    inwoner = dossier["beschikking"].plan.aanvraag.aanvrager

    def maak(rol):
        if rol == "anoniem":
            return Client()
        if rol in ("inwoner", "ander_inwoner"):
            c = Client()
            c.force_login(inwoner if rol == "inwoner" else InwonerFactory())
            return c
        return client_als(rol)

    return maak


def pagina_urls(d):
    plan, b, cheque = d["open_plan"], d["beschikking"], d["cheque"]
    return {
        reverse("cheques:beoordelen"): {"beoordelaar"},
        reverse("cheques:plan", kwargs={"plan_id": plan.pk}): {"beoordelaar"},
        reverse("cheques:financien"): {"financieel"},
        reverse("cheques:cheque", kwargs={"nummer": cheque.nummer}): {"financieel",
                                                                      "beoordelaar"},
        reverse("cheques:betaalbatch-bestand", kwargs={"nummer": d["batch"].nummer,
                                                       "formaat": "csv"}): {"financieel"},
        reverse("cheques:betaalbatches"): {"financieel"},
        reverse("cheques:terugvorderingen"): {"financieel"},
        reverse("cheques:budget"): {"financieel", "beheerder"},
        reverse("cheques:controleren"): set(ROLLEN),
        reverse("cheques:beschikking-pdf", kwargs={"pk": b.pk}): {
            "inwoner", "consulent_lwl", "beoordelaar", "financieel"},
        reverse("cheques:cheque-pdf", kwargs={"pk": b.pk}): {
            "inwoner", "beoordelaar", "financieel"},
    }


@pytest.mark.parametrize("rol", ROLLEN)
def test_paginas_per_rol(rol, als, dossier):
    c = als(rol)
    for url, toegestaan in pagina_urls(dossier).items():
        r = c.get(url)
        if rol in toegestaan:
            assert r.status_code == 200, (url, rol)
        elif rol == "anoniem":
            assert r.status_code == 302 and "inloggen" in r["Location"], url
        elif url in verborgen_documenten(dossier, rol):
            assert r.status_code == 404, (url, rol)  # as if it did not exist
        else:
            assert r.status_code == 403, (url, rol)


def verborgen_documenten(d, rol) -> set[str]:
    """Another resident's documents, and the documents of the other loket's case."""
    pk = {"pk": d["beschikking"].pk}
    if rol in ("ander_inwoner", "consulent_lbs"):
        return {reverse("cheques:beschikking-pdf", kwargs=pk),
                reverse("cheques:cheque-pdf", kwargs=pk)}
    return set()


def post_urls(d):
    plan, cheque, periode = d["open_plan"], d["cheque"], d["periode"]
    p = {"plan_id": plan.pk}
    n = {"nummer": cheque.nummer}
    return {
        reverse("cheques:aanvulling-vragen", kwargs=p): {"beoordelaar"},
        reverse("cheques:terugsturen", kwargs=p): {"beoordelaar"},
        reverse("cheques:toekennen", kwargs=p): {"beoordelaar"},
        reverse("cheques:afwijzen", kwargs=p): {"beoordelaar"},
        reverse("cheques:buiten-behandeling", kwargs=p): {"beoordelaar"},
        reverse("cheques:niet-medeondertekenen", kwargs=p): {"beoordelaar"},
        reverse("cheques:declaratie", kwargs=n): {"financieel"},
        reverse("cheques:vaststellen", kwargs=n): {"financieel"},
        reverse("cheques:afronding", kwargs=n): {"financieel"},
        reverse("cheques:intrekken", kwargs=n): {"beoordelaar"},
        reverse("cheques:betaalbatches"): {"financieel"},
        reverse("cheques:toezegging-toevoegen"): {"financieel", "beheerder"},
        reverse("cheques:periode-toevoegen"): {"financieel", "beheerder"},
        reverse("cheques:plafond-voorstellen", kwargs={"periode_id": periode.pk}): {
            "financieel", "beheerder"},
    }


@pytest.mark.parametrize("rol", ROLLEN)
def test_acties_per_rol(rol, als, dossier):
    """Allowed roles get the form back with errors (empty POST); others are refused."""
    c = als(rol)
    for url, toegestaan in post_urls(dossier).items():
        r = c.post(url, {})
        if rol in toegestaan:
            assert r.status_code == 400, (url, rol)
            html = r.content.decode()
            assert "is-invalid" in html or "alert-danger" in html, url
        elif rol == "anoniem":
            assert r.status_code == 302, url
        else:
            assert r.status_code == 403, (url, rol)
    r = c.post(reverse("cheques:medeondertekenen", kwargs={"plan_id": dossier["open_plan"].pk}))
    assert r.status_code == {"beoordelaar": 404, "anoniem": 302}.get(rol, 403)


def test_toekennen_via_de_pagina_en_medeondertekening(client_als, periode, maak_plan):
    plan = maak_plan(gevraagd_bedrag=D("2400.00"))
    eerste, tweede = client_als("beoordelaar"), client_als("beoordelaar2")
    url = reverse("cheques:toekennen", kwargs={"plan_id": plan.pk})
    r = eerste.post(url, {"bedrag": "2500", "motivering": "Voldoet"})
    assert r.status_code == 400 and "hoger dan gevraagd" in r.content.decode()
    assert 'value="2500"' in r.content.decode()  # input kept
    r = eerste.post(url, {"bedrag": "2400.00", "motivering": "Voldoet"})
    assert r.status_code == 302
    mede = reverse("cheques:medeondertekenen", kwargs={"plan_id": plan.pk})
    assert eerste.post(mede).status_code == 403  # the same person may not co-sign
    pagina = eerste.get(reverse("cheques:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert "een andere beoordelaar moet medeondertekenen" in pagina
    assert tweede.post(mede).status_code == 302
    assert Beschikking.objects.get(plan=plan).cheque.bedrag == D("2400.00")
    assert Inzage.objects.filter(onderdeel="scholingsplan (beoordeling)").exists()


def test_plafond_melding_bij_het_bedrag(client_als, maak_plan):
    maak_periode(plafond=D("1000.00"))
    plan = maak_plan()
    r = client_als("beoordelaar").post(reverse("cheques:toekennen", kwargs={"plan_id": plan.pk}),
                                       {"bedrag": "1500.00", "motivering": "Voldoet"})
    assert r.status_code == 400
    assert "subsidieplafond" in r.content.decode()
    assert "nog beschikbaar € 1.000,00" in r.content.decode()
    assert not Cheque.objects.exists()


def test_declaratie_alleen_pdf(client_als, dossier):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("cheques:declaratie", kwargs={"nummer": dossier["cheque"].nummer})
    r = client_als("financieel").post(url, {
        "factuurnummer": "F-9", "factuurdatum": timezone.localdate().isoformat(),
        "bedrag": "1500.00", "bewijs": SimpleUploadedFile("x.exe", b"MZ...")})
    assert r.status_code == 400 and "Upload een PDF-bestand" in r.content.decode()
    assert 'value="F-9"' in r.content.decode()


def test_betaalbatch_csv(client_als, dossier):
    r = client_als("financieel").get(reverse("cheques:betaalbatch-bestand", kwargs={
        "nummer": dossier["batch"].nummer, "formaat": "csv"}))
    regels = r.content.decode("utf-8-sig").splitlines()
    assert regels[0].startswith("batch;chequenummer;soort;begunstigde;iban;bedrag")
    assert len(regels) == 2 and regels[1].split(";")[5] == "1000.00"
    assert regels[1].split(";")[2] == "voorschot"


@pytest.mark.parametrize("aanval", ['=HYPERLINK("https://x.example","klik")', "@SUM(A1:A9)",
                                    "+31 6 1234", "-1+2", "\tcmd"])
def test_betaalbatch_csv_zonder_formules(client_als, dossier, aanval):
    """The opleider's name is typed by people; in the payment file it is text, never a
    formula."""
    import csv
    import io

    dossier["batch"].regels.update(naam=aanval)  # the payee's name as the batch holds it
    r = client_als("financieel").get(reverse("cheques:betaalbatch-bestand", kwargs={
        "nummer": dossier["batch"].nummer, "formaat": "csv"}))
    rijen = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"), newline=""),
                            delimiter=";"))
    assert rijen[1][3] == "'" + aanval
    assert rijen[1][5] == "1000.00"


def test_controleren_zonder_persoonsgegevens(client, dossier):
    cache.clear()
    cheque = dossier["cheque"]
    code = verificatie.code(nummer=cheque.nummer, zout=cheque.verificatiezout)
    url = reverse("cheques:controleren")
    r = client.post(url, {"nummer": cheque.nummer.lower(), "code": verificatie.opgemaakt(code)})
    html = r.content.decode()
    assert r.status_code == 200 and "Deze cheque is geldig" in html
    assert cheque.opleider.naam in html and "€ 1.500,00" in html
    aanvraag = dossier["beschikking"].plan.aanvraag
    for persoonlijk in (aanvraag.achternaam, aanvraag.email, aanvraag.referentie):
        assert persoonlijk not in html
    r = client.post(url, {"nummer": cheque.nummer, "code": "FOUT1-FOUT2"})
    assert r.status_code == 400 and "niet bekend" in r.content.decode()
    r = client.post(url, {"nummer": "12345", "code": "x"})
    assert "TFV-2026-000123" in r.content.decode()


def test_controleren_rate_limit(client, dossier):
    cache.clear()
    url = reverse("cheques:controleren")
    codes = [client.post(url, {"nummer": "TFV-2026-999999", "code": "AAAAA"}).status_code
             for _ in range(11)]
    assert codes[:10] == [400] * 10 and codes[10] == 429
    cache.clear()


def test_documenten_downloaden_en_inzage(als, dossier):
    b = dossier["beschikking"]
    r = als("inwoner").get(reverse("cheques:cheque-pdf", kwargs={"pk": b.pk}))
    assert r["Content-Type"] == "application/pdf"
    assert not Inzage.objects.filter(onderdeel="scholingscheque").exists()
    als("beoordelaar").get(reverse("cheques:cheque-pdf", kwargs={"pk": b.pk}))
    assert Inzage.objects.filter(onderdeel="scholingscheque", dossier_id=b.plan.aanvraag_id)\
        .exists()


def test_budget_formulieren(client_als, periode):
    from tfvv.models import Financieringsbron

    bron = Financieringsbron.objects.create(naam="EU / ESF+")
    c = client_als("beheerder")
    r = c.post(reverse("cheques:toezegging-toevoegen"), {
        "bron": bron.pk, "periode": periode.pk, "bedrag": "-5", "datum": "2023-03-01"})
    assert r.status_code == 400
    r = c.post(reverse("cheques:toezegging-toevoegen"), {
        "bron": bron.pk, "periode": periode.pk, "bedrag": "1.250.000,00", "datum": "2023-03-01"})
    assert r.status_code == 302
    assert bron.toezeggingen.get().bedrag == D("1250000.00")
    r = c.post(reverse("cheques:periode-toevoegen"),
               {"naam": "overlap", "van": "2026-06-01", "tot": "2027-12-31"})
    assert r.status_code == 400 and "overlapt" in r.content.decode()


@pytest.mark.parametrize("naam", ["cheques:beoordelen", "cheques:financien", "cheques:budget"])
def test_aantal_queries_onafhankelijk_van_data(naam, client_als, periode, maak_plan, medewerkers,
                                               django_assert_max_num_queries):
    rol = {"cheques:beoordelen": "beoordelaar", "cheques:financien": "financieel",
           "cheques:budget": "financieel"}[naam]
    c = client_als(rol)

    def meet():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as q:
            assert c.get(reverse(naam)).status_code == 200
        return len(q)

    def vul(n):
        for _ in range(n):
            plan = maak_plan()
            services.vraag_aanvulling(plan=maak_plan(), door=medewerkers["beoordelaar"],
                                      omschrijving="x",
                                      hersteltermijn_tot=timezone.localdate()
                                      + datetime.timedelta(9))
            services.toekennen(plan=plan, door=medewerkers["beoordelaar"], bedrag=D("100"),
                               motivering="Voldoet.")
            maak_plan()

    vul(1)
    klein = meet()
    vul(4)
    with django_assert_max_num_queries(klein):
        c.get(reverse(naam))


def test_controleren_geldige_controles_tellen_niet_mee(client, dossier):
    """A ROC checking a whole class: 30 valid checks in a row all pass; guessing still
    stops after the limit of failures, and then a valid check waits too."""
    cache.clear()
    cheque = dossier["cheque"]
    code = verificatie.opgemaakt(verificatie.code(nummer=cheque.nummer,
                                                  zout=cheque.verificatiezout))
    url = reverse("cheques:controleren")
    geldig = {"nummer": cheque.nummer, "code": code}
    assert [client.post(url, geldig).status_code for _ in range(30)] == [200] * 30
    fout = {"nummer": cheque.nummer, "code": "AAAAA-BBBBB"}
    assert [client.post(url, fout).status_code for _ in range(11)] == [400] * 10 + [429]
    assert client.post(url, geldig).status_code == 429
    cache.clear()
