"""IDOR: nobody reaches someone else's records by changing an id in a URL.

The URLs and the expected outcomes come from the authorisation matrix
(tests/autorisatie.py), so a URL added there is covered here too:

* resident A against resident B: every URL the resident may use on their own records,
  given B's record, answers 404 (as if it did not exist) with GET and POST, and changes
  nothing; A's AVG export holds nothing of B; login links only ever log in their owner;
* the consulent of the other organisation: every case URL answers the consulent of
  Leerwerkloket Twente on a Loopbaanstation case exactly what the Loopbaanstation
  consulent gets on a Leerwerkloket case (404), both ways, and leaves no access log;
* sequential ids: for every URL with an id, a resident and the Loopbaanstation consulent
  walk every id around and past the records that exist; they get a record only when it is theirs
  (their own aanvraag / their own loket) and otherwise exactly the refusal of the matrix;
* guessed ids: 0 and ids beyond the integer range never give a record or a 500; guessed
  cheque numbers and payment batches give 404;
* other residents' beschikking and cheque PDFs: covered by the first two points (the
  matrix rows `cheques:beschikking-pdf` and `cheques:cheque-pdf`).
"""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import converters, reverse

from aanvragen.models import Aanvraag
from aanvragen.services import maak_inloglink
from tests.aanvragen.bestanden import PDF, upload
from tests.aanvragen.conftest import log_in_als_inwoner, na_commit, pad_van_link
from tests.aanvragen.factories import InwonerFactory
from tests.autorisatie import MATRIX, ROLLEN
from tests.test_autorisatiematrix import (
    Objecten,
    maak_rolclients,
    niets_getoond,
    uitkomst,
    url_namen,
    url_van,
    vraag,
)
from tfvv.models import Inzage
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db

TOEGANG = ("ok", "redirect")
ID_URLS = sorted(naam for naam, conv in url_namen().items()
                 if conv and all(isinstance(c, converters.IntConverter) for c in conv.values()))
# the login link is the credential itself: whoever holds it logs in as its owner; so are
# the co-financing party's link and the follow-up questionnaire's links (no account; a
# guessed token: test_geraden_nummers)
GEEN_ID = {"aanvragen:inloglink", "toezegging:antwoord", "vervolgvragen:invullen",
           "vervolgvragen:stoppen",
           # the name of a public open-data table, no record (a guessed name: 404)
           "resultaten:csv"}


def met_kwargs(naam: str) -> bool:
    return bool(MATRIX[naam].kwargs) and naam not in GEEN_ID


INWONER_URLS = sorted(n for n in MATRIX if met_kwargs(n)
                      and (MATRIX[n].verwacht["inwoner"] in TOEGANG
                           or (MATRIX[n].post or {}).get("inwoner") in TOEGANG))
ZAAK_URLS = sorted(n for n in MATRIX if met_kwargs(n)
                   and MATRIX[n].verwacht["consulent_lwl"] != "403")


@pytest.fixture
def wereld(medewerkers):
    """Role clients; the resident's own records (`a`), another resident's (`b`), and the
    same kind of records at Loopbaanstation of a third resident (`lbs`)."""
    clients, inwoner = maak_rolclients(medewerkers)
    return {
        "clients": clients,
        "a": Objecten(inwoner, medewerkers),
        "b": Objecten(InwonerFactory(), medewerkers),
        "lbs": Objecten(InwonerFactory(), medewerkers, loket=Organisatie.LOOPBAANSTATION),
    }


# --- resident A against resident B ----------------------------------------------------


def momentopname(aanvraag: Aanvraag) -> tuple:
    aanvraag.refresh_from_db()
    return (aanvraag.status, aanvraag.email, aanvraag.telefoon, aanvraag.documenten.count(),
            aanvraag.afgesloten_op)


@pytest.mark.parametrize("naam", INWONER_URLS)
def test_inwoner_a_krijgt_404_op_elk_record_van_b(naam, wereld):
    a = wereld["clients"]["inwoner"]
    url = url_van(naam, wereld["b"])
    b_aanvragen = list(Aanvraag.objects.filter(aanvrager=wereld["b"].inwoner))
    voor = [momentopname(x) for x in b_aanvragen]

    assert uitkomst(vraag(a, "get", url)) == "404", url
    # POST with the inputs a real form would send: refused before anything is read
    data = {"bevestig": "on", "soort": "diploma", "bestand": upload("x.pdf", PDF)}
    assert a.post(url, data).status_code in (404, 405), url

    assert [momentopname(x) for x in b_aanvragen] == voor


def test_avg_export_van_a_bevat_niets_van_b(wereld):
    b = wereld["b"]
    b.maak("document_eigen", "zaak", "gesprek", "plan")
    wereld["a"].maak("document_eigen")
    export = wereld["clients"]["inwoner"].get(reverse("aanvragen:mijn-gegevens")).content.decode()
    assert wereld["a"].aanvraag_eigen.referentie in export
    for aanvraag in Aanvraag.objects.filter(aanvrager=b.inwoner):
        assert aanvraag.referentie not in export
    assert b.inwoner.email not in export
    assert b.inwoner.last_name not in export


def test_inloglink_logt_alleen_de_eigenaar_in(wereld):
    a_gebruiker, b = wereld["a"].inwoner, wereld["b"]
    a = log_in_als_inwoner(a_gebruiker)
    eigen = reverse("aanvragen:aanvraag", kwargs={"pk": wereld["a"].aanvraag_eigen.pk})
    assert a.get(eigen).status_code == 200

    # a guessed token logs nobody in and does not end A's session
    assert a.post("/inloggen/" + "A" * 43 + "/").status_code == 410
    assert a.get(eigen).status_code == 200

    # B's link, once used by B, is spent for everyone
    b_link = pad_van_link(maak_inloglink(gebruiker=b.inwoner))
    assert Client().post(b_link).status_code == 302
    assert a.post(b_link).status_code == 410
    assert a.get(reverse("aanvragen:aanvraag", kwargs={"pk": b.aanvraag_eigen.pk})
                 ).status_code == 404

    # asking a link for B's address sends it to B only, with the same answer as always
    cache.clear()  # rate-limit counters of earlier tests
    mail.outbox.clear()
    with na_commit():
        antwoord = a.post(reverse("aanvragen:inloggen"), {"email": b.inwoner.email})
        onbekend = a.post(reverse("aanvragen:inloggen"), {"email": "niemand@voorbeeld.nl"})
    assert antwoord.status_code == onbekend.status_code == 302
    assert antwoord["Location"] == onbekend["Location"]
    assert [m.to for m in mail.outbox] == [[b.inwoner.email]]

    # a fresh link of B used in A's browser makes it B's session, never a mix of both
    assert a.post(pad_van_link(maak_inloglink(gebruiker=b.inwoner))).status_code == 302
    assert a.get(eigen).status_code == 404


# --- the consulent of the other organisation ------------------------------------------


@pytest.mark.parametrize("naam", ZAAK_URLS)
def test_andere_organisatie_in_beide_richtingen(naam, wereld, medewerkers):
    """On a Loopbaanstation case the Leerwerkloket consulent gets what the Loopbaanstation
    consulent gets on a Leerwerkloket case (the matrix: 404), and the other way round."""
    clients, regel = wereld["clients"], MATRIX[naam]
    url = url_van(naam, wereld["lbs"])
    logs_voor = Inzage.objects.filter(gebruiker=medewerkers["consulent_lwl"]).count()
    afwijkingen = []
    for methode, verwacht in (("get", regel.verwacht), ("post", regel.post)):
        if verwacht is None:
            continue
        for rol, gelijk_aan in (("consulent_lwl", "consulent_lbs"),
                                ("consulent_lbs", "consulent_lwl"),
                                ("consulent_manager", "consulent_manager")):
            kreeg = uitkomst(vraag(clients[rol], methode, url, regel.data))
            if kreeg != verwacht[gelijk_aan]:
                afwijkingen.append(f"{methode} {rol}: verwacht {verwacht[gelijk_aan]}, "
                                   f"kreeg {kreeg}")
    assert not afwijkingen, f"{naam} ({url}): {afwijkingen}"
    # a refused look is no look: nothing in the AVG access log
    assert Inzage.objects.filter(gebruiker=medewerkers["consulent_lwl"]).count() == logs_voor


# --- sequential and guessed ids --------------------------------------------------------


class Opnemer:
    """Stands in for Objecten while a Regel's kwargs are built: remembers the record."""

    def __init__(self, objecten):
        self._objecten = objecten
        self.record = None

    def __getattr__(self, naam):
        self.record = getattr(self._objecten, naam)
        return self.record


def dossier_van(record) -> Aanvraag | None:
    """The case a record belongs to (None for records of no case: budget, reports)."""
    if record is None or isinstance(record, Aanvraag):
        return record
    if hasattr(record, "aanvraag"):
        return record.aanvraag
    if hasattr(record, "plan"):
        return dossier_van(record.plan)
    if hasattr(record, "cheque"):  # a follow-up moment, an opleider's declaratie
        return dossier_van(record.cheque)
    return dossier_van(getattr(record, "beschikking", None))


@pytest.mark.parametrize("naam", ID_URLS)
def test_opeenvolgende_ids(naam, wereld):
    """Walk every id of the URL's kind of record (first − 3 … last + 3; ids of other
    tests are rolled back, so lower ones do not exist): the resident reaches only
    their own, the Loopbaanstation consulent only Loopbaanstation's; every other existing
    record gets the refusal of the matrix, a missing one that refusal or 404."""
    regel = MATRIX[naam]
    # the last path argument is the record's own id; earlier ones (the aanvraag of an
    # aanvulverzoek) stay those of the resident's own case: swapping only the last id
    *_, sleutel = url_namen()[naam]
    for kant in ("a", "b", "lbs"):  # records of every owner and loket
        opnemer = Opnemer(wereld[kant])
        regel.kwargs(opnemer)
    eigen_kwargs = regel.kwargs(wereld["a"])
    model = type(opnemer.record)
    records = model.objects.in_bulk()
    eerste, laatste = min(records), max(records)
    weigering = {
        "inwoner": "404" if regel.verwacht["inwoner"] in TOEGANG else regel.verwacht["inwoner"],
        "consulent_lbs": regel.verwacht["consulent_lbs"],
    }
    eigen = {
        "inwoner": lambda d: d.aanvrager_id == wereld["a"].inwoner.pk,
        "consulent_lbs": lambda d: d.loket == Organisatie.LOOPBAANSTATION,
    }
    afwijkingen = []
    for pk in range(max(eerste - 3, 1), laatste + 4):
        url = reverse(naam, kwargs={**eigen_kwargs, sleutel: pk})
        record = records.get(pk)
        for rol in weigering:
            response = wereld["clients"][rol].get(url)
            assert response.status_code < 500, f"{naam} {rol} {pk}"
            dossier = dossier_van(record)
            if dossier is not None and eigen[rol](dossier):
                continue
            # a missing id may also be a plain 404 (a download looks the record up before
            # it checks the role); someone else's record gets exactly the refusal
            toegestaan = {weigering[rol], "404"} if record is None else {weigering[rol]}
            if uitkomst(response) not in toegestaan:
                afwijkingen.append(f"{rol} id {pk}: verwacht {weigering[rol]}, "
                                   f"kreeg {uitkomst(response)}")
    assert not afwijkingen, f"{naam}: {afwijkingen}"


@pytest.mark.parametrize("pk", [0, 2**31 - 1, 2**31, 2**63, 10**25])
def test_geraden_ids_buiten_bereik(pk, wereld):
    """Ids at and beyond the database's integer range: never a record, never a 500."""
    wereld["a"].maak("document_eigen")
    for naam in ID_URLS:
        url = reverse(naam, kwargs=dict.fromkeys(url_namen()[naam], pk))
        for rol in ROLLEN:
            for methode in ("get", "post"):
                response = vraag(wereld["clients"][rol], methode, url)
                assert response.status_code < 500, f"{methode} {naam} {rol}"
                assert niets_getoond(naam, methode, rol, uitkomst(response)), \
                    f"{methode} {naam} {rol}: {uitkomst(response)}"


TEKST_URLS = sorted(naam for naam, conv in url_namen().items()
                    if conv and any(isinstance(c, converters.StringConverter)
                                    for c in conv.values()))
GERADEN_TEKST = {"nummer": "TFV-2024-999999", "batch": "BATCH-2024-999",
                 "tabel": "bestaat-niet", "formaat": "csv", "pk": 999999,
                 "stap": "ontvangst", "token": "A" * 43, "periode_id": 999999,
                 "bron_id": 999999, "rapport_id": 999999}


@pytest.mark.parametrize("naam", TEKST_URLS)
def test_geraden_nummers(naam, wereld):
    """URLs keyed by a number or name (cheque number, payment batch, export table): a
    guessed one answers 404 to the roles that may see real ones, and the usual refusal
    to everyone else; never a 500."""
    regel = MATRIX[naam]
    url = reverse(naam, kwargs={k: GERADEN_TEKST[k] for k in url_namen()[naam]})
    for methode, verwacht in (("get", regel.verwacht), ("post", regel.post)):
        for rol in ROLLEN if verwacht else ():
            kreeg = uitkomst(vraag(wereld["clients"][rol], methode, url))
            bedoeld = "404" if verwacht[rol] in ("ok", "400") else verwacht[rol]
            assert kreeg == bedoeld, f"{methode} {naam} {rol}: verwacht {bedoeld}, kreeg {kreeg}"


# --- the opleider portal ---------------------------------------------------------------


def test_opleider_ziet_geen_cheque_van_een_andere_opleider(wereld):
    """The matrix's opleider user belongs to an opleider none of these cheques are for:
    its list, search and export show none of them, nor anything of the residents."""
    opleider = wereld["clients"]["opleider"]
    cheques = [wereld[kant].cheque for kant in ("a", "b", "lbs")]
    url = reverse("cheques:opleider-cheques")
    antwoorden = [opleider.get(url), opleider.get(url, {"formaat": "csv"}),
                  *(opleider.get(url, {"zoek": c.nummer}) for c in cheques)]
    for response in antwoorden:
        assert response.status_code == 200
        inhoud = response.content.decode("utf-8-sig")
        assert "<tbody>" not in inhoud
        for cheque in cheques:
            aanvraag = cheque.beschikking.plan.aanvraag
            for waarde in (aanvraag.achternaam, aanvraag.email, aanvraag.referentie):
                assert waarde not in inhoud
        if response.get("Content-Type", "").startswith("text/csv"):
            assert len(inhoud.strip().splitlines()) == 1  # the header only


def test_opleiderbeheerder_ziet_geen_accounts_of_cheques_van_een_andere_opleider(
        wereld, medewerkers):
    """A beheerder of its own opleider walks every account id around those that exist:
    only its own organisation's accounts answer; another opleider's are 404 (GET and
    POST, nothing changes), as are the cheques of the other records."""
    from cheques.models import Opleideraccount
    from tests.cheques.factories import OpleiderFactory
    from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker

    eigen = maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"],
                                   is_beheerder=True)
    client = log_in_als_opleider(eigen)
    vreemd = wereld["a"].opleideraccount
    ids = list(Opleideraccount.objects.values_list("pk", flat=True))
    for pk in range(min(ids) - 2, max(ids) + 3):
        url = reverse("cheques:opleider-collega", kwargs={"pk": pk})
        verwacht = 200 if pk == eigen.opleideraccount.pk else 404
        assert client.get(url).status_code == verwacht, pk
        if verwacht == 404:
            data = {"uit-reden": "weg", "uit-code": "123456"}
            assert client.post(url, data).status_code == 404, pk
    vreemd.gebruiker.refresh_from_db()
    vreemd.refresh_from_db()
    assert vreemd.gebruiker.is_active and vreemd.is_beheerder
    lijst = client.get(reverse("cheques:opleider-collegas")).content.decode()
    assert vreemd.gebruiker.email not in lijst
    for kant in ("a", "b", "lbs"):
        url = reverse("cheques:opleider-cheque", kwargs={"nummer": wereld[kant].cheque.nummer})
        assert client.get(url).status_code == 404
def test_opleider_declareert_en_ziet_geen_declaratie_van_een_andere_opleider(wereld):
    """Another opleider's cheque cannot be declared and its declaraties (guessed ids
    included) do not exist for the matrix's opleider user; its list stays empty."""
    from cheques.models import Declaratieindiening

    opleider = wereld["clients"]["opleider"]
    kanten = [wereld[kant] for kant in ("a", "b", "lbs")]
    for o in kanten:
        url = reverse("cheques:opleider-declareren", kwargs={"nummer": o.cheque.nummer})
        assert opleider.get(url).status_code == 404
        assert opleider.post(url, {"bewijssoort": "diploma"}).status_code == 404
        o.indiening  # noqa: B018 - created on first use
    hoogste = Declaratieindiening.objects.order_by("-pk").values_list("pk", flat=True).first()
    for pk in range(1, hoogste + 3):
        for naam in ("opleider-declaratie", "opleider-declaratie-intrekken"):
            url = reverse(f"cheques:{naam}", kwargs={"pk": pk})
            assert opleider.post(url, {"tekst": "Hallo"}).status_code == 404
        url = reverse("cheques:opleider-declaratie", kwargs={"pk": pk})
        assert opleider.get(url).status_code == 404
    assert not Declaratieindiening.objects.exclude(status="ingediend").exists()
    inhoud = opleider.get(reverse("cheques:opleider-declaraties")).content.decode()
    assert "<tbody>" not in inhoud
    for o in kanten:
        assert o.cheque.nummer not in inhoud
