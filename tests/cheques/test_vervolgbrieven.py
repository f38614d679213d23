"""The letters of the money chain (vaststelling, intrekking, terugvordering), rendered by
the real Celery worker on the real Redis and read back from the PDF."""



import pytest
from django.utils import timezone

from cheques import services
from cheques.models import Afronding, Vervolgbesluit
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tests.cheques.financien import betaal, declareer, ken_toe, rond_af, stel_vast
from tests.cheques.test_documenten import tekst, wacht_tot
from tfvv.termijnen import bezwaartermijn_einde


def datum(d) -> str:
    from django.utils.formats import date_format

    return date_format(d, "j F Y")


def brief_van(besluit_pk, log) -> str:
    wacht_tot(lambda: Vervolgbesluit.objects.get(pk=besluit_pk).brief, log)
    besluit = Vervolgbesluit.objects.get(pk=besluit_pk)
    return tekst(besluit.brief.path)


@pytest.mark.celery_worker
def test_brieven_vaststelling_intrekking_terugvordering(celery_niet_eager, medewerkers):
    maak_periode()
    log = celery_niet_eager["log"]
    b, fin = medewerkers["beoordelaar"], medewerkers["financieel"]
    vandaag = timezone.localdate()
    bezwaar_tot = datum(bezwaartermijn_einde(vandaag))

    # vaststelling lower than the voorschot: a vaststelling and a terugvordering
    cheque = ken_toe(ScholingsplanFactory(consulent=medewerkers["consulent_lwl"]), b)
    declareer(cheque, fin, "1500.00")
    betaal(fin, medewerkers["financieel2"])
    rond_af(cheque, fin, Afronding.Soort.AANWEZIGHEID, aanwezigheid_procent=60)
    vaststelling = stel_vast(cheque, fin, "1250.00",
                             motivering="Volgens de presentieverklaring was u 60 % aanwezig.")
    brief = brief_van(vaststelling.pk, log)
    assert "1.250,00" in brief and "60 % aanwezig" in brief
    assert cheque.nummer in brief
    assert "bezwaar" in brief and bezwaar_tot in brief

    terug = Vervolgbesluit.objects.get(cheque=cheque, soort="terugvordering")
    brief = brief_van(terug.pk, log)
    assert "250,00" in brief and "4:87" in brief and "4:112" in brief
    assert datum(terug.terugvordering.betalen_voor) in brief
    assert "NL91ABNA0417164300" in brief
    assert "bezwaar" in brief and bezwaar_tot in brief

    # intrekking (4:48) of an unpaid cheque
    tweede = ken_toe(ScholingsplanFactory(consulent=medewerkers["consulent_lwl"]), b)
    intrekking = services.intrekken(cheque=tweede, door=b, grond="niet_verricht",
                                    motivering="U bent niet met de opleiding begonnen.")
    brief = brief_van(intrekking.pk, log)
    assert "4:48" in brief and "niet met de opleiding begonnen" in brief
    assert tweede.nummer in brief and "bezwaar" in brief and bezwaar_tot in brief

