"""Declaraties in bulk: a CSV plus a zip of PDFs, checked row by row (line and column in
the message), all or nothing, the same file twice refused, a constant number of queries
for the check whatever the number of rows."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cheques import declaratiebestand
from cheques.declaratiebestand import KOLOMMEN, Bestandsfout
from cheques.declaratieregels import Gegevens
from cheques.models import Cheque, Declaratiebestand, Declaratieindiening
from cheques.services import opleiderdeclaraties as od
from tests.cheques.factories import OpleiderFactory
from tests.cheques.financien import pdf
from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker
from tfvv.models import Gebeurtenis, Melding

pytestmark = pytest.mark.django_db
C = Cheque.Status
PDF = b"%PDF-1.4 bewijs"
VANDAAG = timezone.localdate().strftime("%d-%m-%Y")


@pytest.fixture(autouse=True)
def eigen_map(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES,
                         "default": {"BACKEND": "tfvv.opslag.Opslag",
                                     "OPTIONS": {"location": str(tmp_path)}}}
    return tmp_path


def bestanden(map_) -> list:
    return [p for p in map_.rglob("*") if p.is_file()]


def maak_csv(regels, scheiding=";") -> bytes:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=scheiding)
    schrijver.writerow(KOLOMMEN)
    for regel in regels:
        schrijver.writerow([regel.get(k, "") for k in KOLOMMEN])
    return uit.getvalue().encode("utf-8")


def maak_zip(namen, inhoud=PDF) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for naam in namen:
            z.writestr(f"map/{naam}", inhoud if not naam.startswith("kapot") else b"geen pdf")
    buffer.seek(0)
    return buffer


def regel(cheque, n, **velden):
    return {"chequenummer": cheque.nummer, "factuurnummer": f"F-{n}", "factuurdatum": VANDAAG,
            "bedrag": "1.234,50", "bewijssoort": "start", "factuur_pdf": f"factuur-{n}.pdf",
            "bewijs_pdf": f"bewijs-{n}.pdf", **velden}


def pdfs_van(regels):
    return {r[k] for r in regels for k in ("factuur_pdf", "bewijs_pdf") if r.get(k)}


@pytest.fixture
def opleider_met_cheques(maak_cheques, medewerkers):
    cheques = maak_cheques(4)
    opleider = cheques[0].opleider
    Cheque.objects.filter(pk__in=[c.pk for c in cheques]).update(opleider=opleider)
    gebruiker = maak_opleidergebruiker(opleider, medewerkers["beheerder"])
    return opleider, gebruiker, list(Cheque.objects.order_by("nummer"))


def verwerk(opleider, gebruiker, regels, zip_namen=None, scheiding=";", csv_inhoud=None):
    return declaratiebestand.verwerk(
        opleider=opleider, door=gebruiker, naam="declaraties.csv",
        csv_inhoud=csv_inhoud or maak_csv(regels, scheiding),
        zip_bestand=maak_zip(pdfs_van(regels) if zip_namen is None else zip_namen))


def test_goed_bestand_wordt_helemaal_ingediend(opleider_met_cheques, eigen_map,
                                               django_capture_on_commit_callbacks):
    opleider, gebruiker, (a, b, c, _d) = opleider_met_cheques
    Cheque.objects.filter(pk=c.pk).update(status=C.VOORSCHOT_BETAALD)
    regels = [regel(a, 1), regel(b, 2, bewijssoort="aanwezigheid", aanwezigheid_procent="85%",
                                 bedrag="1500"),
              {"chequenummer": c.nummer.lower(), "bewijssoort": "Diploma",
               "bewijs_pdf": "diploma-3.pdf"}]
    with django_capture_on_commit_callbacks(execute=True):
        bestand = verwerk(opleider, gebruiker, regels)
    assert bestand.aantal_regels == 3 and bestand.naam == "declaraties.csv"
    indieningen = {i.cheque_id: i for i in Declaratieindiening.objects.all()}
    assert str(indieningen[a.pk].bedrag) == "1234.50" and indieningen[a.pk].bestand == bestand
    assert indieningen[b.pk].aanwezigheid_procent == 85
    assert indieningen[c.pk].factuurnummer == "" and indieningen[c.pk].bewijssoort == "diploma"
    assert len(bestanden(eigen_map)) == 5
    # finance hears of the file once, not of every row
    assert set(Melding.objects.values_list("soort", flat=True)) == {
        "declaratiebestand_ingediend"}
    assert Gebeurtenis.objects.filter(actie="opleiderdeclaratie_ingediend").count() == 3


def test_komma_als_scheidingsteken(opleider_met_cheques):
    opleider, gebruiker, (a, *_rest) = opleider_met_cheques
    verwerk(opleider, gebruiker, [regel(a, 1, bedrag="1234,50")], scheiding=",")
    assert str(Declaratieindiening.objects.get().bedrag) == "1234.50"


def test_foute_regels_met_regel_en_kolom_en_niets_opgeslagen(opleider_met_cheques, maak_cheques,
                                                             eigen_map):
    opleider, gebruiker, (a, b, c, d) = opleider_met_cheques
    vreemd = maak_cheques(1)[0]  # another opleider's cheque
    Cheque.objects.filter(pk=c.pk).update(
        geldig_tot=timezone.localdate() - datetime.timedelta(days=1))
    regels = [
        regel(a, 1, bedrag="1.500,01"),  # line 2: above the cheque
        regel(b, 1),  # line 3: invoice number twice in the file
        regel(c, 3),  # line 4: expired
        regel(vreemd, 4),  # line 5: another opleider's cheque
        regel(d, 5, factuurdatum="31-02-2026", bedrag="4.200", bewijssoort="geslaagd"),
        regel(b, 6, bewijs_pdf="kapot.pdf"),  # line 7: cheque twice, not a PDF
        regel(a, 7, factuur_pdf="ontbreekt.pdf"),
    ]
    with pytest.raises(Bestandsfout) as e:
        verwerk(opleider, gebruiker, regels,
                zip_namen=pdfs_van(regels) - {"ontbreekt.pdf"})
    fouten = {(f.regel, f.kolom): f.tekst for f in e.value.fouten}
    assert fouten[(2, "bedrag")] == "Het bedrag is hoger dan de cheque (€ 1.500,00)."
    assert fouten[(3, "factuurnummer")] == "Factuurnummer F-1 staat al op regel 2."
    assert "is verlopen" in fouten[(4, "chequenummer")]
    assert fouten[(5, "chequenummer")] == f"Onbekend chequenummer {vreemd.nummer}."
    assert "geldige datum" in fouten[(6, "factuurdatum")]
    assert "komma" in fouten[(6, "bedrag")]
    assert "Kies het soort bewijs" in fouten[(6, "bewijssoort")]
    assert "staat al op regel 3" in fouten[(7, "chequenummer")]
    assert fouten[(7, "bewijs_pdf")] == "Het bestand kapot.pdf is geen PDF-bestand."
    assert fouten[(8, "factuur_pdf")] == "Het bestand ontbreekt.pdf staat niet in de zip."
    assert str(e.value.fouten[0]).startswith("Regel 2, kolom bedrag: ")
    assert not Declaratieindiening.objects.exists() and not Declaratiebestand.objects.exists()
    assert bestanden(eigen_map) == []


def test_opnieuw_gecontroleerd_onder_het_slot(opleider_met_cheques, eigen_map, monkeypatch):
    """A row that turns bad after the check (another tab declared the cheque meanwhile):
    the save checks again with the cheques locked, and saves nothing."""
    opleider, gebruiker, (a, b, *_rest) = opleider_met_cheques
    echte = declaratiebestand.controleer

    def intussen_gedeclareerd(**kwargs):
        regels = echte(**kwargs)
        od.dien_in(cheque=b, door=gebruiker, gegevens=Gegevens(
            factuurnummer="ANDER-1", factuurdatum=timezone.localdate(), bedrag=D("10"),
            bewijssoort="start"), factuur=pdf(), bewijs=pdf())
        return regels

    monkeypatch.setattr(declaratiebestand, "controleer", intussen_gedeclareerd)
    with pytest.raises(Bestandsfout) as e:
        verwerk(opleider, gebruiker, [regel(a, 1), regel(b, 2)])
    assert [(f.regel, f.kolom) for f in e.value.fouten] == [(3, "chequenummer")]
    assert "al een declaratie ingediend" in e.value.fouten[0].tekst
    assert list(Declaratieindiening.objects.values_list("factuurnummer", flat=True)) == [
        "ANDER-1"]
    assert not Declaratiebestand.objects.exists()
    assert len(bestanden(eigen_map)) == 2  # only the other tab's own PDFs


def test_crash_na_het_schrijven_laat_geen_bestand_achter(opleider_met_cheques, eigen_map,
                                                         monkeypatch):
    opleider, gebruiker, (a, b, *_rest) = opleider_met_cheques
    echte = od.registreer_gebeurtenis

    def crash(**kwargs):
        if kwargs["actie"] == "declaratiebestand_ingediend":
            raise RuntimeError("stroom uitgevallen")
        return echte(**kwargs)

    monkeypatch.setattr(od, "registreer_gebeurtenis", crash)
    with pytest.raises(RuntimeError):
        verwerk(opleider, gebruiker, [regel(a, 1), regel(b, 2)])
    assert not Declaratieindiening.objects.exists() and not Declaratiebestand.objects.exists()
    assert bestanden(eigen_map) == []


def test_hetzelfde_bestand_twee_keer_geweigerd(opleider_met_cheques):
    opleider, gebruiker, (a, *_rest) = opleider_met_cheques
    inhoud = maak_csv([regel(a, 1)])
    verwerk(opleider, gebruiker, [regel(a, 1)], csv_inhoud=inhoud)
    with pytest.raises(Bestandsfout) as e:
        verwerk(opleider, gebruiker, [regel(a, 1)], csv_inhoud=inhoud)
    assert str(e.value.fouten[0]) == "Dit bestand heeft u al eerder ingediend."
    assert Declaratieindiening.objects.count() == 1


def test_kop_leeg_en_geen_zip(opleider_met_cheques):
    opleider, gebruiker, _cheques = opleider_met_cheques
    with pytest.raises(Bestandsfout) as e:
        verwerk(opleider, gebruiker, [], csv_inhoud=b"nummer;bedrag\nTFV;1\n")
    assert str(e.value.fouten[0]).startswith("Regel 1: De eerste regel moet de kolomnamen")
    assert "Ontbreekt: chequenummer" in str(e.value.fouten[0])
    with pytest.raises(Bestandsfout) as e:
        verwerk(opleider, gebruiker, [], csv_inhoud=maak_csv([]))
    assert "geen declaraties" in str(e.value.fouten[0])
    with pytest.raises(Bestandsfout) as e:
        declaratiebestand.verwerk(opleider=opleider, door=gebruiker, naam="x.csv",
                                  csv_inhoud=maak_csv([]), zip_bestand=io.BytesIO(b"geen zip"))
    assert "geen zip-bestand" in str(e.value.fouten[0])


def test_controle_met_een_vast_aantal_queries(opleider_met_cheques, maak_cheques):
    """The cheques of the file in one query: 40 rows cost what 4 rows cost."""
    opleider, gebruiker, _cheques = opleider_met_cheques
    extra = maak_cheques(36)
    Cheque.objects.filter(pk__in=[c.pk for c in extra]).update(opleider=opleider)
    cheques = list(Cheque.objects.filter(opleider=opleider).order_by("nummer"))

    def queries(n):
        regels = [regel(c, i) for i, c in enumerate(cheques[:n])]
        with zipfile.ZipFile(maak_zip(pdfs_van(regels))) as archief, \
                CaptureQueriesContext(connection) as ctx:
            assert len(declaratiebestand.controleer(
                opleider=opleider, csv_inhoud=maak_csv(regels), archief=archief)) == n
        return len(ctx.captured_queries)

    assert queries(40) == queries(4) <= 3


def test_scherm_bulk_en_sjabloon(opleider_met_cheques):
    opleider, gebruiker, (a, *_rest) = opleider_met_cheques
    client = log_in_als_opleider(gebruiker)
    sjabloon = client.get(reverse("cheques:opleider-declaraties-sjabloon"))
    kop = sjabloon.content.decode("utf-8-sig").splitlines()[0]
    assert kop == ";".join(KOLOMMEN)
    url = reverse("cheques:opleider-declaraties-bulk")
    regels = [regel(a, 1, bedrag="9.999,00")]

    def post(regels):
        return client.post(url, {
            "regels": SimpleUploadedFile("d.csv", maak_csv(regels), content_type="text/csv"),
            "pdfs": SimpleUploadedFile("p.zip", maak_zip(pdfs_van(regels)).getvalue(),
                                       content_type="application/zip")})

    r = post(regels)
    inhoud = r.content.decode()
    assert r.status_code == 400 and "Er is niets ingediend: 1 fout" in inhoud
    assert "Regel 2, kolom bedrag: Het bedrag is hoger dan de cheque" in inhoud
    r = post([regel(a, 1)])
    assert r.status_code == 302 and Declaratieindiening.objects.count() == 1
    assert client.post(url, {}).status_code == 400


def test_andere_opleider_hoort_niet_dat_de_cheque_bestaat(opleider_met_cheques, medewerkers):
    _opleider, _gebruiker, (a, *_rest) = opleider_met_cheques
    ander = OpleiderFactory()
    vreemde = maak_opleidergebruiker(ander, medewerkers["beheerder"])
    with pytest.raises(Bestandsfout) as e:
        verwerk(ander, vreemde, [regel(a, 1)])
    assert [str(f) for f in e.value.fouten] == [
        f"Regel 2, kolom chequenummer: Onbekend chequenummer {a.nummer}."]
