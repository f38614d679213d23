"""No action on any record state gives a 500 (issue 15, item 3).

For every stateful record (aanvraag, gesprek, scholingsplan, beschikking, cheque) in every
state of its state machine, every page (GET) and every POST (empty, and with plausible
data) of every URL that takes that record answers with a page, a redirect or a clear Dutch
refusal (400/403/404) — never a 500, and never an internal status code or a technical
message in the text a person reads.

`RECORD_URLS` names, per URL with a record in its path, the kind of record and who acts
on it; `GEEN_STATUS` lists the URLs whose record has no state machine. A new URL with a
kwarg must be added to one of the two (`test_elke_record_url_is_gedekt`).
"""

import datetime
import logging
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from aanvragen.models import Aanvraag
from cheques import services as cheque_services
from cheques.models import Aanvulverzoek, Beschikking, Cheque
from loopbaangesprekken.models import Gesprek, Scholingsplan
from tests.aanvragen.bestanden import PDF
from tests.aanvragen.factories import AanvraagFactory
from tests.cheques.factories import VOLDAAN, ScholingsplanFactory, maak_periode, toets_met
from tests.cheques.financien import betaal, declareer, rond_af, stel_vast
from tests.loopbaangesprekken.factories import GesprekFactory
from tests.test_autorisatiematrix import maak_rolclients, url_namen, vraag
from tests.tijd import werkdag_na

pytestmark = pytest.mark.django_db

A, G, P = Aanvraag.Status, Gesprek.Status, Scholingsplan.Status
B, C = Beschikking.Status, Cheque.Status

# URL name -> (record kind, roles that act on it). The other roles are refused before
# the record is looked at; tests/test_autorisatiematrix.py covers those refusals.
RECORD_URLS = {
    **{f"aanvragen:{n}": ("aanvraag", ("inwoner",))
       for n in ("aanvraag", "documenten", "intrekken", "wijziging")},
    **{f"scholingsplan-inwoner:{n}": ("aanvraag", ("inwoner",))
       for n in ("bekijken", "akkoord", "wijziging", "eigen-bijdrage")},
    **{f"cheques:{n}": ("aanvraag", ("consulent_lwl", "beoordelaar", "financieel"))
       for n in ("dossier", "dossier-pdf")},
    "cheques:dossier-export": ("aanvraag", ("controleur",)),
    **{f"loopbaangesprekken:{n}": ("aanvraag", ("consulent_lwl",))
       for n in ("aanvraag", "aanvraag-claimen", "aanvraag-toewijzen", "aanvraag-overdragen",
                 "aanvraag-adrescontrole", "gesprek-plannen", "gesprek-registreren",
                 "scholingsplan-nieuw")},
    **{f"loopbaangesprekken:gesprek-{n}": ("gesprek", ("consulent_lwl",))
       for n in ("verplaatsen", "annuleren", "niet-verschenen", "vastleggen",
                 "niet-verschenen-herstellen")},
    **{f"loopbaangesprekken:{n}": ("gesprek", ("consulent_lwl",))
       for n in ("verslag-corrigeren", "verslagversies")},
    **{f"loopbaangesprekken:scholingsplan{n}": ("plan", ("consulent_lwl", "beoordelaar"))
       for n in ("", "-bewerken", "-indienen", "-onderbouwing", "-voorleggen",
                 "-indienen-namens")},
    **{f"cheques:{n}": ("plan", ("beoordelaar",))
       for n in ("plan", "aanvulling-vragen", "terugsturen", "toekennen", "afwijzen",
                 "buiten-behandeling", "medeondertekenen", "niet-medeondertekenen",
                 "voorstel-intrekken")},
    **{f"cheques:{n}": ("beschikking", ("inwoner", "beoordelaar"))
       for n in ("beschikking-pdf", "cheque-pdf", "bezwaar-maken")},
    **{f"cheques:{n}": ("cheque", ("financieel", "beoordelaar"))
       for n in ("cheque", "declaratie", "declaratie-corrigeren", "afronding", "vaststellen",
                 "intrekken", "cofinanciering")},
    "cheques:aanvulling-beantwoorden": ("aanvulverzoek", ("inwoner",)),
    # another opleider's cheque in every state (its own: test_betaalstatus_opleider.py)
    "cheques:opleider-cheque": ("cheque", ("opleider",)),
    # finance's queue of the opleiders' declaraties; another opleider and the beoordelaar
    # are refused in Dutch
    **{f"cheques:financien-declaratie{n}": ("indiening", ("financieel", "beoordelaar",
                                                          "opleider"))
       for n in ("", "-accepteren", "-terugsturen", "-factuur", "-bewijs")},
}

# URLs with a kwarg whose record has no state machine (or is no record at all).
GEEN_STATUS = {
    "aanvragen:inloglink": "token van een inloglink",
    "vervolgvragen:invullen": "token van een vragenlijst: open, ingevuld, gestopt en verlopen "
    "in tests/rapportage/test_vervolgvragen.py",
    "vervolgvragen:stoppen": "ondertekende stoplink (tests/rapportage/test_vervolgvragen.py)",
    "vervolgvragen:portaal-invullen": "moment van een vragenlijst: open, ingevuld, gestopt, "
    "niet verstuurd, ingetrokken en verlopen in tests/rapportage/test_portaal_vervolgvragen.py",
    "aanvragen:document": "document (geen levensloop)",
    **{f"{app}:document-verwijderen": "document: per aanvraagstatus in "
       "tests/aanvragen/test_document_verwijderen.py" for app in ("aanvragen",
                                                                 "loopbaangesprekken")},
    "loopbaangesprekken:scholingsplan-cofinancieringsbewijs": "bewijsbestand",
    "cheques:cofinanciering-bewijs": "bewijsbestand van een realisatie (vastgelegd en dus "
    "definitief; tests/cheques/test_cofinanciering.py)",
    "loopbaangesprekken:toezegging-vragen": "cofinancieringsregel: per planstatus in "
    "tests/loopbaangesprekken/test_toezegging.py",
    "toezegging:antwoord": "token van een toezeggingsverzoek (test_toezegging.py)",
    "referentiebeheer:werkgever-wijzigen": "werkgever (referentiedata)",
    "loopbaangesprekken:scholingsplan-akkoordformulier": "ondertekend akkoordformulier",
    "cheques:besluit-pdf": "brief van een vervolgbesluit (document)",
    "cheques:bezwaar-maken-besluit": "vervolgbesluit (geen levensloop; bezwaar: test_bezwaar)",
    "cheques:bezwaar": "bezwaar: uitkomst als gegeven (tests/cheques/test_bezwaar.py)",
    "cheques:wijziging": "wijzigingsverzoek: open of afgehandeld (test_wijziging.py)",
    "cheques:betaalbatch": "betaalbatch (tests/cheques/test_betaalbatch.py)",
    "cheques:betaalbatch-goedkeuren": "betaalbatch (tests/cheques/test_betaalbatch.py)",
    "cheques:betaalbatch-afwijzen": "betaalbatch (tests/cheques/test_betaalbatch.py)",
    "cheques:betaalbatch-bestand": "export van een betaalbatch",
    "tfvv:melding-gelezen": "melding (geen levensloop; tests/tfvv/test_meldingen_views.py)",
    "cheques:terugvordering": "terugvordering (tests/cheques/test_terugvordering.py)",
    "cheques:invorderingsstap": "terugvordering (tests/cheques/test_terugvordering.py)",
    "cheques:plafond-voorstellen": "begrotingsperiode (tfvv-budget)",
    "cheques:plafond-goedkeuren": "plafondbesluit (tests/tfvv/test_plafond.py)",
    "cheques:plafond-intrekken": "plafondbesluit (tests/tfvv/test_plafond.py)",
    **{f"referentiebeheer:{n}": "opleider (referentiedata)"
       for n in ("erkenning-nieuw", "opleider", "opleider-iban", "opleider-wijzigen")},
    **{f"tfvv:{n}": "medewerkersaccount (tests/tfvv/test_beheer_gebruikers.py)"
       for n in ("gebruiker", "gebruiker-qr", "gebruiker-rollen", "gebruiker-tweede-factor",
                 "gebruiker-uitzetten")},
    "tfvv:goedkeuring": "vier-ogenverzoek: open of besloten (tests/tfvv/test_vierogen.py)",
    "cheques:opleider-link": "token van een inloglink van een opleider "
                             "(tests/cheques/test_opleiderportaal.py)",
    "cheques:opleider-accounts": "opleider (referentiedata; test_opleiderportaal.py)",
    "cheques:dossierexport-download": "zip van een steekproef: klaar, verlopen, van een ander "
    "(tests/cheques/test_dossierexport.py)",
    **{f"cheques:{n}": "opleideraccount: actief of uitgezet, beheerder of niet "
       "(tests/cheques/test_opleidercollegas.py, test_opleideraccount_uitzetten.py)"
       for n in ("opleider-collega", "opleider-account")},
    "cheques:opleider-declareren": "cheque van de eigen opleider: per chequestatus in "
    "tests/cheques/test_opleiderdeclaraties_views.py",
    **{f"cheques:{n}": "declaratie van een opleider: per status in "
       "tests/cheques/test_opleiderdeclaraties_views.py"
       for n in ("opleider-declaratie", "opleider-declaratie-intrekken",
                 "opleider-declaratie-factuur", "opleider-declaratie-bewijs")},
    "rapportage:export": "tabelnaam",
    "resultaten:csv": "tabelnaam (tests/rapportage/test_resultaten.py)",
    "cheques:cofinanciering-export": "tabelnaam (tests/cheques/test_cofinanciering.py)",
    "cheques:cofinanciering-corrigeren": "realisatie (definitief); per stand van de correctie "
    "(geen, open, goedgekeurd, afgewezen) in tests/cheques/test_cofinanciering_correctie.py",
    "cheques:cofinanciering-correctie-bewijs": "bewijsbestand van een correctie "
    "(tests/cheques/test_cofinanciering_correctie.py)",
    "rapportage:rapportage": "rapportagebestand",
    "rapportage:rapportage-pdf": "rapportagebestand",
    "rapportage:verantwoording": "begrotingsperiode en bron: rapport in elke status "
    "(tests/rapportage/test_verantwoordingsrapport.py)",
    "rapportage:verantwoording-download": "verantwoordingsrapport in elke status, van een andere "
    "bron of periode (tests/rapportage/test_verantwoordingsrapport.py)",
}

KWARG = {"aanvraag": "pk", "gesprek": "pk", "plan": "pk", "beschikking": "pk",
         "cheque": "nummer", "indiening": "pk"}
KWARG_PER_URL = {"loopbaangesprekken:scholingsplan-nieuw": "aanvraag_id",
                 "cheques:dossier": "aanvraag_id", "cheques:dossier-pdf": "aanvraag_id",
                 "cheques:dossier-export": "aanvraag_id"}


def kwarg_van(naam: str, soort: str) -> str:
    if naam.startswith("cheques:") and soort == "plan":
        return "plan_id"
    return KWARG_PER_URL.get(naam, KWARG[soort])


def kwargs_van(naam: str, soort: str, record) -> dict:
    if soort == "aanvulverzoek":  # the resident's aanvraag and the request on its plan
        return {"pk": record.plan.aanvraag_id, "verzoek_id": record.pk}
    sleutel = kwarg_van(naam, soort)
    return {sleutel: record.nummer if sleutel == "nummer" else record.pk}


def morgen_om_tien() -> tuple[str, str]:
    return werkdag_na().isoformat(), "10:00"


def plausibel(naam: str, objecten) -> dict:
    """Data a person would plausibly send to this URL (fresh files per request)."""
    datum, tijd = morgen_om_tien()
    gisteren = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    pdf = SimpleUploadedFile("bewijs.pdf", PDF, content_type="application/pdf")
    return {
        "aanvragen:intrekken": {"bevestig": "on"},
        "aanvragen:documenten": {"soort": "diploma", "bestand": pdf},
        "loopbaangesprekken:aanvraag-toewijzen": {"consulent": objecten["consulent"].pk},
        "loopbaangesprekken:aanvraag-overdragen": {"reden": "Dichter bij huis."},
        "loopbaangesprekken:aanvraag-adrescontrole": {"uitkomst": "bevestigd"},
        "loopbaangesprekken:gesprek-plannen": {"datum": datum, "tijd": tijd,
                                               "vorm": "telefonisch"},
        "loopbaangesprekken:gesprek-verplaatsen": {"datum": datum, "tijd": tijd,
                                                   "vorm": "telefonisch", "reden": "Ziek."},
        "loopbaangesprekken:gesprek-annuleren": {"reden": "Ziek."},
        "loopbaangesprekken:gesprek-niet-verschenen": {"toelichting": "Niet gekomen."},
        "loopbaangesprekken:gesprek-niet-verschenen-herstellen": {"reden": "Verkeerd gesprek."},
        "loopbaangesprekken:verslag-corrigeren": {"verslag": "Gecorrigeerd verslag.",
                                                  "reden": "Tikfout."},
        **{f"loopbaangesprekken:{n}": {
            "vorm": "telefonisch", "datum": gisteren, "tijd": "10:00", "duur_minuten": "45",
            "onderwerpen": ["scholing"], "verslag": "Goed gesprek.",
            "uitkomst": "vervolggesprek"} for n in ("gesprek-vastleggen",
                                                    "gesprek-registreren")},
        "cheques:aanvulling-vragen": {
            "omschrijving": "Offerte ontbreekt.",
            "hersteltermijn_tot": (timezone.localdate()
                                   + datetime.timedelta(days=14)).isoformat()},
        "cheques:terugsturen": {"reden": "Route klopt niet."},
        "cheques:toekennen": {"bedrag": "1.000,00", "motivering": "Voldoet aan de verordening."},
        "cheques:afwijzen": {"motivering": "Voldoet niet.", "regels": ["R1"]},
        "cheques:buiten-behandeling": {"motivering": "Geen aanvulling ontvangen."},
        "cheques:niet-medeondertekenen": {"reden": "Bedrag te hoog."},
        "cheques:voorstel-intrekken": {"reden": "Verkeerd bedrag voorgesteld."},
        "cheques:declaratie-corrigeren": {"factuurnummer": "F-2", "factuurdatum": gisteren,
                                          "bedrag": "90,00", "reden": "Tikfout."},
        "cheques:declaratie": {"factuurnummer": "F-1", "factuurdatum": gisteren,
                               "bedrag": "100,00", "bewijs": pdf},
        "cheques:afronding": {"soort": "diploma", "bewijs": pdf},
        "cheques:vaststellen": {"bedrag": "100,00", "motivering": "Diploma behaald."},
        "cheques:cofinanciering": {"regel": "1", "bedrag": "100,00", "betaald_aan": "fonds",
                                   "datum": gisteren, "bewijs": pdf},
        "cheques:intrekken": {"grond": "niet_verricht",
                              "motivering": "Opleiding niet gestart."},
        "cheques:bezwaar-maken": {"gronden": "Ik ben het niet eens met dit besluit."},
        "cheques:aanvulling-beantwoorden": {
            "tekst": "Hierbij de verklaring van mijn werkgever.", "documenten-TOTAL_FORMS": "3",
            "documenten-INITIAL_FORMS": "0", "documenten-0-soort": "werkgeversverklaring",
            "documenten-0-bestand": pdf},
        "loopbaangesprekken:scholingsplan-indienen": {
            "toelichting": "De inwoner stuurde de werkgeversverklaring."},
        "aanvragen:wijziging": {"startdatum": datum, "toelichting": "Later gestart."},
        "scholingsplan-inwoner:akkoord": {"akkoord-akkoord": "on", "akkoord-versie": "0" * 64},
        "scholingsplan-inwoner:eigen-bijdrage": {"bedrag": "500.00", "akkoord": "on"},
        "scholingsplan-inwoner:wijziging": {"wijziging-toelichting": "Later beginnen.",
                                            "wijziging-versie": "0" * 64},
        "loopbaangesprekken:scholingsplan-indienen-namens": {
            "reden": "Op papier ondertekend.", "formulier": pdf},
        "cheques:financien-declaratie": {"tekst": "Klopt het bedrag op de factuur?"},
        "cheques:financien-declaratie-terugsturen": {"reden": "De factuur is onleesbaar."},
    }.get(naam, {})


# --- records in every state -----------------------------------------------------------

class Toestanden:
    """One record per state per kind, all of the resident role and its Leerwerkloket."""

    def __init__(self, inwoner, medewerkers):
        self.inwoner = inwoner
        self.m = medewerkers
        self.consulent = medewerkers["consulent_lwl"]
        maak_periode()

    def aanvraag(self, status, **velden):
        consulent = None if status == A.AANGEMELD else self.consulent
        return AanvraagFactory(aanvrager=self.inwoner, status=status, consulent=consulent,
                               **velden)

    def aanvragen(self):
        return {s: self.aanvraag(s) for s in A.values}

    def gesprekken(self):
        uit = {}
        for s in G.values:
            velden = {}
            if s == G.GEVOERD:
                velden = {"gevoerd_op": timezone.now(), "duur_minuten": 45,
                          "onderwerpen": ["scholing"], "verslag": "Verslag.",
                          "uitkomst": Gesprek.Uitkomst.VERVOLGGESPREK}
            uit[s] = GesprekFactory(aanvraag=self.aanvraag(A.IN_BEHANDELING),
                                    consulent=self.consulent, status=s, **velden)
        return uit

    def plan(self, status, aanvraag_status, toets=VOLDAAN):
        # the snapshot as the submission stores it: the verdict under "uitslag"
        return ScholingsplanFactory(aanvraag=self.aanvraag(aanvraag_status),
                                    consulent=self.consulent, status=status,
                                    toets_snapshot={"uitslag": toets})

    def plannen(self):
        per_status = {P.CONCEPT: A.SCHOLINGSPLAN, P.TERUG: A.SCHOLINGSPLAN,
                      P.INGEDIEND: A.INGEDIEND, P.AANVULLING: A.INGEDIEND,
                      P.BESLOTEN: A.TOEGEKEND, P.INGETROKKEN: A.INGETROKKEN}
        uit = {s: self.plan(s, a) for s, a in per_status.items()}
        uit["ingediend, voorstel wacht op medeondertekening"] = self.concept().plan
        return uit

    def concept(self):
        plan = self.plan(P.INGEDIEND, A.INGEDIEND, toets=toets_met(R4="handmatig"))
        return cheque_services.toekennen(plan=plan, door=self.m["beoordelaar2"],
                                         bedrag=Decimal("1000.00"), motivering="Voldoet.")

    def verzonden(self):
        plan = self.plan(P.INGEDIEND, A.INGEDIEND)
        with TestCase.captureOnCommitCallbacks(execute=True):
            beschikking = cheque_services.toekennen(plan=plan, door=self.m["beoordelaar2"],
                                                    bedrag=Decimal("100.00"),
                                                    motivering="Voldoet.")
        return beschikking

    def aanvulverzoeken(self):
        """A request on a plan in every plan state, and an answered and an overdue one."""

        def verzoek(plan, **velden):
            velden.setdefault("hersteltermijn_tot", werkdag_na(dagen=14))
            return Aanvulverzoek.objects.create(
                plan=plan, gevraagd_door=self.m["beoordelaar"], omschrijving="Offerte?",
                **velden)

        uit = {f"plan {s}": verzoek(plan) for s, plan in self.plannen().items()}
        uit["beantwoord"] = verzoek(self.plan(P.AANVULLING, A.INGEDIEND),
                                    beantwoord_op=timezone.now())
        uit["hersteltermijn verstreken"] = verzoek(
            self.plan(P.AANVULLING, A.INGEDIEND),
            hersteltermijn_tot=timezone.localdate() - datetime.timedelta(days=1))
        return uit

    def beschikkingen(self):
        return {B.CONCEPT: self.concept(), B.VERZONDEN: self.verzonden()}

    def cheques(self):
        """Each state reached through the real services, so its data is complete."""
        fin, b = self.m["financieel"], self.m["beoordelaar"]

        def nieuw():
            return self.verzonden().cheque

        def gedeclareerd():
            cheque = nieuw()
            declareer(cheque, fin, "100.00")
            return cheque

        def voorschot_betaald():
            cheque = gedeclareerd()
            betaal(fin, self.m["financieel2"])
            return cheque

        def vastgesteld():
            cheque = gedeclareerd()
            rond_af(cheque, fin)
            stel_vast(cheque, fin, "100.00")
            return cheque

        def betaald():
            cheque = vastgesteld()
            betaal(fin, self.m["financieel2"])
            return cheque

        def vervallen():
            cheque = nieuw()
            cheque_services.laat_vervallen(cheque=cheque,
                                           vandaag=cheque.geldig_tot + datetime.timedelta(1))
            return cheque

        def ingetrokken():
            cheque = nieuw()
            cheque_services.intrekken(cheque=cheque, door=b, grond="niet_verricht",
                                      motivering="Niet gestart.")
            return cheque

        # the batches first: a batch pays everything due, so a declared or settled cheque
        # made before it would be paid along
        makers = {C.VOORSCHOT_BETAALD: voorschot_betaald, C.BETAALD: betaald,
                  C.UITGEGEVEN: nieuw, C.GEDECLAREERD: gedeclareerd, C.VASTGESTELD: vastgesteld,
                  C.VERVALLEN: vervallen, C.INGETROKKEN: ingetrokken}
        assert set(makers) == set(C.values), "a new cheque state: add it here"
        uit = {status: maak() for status, maak in makers.items()}
        for status, cheque in uit.items():  # each still in its state once all are made
            cheque.refresh_from_db()
            assert cheque.status == status
        return uit

    def indieningen(self):
        """An opleider's declaratie in every state, through the real services; open ones
        also on a cheque after its voorschot and on a cheque withdrawn in the meantime."""
        from cheques.declaratieregels import Gegevens
        from cheques.models import Declaratieindiening
        from cheques.services import opleiderdeclaraties as od
        from tests.cheques.financien import pdf
        from tests.cheques.opleiders import maak_opleidergebruiker

        fin, S = self.m["financieel"], Declaratieindiening.Bewijssoort
        teller = iter(range(1, 100))

        def dien_in(cheque, bewijssoort=S.START):
            door = maak_opleidergebruiker(cheque.opleider, self.m["beheerder"])
            factuur = cheque.status == C.UITGEGEVEN
            gegevens = Gegevens(
                factuurnummer=f"F-{next(teller)}" if factuur else "",
                factuurdatum=timezone.localdate() if factuur else None,
                bedrag=Decimal("100.00") if factuur else None, bewijssoort=bewijssoort)
            return od.dien_in(cheque=cheque, door=door, gegevens=gegevens,
                              factuur=pdf("factuur.pdf") if factuur else None, bewijs=pdf())

        # the voorschot first: a batch pays everything due
        na_voorschot = self.verzonden().cheque
        declareer(na_voorschot, fin, "100.00")
        betaal(fin, self.m["financieel2"])
        na_voorschot.refresh_from_db()
        uit = {"ingediend, bewijs van afronding na voorschot": dien_in(na_voorschot, S.DIPLOMA),
               "ingediend, start": dien_in(self.verzonden().cheque),
               "ingediend, diploma met factuur": dien_in(self.verzonden().cheque, S.DIPLOMA)}
        ingetrokken = dien_in(self.verzonden().cheque)
        cheque_services.intrekken(cheque=ingetrokken.cheque, door=self.m["beoordelaar"],
                                  grond="niet_verricht", motivering="Niet gestart.")
        uit["ingediend, cheque intussen ingetrokken"] = ingetrokken
        for soort in (S.START, S.DIPLOMA):
            uit[f"geaccepteerd, {soort}"] = od.accepteer(
                indiening=dien_in(self.verzonden().cheque, soort), door=fin)
        uit["teruggestuurd"] = od.stuur_terug(indiening=dien_in(self.verzonden().cheque),
                                              door=fin, reden="Onleesbaar.")
        teruggetrokken = dien_in(self.verzonden().cheque)
        uit["ingetrokken"] = od.trek_in(indiening=teruggetrokken,
                                        door=teruggetrokken.ingediend_door)
        assert {i.status for i in uit.values()} == set(Declaratieindiening.Status.values)
        return uit


# --- what a refusal may say -----------------------------------------------------------

INTERNE_CODES = sorted({c for keuzes in (A, G, P, B, C) for c in keuzes.values if "_" in c})
TECHNISCH = re.compile(r"kan niet vanuit|Traceback|DoesNotExist|OngeldigeTransitie|"
                       r"ValidationError|status '\w+'", re.IGNORECASE)
NEDERLANDS = re.compile(r"\b(de|het|een|niet|u|uw|deze|is)\b", re.IGNORECASE)


def zichtbare_tekst(response) -> str:
    if "text/html" not in response.get("Content-Type", ""):
        return ""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", html)


def gebreken(response) -> list[str]:
    """What is wrong with this answer (empty: fine)."""
    code = response.status_code
    if code >= 500 or code not in (200, 301, 302, 303, 400, 403, 404, 405, 409):
        return [f"status {code}"]
    tekst = zichtbare_tekst(response)
    fouten = [f"interne naam {c!r}" for c in INTERNE_CODES if c in tekst]
    if TECHNISCH.search(tekst):
        fouten.append(f"technische melding {TECHNISCH.search(tekst).group(0)!r}")
    if code in (400, 403, 404, 409) and tekst and not NEDERLANDS.search(tekst):
        fouten.append("weigering zonder Nederlandse tekst")
    return fouten


# --- the tests ------------------------------------------------------------------------

def test_elke_record_url_is_gedekt():
    """Every URL with a path argument is either checked here in every state, or named in
    GEEN_STATUS with the reason it has no states."""
    met_kwargs = {naam for naam, conv in url_namen().items() if conv}
    ontbreekt = sorted(met_kwargs - set(RECORD_URLS) - set(GEEN_STATUS))
    assert not ontbreekt, (
        "Voeg deze URL's toe aan RECORD_URLS (record en rollen) of GEEN_STATUS in "
        "tests/test_nooit_500.py:\n  " + "\n  ".join(ontbreekt))
    verouderd = sorted((set(RECORD_URLS) | set(GEEN_STATUS)) - set(url_namen()))
    assert not verouderd, f"Deze namen bestaan niet meer: {verouderd}"


SOORTEN = ("aanvraag", "gesprek", "plan", "beschikking", "cheque", "aanvulverzoek",
           "indiening")
MAKERS = {"aanvraag": "aanvragen", "gesprek": "gesprekken", "plan": "plannen",
          "beschikking": "beschikkingen", "cheque": "cheques",
          "aanvulverzoek": "aanvulverzoeken", "indiening": "indieningen"}


@pytest.fixture
def stille_weigeringen():
    """403/404 are expected here by the hundred: do not log each with its traceback
    (a 500 is still logged)."""
    logger = logging.getLogger("django.request")
    niveau = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(niveau)


@pytest.mark.parametrize("soort", SOORTEN)
def test_geen_500_in_welke_status_ook(soort, medewerkers, stille_weigeringen):
    clients, inwoner = maak_rolclients(medewerkers)
    records = getattr(Toestanden(inwoner, medewerkers), MAKERS[soort])()
    objecten = {"consulent": medewerkers["consulent_lwl"]}
    afwijkingen = []
    for naam, (record_soort, rollen) in RECORD_URLS.items():
        if record_soort != soort:
            continue
        for status, record in records.items():
            url = reverse(naam, kwargs=kwargs_van(naam, soort, record))
            for rol in rollen:
                pogingen = [("get", None), ("post", {}), ("post", plausibel(naam, objecten))]
                for methode, data in pogingen:
                    response = vraag(clients[rol], methode, url, data)
                    for fout in gebreken(response):
                        afwijkingen.append(f"{methode.upper()} {naam} [{status}] {rol}: {fout}")
                    if methode == "post" and response.status_code in (403, 404, 405):
                        break  # refused before the data is read: plausible data changes nothing
    assert not afwijkingen, "\n".join(afwijkingen)
