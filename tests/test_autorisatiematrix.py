"""Every URL of the project against every role (tests/autorisatie.py holds the table).

A URL name without an entry fails `test_elke_url_staat_in_de_matrix`, naming what to add.
Pages that answer "ok" are also checked for the strict CSP house rule: no inline
<script> and no style="" attributes.
"""

import re
from decimal import Decimal
from functools import cached_property

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, converters, get_resolver, reverse

from tests.autorisatie import MATRIX, MEDEWERKERS, ROLLEN, UITKOMSTEN
from tests.conftest import log_in_als_medewerker
from tfvv.roles import Organisatie

pytestmark = pytest.mark.django_db

LOGINPAGINAS = ("tfvv:inloggen-medewerker", "aanvragen:inloggen", "admin:login",
                "cheques:opleider-inloggen")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>",
                           re.IGNORECASE)
INLINE_STIJL = re.compile(r"\sstyle\s*=", re.IGNORECASE)


def url_namen(resolver=None, namespace: str = "", converters=None) -> dict[str, dict]:
    """All URL names of the project (namespaced) -> their path converters, except the
    admin's own pages (only `admin:index` is kept). Unnamed patterns get a key that says so."""
    resolver = resolver or get_resolver()
    converters = converters or {}
    namen: dict[str, dict] = {}
    for p in resolver.url_patterns:
        eigen = {**converters, **getattr(p.pattern, "converters", {})}
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            volledig = f"{namespace}:{ns}".strip(":") if ns else namespace
            if volledig.split(":")[0] == "admin":
                namen["admin:index"] = {}
                continue
            namen.update(url_namen(p, volledig, eigen))
        elif isinstance(p, URLPattern):
            naam = f"{namespace}:{p.name}" if namespace and p.name else p.name
            namen[naam or f"<zonder naam: {p.pattern}>"] = eigen
    return namen


def test_elke_url_staat_in_de_matrix():
    namen = url_namen()
    ontbreekt = sorted(set(namen) - set(MATRIX))
    assert not ontbreekt, (
        "Deze URL's staan niet in de autorisatiematrix. Voeg per naam een Regel toe aan "
        "MATRIX in tests/autorisatie.py (wie mag wat):\n  " + "\n  ".join(ontbreekt)
    )
    verouderd = sorted(set(MATRIX) - set(namen))
    assert not verouderd, f"Deze namen in tests/autorisatie.py bestaan niet meer: {verouderd}"


def test_matrix_is_volledig_en_geldig():
    for naam, regel in MATRIX.items():
        assert set(regel.verwacht) == set(ROLLEN), f"{naam}: geef een uitkomst voor elke rol"
        assert set(regel.verwacht.values()) <= UITKOMSTEN, f"{naam}: onbekende uitkomst"
        if regel.post is not None:
            assert set(regel.post) == set(ROLLEN), f"{naam}: geef een POST-uitkomst per rol"
            assert set(regel.post.values()) <= UITKOMSTEN, f"{naam}: onbekende uitkomst"


class Objecten:
    """Records for URL kwargs, created on first use.

    `inwoner` is the resident role's user: `*_eigen` records belong to it, `*_ander` to
    another resident. The case records (`zaak`, `gesprek`, `plan`, …) belong to `loket`
    (default Leerwerkloket Twente) and are handled by that loket's consulent, so the
    consulent of the other loket must not reach them. tests/test_idor.py builds a second
    set for Loopbaanstation and for another resident to check exactly that.
    """

    def __init__(self, inwoner, medewerkers, loket=Organisatie.LEERWERKLOKET):
        self.inwoner = inwoner
        self.medewerkers = medewerkers
        self.loket = loket
        self.consulent = medewerkers[
            "consulent_lwl" if loket == Organisatie.LEERWERKLOKET else "consulent_lbs"]

    def maak(self, *namen: str) -> None:
        """Create the named records now (for pages that list them without a kwarg)."""
        for naam in namen:
            getattr(self, naam)

    def _aanvraag(self, **velden):
        from tests.aanvragen.factories import AanvraagFactory

        return AanvraagFactory(**{"aanvrager": self.inwoner, "loket": self.loket, **velden})

    @cached_property
    def aanvraag_eigen(self):
        """A new aanmelding of the resident: no consulent yet."""
        return self._aanvraag()

    @cached_property
    def aanvraag_ander(self):
        from tests.aanvragen.factories import InwonerFactory

        return self._aanvraag(aanvrager=InwonerFactory())

    @cached_property
    def zaak(self):
        """The resident's case in behandeling with the loket's consulent, nothing planned."""
        return self._aanvraag(status="in_behandeling", consulent=self.consulent)

    @cached_property
    def zaak_grenspostcode(self):
        return self._aanvraag(status="in_behandeling", consulent=self.consulent,
                              postcode="7693AA", postcodecontrole="te_controleren")

    @cached_property
    def gesprek(self):
        """A planned loopbaangesprek on a case of its own."""
        from tests.loopbaangesprekken.factories import GesprekFactory

        zaak = self._aanvraag(status="in_behandeling", consulent=self.consulent)
        return GesprekFactory(aanvraag=zaak, consulent=self.consulent)

    def _gesprek(self, **velden):
        from tests.loopbaangesprekken.factories import GesprekFactory

        zaak = self._aanvraag(status="in_behandeling", consulent=self.consulent)
        return GesprekFactory(aanvraag=zaak, consulent=self.consulent, **velden)

    @cached_property
    def gesprek_verstreken(self):
        """A planned gesprek whose time has passed (a no-show can be registered)."""
        from django.utils import timezone

        return self._gesprek(gepland_op=timezone.now() - timezone.timedelta(hours=2))

    @cached_property
    def gesprek_niet_verschenen(self):
        """Yesterday's gesprek registered as a no-show (which can still be undone)."""
        from django.utils import timezone

        return self._gesprek(status="niet_verschenen",
                             gepland_op=timezone.now() - timezone.timedelta(days=1))

    @cached_property
    def gesprek_gevoerd(self):
        """A held gesprek with a verslag (which can be corrected)."""
        from django.utils import timezone

        return self._gesprek(status="gevoerd", gevoerd_op=timezone.now(), duur_minuten=45,
                             onderwerpen=["testen"], verslag="Verslag.",
                             uitkomst="vervolggesprek")

    @cached_property
    def document_eigen(self):
        return self._document(self.aanvraag_eigen)

    @cached_property
    def document_ander(self):
        return self._document(self.aanvraag_ander)

    @staticmethod
    def _document(aanvraag):
        from aanvragen.services import voeg_document_toe
        from tests.aanvragen.bestanden import PDF, upload

        return voeg_document_toe(aanvraag=aanvraag, soort="diploma",
                                 bestand=upload("diploma.pdf", PDF), mime="application/pdf",
                                 actor=aanvraag.aanvrager)

    @cached_property
    def plan(self):
        """A concept scholingsplan that passes the subsidietoets, with both evidence files."""
        from django.core.files.uploadedfile import SimpleUploadedFile

        from tests.aanvragen.bestanden import PDF
        from tests.loopbaangesprekken.factories_scholingsplan import (
            ScholingsplanFactory,
            begroting,
        )
        from tfvv.models import Begrotingsperiode

        if not Begrotingsperiode.objects.exists():
            begroting()
        plan = ScholingsplanFactory(
            aanvraag=self._aanvraag(status="scholingsplan", consulent=self.consulent),
            consulent=self.consulent,
            arbeidsmarktperspectief_bewijs=SimpleUploadedFile(
                "vacatures.pdf", PDF, content_type="application/pdf"))
        regel = plan.cofinanciering.get()
        regel.bewijs = SimpleUploadedFile("toezegging.pdf", PDF, content_type="application/pdf")
        regel.save()
        return plan

    @cached_property
    def cofinancieringsregel(self):
        return self.plan.cofinanciering.get()

    @cached_property
    def plan_voorgelegd(self):
        """A plan of the resident's own that the consulent put up for their approval."""
        from loopbaangesprekken.services.akkoord import leg_voor
        from tests.loopbaangesprekken.factories_scholingsplan import ScholingsplanFactory

        plan = ScholingsplanFactory(
            aanvraag=self._aanvraag(status="scholingsplan", consulent=self.consulent),
            consulent=self.consulent, akkoord=False)
        leg_voor(plan=plan, actor=self.consulent, informeer_inwoner=False)
        return plan

    @cached_property
    def plan_eigen_bijdrage(self):
        """A plan of the resident's own with a contribution they have not declared yet."""
        from tests.loopbaangesprekken.factories_scholingsplan import ScholingsplanFactory

        plan = ScholingsplanFactory(
            aanvraag=self._aanvraag(status="scholingsplan", consulent=self.consulent),
            consulent=self.consulent, akkoord=False)
        plan.cofinanciering.create(bron="eigen_bijdrage", partij="Aanvrager",
                                   bedrag=Decimal("500.00"), status="toegezegd")
        return plan

    @cached_property
    def akkoordformulier(self):
        """The signed paper form of a submission on the resident's behalf (of `plan`)."""
        from loopbaangesprekken.services.akkoord import leg_namens_vast
        from tests.aanvragen.bestanden import PDF, upload

        return leg_namens_vast(plan=self.plan, actor=self.consulent, reden="Op papier getekend.",
                               formulier=upload("akkoord.pdf", PDF))

    @cached_property
    def periode(self):
        from tests.cheques.factories import maak_periode
        from tfvv.models import Begrotingsperiode

        return Begrotingsperiode.objects.first() or maak_periode()

    @cached_property
    def plafondvoorstel(self):
        """A plafond decision waiting for its second pair of eyes."""
        from tfvv.models import Plafondbesluit

        # one open proposal per period: the records of other owners share it
        return (Plafondbesluit.objects.filter(periode=self.periode, goedgekeurd_op__isnull=True)
                .first()
                or Plafondbesluit.objects.create(
                    periode=self.periode, bedrag=1, besluitdatum=self.periode.van,
                    gepubliceerd_op=self.periode.van, toelichting="Voorstel"))

    def _ingediend_plan(self):
        from tests.cheques.factories import ScholingsplanFactory

        self.periode  # noqa: B018 - the budget the decision books on
        return ScholingsplanFactory(
            aanvraag=self._aanvraag(status="ingediend", consulent=self.consulent),
            consulent=self.consulent)

    @cached_property
    def plan_ingediend(self):
        """A submitted plan waiting for the beoordelaar's decision."""
        return self._ingediend_plan()

    @cached_property
    def aanvulverzoek(self):
        """The beoordelaar asks the resident's submitted plan for an aanvulling."""
        from cheques import services
        from tests.tijd import werkdag_na

        return services.vraag_aanvulling(
            plan=self._ingediend_plan(), door=self.medewerkers["beoordelaar"],
            omschrijving="Stuur de getekende werkgeversverklaring.",
            hersteltermijn_tot=werkdag_na(dagen=14))

    @cached_property
    def beschikking(self):
        """A granted plan of the resident: beschikking and cheque, PDFs rendered."""
        from decimal import Decimal

        from django.test import TestCase

        from cheques import services

        with TestCase.captureOnCommitCallbacks(execute=True):
            beschikking = services.toekennen(
                plan=self._ingediend_plan(), door=self.medewerkers["beoordelaar"],
                bedrag=Decimal("1500.00"), motivering="Voldoet aan de verordening.")
        beschikking.refresh_from_db()
        return beschikking

    @cached_property
    def cheque(self):
        return self.beschikking.cheque

    @cached_property
    def cofinancieringsrealisatie(self):
        """A recorded realisation with its evidence, on a line added to the cheque's plan."""
        from django.core.files.base import ContentFile
        from django.utils import timezone

        from cheques.models import Cofinancieringsrealisatie

        regel = self.cheque.beschikking.plan.cofinanciering.create(
            bron="uwv", partij="UWV Twente", bedrag=Decimal("100.00"), status="toegezegd")
        return Cofinancieringsrealisatie.objects.create(
            regel=regel, cheque=self.cheque, bedrag=Decimal("100.00"), betaald_aan="opleider",
            datum=timezone.localdate(), bewijs=ContentFile(b"%PDF-1.4 bewijs", name="b.pdf"),
            door=self.medewerkers["financieel"])

    @cached_property
    def cofinancieringscorrectie(self):
        """A correction of that realisation with its evidence, waiting for a colleague."""
        from django.core.files.base import ContentFile
        from django.utils import timezone

        from cheques.models import Cofinancieringscorrectie
        from cheques.services.cofinanciering import SOORT_CORRECTIE, sleutel
        from tfvv.models import Goedkeuringsverzoek

        realisatie, door = self.cofinancieringsrealisatie, self.medewerkers["financieel"]
        verzoek = Goedkeuringsverzoek.objects.create(
            soort=SOORT_CORRECTIE, sleutel=sleutel(realisatie), omschrijving="Correctie",
            payload={"realisatie_id": realisatie.pk, "cheque": self.cheque.nummer},
            aangevraagd_door=door, toelichting="Afschrift")
        return Cofinancieringscorrectie.objects.create(
            realisatie=realisatie, verzoek=verzoek, bedrag=Decimal("80.00"),
            betaald_aan="opleider", datum=timezone.localdate(), toelichting="Deels betaald",
            bewijs=ContentFile(b"%PDF-1.4 bewijs", name="c.pdf"))

    @cached_property
    def indiening(self):
        """A declaratie submitted by the cheque's own opleider (not the matrix's opleider
        user: for that user it does not exist)."""
        from django.core.files.base import ContentFile
        from django.utils import timezone

        from cheques.models import Declaratieindiening

        # with its invoice and proof on file: finance's download pages answer with them
        return Declaratieindiening.objects.create(
            cheque=self.cheque, opleider=self.cheque.opleider,
            bewijs=ContentFile(b"%PDF-1.4 diploma", name="diploma.pdf"),
            factuur=ContentFile(b"%PDF-1.4 factuur", name="factuur.pdf"),
            factuurnummer="F-MATRIX-1", factuurdatum=timezone.localdate(),
            bedrag=self.cheque.bedrag, ingediend_door=self.medewerkers["financieel"],
            bewijssoort=Declaratieindiening.Bewijssoort.DIPLOMA)

    @cached_property
    def vervolgvragen_token(self):
        """A sent follow-up questionnaire on the resident's cheque: the token of its link."""
        import secrets
        from datetime import timedelta

        from django.utils import timezone

        from aanvragen.auth import hash_token
        from rapportage.models import Vervolgmeting

        token = secrets.token_urlsafe(32)
        Vervolgmeting.objects.create(
            cheque=self.cheque, moment=Vervolgmeting.Moment.EINDE,
            gepland_op=timezone.localdate(), token_hash=hash_token(token),
            verstuurd_op=timezone.now(), geldig_tot=timezone.localdate() + timedelta(days=42))
        return token

    @cached_property
    def vervolgmeting(self):
        """A sent, open follow-up moment on the resident's cheque (the portal task)."""
        from datetime import timedelta

        from django.utils import timezone

        from aanvragen.auth import hash_token
        from rapportage.models import Vervolgmeting

        return Vervolgmeting.objects.create(
            cheque=self.cheque, moment=Vervolgmeting.Moment.ZES_MAANDEN,
            gepland_op=timezone.localdate(),
            token_hash=hash_token(f"portaal-{self.cheque.nummer}"),  # unique per record set
            verstuurd_op=timezone.now(), geldig_tot=timezone.localdate() + timedelta(days=42))

    @cached_property
    def vervolgvragen_stopsleutel(self):
        from rapportage.vervolgvragen import stoplink

        return stoplink(self.cheque.beschikking.plan.aanvraag_id).rstrip("/").rsplit("/", 1)[-1]

    @cached_property
    def vervolgbesluit(self):
        """A decision after the grant on the resident's cheque, its letter rendered."""
        from django.db import transaction
        from django.test import TestCase

        from cheques.models import Vervolgbesluit
        from cheques.services.vervolgbesluiten import neem_vervolgbesluit

        with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
            besluit = neem_vervolgbesluit(
                beschikking=self.beschikking, cheque=self.cheque,
                soort=Vervolgbesluit.Soort.INTREKKING, door=self.medewerkers["beoordelaar"],
                motivering="De opleiding is niet gestart.", grondslag="Artikel 4:48 Awb.")
        besluit.refresh_from_db()
        return besluit

    @cached_property
    def bezwaar(self):
        """The resident's bezwaar, filed in the portal against the beschikking."""
        from cheques.services.bezwaar import dien_bezwaar_in

        return dien_bezwaar_in(besluit=self.beschikking, door=self.inwoner,
                               gronden="Het bedrag is te laag.")

    @cached_property
    def wijzigingsverzoek(self):
        """The resident asks to change the amount of the granted cheque."""
        from decimal import Decimal

        from aanvragen.services import vraag_wijziging

        return vraag_wijziging(aanvraag=self.beschikking.plan.aanvraag, actor=self.inwoner,
                               bedrag=Decimal("1600.00"), toelichting="Het boek is duurder.")

    @cached_property
    def betaalbatch(self):
        """An approved payment batch holding the voorschot of a declared cheque."""
        from tests.cheques.financien import betaal, declareer, ken_toe

        fin = self.medewerkers["financieel"]
        cheque = ken_toe(self._ingediend_plan(), self.medewerkers["beoordelaar"], "1000.00")
        declareer(cheque, fin, "1000.00")
        self._betaalde_cheque = cheque
        return betaal(fin, self.medewerkers["financieel2"])

    @cached_property
    def terugvordering(self):
        """The claim after the withdrawal of a cheque whose voorschot was paid."""
        from cheques import services

        self.betaalbatch  # noqa: B018 (pays the voorschot)
        services.intrekken(cheque=self._betaalde_cheque, door=self.medewerkers["beoordelaar"],
                           grond="niet_verricht", motivering="De opleiding is niet gestart.")
        return self._betaalde_cheque.terugvorderingen.get()

    @cached_property
    def dossierexport(self):
        """A large sample of dossiers the controleur had made in the background: its zip
        can be downloaded for a day, by the controleur only."""
        import datetime

        from django.core.files.base import ContentFile
        from django.utils import timezone

        from cheques.models import Dossierexport

        nu = timezone.now()
        return Dossierexport.objects.create(
            soort=Dossierexport.Soort.STEEKPROEF, aangevraagd_door=self.medewerkers["controleur"],
            aanvraag_ids=[self.zaak.pk], van=timezone.localdate(), tot=timezone.localdate(),
            omvang=21, zaad=42, status=Dossierexport.Status.KLAAR, klaar_op=nu,
            verloopt_op=nu + datetime.timedelta(hours=24),
            bestand=ContentFile(b"PK\x05\x06" + bytes(18), name="steekproef.zip"))

    @cached_property
    def voortgangsrapportage(self):
        import datetime

        from django.core.files.base import ContentFile

        from rapportage.models import Voortgangsrapportage
        from tests.aanvragen.bestanden import PDF

        return Voortgangsrapportage.objects.create(
            van=datetime.date(2024, 1, 1), tot=datetime.date(2024, 12, 31),
            status=Voortgangsrapportage.Status.KLAAR,
            bestand=ContentFile(PDF, name="voortgang-2024.pdf"))

    @cached_property
    def verantwoordingsrapport(self):
        """A finished funder report of the period's first public bron, made as the worker
        makes it (files, SHA-256 and stored totals)."""
        from rapportage.verantwoordingsrapport import (
            maak_verantwoordingsrapport,
            vraag_verantwoording_aan,
        )

        bron = self.periode.toezeggingen.filter(bron__publiek=True).first().bron
        rapport = vraag_verantwoording_aan(periode=self.periode, bron=bron,
                                           door=self.medewerkers["financieel"])
        return maak_verantwoordingsrapport(rapport_id=rapport.pk)

    @property
    def medewerker(self):
        """A staff account the beheerder manages (the Leerwerkloket consulent)."""
        return self.medewerkers["consulent_lwl"]

    @cached_property
    def opleider(self):
        from tests.cheques.factories import OpleiderFactory

        return OpleiderFactory()

    @cached_property
    def opleideraccount(self):
        """An account of `opleider` (not the matrix's opleider user: another organisation)."""
        from tests.cheques.opleiders import maak_opleidergebruiker

        return maak_opleidergebruiker(self.opleider, self.medewerkers["beheerder"],
                                      is_beheerder=True).opleideraccount

    @cached_property
    def ibanverzoek(self):
        """An open IBAN change asked by a beheerder who is none of the matrix roles."""
        from loopbaangesprekken.services.referentie import vraag_iban_aan
        from tests.conftest import huidige_code
        from tfvv.demo import maak_medewerker
        from tfvv.roles import Rol

        collega, device = maak_medewerker("beheerder-collega", Rol.BEHEERDER,
                                          Organisatie.PROJECTBUREAU, "Anne", "Collega")
        return vraag_iban_aan(actor=collega, code=huidige_code(device), opleider=self.opleider,
                              iban="NL20INGB0001234567", toelichting="brief")

    @cached_property
    def melding(self):
        """A melding of the beoordelaar (tfvv.meldingen)."""
        from tfvv.models import Melding

        return Melding.objects.create(ontvanger=self.medewerkers["beoordelaar"],
                                      soort="indienen", tekst="Scholingsplan ingediend",
                                      link="/")

    @cached_property
    def emailwijziging_token(self):
        from aanvragen.inwoneraccount import maak_bevestigingslink, vraag_emailwijziging_aan

        wijziging = vraag_emailwijziging_aan(gebruiker=self.inwoner, email="nieuw@voorbeeld.nl")
        _wijziging, link = maak_bevestigingslink(wijziging_id=wijziging.pk)
        return link.rstrip("/").rsplit("/", 1)[-1]

    @cached_property
    def werkgever(self):
        from tests.loopbaangesprekken.factories_scholingsplan import WerkgeverFactory

        return WerkgeverFactory()

    @cached_property
    def toezegging_token(self):
        """The link mailed to an O&O-fonds for its line on a plan of the Leerwerkloket case."""
        from loopbaangesprekken.services.toezegging import maak_link, vraag_toezegging
        from tests.loopbaangesprekken.factories_scholingsplan import ScholingsplanFactory

        plan = ScholingsplanFactory(
            aanvraag=self._aanvraag(status="scholingsplan", consulent=self.consulent),
            consulent=self.consulent, regels=False)
        regel = plan.cofinanciering.create(bron="oo_fonds", partij="O&O-fonds",
                                           contact_email="fonds@oo.example", bedrag="10.00",
                                           status="aangevraagd")
        verzoek = vraag_toezegging(regel=regel, actor=self.consulent)
        _verzoek, link = maak_link(verzoek_id=verzoek.pk)
        return link.rstrip("/").rsplit("/", 1)[-1]

    @cached_property
    def inloglink_token(self):
        from aanvragen.services import maak_inloglink

        return maak_inloglink(gebruiker=self.inwoner).rstrip("/").rsplit("/", 1)[-1]


def maak_rolclients(medewerkers):
    """A client per role of ROLLEN (staff and the opleider user with a verified second
    factor) and the resident."""
    from tests.aanvragen.factories import InwonerFactory
    from tests.cheques.factories import OpleiderFactory
    from tests.cheques.opleiders import log_in_als_opleider, maak_opleidergebruiker

    inwoner = InwonerFactory()
    clients = {"anoniem": Client()}
    inwoner_client = Client()
    inwoner_client.force_login(inwoner, backend="aanvragen.auth.InlogLinkBackend")
    clients["inwoner"] = inwoner_client
    for rol in MEDEWERKERS:
        clients[rol] = log_in_als_medewerker(Client(), medewerkers[rol])
    clients["opleider"] = log_in_als_opleider(
        maak_opleidergebruiker(OpleiderFactory(), medewerkers["beheerder"]))
    return clients, inwoner


@pytest.fixture
def rolclients(medewerkers):
    clients, inwoner = maak_rolclients(medewerkers)
    return clients, Objecten(inwoner, medewerkers)


def url_van(naam: str, objecten: Objecten) -> str:
    regel = MATRIX[naam]
    objecten.maak(*regel.vooraf)
    kwargs = regel.kwargs(objecten) if callable(regel.kwargs) else regel.kwargs
    return reverse(naam, kwargs=kwargs)


def vraag(client, methode: str, url: str, data: dict | None = None):
    """GET, or a POST whose changes are rolled back (a savepoint), so the next role finds
    the records as they were."""
    if methode == "get":
        return client.get(url, data or {})
    with transaction.atomic():
        response = client.post(url, data or {})
        transaction.set_rollback(True)
    return response


def uitkomst(response) -> str:
    code = response.status_code
    if 200 <= code < 300:
        return "ok"
    if code in (301, 302, 303, 307, 308):
        locatie = response["Location"].split("?")[0]
        loginpaginas = {reverse(naam) for naam in LOGINPAGINAS}
        return "login" if locatie in loginpaginas else "redirect"
    return str(code)


def controleer(naam: str, methode: str, url: str, verwacht: dict, clients, data=None):
    afwijkingen = []
    for rol in ROLLEN:
        response = vraag(clients[rol], methode, url, data)
        kreeg = uitkomst(response)
        if kreeg != verwacht[rol]:
            afwijkingen.append(f"{rol}: verwacht {verwacht[rol]}, kreeg {kreeg} "
                               f"({response.status_code} {response.get('Location', '')})")
        elif kreeg == "ok" and "text/html" in response.get("Content-Type", "") \
                and not naam.startswith("admin:"):
            html = response.content.decode()
            assert not INLINE_SCRIPT.search(html), f"{naam} ({rol}): inline <script>"
            assert not INLINE_STIJL.search(html), f"{naam} ({rol}): style=\"\" attribuut"
    return [f"{methode.upper()} {a}" for a in afwijkingen]


@pytest.mark.parametrize("naam", sorted(MATRIX))
def test_autorisatie_per_rol(naam, rolclients):
    clients, objecten = rolclients
    regel = MATRIX[naam]
    url = url_van(naam, objecten)
    afwijkingen = controleer(naam, "get", url, regel.verwacht, clients)
    if regel.post is not None:
        afwijkingen += controleer(naam, "post", url, regel.post, clients, regel.data)
    assert not afwijkingen, f"{naam} ({url}):\n  " + "\n  ".join(afwijkingen)


def test_geraden_ids_geven_geen_toegang(rolclients):
    """Every URL with a numeric id: a guessed id that does not exist is never shown and
    never a 500, for any role, with GET or POST. (Other people's real records and
    sequential ids: tests/test_idor.py.)"""
    clients, _ = rolclients
    geraden = 2_000_000_000
    for naam, conv in url_namen().items():
        if not conv or not all(isinstance(c, converters.IntConverter) for c in conv.values()):
            continue
        url = reverse(naam, kwargs=dict.fromkeys(conv, geraden))
        for rol in ROLLEN:
            for methode in ("get", "post"):
                response = vraag(clients[rol], methode, url)
                assert response.status_code < 500, f"{methode} {naam} {rol}"
                assert niets_getoond(naam, methode, rol, uitkomst(response)), \
                    f"{methode} {naam} {rol}: {uitkomst(response)}"


def niets_getoond(naam: str, methode: str, rol: str, kreeg: str) -> bool:
    """The outcome for a record that does not exist reveals nothing: never a page, and a
    redirect only where the URL redirects whatever the id (a GET on a POST-only action
    sends the user back to the record's page, which then answers 404)."""
    if kreeg == "ok":
        return False
    regel = MATRIX[naam]
    verwacht = regel.verwacht if methode == "get" else (regel.post or {})
    return kreeg != "redirect" or verwacht.get(rol) == "redirect"
