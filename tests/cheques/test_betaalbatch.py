"""Payment batches with four-eyes (issue 16 item 5) and the SEPA pain.001 file."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from cheques import betaalbestanden, services
from cheques.models import Betaalbatch, Betaling, Cheque
from tests.cheques.financien import declareer, ken_toe, rond_af, stel_vast
from tests.conftest import huidige_code
from tfvv.models import Gebeurtenis

pytestmark = pytest.mark.django_db
D = Decimal
VANDAAG = timezone.localdate
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


@pytest.fixture
def batch(periode, maak_plan, medewerkers):
    """Two voorschotten (declared by financieel) prepared by financieel."""
    fin = medewerkers["financieel"]
    for bedrag in ("1500.00", "1250.50"):
        declareer(ken_toe(maak_plan(), medewerkers["beoordelaar"]), fin, bedrag)
    return services.stel_betaalbatch_op(door=fin, betaaldatum=VANDAAG())


def test_opstellen_boekt_niets(batch):
    assert batch.regels.count() == 2
    assert not Betaling.objects.exists()
    assert set(Cheque.objects.values_list("status", flat=True)) == {Cheque.Status.GEDECLAREERD}
    # a cheque in a batch waiting for approval is not offered again
    assert services.betaalbatch.te_betalen() == []


def test_opsteller_mag_niet_goedkeuren(batch, medewerkers):
    fin = medewerkers["financieel"]
    with pytest.raises(ValidationError) as e:
        services.keur_betaalbatch_goed(batch=batch, door=fin,
                                       code=huidige_code(fin.totp_device))
    assert "zelf opgesteld" in str(e.value)
    assert not Betaling.objects.exists()


def test_database_weigert_zelfde_persoon(batch, medewerkers):
    with pytest.raises(IntegrityError), transaction.atomic():
        Betaalbatch.objects.filter(pk=batch.pk).update(goedgekeurd_door=batch.opgesteld_door)


def test_wie_declareerde_mag_betaling_niet_goedkeuren(periode, maak_plan, medewerkers,
                                                      maak_gebruiker):
    from tfvv.roles import Rol

    fin, fin2 = medewerkers["financieel"], medewerkers["financieel2"]
    cheque = ken_toe(maak_plan(), medewerkers["beoordelaar"])
    declareer(cheque, fin2)  # financieel2 registered the declaratie
    batch = services.stel_betaalbatch_op(door=fin, betaaldatum=VANDAAG())
    with pytest.raises(ValidationError) as e:
        services.keur_betaalbatch_goed(batch=batch, door=fin2,
                                       code=huidige_code(fin2.totp_device))
    assert "declaratie in deze batch geregistreerd of vastgesteld" in str(e.value)
    # and who settled (vastgesteld) it does not approve its payment either
    derde = maak_gebruiker(Rol.FINANCIEEL, username="financieel3")
    services.wijs_betaalbatch_af(batch=batch, door=fin, reden="Opnieuw na vaststelling.")
    rond_af(cheque, fin)
    stel_vast(cheque, derde, "1500.00")
    batch = services.stel_betaalbatch_op(door=fin, betaaldatum=VANDAAG())
    with pytest.raises(ValidationError):
        services.keur_betaalbatch_goed(batch=batch, door=derde,
                                       code=huidige_code(derde.totp_device))
    vierde = maak_gebruiker(Rol.FINANCIEEL, username="financieel4")
    services.keur_betaalbatch_goed(batch=batch, door=vierde,
                                   code=huidige_code(vierde.totp_device))
    cheque.refresh_from_db()
    assert cheque.status == Cheque.Status.BETAALD


def test_foute_of_verbruikte_code_geweigerd(batch, medewerkers):
    fin2 = medewerkers["financieel2"]
    with pytest.raises(ValidationError) as e:
        services.keur_betaalbatch_goed(batch=batch, door=fin2, code="000000")
    assert "code" in e.value.error_dict
    code = huidige_code(fin2.totp_device)
    fin2.totp_device.verify_token(code)  # the code was used already (e.g. to log in)
    with pytest.raises(ValidationError):
        services.keur_betaalbatch_goed(batch=batch, door=fin2, code=code)
    # a code of the preparer's device does not count for the approver
    with pytest.raises(ValidationError):
        services.keur_betaalbatch_goed(
            batch=batch, door=fin2, code=huidige_code(medewerkers["financieel"].totp_device))
    assert not Betaling.objects.exists()


def test_andere_rol_geweigerd(batch, medewerkers):
    b = medewerkers["beoordelaar"]
    with pytest.raises(PermissionDenied):
        services.keur_betaalbatch_goed(batch=batch, door=b, code=huidige_code(b.totp_device))


def test_goedkeuren_boekt_en_sepa_bestand(batch, medewerkers):
    fin2 = medewerkers["financieel2"]
    services.keur_betaalbatch_goed(batch=batch, door=fin2, code=huidige_code(fin2.totp_device))
    batch.refresh_from_db()
    assert batch.status == Betaalbatch.Status.GOEDGEKEURD and batch.goedgekeurd_door == fin2
    assert Betaling.objects.filter(batch=batch.nummer, soort="voorschot").count() == 2
    assert Gebeurtenis.objects.filter(actie="betaalbatch_goedkeuren").exists()
    with pytest.raises(ValidationError):  # once
        services.keur_betaalbatch_goed(batch=batch, door=fin2,
                                       code=huidige_code(fin2.totp_device))
    xml = betaalbestanden.sepa_xml(batch)  # sepaxml validates it against the XSD
    wortel = ET.fromstring(xml)  # noqa: S314 (our own file)
    assert wortel.find(".//p:GrpHdr/p:NbOfTxs", NS).text == "2"
    assert wortel.find(".//p:GrpHdr/p:CtrlSum", NS).text == "2750.50"
    assert wortel.find(".//p:Dbtr/p:Nm", NS).text == "Gemeente Enschede"
    assert wortel.find(".//p:DbtrAcct//p:IBAN", NS).text == "NL91ABNA0417164300"
    bedragen = sorted(e.text for e in wortel.findall(".//p:CdtTrfTxInf//p:InstdAmt", NS))
    assert bedragen == ["1250.50", "1500.00"]
    assert {e.text for e in wortel.findall(".//p:CdtrAcct//p:IBAN", NS)} == {
        "NL91ABNA0417164300"}
    assert wortel.find(".//p:ReqdExctnDt", NS).text == VANDAAG().isoformat()


def test_schermen_opstellen_en_goedkeuren(periode, maak_plan, medewerkers, client_als):
    declareer(ken_toe(maak_plan(), medewerkers["beoordelaar"]), medewerkers["financieel"])
    opsteller = client_als("financieel")
    html = opsteller.get(reverse("cheques:betaalbatches")).content.decode()
    assert "1 betaling, samen € 1.500,00." in html and "NL91ABNA0417164300" in html
    r = opsteller.post(reverse("cheques:betaalbatches"),
                       {"betaaldatum": "2099-01-01"})
    assert r.status_code == 400 and "De betaaldatum ligt in de toekomst." in r.content.decode()
    r = opsteller.post(reverse("cheques:betaalbatches"),
                       {"betaaldatum": VANDAAG().isoformat()})
    batch = Betaalbatch.objects.get()
    assert r.status_code == 302 and r["Location"].endswith(f"/{batch.nummer}/")
    pagina = opsteller.get(r["Location"]).content.decode()
    assert "Een andere financieel medewerker moet hem goedkeuren" in pagina
    goedkeuren = reverse("cheques:betaalbatch-goedkeuren", kwargs={"nummer": batch.nummer})
    r = opsteller.post(goedkeuren, {"code": huidige_code(medewerkers["financieel"].totp_device)})
    assert r.status_code == 400 and "zelf opgesteld" in r.content.decode()
    tweede = client_als("financieel2")
    r = tweede.post(goedkeuren, {"code": "12345"})
    assert r.status_code == 400 and "Vul de zes cijfers" in r.content.decode()
    r = tweede.post(goedkeuren, {"code": huidige_code(medewerkers["financieel2"].totp_device)})
    assert r.status_code == 302
    xml = tweede.get(reverse("cheques:betaalbatch-bestand",
                             kwargs={"nummer": batch.nummer, "formaat": "xml"}))
    assert xml.status_code == 200 and b"CstmrCdtTrfInitn" in xml.content


def test_foute_code_telt_mee_voor_de_vertraging(batch, medewerkers):
    """django-otp slows down guessing after failures; a rollback must not undo the count."""
    fin2 = medewerkers["financieel2"]
    with pytest.raises(ValidationError):
        services.keur_betaalbatch_goed(batch=batch, door=fin2, code="000000")
    fin2.totp_device.refresh_from_db()
    assert fin2.totp_device.throttling_failure_count == 1
