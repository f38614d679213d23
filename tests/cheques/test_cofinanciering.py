"""Co-financing realised at the vaststelling: finance records per line what was paid, to
whom, against evidence; the vaststelling waits for every non-zero line and a shortfall must
be named in its motivering; the overview per bron and werkgever with its export."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cheques import cofinanciering, services
from cheques.models import Cheque, Cofinancieringsrealisatie
from loopbaangesprekken.models import Cofinancieringsregel
from tests.cheques.financien import declareer, ken_toe, pdf, rond_af, stel_vast
from tests.loopbaangesprekken.factories_scholingsplan import WerkgeverFactory, bevestiging
from tfvv.models import Gebeurtenis, Inzage

pytestmark = pytest.mark.django_db
D = Decimal
B = Cofinancieringsrealisatie.BetaaldAan
VANDAAG = timezone.localdate


def regel(plan, bedrag="1500.00", bron="werkgever", werkgever=None, bevestigd=True):
    werkgever = werkgever or (WerkgeverFactory() if bron == "werkgever" else None)
    return Cofinancieringsregel.objects.create(
        plan=plan, bron=bron, werkgever=werkgever,
        partij=werkgever.naam if werkgever else "UWV Twente", bedrag=D(bedrag),
        status="toegezegd", **(bevestiging(D(bedrag)) if bevestigd else {}))


def realiseer(cheque, r, door, bedrag="1500.00", aan=B.OPLEIDER, toelichting="", **kw):
    return services.leg_realisatie_vast(
        cheque=cheque, regel_id=r.pk, door=door, bedrag=D(bedrag), betaald_aan=aan,
        datum=kw.pop("datum", VANDAAG()), bewijs=kw.pop("bewijs", pdf() if D(bedrag) else None),
        toelichting=toelichting, **kw)


@pytest.fixture
def klaar(periode, maak_plan, medewerkers):
    """A cheque with a declaratie and completion, whose plan has two co-financing lines."""
    plan = maak_plan()
    r1, r2 = regel(plan), regel(plan, "500.00", bron="uwv", bevestigd=False)
    cheque = ken_toe(plan, medewerkers["beoordelaar"])
    declareer(cheque, medewerkers["financieel"])
    rond_af(cheque, medewerkers["financieel"])
    return cheque, r1, r2


def test_vaststelling_wacht_op_elke_regel_met_bedrag(klaar, medewerkers):
    cheque, r1, r2 = klaar
    fin = medewerkers["financieel"]
    with pytest.raises(ValidationError) as e:
        stel_vast(cheque, fin)
    assert "Leg eerst vast wat er van de cofinanciering is betaald" in str(e.value)
    realiseer(cheque, r1, fin)
    with pytest.raises(ValidationError):
        stel_vast(cheque, fin)
    realiseer(cheque, r2, fin, "500.00", aan=B.FONDS)
    stel_vast(cheque, fin)
    cheque.refresh_from_db()
    assert cheque.status in (Cheque.Status.VASTGESTELD, Cheque.Status.BETAALD)


def test_regel_van_nul_hoeft_niet_en_zonder_regels_niets_extra(periode, maak_plan, medewerkers):
    plan = maak_plan()
    regel(plan, "0.00")
    cheque = ken_toe(plan, medewerkers["beoordelaar"])
    declareer(cheque, medewerkers["financieel"])
    rond_af(cheque, medewerkers["financieel"])
    stel_vast(cheque, medewerkers["financieel"])


def test_tekort_moet_in_de_motivering(klaar, medewerkers):
    cheque, r1, r2 = klaar
    fin = medewerkers["financieel"]
    realiseer(cheque, r1, fin, "1000.00", toelichting="Examen niet betaald.")
    realiseer(cheque, r2, fin, "0.00", aan=B.NIET, toelichting="UWV betaalde niet.")
    standen = cofinanciering.regelstanden(cheque)
    assert cofinanciering.tekort(standen) == D("1000.00")
    with pytest.raises(ValidationError) as e:
        stel_vast(cheque, fin, motivering="Diploma behaald.")
    assert "€ 1.000,00 minder cofinanciering" in str(e.value)
    stel_vast(cheque, fin, motivering="Diploma behaald; de cofinanciering bleef € 1.000 achter.")
    besluit_event = Gebeurtenis.objects.filter(actie="cofinanciering_gerealiseerd")
    assert besluit_event.count() == 2
    assert besluit_event.first().gegevens["verschil"] in ("-500.00", "-500")


@pytest.mark.parametrize(("bedrag", "aan", "bewijs", "toelichting", "datum", "veld"), [
    ("-1.00", B.OPLEIDER, True, "", 0, "bedrag"),
    ("1500.00", B.NIET, True, "", 0, "betaald_aan"),
    ("0.00", B.FONDS, False, "x", 0, "betaald_aan"),
    ("1500.00", B.OPLEIDER, False, "", 0, "bewijs"),
    ("1500.00", B.OPLEIDER, True, "", 1, "datum"),
    ("1400.00", B.OPLEIDER, True, " ", 0, "toelichting"),
])
def test_foute_invoer_per_veld_en_niets_opgeslagen(klaar, medewerkers, bedrag, aan, bewijs,
                                                  toelichting, datum, veld):
    cheque, r1, _ = klaar
    with pytest.raises(ValidationError) as e:
        services.leg_realisatie_vast(
            cheque=cheque, regel_id=r1.pk, door=medewerkers["financieel"], bedrag=D(bedrag),
            betaald_aan=aan, datum=VANDAAG() + datetime.timedelta(days=datum),
            bewijs=pdf() if bewijs else None, toelichting=toelichting)
    assert veld in e.value.error_dict
    assert not Cofinancieringsrealisatie.objects.exists()


def test_weigeringen_rol_regel_dubbel_en_status(klaar, medewerkers, maak_plan):
    cheque, r1, _ = klaar
    fin = medewerkers["financieel"]
    with pytest.raises(PermissionDenied):
        realiseer(cheque, r1, medewerkers["beoordelaar"])
    vreemd = regel(maak_plan())
    with pytest.raises(ValidationError, match="hoort niet bij deze cheque"):
        realiseer(cheque, vreemd, fin)
    realisatie = realiseer(cheque, r1, fin)
    with pytest.raises(ValidationError, match="al vastgelegd"):
        realiseer(cheque, r1, fin)
    with pytest.raises(PermissionError):  # append-only
        realisatie.save()
    with pytest.raises(PermissionError):
        realisatie.delete()
    # the database refuses too, also on the ORM's bulk paths that skip the model
    for poging in (lambda qs: qs.update(toelichting="achteraf"), lambda qs: qs._raw_delete(
            qs.db)):
        with pytest.raises(IntegrityError), transaction.atomic():
            poging(Cofinancieringsrealisatie.objects.filter(pk=realisatie.pk))
    Cheque.objects.filter(pk=cheque.pk).update(status=Cheque.Status.INGETROKKEN)
    with pytest.raises(ValidationError, match="geen cofinanciering"):
        realiseer(cheque, klaar[2], fin, "500.00")


def _post(client, cheque, r, **velden):
    data = {"regel": r.pk, "bedrag": "1.500,00", "betaald_aan": "opleider",
            "datum": VANDAAG().strftime("%d-%m-%Y"), "toelichting": "",
            "bewijs": SimpleUploadedFile("bewijs.pdf", b"%PDF-1.4 x", "application/pdf")}
    data.update(velden)
    return client.post(reverse("cheques:cofinanciering", kwargs={"nummer": cheque.nummer}),
                       {k: v for k, v in data.items() if v is not None})


def test_scherm_vastleggen_en_foutmeldingen(klaar, client_als):
    cheque, r1, r2 = klaar
    c = client_als("financieel")
    url = reverse("cheques:cofinanciering", kwargs={"nummer": cheque.nummer})
    pagina = c.get(url).content.decode()
    assert "Realisatie vastleggen" in pagina and "UWV Twente" in pagina
    # a text file as evidence: refused at the field, input kept, nothing saved
    antwoord = _post(c, cheque, r1, bedrag="1.400,00", toelichting="Deels betaald",
                     bewijs=SimpleUploadedFile("x.pdf", b"geen pdf", "application/pdf"))
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Upload een PDF-bestand." in tekst and "Deels betaald" in tekst
    assert not Cofinancieringsrealisatie.objects.exists()
    # bad amount, and a tampered line id
    assert "Vul een bedrag in euro" in _post(c, cheque, r1, bedrag="veel").content.decode()
    assert "hoort niet bij deze cheque" in _post(c, cheque, r1, regel="abc").content.decode()
    assert _post(c, cheque, r1).status_code == 302
    assert _post(c, cheque, r2, bedrag="0", betaald_aan="niet", bewijs=None,
                 toelichting="Niet betaald").status_code == 302
    assert Cofinancieringsrealisatie.objects.count() == 2
    # the vaststelling screen shows the shortfall
    pagina = c.get(reverse("cheques:cheque", kwargs={"nummer": cheque.nummer})).content.decode()
    assert "€ 500,00 minder cofinanciering" in pagina
    antwoord = c.post(reverse("cheques:vaststellen", kwargs={"nummer": cheque.nummer}),
                      {"bedrag": "1500,00", "motivering": "Diploma."})
    assert antwoord.status_code == 400 and "met het woord" in antwoord.content.decode()


def test_vaststelscherm_weigert_zolang_regels_open_zijn(klaar, client_als):
    cheque, _, _ = klaar
    c = client_als("financieel")
    pagina = c.get(reverse("cheques:cheque", kwargs={"nummer": cheque.nummer})).content.decode()
    assert "Leg eerst de realisatie van de cofinanciering vast" in pagina
    antwoord = c.post(reverse("cheques:vaststellen", kwargs={"nummer": cheque.nummer}),
                      {"bedrag": "1500,00", "motivering": "Diploma."})
    assert antwoord.status_code == 400
    assert "Leg eerst vast wat er van de cofinanciering is betaald" in antwoord.content.decode()


def test_bewijs_downloaden_van_de_eigen_cheque(klaar, medewerkers, client_als, maak_plan):
    """Finance opens the evidence from the cheque's page (logged as inzage); the id under
    another cheque's number, and a realisation without evidence, are 404."""
    cheque, r1, r2 = klaar
    fin = medewerkers["financieel"]
    met = realiseer(cheque, r1, fin)
    zonder = realiseer(cheque, r2, fin, bedrag="0", aan=B.NIET, toelichting="Niet betaald")
    c = client_als("financieel")
    pagina = c.get(reverse("cheques:cofinanciering", kwargs={"nummer": cheque.nummer}))
    url = reverse("cheques:cofinanciering-bewijs", kwargs={"nummer": cheque.nummer,
                                                           "pk": met.pk})
    assert url in pagina.content.decode()
    antwoord = c.get(url)
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    assert b"".join(antwoord.streaming_content).startswith(b"%PDF")
    inzage = Inzage.objects.get(onderdeel="cofinanciering: bewijs van realisatie")
    assert (inzage.gebruiker.username, inzage.handeling, inzage.dossier_id) == (
        fin.username, "gedownload", cheque.beschikking.plan.aanvraag_id)
    ander = ken_toe(maak_plan(), medewerkers["beoordelaar"])
    for nummer, pk in ((ander.nummer, met.pk), (cheque.nummer, zonder.pk),
                       (cheque.nummer, 999999)):
        assert c.get(reverse("cheques:cofinanciering-bewijs",
                             kwargs={"nummer": nummer, "pk": pk})).status_code == 404


@pytest.mark.parametrize("rol", ["beoordelaar", "consulent_lwl", "adviesgroep", "beheerder",
                                 "controleur"])
def test_bewijs_andere_rollen_geweigerd(klaar, client_als, rol, medewerkers):
    cheque, r1, _ = klaar
    realisatie = realiseer(cheque, r1, medewerkers["financieel"])
    assert client_als(rol).get(reverse("cheques:cofinanciering-bewijs", kwargs={
        "nummer": cheque.nummer, "pk": realisatie.pk})).status_code == 403
    assert not Inzage.objects.exists()


@pytest.mark.parametrize("rol", ["beoordelaar", "consulent_lwl", "adviesgroep", "beheerder"])
def test_andere_rollen_geweigerd(klaar, client_als, rol):
    cheque, r1, _ = klaar
    c = client_als(rol)
    for url in (reverse("cheques:cofinanciering", kwargs={"nummer": cheque.nummer}),
                reverse("cheques:cofinanciering-overzicht"),
                reverse("cheques:cofinanciering-export",
                        kwargs={"tabel": "per-bron", "formaat": "csv"})):
        assert c.get(url).status_code == 403
    assert _post(c, cheque, r1).status_code == 403
    assert not Cofinancieringsrealisatie.objects.exists()


def _dataset(maak_plan, medewerkers, n):
    fin = medewerkers["financieel"]
    partner = WerkgeverFactory(naam="Aa Techniek")
    for i in range(n):
        plan = maak_plan()
        r1 = regel(plan, "1000.00", werkgever=partner)
        r2 = regel(plan, "300.00", bron="oo_fonds", bevestigd=False)
        Cofinancieringsregel.objects.create(plan=plan, bron="werkgever", partij="Los BV",
                                            bedrag=D("200.00"), status="toegezegd")
        cheque = ken_toe(plan, medewerkers["beoordelaar"])
        realiseer(cheque, r1, fin, "900.00", toelichting="Minder")
        if i % 2:
            realiseer(cheque, r2, fin, "300.00", aan=B.FONDS)


def test_overzicht_per_bron_en_werkgever_en_export(periode, maak_plan, medewerkers, client_als):
    _dataset(maak_plan, medewerkers, 2)
    o = cofinanciering.overzicht()
    per_bron = {t.naam: t for t in o.per_bron}
    assert per_bron["werkgever"].toegezegd == D("2400.00")
    assert per_bron["werkgever"].bevestigd == D("2000.00")  # "Los BV" has no confirmation
    assert per_bron["werkgever"].gerealiseerd == D("1800.00")
    assert per_bron["O&O-fonds"].gerealiseerd == D("300.00")
    assert per_bron["O&O-fonds"].open == 1
    werkgevers = {t.naam: t for t in o.per_werkgever}
    assert werkgevers["Aa Techniek"].verschil == D("-200.00")
    assert werkgevers["Werkgevers buiten het register"].toegezegd == D("400.00")
    assert o.totaal.toegezegd == D("3000.00") and o.totaal.gerealiseerd == D("2100.00")

    c = client_als("financieel")
    pagina = c.get(reverse("cheques:cofinanciering-overzicht")).content.decode()
    assert "Aa Techniek" in pagina and "€ 3.000,00" in pagina
    xlsx = c.get(reverse("cheques:cofinanciering-export",
                         kwargs={"tabel": "per-werkgever", "formaat": "xlsx"}))
    rijen = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rijen[0][0] == "Werkgever" and rijen[-1][0] == "Totaal"
    assert D(str(rijen[-1][2])) == D("3000.00")
    csv = c.get(reverse("cheques:cofinanciering-export",
                        kwargs={"tabel": "per-bron", "formaat": "csv"})).content.decode()
    assert "O&O-fonds" in csv
    for tabel, formaat in (("per-bron", "pdf"), ("iets", "csv")):
        assert c.get(reverse("cheques:cofinanciering-export",
                             kwargs={"tabel": tabel, "formaat": formaat})).status_code == 404


def test_overzicht_vast_aantal_queries(periode, maak_plan, medewerkers):
    def tel():
        with CaptureQueriesContext(connection) as q:
            cofinanciering.overzicht()
        return len(q)

    _dataset(maak_plan, medewerkers, 1)
    weinig = tel()
    _dataset(maak_plan, medewerkers, 4)
    assert tel() == weinig
