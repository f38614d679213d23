"""Verantwoording per financieringsbron on a generated data set: it reconciles with the
ledger to the cent, the stored PDF and XLSX read back with the same totals, and it shows no
direct identifier."""

import hashlib
import io
import random
from decimal import Decimal as D

import pytest
from django.db.models import Sum
from django.urls import reverse
from django.utils.text import slugify
from openpyxl import load_workbook
from pypdf import PdfReader

from cheques.models import Cheque
from rapportage import verantwoording
from tests.conftest import werk_statistieken_bij
from tests.rapportage.factories import PERSOONLIJK, maak_dataset
from tests.rapportage.test_verantwoordingsrapport import vraag_en_maak
from tfvv import begroting, budget
from tfvv.models import Bronlast, Budgetboeking, Inzage
from tfvv.oormerk import Kenmerken
from tfvv.templatetags.bedragen import euro

S = Budgetboeking.Soort
CENT = D("0.01")


def _boek_levensloop(periode, cheque, rnd):
    """Grant, then one of the paths a cheque takes, through the ledger services."""
    plan = cheque.beschikking.plan
    ref = cheque.nummer
    budget.reserveer(periode=periode, bedrag=cheque.bedrag, referentie=ref, door=None,
                     kenmerken=Kenmerken(arbeidssituatie=plan.aanvraag.arbeidssituatie,
                                         route=plan.route))
    pad = rnd.choice(["open", "vervallen", "betaald", "lager", "voorschot", "terug"])
    deel = (cheque.bedrag * D(rnd.randrange(30, 95)) / 100).quantize(CENT)
    if pad == "vervallen":
        budget.geef_vrij(periode=periode, bedrag=cheque.bedrag, referentie=ref, door=None)
    elif pad == "betaald":
        budget.realiseer(periode=periode, bedrag=cheque.bedrag, referentie=ref, door=None)
    elif pad == "lager":
        budget.geef_vrij(periode=periode, bedrag=cheque.bedrag - deel, referentie=ref,
                         door=None)
        budget.realiseer(periode=periode, bedrag=deel, referentie=ref, door=None)
    elif pad == "voorschot":
        budget.betaal_voorschot(periode=periode, bedrag=deel, referentie=ref, door=None)
    elif pad == "terug":
        budget.realiseer(periode=periode, bedrag=cheque.bedrag, referentie=ref, door=None)
        budget.boek_terugvordering(periode=periode, bedrag=deel, referentie=ref, door=None)
        terug = (deel / 3).quantize(CENT)
        budget.boek_invordering(periode=periode, soort=S.ONTVANGST, bedrag=terug,
                                referentie=ref, door=None)
        budget.boek_invordering(periode=periode, soort=S.ONINBAAR, bedrag=deel - terug,
                                referentie=ref, door=None)


def _geoormerkt(medewerkers, aantal: int, minimaal: int) -> dict:
    """maak_dataset(aantal): cheques with ledger entries from before earmarking
    (uncharged); then rules (ESF only for the route to work, with a maximum that makes
    grants spill over) and every cheque's life booked again through the services."""
    gegevens = maak_dataset(aantal)
    periode = gegevens["periode"]
    regio, provincie, esf = gegevens["bronnen"]
    fin = medewerkers["financieel"]
    begroting.leg_oormerkregel_vast(periode=periode, bron=esf, volgorde=1, route="geen_werk",
                                    maximum=D("40000"), door=fin)
    begroting.leg_oormerkregel_vast(periode=periode, bron=regio, volgorde=2,
                                    maximum=D("150000"), door=fin)
    begroting.leg_oormerkregel_vast(periode=periode, bron=provincie, volgorde=3, door=fin)
    rnd = random.Random(19)
    cheques = list(Cheque.objects.filter(periode=periode)
                   .select_related("beschikking__plan__aanvraag").order_by("nummer"))
    assert len(cheques) > minimaal
    for cheque in cheques:
        _boek_levensloop(periode, cheque, rnd)
    werk_statistieken_bij()
    return gegevens


@pytest.fixture
def geoormerkt(db, medewerkers):
    return _geoormerkt(medewerkers, 900, minimaal=200)  # a few hundred cheques


@pytest.fixture
def klein(db, medewerkers):
    return _geoormerkt(medewerkers, 300, minimaal=50)


def test_verantwoording_sluit_tot_op_de_cent_aan_op_het_grootboek(geoormerkt):
    periode = geoormerkt["periode"]
    grootboek = dict(Budgetboeking.objects.filter(periode=periode).values("soort")
                     .annotate(s=Sum("bedrag")).values_list("soort", "s"))
    niet_toegerekend = dict(Budgetboeking.objects.filter(periode=periode,
                                                         bronlasten__isnull=True)
                            .values("soort").annotate(s=Sum("bedrag"))
                            .values_list("soort", "s"))
    assert niet_toegerekend  # the data set's own entries, from before earmarking
    som_rapporten = {}
    for bron in geoormerkt["bronnen"]:
        v = verantwoording.verantwoording(periode, bron)
        assert v.sluit
        assert all(a.verschil == 0 for a in v.aansluiting)
        for soort, bedrag in v.totalen_per_soort.items():
            som_rapporten[soort] = som_rapporten.get(soort, D(0)) + bedrag
        # the row totals are the charges to the bron, kind by kind
        lasten = dict(Bronlast.objects.filter(periode=periode, bron=bron).values("soort")
                      .annotate(s=Sum("bedrag")).values_list("soort", "s"))
        assert {k: v for k, v in v.totalen_per_soort.items() if v} == lasten
    assert len([b for b in geoormerkt["bronnen"]
                if verantwoording.verantwoording(periode, b).deelnemers]) == 3
    # the three reports plus what was booked before earmarking are the ledger, to the cent
    for soort, totaal in grootboek.items():
        assert som_rapporten.get(soort, D(0)) + niet_toegerekend.get(soort, D(0)) == totaal


def test_opgeslagen_pdf_en_xlsx_lezen_terug_zonder_directe_identificatie(
        klein, client_als, django_capture_on_commit_callbacks):
    """Requested on the page, made by the worker: the stored files read back with the
    bron, the period and the totals, reconcile, and match their stored SHA-256."""
    periode = klein["periode"]
    esf = klein["bronnen"][2]
    v = verantwoording.verantwoording(periode, esf)
    client = client_als("financieel")
    rapport = vraag_en_maak(client, periode, esf, django_capture_on_commit_callbacks)
    assert rapport.status == "klaar" and rapport.stand_van and rapport.klaar_op
    kwargs = {"periode_id": periode.pk, "bron_id": esf.pk, "rapport_id": rapport.pk}

    xlsx = b"".join(client.get(reverse("rapportage:verantwoording-download",
                                       kwargs={**kwargs, "formaat": "xlsx"})).streaming_content)
    assert hashlib.sha256(xlsx).hexdigest() == rapport.xlsx_sha256
    with rapport.xlsx.open("rb") as f:
        assert f.read() == xlsx
    boek = load_workbook(io.BytesIO(xlsx))
    deelnemers, aansluiting, _uitkomsten = boek.worksheets
    kop = [c.value for c in deelnemers[1]]
    rijen = list(deelnemers.iter_rows(min_row=2, values_only=True))
    assert len(rijen) == len(v.deelnemers) == rapport.totalen["aantal_deelnemers"] > 0
    toegekend = kop.index("Toegekend (€)")
    assert sum(D(str(r[toegekend])) for r in rijen) == v.totalen["toegekend"] == \
        D(rapport.totalen["totalen"]["toegekend"])
    assert all(r[0].startswith("P-") for r in rijen)
    verschil = [c.value for c in aansluiting[1]].index("Verschil (€)")
    assert all(D(str(r[verschil])) == 0
               for r in aansluiting.iter_rows(min_row=2, values_only=True))
    cellen = " ".join(str(c) for r in rijen for c in r)
    assert not any(m in cellen for m in PERSOONLIJK) and "TFV-" not in cellen

    antwoord = client.get(reverse("rapportage:verantwoording-download",
                                  kwargs={**kwargs, "formaat": "pdf"}))
    assert antwoord["Content-Type"] == "application/pdf"
    assert f"verantwoording-{slugify(esf.naam)}-" in antwoord["Content-Disposition"]
    pdf = b"".join(antwoord.streaming_content)
    assert hashlib.sha256(pdf).hexdigest() == rapport.pdf_sha256
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    tekst = " ".join(tekst.split())
    assert f"Verantwoording {esf.naam}, periode {periode.naam}" in tekst
    assert euro(v.totalen["toegekend"]) in tekst and euro(v.toegezegd) in tekst
    assert "sluit tot op de cent aan op het grootboek" in tekst
    assert v.deelnemers[0].pseudoniem in tekst
    assert not any(m in tekst for m in PERSOONLIJK) and "TFV-" not in tekst
    assert Inzage.objects.filter(handeling="geexporteerd").count() == 2


def test_pagina_alleen_voor_financieel_en_gelogd(klein, client_als,
                                                 django_capture_on_commit_callbacks):
    periode = klein["periode"]
    regio = klein["bronnen"][0]
    url = reverse("rapportage:verantwoording",
                  kwargs={"periode_id": periode.pk, "bron_id": regio.pk})
    financieel = client_als("financieel")
    rapport = vraag_en_maak(financieel, periode, regio, django_capture_on_commit_callbacks)
    antwoord = financieel.get(url)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "sluit tot op de cent aan" in tekst and rapport.pdf_sha256 in tekst
    assert Inzage.objects.filter(handeling="bekeken", pad=url).exists()
    for rol in ("adviesgroep", "beheerder", "beoordelaar"):
        assert client_als(rol).get(url).status_code == 403
        assert client_als(rol).post(url).status_code == 403
    fout = reverse("rapportage:verantwoording-download",
                   kwargs={"periode_id": periode.pk, "bron_id": regio.pk,
                           "rapport_id": rapport.pk, "formaat": "csv"})
    assert financieel.get(fout).status_code == 404


def test_pseudoniem_verschilt_per_bron():
    assert (verantwoording.pseudoniem(bron_id=1, aanvraag_id=7)
            != verantwoording.pseudoniem(bron_id=2, aanvraag_id=7))
    assert verantwoording.pseudoniem(bron_id=1, aanvraag_id=7) == \
        verantwoording.pseudoniem(bron_id=1, aanvraag_id=7)
