"""The dossier export for auditors (docs/controle.md): what the zip holds, the reproducible
sample, who may make it, the AVG access log, bad input and the query count."""

import csv
import datetime
import hashlib
import io
import zipfile

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cheques import exportzip
from cheques.models import Dossierexport
from cheques.services import dossierexport
from cheques.steekproef import Steekproef, sleutel
from tests.aanvragen.factories import AanvraagFactory
from tests.cheques.test_dossier import VERSLAG, vol_dossier
from tests.conftest import huidige_code, log_in_als_medewerker
from tfvv import gebruikersbeheer, vierogen
from tfvv.models import Gebeurtenis, Inzage
from tfvv.roles import Rol

pytestmark = pytest.mark.django_db

CONTROLE = reverse("cheques:controle")


def export_url(aanvraag_id: int) -> str:
    return reverse("cheques:dossier-export", kwargs={"aanvraag_id": aanvraag_id})


def lees_zip(response) -> zipfile.ZipFile:
    inhoud = b"".join(response.streaming_content)
    return zipfile.ZipFile(io.BytesIO(inhoud)), inhoud


def lees_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def controleer_inhoud(zf: zipfile.ZipFile, map_: str = "") -> list[dict]:
    """inhoud.csv names every other file of the folder, with its size and SHA-256."""
    regels = lees_csv(zf.read(map_ + "inhoud.csv"))
    namen = {n[len(map_):] for n in zf.namelist() if n.startswith(map_)} - {"inhoud.csv"}
    assert {r["bestand"] for r in regels} == namen
    for regel in regels:
        data = zf.read(map_ + regel["bestand"])
        assert regel["sha256"] == hashlib.sha256(data).hexdigest(), regel["bestand"]
        assert int(regel["bytes"]) == len(data)
        assert regel["wat"] and regel["datum"]
    return regels


def test_zip_van_een_dossier(client_als, medewerkers):
    plan = vol_dossier(medewerkers)
    aanvraag, cheque = plan.aanvraag, plan.beschikking.cheque
    response = client_als("controleur").post(export_url(aanvraag.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f"dossier-{aanvraag.referentie}.zip" in response["Content-Disposition"]
    zf, inhoud = lees_zip(response)
    regels = controleer_inhoud(zf)
    namen = {r["bestand"] for r in regels}
    document = aanvraag.documenten.get()
    regel_cofi = plan.cofinanciering.first()
    declaratie = cheque.declaraties.get()
    verwacht = {
        "dossier.pdf", "grootboek.csv", f"besluiten/beschikking-{plan.beschikking.pk}.pdf",
        f"cheque/{cheque.nummer}.pdf",
        f"bewijs/aanvraag/document-{document.pk}-offerte0.pdf",
        f"bewijs/plan-{plan.pk}/arbeidsmarktperspectief.pdf",
        f"bewijs/plan-{plan.pk}/cofinanciering-{regel_cofi.pk}.pdf",
        f"bewijs/{cheque.nummer}/declaratie-{declaratie.pk}.pdf",
    }
    assert verwacht <= namen, verwacht - namen
    # the generated PDFs are real PDFs; the evidence is the stored file, byte for byte
    for naam in ("dossier.pdf", f"besluiten/beschikking-{plan.beschikking.pk}.pdf",
                 f"cheque/{cheque.nummer}.pdf"):
        assert len(PdfReader(io.BytesIO(zf.read(naam))).pages) >= 1, naam
    tekst = "".join(p.extract_text() for p in PdfReader(io.BytesIO(zf.read("dossier.pdf"))).pages)
    assert aanvraag.referentie in tekst and "Subsidietoets" in tekst
    assert VERSLAG not in tekst  # the staff-only verslag is not for the auditor
    with document.bestand.open("rb") as f:
        assert zf.read(f"bewijs/aanvraag/document-{document.pk}-offerte0.pdf") == f.read()
    # the ledger of the cheque: the reservation and the voorschot, nothing else
    boekingen = lees_csv(zf.read("grootboek.csv"))
    assert {b["referentie"] for b in boekingen} == {cheque.nummer}
    assert {"reservering", "voorschot"} <= {b["soort"] for b in boekingen}
    # logged: the export, an AVG access line and an event on the dossier
    export = Dossierexport.objects.get()
    assert export.soort == "aanvraag" and export.aanvraag_ids == [aanvraag.pk]
    assert export.aangevraagd_door == medewerkers["controleur"]
    assert export.sha256 == hashlib.sha256(inhoud).hexdigest() and not export.bestand
    assert Inzage.objects.filter(gebruiker=medewerkers["controleur"], dossier_id=aanvraag.pk,
                                 betrokkene_id=aanvraag.aanvrager_id,
                                 handeling="geexporteerd").count() == 1
    assert Gebeurtenis.objects.filter(dossier_id=aanvraag.pk,
                                      actie="dossier_geexporteerd").count() == 1


def test_een_ontbrekend_bestand_staat_als_ontbrekend_in_de_inhoud(client_als, medewerkers):
    plan = vol_dossier(medewerkers, toekennen=False)
    document = plan.aanvraag.documenten.get()
    document.bestand.storage.delete(document.bestand.name)
    zf, _inhoud = lees_zip(client_als("financieel").post(export_url(plan.aanvraag_id)))
    regel = next(r for r in lees_csv(zf.read("inhoud.csv")) if r["bestand"].startswith(
        f"bewijs/aanvraag/document-{document.pk}"))
    assert regel["opmerking"] == "bestand ontbreekt in de opslag" and regel["sha256"] == ""
    assert regel["bestand"] not in zf.namelist()


def test_query_aantal_hangt_niet_af_van_het_aantal_documenten(medewerkers):
    klein = vol_dossier(medewerkers)
    groot = vol_dossier(medewerkers, extra=4)
    controleur = medewerkers["controleur"]
    exportzip.maak_zip(user=controleur, aanvragen=[klein.aanvraag])[0].close()  # warm caches
    aantallen = []
    for plan in (klein, groot):
        with CaptureQueriesContext(connection) as queries:
            bestand, _sha = exportzip.maak_zip(user=controleur, aanvragen=[plan.aanvraag])
        bestand.close()
        aantallen.append(len(queries))
    assert aantallen[0] == aantallen[1]


# --- the sample ------------------------------------------------------------------------


def aanvragen_in(maand: int, aantal: int, **velden) -> list:
    return [AanvraagFactory(aanvraagdatum=datetime.date(2025, maand, 1 + i % 27), **velden)
            for i in range(aantal)]


def test_steekproef_met_hetzelfde_zaad_is_dezelfde():
    binnen = aanvragen_in(3, 12)
    aanvragen_in(5, 3)  # outside the period
    steekproef = Steekproef(van=datetime.date(2025, 3, 1), tot=datetime.date(2025, 3, 31),
                            omvang=5, zaad=20261205)
    getrokken = steekproef.trek()
    assert getrokken == steekproef.trek() == Steekproef(**{**steekproef.__dict__}).trek()
    # the documented rule, recomputed independently: the 5 smallest SHA-256("zaad:id")
    verwacht = sorted((a.pk for a in binnen),
                      key=lambda pk: hashlib.sha256(f"20261205:{pk}".encode()).hexdigest())[:5]
    assert getrokken == verwacht
    anders = Steekproef(van=steekproef.van, tot=steekproef.tot, omvang=5, zaad=1).trek()
    assert set(anders) <= {a.pk for a in binnen} and anders != getrokken
    # more asked than there are: all of them
    assert len(Steekproef(van=steekproef.van, tot=steekproef.tot, omvang=50, zaad=1).trek()) == 12


def test_steekproef_filtert_op_status():
    aanvragen_in(3, 4, status="toegekend")
    afgewezen = aanvragen_in(3, 4, status="afgewezen")
    getrokken = Steekproef(van=datetime.date(2025, 3, 1), tot=datetime.date(2025, 3, 31),
                           omvang=10, zaad=3, status="afgewezen").trek()
    assert set(getrokken) == {a.pk for a in afgewezen}


def steekproefdata(**velden) -> dict:
    return {"van": "01-03-2025", "tot": "31-03-2025", "omvang": "2", "status": "",
            "zaad": "777", **velden}


def test_kleine_steekproef_meteen_als_zip_met_map_per_dossier(client_als, medewerkers):
    aanvragen_in(3, 5)
    c = client_als("controleur")
    eerste = c.post(CONTROLE, steekproefdata())
    assert eerste.status_code == 200 and "steekproef-777.zip" in eerste["Content-Disposition"]
    zf, _inhoud = lees_zip(eerste)
    selectie = lees_csv(zf.read("steekproef.csv"))
    assert len(selectie) == 2 and {r["zaad"] for r in selectie} == {"777"}
    for regel in selectie:
        assert regel["sleutel (sha256 van zaad:id)"] == sleutel(777, int(regel["aanvraag-id"]))
        controleer_inhoud(zf, regel["map"])
    # the same zaad again: the same dossiers
    tweede, _ = lees_zip(c.post(CONTROLE, steekproefdata()))
    assert [r["referentie"] for r in lees_csv(tweede.read("steekproef.csv"))] == \
        [r["referentie"] for r in selectie]
    export = Dossierexport.objects.filter(soort="steekproef").first()
    assert (export.zaad, export.omvang, export.van) == (777, 2, datetime.date(2025, 3, 1))
    assert Inzage.objects.filter(handeling="geexporteerd",
                                 gebruiker=medewerkers["controleur"]).count() == 4
    # the screen shows the earlier exports: who, when, what
    html = c.get(CONTROLE).content.decode()
    assert "Steekproef van 2 dossiers" in html and "zaad 777" in html
    assert medewerkers["controleur"].get_full_name() in html


def test_zonder_zaad_kiest_het_systeem_er_een_en_legt_het_vast(client_als):
    aanvragen_in(3, 2)
    response = client_als("financieel").post(CONTROLE, steekproefdata(zaad=""))
    zf, _ = lees_zip(response)
    zaad = Dossierexport.objects.get().zaad
    assert zaad is not None and f"steekproef-{zaad}.zip" in response["Content-Disposition"]
    assert {r["zaad"] for r in lees_csv(zf.read("steekproef.csv"))} == {str(zaad)}


def test_grote_steekproef_op_de_achtergrond_alleen_voor_de_aanvrager(
        client_als, medewerkers, monkeypatch):
    monkeypatch.setattr(dossierexport, "SYNCHROON_TOT", 1)
    aanvragen_in(3, 3)
    c = client_als("controleur")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = c.post(CONTROLE, steekproefdata(omvang="3"))
    assert response.status_code == 302
    export = Dossierexport.objects.get()
    assert export.status == "klaar" and export.bestand and export.verloopt_op
    assert Inzage.objects.filter(handeling="geexporteerd").count() == 3
    url = reverse("cheques:dossierexport-download", kwargs={"pk": export.pk})
    assert f'href="{url}"' in c.get(CONTROLE).content.decode()
    zf, inhoud = lees_zip(c.get(url))
    assert len(lees_csv(zf.read("steekproef.csv"))) == 3
    assert hashlib.sha256(inhoud).hexdigest() == export.sha256
    # another user with the role: as if it did not exist
    assert client_als("financieel").get(url).status_code == 404
    # after the download time: gone, and the beat task removes the file
    later = export.verloopt_op + datetime.timedelta(minutes=1)
    Dossierexport.objects.filter(pk=export.pk).update(
        verloopt_op=timezone.now() - datetime.timedelta(minutes=1))
    assert c.get(url).status_code == 404
    naam = export.bestand.name
    assert dossierexport.ruim_op(nu=later) == 1
    export.refresh_from_db()
    assert not export.bestand and not export.bestand.storage.exists(naam)
    assert "niet (meer) te downloaden" in c.get(CONTROLE).content.decode()


@pytest.mark.parametrize("data, veld, melding", [
    ({}, "van", "Dit veld is verplicht."),
    ({"van": "31-03-2025", "tot": "01-03-2025"}, "tot", "De einddatum ligt voor de begindatum."),
    ({"van": "31-02-2025"}, "van", "Vul een geldige datum in"),
    ({"omvang": "twee"}, "omvang", "Vul een geheel getal in."),
    ({"omvang": "0"}, "omvang", "Kies ten minste 1 dossier."),
    ({"omvang": "501"}, "omvang", "Kies ten hoogste 500 dossiers."),
    ({"zaad": "-1"}, "zaad", "Het zaad is 0 of groter."),
    ({"zaad": "1e5"}, "zaad", "Vul een geheel getal in."),
    ({"van": "01-01-2020", "tot": "31-01-2020"}, "van", "In deze periode zijn geen aanvragen"),
])
def test_foute_invoer_bij_het_veld_en_niets_gemaakt(client_als, data, veld, melding):
    aanvragen_in(3, 2)
    invoer = steekproefdata(**data) if data else {}
    response = client_als("controleur").post(CONTROLE, invoer)
    assert response.status_code == 400
    html = response.content.decode()
    assert melding in html and "Er ging iets mis" in html
    assert f'id="id_{veld}"' in html
    for waarde in data.values():
        assert f'value="{waarde}"' in html  # the input is kept
    assert not Dossierexport.objects.exists() and not Inzage.objects.exists()


def test_kenmerk_opent_het_dossier(client_als):
    aanvraag = AanvraagFactory()
    c = client_als("controleur")
    response = c.get(CONTROLE, {"kenmerk": f" {aanvraag.referentie.lower()} "})
    assert response.status_code == 302
    assert response["Location"] == reverse("cheques:dossier",
                                           kwargs={"aanvraag_id": aanvraag.pk})
    onbekend = c.get(CONTROLE, {"kenmerk": "TF-1999-000001"})
    assert onbekend.status_code == 400
    assert "Er is geen aanvraag met dit kenmerk." in onbekend.content.decode()


# --- who ---------------------------------------------------------------------------------


@pytest.mark.parametrize("rol", ["consulent_lwl", "consulent_manager", "beoordelaar",
                                 "adviesgroep", "beheerder"])
def test_andere_medewerkers_geweigerd_zonder_log(client_als, medewerkers, rol):
    aanvraag = AanvraagFactory()
    c = client_als(rol)
    assert c.post(export_url(aanvraag.pk)).status_code == 403
    assert c.get(CONTROLE).status_code == 403
    assert c.post(CONTROLE, steekproefdata()).status_code == 403
    assert not Inzage.objects.exists() and not Dossierexport.objects.exists()


def test_inwoner_en_opleider_geweigerd(medewerkers):
    from tests.aanvragen.conftest import log_in_als_inwoner
    from tests.cheques.factories import OpleiderFactory
    from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker

    aanvraag = AanvraagFactory()
    inwoner = log_in_als_inwoner(aanvraag.aanvrager)  # even the resident's own dossier
    opleider = log_in_als_opleider(maak_opleidergebruiker(OpleiderFactory(),
                                                          medewerkers["beheerder"]))
    for c in (inwoner, opleider):
        assert c.post(export_url(aanvraag.pk)).status_code == 403
        assert c.get(CONTROLE).status_code == 403
    assert not Inzage.objects.exists()


def test_geraden_id_404_zonder_inzage(client_als):
    AanvraagFactory()
    c = client_als("controleur")
    for pk in (999_999, 2_000_000_000):
        assert c.post(export_url(pk)).status_code == 404
    assert c.get(reverse("cheques:dossierexport-download", kwargs={"pk": 999_999})
                 ).status_code == 404
    assert not Inzage.objects.exists() and not Dossierexport.objects.exists()


def test_controleur_leest_het_dossier_zonder_links_naar_werkpaginas(client_als, medewerkers):
    plan = vol_dossier(medewerkers)
    c = client_als("controleur")
    html = c.get(reverse("cheques:dossier", kwargs={"aanvraag_id": plan.aanvraag_id})
                 ).content.decode()
    assert plan.beschikking.cheque.nummer in html and VERSLAG not in html
    assert export_url(plan.aanvraag_id) in html  # the export button
    for verboden in (reverse("cheques:cheque", kwargs={"nummer": plan.beschikking.cheque.nummer}),
                     reverse("cheques:beschikking-pdf", kwargs={"pk": plan.beschikking.pk}),
                     reverse("aanvragen:document",
                             kwargs={"pk": plan.aanvraag.documenten.get().pk})):
        assert verboden not in html
    # the beoordelaar keeps the links and gets no export button
    html = client_als("beoordelaar").get(
        reverse("cheques:dossier", kwargs={"aanvraag_id": plan.aanvraag_id})).content.decode()
    assert export_url(plan.aanvraag_id) not in html
    assert reverse("cheques:beschikking-pdf", kwargs={"pk": plan.beschikking.pk}) in html


def test_rol_controleur_via_vier_ogen_en_eigen_startpagina(client, medewerkers, maak_gebruiker):
    beheerder, tweede = medewerkers["beheerder"], maak_gebruiker(Rol.BEHEERDER, "projectbureau")
    accountant = maak_gebruiker(Rol.ADVIESGROEP, "gemeente_enschede")
    verzoek = gebruikersbeheer.vraag_rollen_aan(
        actor=beheerder, code=huidige_code(beheerder.totp_device), gebruiker=accountant,
        rollen=[Rol.CONTROLEUR])
    assert not accountant.heeft_rol(Rol.CONTROLEUR)  # not before the second pair of eyes
    vierogen.keur_goed(verzoek=verzoek, actor=tweede, code=huidige_code(tweede.totp_device))
    apparaat = accountant.totp_device
    accountant = type(accountant).objects.get(pk=accountant.pk)  # `rollen` is cached
    accountant.totp_device = apparaat
    assert set(accountant.rollen) == {Rol.CONTROLEUR}
    c = log_in_als_medewerker(client, accountant)
    assert c.get(reverse("tfvv:start"))["Location"] == CONTROLE
    html = c.get(CONTROLE).content.decode()
    assert f'href="{CONTROLE}"' in html  # in the menu


def test_achtergrondexport_eenmaal_en_mislukt_zonder_rol(medewerkers):
    aanvragen = aanvragen_in(3, 2)
    steekproef = Steekproef(van=datetime.date(2025, 3, 1), tot=datetime.date(2025, 3, 31),
                            omvang=2, zaad=5)
    controleur = medewerkers["controleur"]
    export = dossierexport.vraag_steekproef_aan(door=controleur, steekproef=steekproef,
                                                aanvraag_ids=[a.pk for a in aanvragen])
    eerste = dossierexport.maak_export(export_id=export.pk)
    assert eerste.status == "klaar"
    assert dossierexport.maak_export(export_id=export.pk).bestand.name == eerste.bestand.name
    assert Inzage.objects.count() == 2  # once per aanvraag, not per delivery of the task
    # the role was taken away between the request and the build: nothing is made or logged
    tweede = dossierexport.vraag_steekproef_aan(door=controleur, steekproef=steekproef,
                                                aanvraag_ids=[a.pk for a in aanvragen])
    controleur.groups.clear()
    mislukt = dossierexport.maak_export(export_id=tweede.pk)
    assert mislukt.status == "mislukt" and not mislukt.bestand
    assert Inzage.objects.count() == 2


def test_declaratie_uit_het_opleidersportaal_zit_in_de_zip(client_als, medewerkers):
    """The invoice and proof the opleider submitted in its portal are evidence too."""
    from django.core.files.base import ContentFile

    from cheques.models import Declaratieindiening

    plan = vol_dossier(medewerkers)
    cheque = plan.beschikking.cheque
    indiening = Declaratieindiening.objects.create(
        cheque=cheque, opleider=cheque.opleider, ingediend_door=medewerkers["financieel"],
        bewijssoort=Declaratieindiening.Bewijssoort.DIPLOMA,
        bewijs=ContentFile(b"%PDF-1.4 diploma", name="diploma.pdf"))
    response = client_als("controleur").post(export_url(plan.aanvraag_id))
    zf, _ = lees_zip(response)
    regels = {r["bestand"]: r for r in controleer_inhoud(zf)}
    naam = f"bewijs/{cheque.nummer}/opleiderdeclaratie-{indiening.pk}-bewijs.pdf"
    assert zf.read(naam) == b"%PDF-1.4 diploma"
    assert "diploma" in regels[naam]["wat"]
