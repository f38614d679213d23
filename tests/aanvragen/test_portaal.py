import datetime
import json

import pytest
from django.urls import reverse

from aanvragen import portaal
from aanvragen.models import Aanvraag, Document
from aanvragen.services import voeg_document_toe, wijzig_status
from tests.aanvragen.bestanden import EXE, HTML, JPG, PDF, PNG, ZIP, upload
from tests.aanvragen.conftest import na_commit
from tests.aanvragen.factories import AanvraagFactory
from tfvv.events import registreer_gebeurtenis, registreer_inzage
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanvraag():
    return AanvraagFactory()


@pytest.fixture
def inwoner(aanvraag, inwoner_client):
    return inwoner_client(aanvraag.aanvrager)


def url(naam, aanvraag=None):
    return reverse(f"aanvragen:{naam}", args=[aanvraag.pk] if aanvraag else [])


def test_een_aanvraag_gaat_direct_naar_de_aanvraag(inwoner, aanvraag):
    response = inwoner.get(url("mijn-aanvraag"))
    assert response["Location"] == url("aanvraag", aanvraag)


def test_meerdere_aanvragen_als_lijst(inwoner, aanvraag):
    AanvraagFactory(aanvrager=aanvraag.aanvrager, status="ingetrokken")
    html = inwoner.get(url("mijn-aanvraag")).content.decode()
    assert html.count("TF-") == 2 and "<caption>" in html


def test_tijdlijn_met_bewoonderstekst_en_links(inwoner, aanvraag, medewerkers):
    registreer_gebeurtenis(actor=None, obj=aanvraag, actie="aangemeld", dossier_id=aanvraag.pk,
                           tekst_inwoner="Wij hebben uw aanmelding ontvangen.")
    registreer_gebeurtenis(actor=None, obj=aanvraag, actie="notitie", dossier_id=aanvraag.pk,
                           reden="interne notitie: niet voor de inwoner")
    wijzig_status(aanvraag=aanvraag, transitie="claimen", actor=medewerkers["consulent_lwl"])
    registreer_gebeurtenis(
        actor=None, obj=aanvraag, actie="beschikking", dossier_id=aanvraag.pk,
        tekst_inwoner="Uw beschikking staat klaar.",
        gegevens={"links": [{"label": "Beschikking (PDF)", "url": "/beschikkingen/1/pdf/"},
                            {"label": "kwaad", "url": "javascript:alert(1)"},
                            {"label": "elders", "url": "//evil.example/x"}]})
    registreer_gebeurtenis(actor=None, obj=AanvraagFactory(), actie="aangemeld",
                           dossier_id=aanvraag.pk + 1000, tekst_inwoner="ANDER DOSSIER")
    html = inwoner.get(url("aanvraag", aanvraag)).content.decode()
    assert "Wij hebben uw aanmelding ontvangen." in html
    assert "Een consulent heeft uw aanvraag in behandeling genomen." in html
    assert "interne notitie" not in html and "ANDER DOSSIER" not in html
    assert '<a href="/beschikkingen/1/pdf/">Beschikking (PDF)</a>' in html
    assert "javascript:" not in html and "evil.example" not in html


def test_aanvraagpagina_queries_constant(inwoner, aanvraag, django_assert_max_num_queries):
    for n in (1, 25):
        for i in range(n):
            registreer_gebeurtenis(actor=None, obj=aanvraag, actie="x", dossier_id=aanvraag.pk,
                                   tekst_inwoner=f"stap {i}")
            Document.objects.create(aanvraag=aanvraag, soort="diploma", bestand="x.pdf",
                                    originele_naam="x.pdf", mime="application/pdf", grootte=1)
        # one query per portal task provider (aanvragen.portaal), the rest fixed
        with django_assert_max_num_queries(10):
            assert inwoner.get(url("aanvraag", aanvraag)).status_code == 200


# --- withdraw ------------------------------------------------------------------------------


def test_intrekken_vraagt_bevestiging(inwoner, aanvraag):
    assert inwoner.get(url("intrekken", aanvraag)).status_code == 200
    response = inwoner.post(url("intrekken", aanvraag), {})
    assert response.status_code == 200
    assert "Vink het vakje aan" in response.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.AANGEMELD


def test_intrekken(inwoner, aanvraag):
    response = inwoner.post(url("intrekken", aanvraag), {"bevestig": "on"})
    assert response["Location"] == url("aanvraag", aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGETROKKEN
    assert aanvraag.afgesloten_op is not None
    gebeurtenis = Gebeurtenis.objects.get(dossier_id=aanvraag.pk, actie="intrekken")
    assert gebeurtenis.actor == aanvraag.aanvrager
    html = inwoner.get(url("aanvraag", aanvraag)).content.decode()
    assert "U heeft uw aanvraag ingetrokken." in html
    assert url("intrekken", aanvraag) not in html
    # twice: no error, nothing changes
    response = inwoner.post(url("intrekken", aanvraag), {"bevestig": "on"})
    assert response.status_code == 302
    assert Gebeurtenis.objects.filter(actie="intrekken").count() == 1


# --- contact details ---------------------------------------------------------------------------


def test_contactgegevens_wijzigen(inwoner, aanvraag, mailbox):
    """The phone number changes at once; the e-mail address only after the new address
    confirms it (more in test_emailwijziging.py)."""
    oud = aanvraag.email
    assert inwoner.get(url("contactgegevens")).status_code == 200
    with na_commit():
        response = inwoner.post(url("contactgegevens"),
                                {"email": "Nieuw@Voorbeeld.nl", "telefoon": "06 11122233"})
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    aanvraag.aanvrager.refresh_from_db()
    assert (aanvraag.email, aanvraag.telefoon) == (oud, "0611122233")
    assert aanvraag.aanvrager.email == oud
    assert sorted(m.to[0] for m in mailbox) == sorted([oud, "nieuw@voorbeeld.nl"])
    pagina = inwoner.get(url("contactgegevens")).content.decode()
    assert "nieuw@voorbeeld.nl" in pagina and "pas als u de link gebruikt" in pagina


def test_contactgegevens_ongeldig(inwoner):
    response = inwoner.post(url("contactgegevens"), {"email": "x", "telefoon": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "geldig e-mailadres" in html and "10 cijfers" in html


# --- AVG inzage ----------------------------------------------------------------------------------


def test_alles_downloaden(inwoner, aanvraag, medewerkers, django_assert_max_num_queries):
    registreer_inzage(gebruiker=medewerkers["beoordelaar"], handeling="bekeken",
                      onderdeel="aanvraag", dossier_id=aanvraag.pk)
    voeg_document_toe(aanvraag=aanvraag, soort="diploma", bestand=upload("d.pdf", PDF),
                      mime="application/pdf", actor=aanvraag.aanvrager)
    # 12 of this stage plus one per part of the later stages (aanvragen.inzage); constant in
    # the size of the dossier (tests/test_avg_inzage.py)
    with django_assert_max_num_queries(25):
        response = inwoner.get(url("mijn-gegevens"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    gegevens = json.loads(b"".join(response.streaming_content) if response.streaming
                          else response.content)
    assert gegevens["account"]["e-mailadres"] == aanvraag.email
    assert gegevens["aanvragen"][0]["referentie"] == aanvraag.referentie
    assert gegevens["aanvragen"][0]["geboortedatum"] == "1985-06-01"
    assert gegevens["documenten"][0]["bestandsnaam"] == "d.pdf"
    assert gegevens["inzage_door_medewerkers"][0]["handeling"] == "bekeken"
    assert gegevens["inloglinks"]


def test_download_bevat_niets_van_een_ander(inwoner, aanvraag):
    AanvraagFactory(voornaam="Geheim", achternaam="Anderman")
    assert b"Anderman" not in inwoner.get(url("mijn-gegevens")).content


# --- documents ------------------------------------------------------------------------------


@pytest.mark.parametrize("naam,inhoud,mime", [
    ("offerte.pdf", PDF, "application/pdf"), ("foto.JPG", JPG, "image/jpeg"),
    ("scan.png", PNG, "image/png"), ("zonder-extensie", PDF, "application/pdf"),
])
def test_document_uploaden(inwoner, aanvraag, naam, inhoud, mime, settings):
    response = inwoner.post(url("documenten", aanvraag),
                            {"soort": "offerte", "bestand": upload(naam, inhoud)})
    assert response.status_code == 302, response.content.decode()
    document = Document.objects.get()
    assert (document.mime, document.originele_naam, document.grootte) == (mime, naam, len(inhoud))
    # private storage, the resident's file name is not in the path
    assert document.bestand.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert naam not in document.bestand.name
    download = inwoner.get(reverse("aanvragen:document", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == inhoud
    assert download["Content-Type"] == mime
    assert "attachment" in download["Content-Disposition"]
    assert Gebeurtenis.objects.filter(actie="document_toegevoegd").get().tekst_inwoner


@pytest.mark.parametrize("naam,inhoud", [
    ("offerte.pdf", HTML), ("foto.jpg", EXE), ("scan.png", ZIP), ("diploma.pdf", b"gewoon tekst"),
])
def test_vermomd_bestand_geweigerd(inwoner, aanvraag, naam, inhoud):
    response = inwoner.post(url("documenten", aanvraag),
                            {"soort": "diploma", "bestand": upload(naam, inhoud)})
    assert response.status_code == 200
    assert "geen PDF, JPG of PNG" in response.content.decode()
    assert not Document.objects.exists()


def test_te_groot_bestand(inwoner, aanvraag, settings):
    settings.TFVV_MAX_UPLOAD_BYTES = 1024
    response = inwoner.post(url("documenten", aanvraag),
                            {"soort": "diploma", "bestand": upload("g.pdf", PDF + b"0" * 2000)})
    assert "te groot" in response.content.decode()
    assert not Document.objects.exists()


def test_leeg_of_geen_bestand(inwoner, aanvraag):
    response = inwoner.post(url("documenten", aanvraag), {"soort": "diploma"})
    assert "Kies een bestand" in response.content.decode()
    response = inwoner.post(url("documenten", aanvraag),
                            {"soort": "", "bestand": upload("leeg.pdf", b"")})
    html = response.content.decode()
    assert "leeg" in html and "Kies wat voor document" in html


def test_geen_documenten_na_afsluiten(inwoner, aanvraag):
    aanvraag.status = Aanvraag.Status.INGETROKKEN
    aanvraag.save()
    response = inwoner.post(url("documenten", aanvraag),
                            {"soort": "diploma", "bestand": upload("d.pdf", PDF)})
    assert response.status_code == 409
    assert not Document.objects.exists()


def test_documenten_van_selector(aanvraag):
    from aanvragen.selectors import documenten_van

    for naam in ("a.pdf", "b.pdf"):
        voeg_document_toe(aanvraag=aanvraag, soort="diploma", bestand=upload(naam, PDF),
                          mime="application/pdf", actor=aanvraag.aanvrager)
    assert [d.originele_naam for d in documenten_van(aanvraag)] == ["a.pdf", "b.pdf"]


def test_taken_van_latere_stappen_staan_bovenaan_eerste_termijn_eerst(inwoner, aanvraag):
    def aanbieder(a):
        assert a == aanvraag
        return [portaal.Taak("Zonder termijn", "Lees dit.", "/b/", "Lezen"),
                portaal.Taak("Met termijn", "Doe dit.", "/a/", "Doen",
                             uiterlijk=datetime.date(2026, 12, 18))]

    portaal.registreer("test.taken", aanbieder)
    try:
        html = inwoner.get(url("aanvraag", aanvraag)).content.decode()
    finally:
        portaal._aanbieders.pop("test.taken")
    assert "Wat vragen wij van u?" in html and "uiterlijk 18 december 2026" in html
    volgorde = [html.index(t) for t in ("Met termijn", "Zonder termijn", "Wat is er gebeurd?")]
    assert volgorde == sorted(volgorde)
