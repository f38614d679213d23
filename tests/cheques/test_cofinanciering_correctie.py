"""A recorded co-financing realisation is corrected with four eyes: one financieel medewerker
asks with a reason, evidence and a fresh code; it holds only once a colleague approved it with
a code of their own. Until then the recorded figures hold; a refused correction changes
nothing; every step is in the case's history and the auditor's export."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cheques import cofinanciering, services
from cheques.models import Cofinancieringscorrectie
from tests.cheques.financien import ken_toe, pdf
from tests.cheques.test_cofinanciering import VANDAAG, B, realiseer, regel
from tests.conftest import huidige_code
from tfvv import vierogen
from tfvv.models import Gebeurtenis, Goedkeuringsverzoek, Inzage

pytestmark = pytest.mark.django_db
D = Decimal


def corrigeer(realisatie, door, bedrag="1200.00", aan=B.OPLEIDER, reden="Bankafschrift "
              "toont € 1.200", toelichting="Examen niet betaald", **kw):
    return services.vraag_correctie_aan(
        realisatie=realisatie, door=door, code=kw.pop("code", None) or huidige_code(
            door.totp_device), bedrag=D(bedrag), betaald_aan=aan,
        datum=kw.pop("datum", VANDAAG()), bewijs=kw.pop("bewijs", pdf()),
        toelichting=toelichting, reden=reden)


def stand(cheque, regel):
    return next(s for s in cofinanciering.regelstanden(cheque) if s.regel == regel)


def keur_goed(correctie, door):
    return vierogen.keur_goed(verzoek=correctie.verzoek, actor=door,
                              code=huidige_code(door.totp_device))


@pytest.fixture
def vastgelegd(periode, maak_plan, medewerkers):
    """A cheque whose co-financing line of € 1.500,00 was recorded as paid in full."""
    plan = maak_plan()
    r1 = regel(plan)
    cheque = ken_toe(plan, medewerkers["beoordelaar"])
    return cheque, r1, realiseer(cheque, r1, medewerkers["financieel"])


def test_correctie_geldt_pas_na_goedkeuring_van_een_collega(vastgelegd, medewerkers):
    cheque, r1, realisatie = vastgelegd
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    correctie = corrigeer(realisatie, fin)
    s = stand(cheque, r1)
    assert s.realisatie == realisatie and not s.gecorrigeerd and s.correctie_open == correctie
    assert cofinanciering.per_plan([r1.plan_id])[r1.plan_id].gerealiseerd == D("1500.00")
    assert Gebeurtenis.objects.filter(actie="cofinanciering_correctie_aangevraagd").count() == 1

    # the one who asked cannot approve it
    with pytest.raises(vierogen.VierOgenFout, match="Een collega moet"):
        keur_goed(correctie, fin)
    keur_goed(correctie, fin2)
    s = stand(cheque, r1)
    assert s.gecorrigeerd and s.realisatie == correctie and s.correctie_open is None
    assert s.gerealiseerd == D("1200.00") and s.tekort == D("300.00")
    assert cofinanciering.per_plan([r1.plan_id])[r1.plan_id].gerealiseerd == D("1200.00")
    assert cofinanciering.overzicht().totaal.gerealiseerd == D("1200.00")
    event = Gebeurtenis.objects.get(actie="cofinanciering_gecorrigeerd")
    assert event.actor == fin2 and event.reden == "Bankafschrift toont € 1.200"
    assert event.gegevens["was"]["bedrag"] == "1500.00"
    assert event.gegevens["wordt"]["bedrag"] == "1200.00"
    assert event.dossier_id == cheque.beschikking.plan.aanvraag_id

    # a later approved correction replaces the earlier one
    tweede = corrigeer(realisatie, fin2, bedrag="1300.00", reden="Tweede betaling gevonden")
    keur_goed(tweede, fin)
    assert stand(cheque, r1).realisatie == tweede
    assert Gebeurtenis.objects.filter(
        actie="cofinanciering_gecorrigeerd").last().gegevens["was"]["bedrag"] == "1200.00"


def test_afgewezen_correctie_verandert_niets(vastgelegd, medewerkers):
    cheque, r1, realisatie = vastgelegd
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    correctie = corrigeer(realisatie, fin)
    vierogen.wijs_af(verzoek=correctie.verzoek, actor=fin2,
                     code=huidige_code(fin2.totp_device), reden="Afschrift hoort bij een "
                     "andere cheque")
    s = stand(cheque, r1)
    assert s.realisatie == realisatie and s.correctie_open is None
    assert not Gebeurtenis.objects.filter(actie="cofinanciering_gecorrigeerd").exists()
    # after the decision a new correction may be asked
    assert corrigeer(realisatie, fin).verzoek.is_open


def test_een_open_correctie_tegelijk_en_rollen(vastgelegd, medewerkers):
    _, _, realisatie = vastgelegd
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    corrigeer(realisatie, fin)
    with pytest.raises(ValidationError, match="Er wacht al een correctie"):
        corrigeer(realisatie, fin2, bedrag="1000.00")
    for rol in ("beoordelaar", "beheerder", "controleur"):
        with pytest.raises(PermissionDenied):
            corrigeer(realisatie, medewerkers[rol])
    assert Cofinancieringscorrectie.objects.count() == 1


@pytest.mark.parametrize(("velden", "veld"), [
    ({"reden": "  "}, "reden"),
    ({"bedrag": "1500.00", "toelichting": "", "bewijs": None}, "bedrag"),  # nothing changes
    ({"bedrag": "1000.00", "bewijs": None}, "bewijs"),  # a new amount needs its evidence
    ({"bedrag": "0.00", "aan": B.OPLEIDER, "bewijs": None}, "betaald_aan"),
    ({"datum": VANDAAG() + datetime.timedelta(days=1)}, "datum"),
    ({"toelichting": ""}, "toelichting"),  # less than promised: say why
])
def test_foute_invoer_per_veld_en_niets_opgeslagen(vastgelegd, medewerkers, velden, veld):
    _, _, realisatie = vastgelegd
    with pytest.raises(ValidationError) as e:
        corrigeer(realisatie, medewerkers["financieel"], **velden)
    assert veld in e.value.error_dict
    assert not Cofinancieringscorrectie.objects.exists()
    assert not Goedkeuringsverzoek.objects.exists()


def test_foute_code_en_zelfde_bedrag_houdt_het_bewijs(vastgelegd, medewerkers):
    _, _, realisatie = vastgelegd
    fin = medewerkers["financieel"]
    with pytest.raises(vierogen.VierOgenFout, match="Deze code klopt niet"):
        corrigeer(realisatie, fin, code="000000")
    assert not Goedkeuringsverzoek.objects.exists()
    # another date, the same amount: the evidence of the recording carries over
    correctie = corrigeer(realisatie, fin, bedrag="1500.00", toelichting="",
                          datum=VANDAAG() - datetime.timedelta(days=3), bewijs=None)
    assert correctie.bewijs.name == realisatie.bewijs.name


def test_correctie_is_alleen_toevoegen_ook_in_de_database(vastgelegd, medewerkers):
    _, _, realisatie = vastgelegd
    correctie = corrigeer(realisatie, medewerkers["financieel"])
    with pytest.raises(PermissionError):
        correctie.save()
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError), transaction.atomic():
            Cofinancieringscorrectie.objects.filter(pk=correctie.pk).update(bedrag=D("1.00"))


def _url(cheque, realisatie):
    return reverse("cheques:cofinanciering-corrigeren",
                   kwargs={"nummer": cheque.nummer, "pk": realisatie.pk})


def test_scherm_aanvragen_en_goedkeuren(vastgelegd, medewerkers, client_als):
    cheque, _, realisatie = vastgelegd
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    c = client_als("financieel")
    overzicht = reverse("cheques:cofinanciering", kwargs={"nummer": cheque.nummer})
    assert _url(cheque, realisatie) in c.get(overzicht).content.decode()
    pagina = c.get(_url(cheque, realisatie)).content.decode()
    assert "Geldt nu" in pagina and "€ 1.500,00" in pagina and 'value="1.500,00"' in pagina

    data = {"bedrag": "1.200,00", "betaald_aan": "opleider",
            "datum": VANDAAG().strftime("%d-%m-%Y"), "toelichting": "Examen niet betaald",
            "reden": ""}
    antwoord = c.post(_url(cheque, realisatie), {**data, "code": "12345"})
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 400 and 'id="foutoverzicht"' in tekst
    assert "Schrijf op waarom de vastlegging niet klopt." in tekst
    assert "Vul de zes cijfers" in tekst and "Examen niet betaald" in tekst
    antwoord = c.post(_url(cheque, realisatie), {
        **data, "reden": "Afschrift", "code": huidige_code(fin.totp_device),
        "bewijs": SimpleUploadedFile("b.pdf", b"%PDF-1.4 x", "application/pdf")})
    assert antwoord.status_code == 302 and antwoord["Location"] == overzicht
    correctie = Cofinancieringscorrectie.objects.get()
    pagina = c.get(overzicht).content.decode()
    assert "wacht op goedkeuring" in pagina and "Afschrift" in pagina
    assert "Er wacht al een correctie" in c.get(_url(cheque, realisatie)).content.decode()

    # the colleague sees it under Goedkeuringen, with a link to the evidence, and approves
    c2 = client_als("financieel2")
    besluit = reverse("tfvv:goedkeuring", args=[correctie.verzoek.pk])
    assert besluit in c2.get(reverse("tfvv:goedkeuringen")).content.decode()
    assert overzicht in c2.get(besluit).content.decode()
    bewijs = reverse("cheques:cofinanciering-correctie-bewijs",
                     kwargs={"nummer": cheque.nummer, "pk": correctie.pk})
    download = c2.get(bewijs)
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(
        b"%PDF")
    assert Inzage.objects.filter(onderdeel="cofinanciering: bewijs van correctie",
                                 gebruiker=fin2).exists()
    antwoord = c2.post(besluit, {"besluit": "goedkeuren", "code": huidige_code(
        fin2.totp_device)})
    assert antwoord.status_code == 302
    pagina = c.get(overzicht).content.decode()
    assert "gecorrigeerd" in pagina and "€ 1.200,00" in pagina and bewijs in pagina


@pytest.mark.parametrize("rol", ["beoordelaar", "consulent_lwl", "adviesgroep", "beheerder",
                                 "controleur"])
def test_andere_rollen_geweigerd(vastgelegd, medewerkers, client_als, rol):
    cheque, _, realisatie = vastgelegd
    correctie = corrigeer(realisatie, medewerkers["financieel"])
    c = client_als(rol)
    assert c.get(_url(cheque, realisatie)).status_code == 403
    assert c.post(_url(cheque, realisatie), {"reden": "x"}).status_code == 403
    assert c.get(reverse("cheques:cofinanciering-correctie-bewijs", kwargs={
        "nummer": cheque.nummer, "pk": correctie.pk})).status_code == 403
    assert Cofinancieringscorrectie.objects.count() == 1


def test_andere_cheque_of_onbekend_id_is_404(vastgelegd, medewerkers, client_als, maak_plan):
    cheque, _, realisatie = vastgelegd
    correctie = corrigeer(realisatie, medewerkers["financieel"])
    ander = ken_toe(maak_plan(), medewerkers["beoordelaar"])
    c = client_als("financieel")
    assert c.get(_url(ander, realisatie)).status_code == 404
    assert c.get(reverse("cheques:cofinanciering-corrigeren", kwargs={
        "nummer": cheque.nummer, "pk": 999999})).status_code == 404
    assert c.get(reverse("cheques:cofinanciering-correctie-bewijs", kwargs={
        "nummer": ander.nummer, "pk": correctie.pk})).status_code == 404


def test_vast_aantal_queries_met_correcties(vastgelegd, medewerkers, maak_plan):
    from tests.cheques.test_cofinanciering import _dataset

    cheque, _, realisatie = vastgelegd
    keur_goed(corrigeer(realisatie, medewerkers["financieel"]), medewerkers["financieel2"])

    def tel():
        with CaptureQueriesContext(connection) as q:
            cofinanciering.overzicht()
            cofinanciering.regelstanden(cheque)
        return len(q)

    weinig = tel()
    _dataset(maak_plan, medewerkers, 4)
    assert tel() == weinig


@pytest.mark.parametrize("stand_correctie", ["geen", "open", "goedgekeurd", "afgewezen"])
def test_scherm_in_elke_stand_van_de_correctie(vastgelegd, medewerkers, client_als,
                                               stand_correctie):
    """The page and its POST answer in every state of the correction (never a 500): an
    open one is shown instead of the form and a new request is refused in Dutch."""
    cheque, _, realisatie = vastgelegd
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    if stand_correctie != "geen":
        correctie = corrigeer(realisatie, fin2)
        if stand_correctie == "goedgekeurd":
            keur_goed(correctie, fin)
        elif stand_correctie == "afgewezen":
            vierogen.wijs_af(verzoek=correctie.verzoek, actor=fin,
                             code=huidige_code(fin.totp_device), reden="Klopt niet")
    c = client_als("financieel")
    pagina = c.get(_url(cheque, realisatie))
    assert pagina.status_code == 200
    assert ("Er wacht al een correctie" in pagina.content.decode()) == (
        stand_correctie == "open")
    assert c.post(_url(cheque, realisatie), {}).status_code == 400
    antwoord = c.post(_url(cheque, realisatie), {
        "bedrag": "1.100,00", "betaald_aan": "fonds", "datum": VANDAAG().strftime("%d-%m-%Y"),
        "toelichting": "Deels", "reden": "Afschrift", "code": huidige_code(fin.totp_device),
        "bewijs": SimpleUploadedFile("b.pdf", b"%PDF-1.4 x", "application/pdf")})
    if stand_correctie == "open":
        assert antwoord.status_code == 400
        assert "Er wacht al een correctie" in antwoord.content.decode()
    else:
        assert antwoord.status_code == 302


def test_in_dossierexport_en_avg_inzage(vastgelegd, medewerkers, client_als):
    """The auditor's zip holds the evidence of every correction; the resident's AVG export
    lists the correction."""
    import json

    from tests.aanvragen.conftest import log_in_als_inwoner
    from tests.cheques.test_dossierexport import controleer_inhoud, export_url, lees_zip

    cheque, _, realisatie = vastgelegd
    correctie = corrigeer(realisatie, medewerkers["financieel"])
    keur_goed(correctie, medewerkers["financieel2"])
    aanvraag = cheque.beschikking.plan.aanvraag
    zf, _ = lees_zip(client_als("controleur").post(export_url(aanvraag.pk)))
    regels = {r["bestand"]: r for r in controleer_inhoud(zf)}
    naam = f"bewijs/{cheque.nummer}/cofinanciering-correctie-{correctie.pk}.pdf"
    assert "goedgekeurd" in regels[naam]["wat"]
    with correctie.bewijs.open("rb") as f:
        assert zf.read(naam) == f.read()
    export = json.loads(log_in_als_inwoner(aanvraag.aanvrager).get(
        reverse("aanvragen:mijn-gegevens")).content)
    assert export["cofinanciering_gecorrigeerd"][0]["reden van de correctie"] == (
        "Bankafschrift toont € 1.200")


def test_vaststelling_wacht_op_een_open_correctie(vastgelegd, medewerkers, client_als):
    """Decide on the figures that will hold: while a correction waits, the vaststelling is
    refused (service and screen); after the decision it goes ahead."""
    from tests.cheques.financien import declareer, rond_af, stel_vast

    cheque, _, realisatie = vastgelegd
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    declareer(cheque, fin)
    rond_af(cheque, fin)
    correctie = corrigeer(realisatie, fin)
    with pytest.raises(ValidationError, match="Er wacht een correctie van de cofinanciering"):
        stel_vast(cheque, fin, motivering="Diploma; de cofinanciering bleef achter.")
    pagina = client_als("financieel").get(reverse("cheques:cheque", kwargs={
        "nummer": cheque.nummer})).content.decode()
    assert "Er wacht een correctie van de cofinanciering op goedkeuring" in pagina
    keur_goed(correctie, fin2)
    besluit = stel_vast(cheque, fin, bedrag="1500.00",
                        motivering="Diploma; de cofinanciering bleef € 300 achter.")
    assert besluit.pk


def test_aanvrager_krijgt_een_melding_met_de_cheque(vastgelegd, medewerkers,
                                                    django_capture_on_commit_callbacks):
    from tfvv.models import Melding

    cheque, _, realisatie = vastgelegd
    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    with django_capture_on_commit_callbacks(execute=True):
        correctie = corrigeer(realisatie, fin)
    assert Melding.objects.get(ontvanger=fin2).link == reverse(
        "tfvv:goedkeuring", kwargs={"pk": correctie.verzoek.pk})
    with django_capture_on_commit_callbacks(execute=True):
        keur_goed(correctie, fin2)
    melding = Melding.objects.get(ontvanger=fin)
    assert melding.link == reverse("cheques:cofinanciering", kwargs={"nummer": cheque.nummer})
    assert "goedgekeurd: Correctie van gerealiseerde cofinanciering" in melding.tekst
