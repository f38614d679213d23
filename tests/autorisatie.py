"""The authorisation matrix: for every named URL of the project, what each role gets.

tests/test_autorisatiematrix.py enumerates all URL patterns; a URL name missing here
fails the suite. Add an entry when you add a URL:

    "cheques:cheque-pdf": Regel(
        {**ALLEEN_LOGIN, "inwoner": "ok", "beoordelaar": "ok"},   # GET outcome per role
        kwargs=lambda o: {"pk": o.cheque_eigen.pk},              # objects: see Objecten
        post=wie("403", inwoner="405", beoordelaar="405"),        # POST outcome per role
    ),

Outcomes: "ok" (2xx), "redirect" (3xx, not to a login page), "login" (redirect to
a login page), "400" (form refused with the messages at the fields), "403", "404",
"405". Roles not named in a dict built with `wie(...)` get the default of `wie`.

`verwacht` is checked with GET, `post` (when given) with a POST of `data` (empty: a
form that is sent without input). Every POST runs in a savepoint that is rolled back,
so an allowed action (claim, submit, log out) does not change what the next role sees.
Objects for URL kwargs come from `Objecten` in tests/test_autorisatiematrix.py (add a
property there for a new kind of record); `vooraf` names records that must exist
before the page is requested (e.g. the resident's own aanvraag on a page without kwargs).

The objects are those of the resident role (`inwoner` is their owner) and of a
Leerwerkloket Twente case: consulent_lwl handles it, consulent_manager sees both
loketten, consulent_lbs (Loopbaanstation) must get 404 as if it did not exist.
`controleur` (controller / accountant) is read-only staff: refused everywhere except its
own pages (the dossier export) and the dossiers it audits.
`opleider` is a user of an opleider organisation that none of these records belong to
(its cheque is another opleider's): it reaches only the opleider portal.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLLEN = (
    "anoniem", "inwoner", "consulent_lwl", "consulent_lbs", "consulent_manager",
    "beoordelaar", "financieel", "adviesgroep", "beheerder", "controleur", "opleider",
)
MEDEWERKERS = ROLLEN[2:-1]
UITKOMSTEN = frozenset({"ok", "redirect", "login", "400", "403", "404", "405"})


def wie(standaard: str = "403", *, anoniem: str = "login", **per_rol: str) -> dict[str, str]:
    """Outcome per role: `per_rol` for the named roles, `standaard` for the other
    logged-in roles, `anoniem` for a visitor who is not logged in."""
    onbekend = set(per_rol) - set(ROLLEN)
    if onbekend:
        raise KeyError(f"Onbekende rol(len): {sorted(onbekend)}")
    return {"anoniem": anoniem, **dict.fromkeys(ROLLEN[1:], standaard), **per_rol}


def alleen(*rollen: str, anoniem: str = "login", anders: str = "403",
           uitkomst: str = "ok") -> dict[str, str]:
    """Only `rollen` get `uitkomst`; other logged-in roles `anders`, visitors `anoniem`."""
    return wie(anders, anoniem=anoniem, **dict.fromkeys(rollen, uitkomst))


def loket(uitkomst: str = "ok", *, ander_loket: str = "404", **per_rol: str) -> dict[str, str]:
    """A page of a Leerwerkloket case: its consulent and the manager get `uitkomst`, the
    consulent of Loopbaanstation `ander_loket` (404: as if it did not exist), roles
    without the consulent role 403, visitors the staff login."""
    return wie("403", consulent_lwl=uitkomst, consulent_manager=uitkomst,
               consulent_lbs=ander_loket, **per_rol)


def plan_zien(uitkomst: str = "ok", *, ander_loket: str = "404") -> dict[str, str]:
    """A scholingsplan of a Leerwerkloket case: its consulenten and the beoordelaar."""
    return loket(uitkomst, ander_loket=ander_loket, beoordelaar=uitkomst)


IEDEREEN = wie("ok", anoniem="ok")
CONSULENTEN = ("consulent_lwl", "consulent_lbs", "consulent_manager")


@dataclass(frozen=True)
class Regel:
    verwacht: dict[str, str]
    kwargs: Callable | dict = field(default_factory=dict)
    post: dict[str, str] | None = None
    data: dict = field(default_factory=dict)
    vooraf: tuple[str, ...] = ()


MATRIX: dict[str, Regel] = {
    # --- tfvv ---------------------------------------------------------------------------
    "tfvv:home": Regel(IEDEREEN),
    "tfvv:privacy": Regel(IEDEREEN),
    "tfvv:toegankelijkheid": Regel(IEDEREEN),
    "tfvv:gezondheid": Regel(IEDEREEN),
    # an empty login form is shown again with its messages, to everyone
    "tfvv:inloggen-medewerker": Regel(IEDEREEN, post=IEDEREEN),
    # start: every logged-in role is sent on to its own start page
    "tfvv:start": Regel(wie("redirect", anoniem="redirect"), vooraf=("aanvraag_eigen",)),
    # logging out is POST only; afterwards everyone lands on the home page
    "tfvv:uitloggen": Regel(wie("405", anoniem="405"),
                            post=wie("redirect", anoniem="redirect")),
    # step-up confirmation: staff only (an empty code is refused at the field)
    # (the opleider user is no staff: no step-up, meldingen or termijnen)
    "tfvv:bevestigen": Regel(wie("ok", inwoner="403", opleider="403"),
                             post=wie("ok", inwoner="403", opleider="403")),
    "tfvv:beheer": Regel(alleen("beheerder"), post=alleen("beheerder", uitkomst="405")),
    # meldingen and termijnen: every staff member their own (tfvv.meldingen); a melding of
    # someone else is as if it did not exist
    "tfvv:meldingen": Regel(wie("ok", inwoner="403", opleider="403"),
                            post=wie("redirect", inwoner="403", opleider="403")),
    "tfvv:melding-gelezen": Regel(wie("405", inwoner="403", opleider="403"),
                                  kwargs=lambda o: {"pk": o.melding.pk},
                                  post=wie("404", inwoner="403", opleider="403",
                                           beoordelaar="redirect")),
    "tfvv:meldingen-voorkeur": Regel(wie("405", inwoner="403", opleider="403"),
                                     post=wie("400", inwoner="403", opleider="403")),
    "tfvv:termijnen": Regel(wie("ok", inwoner="403", opleider="403"),
                            post=wie("405", inwoner="403", opleider="403")),
    "tfvv:termijnen-team": Regel(alleen(*CONSULENTEN, "beoordelaar", "financieel"),
                                 post=alleen(*CONSULENTEN, "beoordelaar", "financieel",
                                             uitkomst="405")),
    # beheer pages (four-eyes: tfvv.vierogen); an empty form is refused at its fields
    "tfvv:goedkeuringen": Regel(alleen("financieel", "beheerder"),
                                post=alleen("financieel", "beheerder", uitkomst="405")),
    "tfvv:goedkeuring": Regel(alleen("financieel", "beheerder"),
                              kwargs=lambda o: {"pk": o.ibanverzoek.pk},
                              post=alleen("financieel", "beheerder", uitkomst="400")),
    "tfvv:gebruikers": Regel(alleen("beheerder"), post=alleen("beheerder", uitkomst="405")),
    "tfvv:gebruiker-nieuw": Regel(alleen("beheerder"), post=alleen("beheerder", uitkomst="400")),
    "tfvv:gebruiker": Regel(alleen("beheerder"),
                            kwargs=lambda o: {"pk": o.medewerker.pk},
                            post=alleen("beheerder", uitkomst="405")),
    **{f"tfvv:{naam}": Regel(alleen("beheerder"),
                             kwargs=lambda o: {"pk": o.medewerker.pk},
                             post=alleen("beheerder", uitkomst="400"))
       for naam in ("gebruiker-rollen", "gebruiker-tweede-factor", "gebruiker-uitzetten")},
    # shown once, right after it was made; otherwise back to the account
    "tfvv:gebruiker-qr": Regel(alleen("beheerder", uitkomst="redirect"),
                               kwargs=lambda o: {"pk": o.medewerker.pk},
                               post=alleen("beheerder", uitkomst="405")),
    "tfvv:regelingen": Regel(alleen("beheerder"), post=alleen("beheerder", uitkomst="405")),
    "tfvv:regeling-nieuw": Regel(alleen("beheerder"), post=alleen("beheerder", uitkomst="400")),
    "referentiebeheer:opleiders": Regel(alleen("beheerder"),
                                        post=alleen("beheerder", uitkomst="405")),
    "referentiebeheer:opleider-nieuw": Regel(alleen("beheerder"),
                                             post=alleen("beheerder", uitkomst="400")),
    "referentiebeheer:opleider": Regel(alleen("beheerder"), kwargs=lambda o: {"pk": o.opleider.pk},
                                       post=alleen("beheerder", uitkomst="405")),
    **{f"referentiebeheer:{naam}": Regel(alleen("beheerder"),
                                         kwargs=lambda o: {"pk": o.opleider.pk},
                                         post=alleen("beheerder", uitkomst="400"))
       for naam in ("opleider-wijzigen", "erkenning-nieuw", "opleider-iban")},
    "referentiebeheer:werkgevers": Regel(alleen("beheerder"),
                                         post=alleen("beheerder", uitkomst="405")),
    "referentiebeheer:werkgever-nieuw": Regel(alleen("beheerder"),
                                              post=alleen("beheerder", uitkomst="400")),
    "referentiebeheer:werkgever-wijzigen": Regel(alleen("beheerder"),
                                                 kwargs=lambda o: {"pk": o.werkgever.pk},
                                                 post=alleen("beheerder", uitkomst="400")),
    "referentiebeheer:kansberoepenlijsten": Regel(alleen("beheerder"),
                                                  post=alleen("beheerder", uitkomst="405")),
    "referentiebeheer:kansberoepenlijst-nieuw": Regel(alleen("beheerder"),
                                                      post=alleen("beheerder", uitkomst="400")),
    # the admin sends everyone without staff status to the staff login
    "admin:index": Regel(alleen("beheerder", anders="login")),
    # --- aanvragen: public --------------------------------------------------------------
    # an empty form: messages at the fields, nothing stored
    "aanvragen:aanmelden": Regel(IEDEREEN, post=IEDEREEN),
    # nothing was submitted in this browser: back to the form
    "aanvragen:ontvangen": Regel(wie("redirect", anoniem="redirect")),
    "aanvragen:inloggen": Regel(IEDEREEN, post=IEDEREEN),
    "aanvragen:link-verstuurd": Regel(IEDEREEN),
    # GET shows only a button; the POST spends the link and logs its owner in, whoever
    # holds it (the link is the credential; tests/test_idor.py checks what that means)
    "aanvragen:inloglink": Regel(IEDEREEN, kwargs=lambda o: {"token": o.inloglink_token},
                                 post=wie("redirect", anoniem="redirect")),
    # the link mailed to a new e-mail address: only the logged-in resident who asked for it
    # confirms with it (GET shows only a button)
    "aanvragen:emailadres-bevestigen": Regel(
        alleen("inwoner"), kwargs=lambda o: {"token": o.emailwijziging_token},
        post=alleen("inwoner")),
    # --- rapportage: the follow-up questionnaire (public; the link in the mail is the key;
    # an empty POST returns the form with the messages at the fields) ------------------
    "vervolgvragen:invullen": Regel(IEDEREEN, kwargs=lambda o: {"token": o.vervolgvragen_token},
                                    post=IEDEREEN),
    "vervolgvragen:bedankt": Regel(IEDEREEN),
    # the same questions in the portal: only the resident who owns the moment (an empty POST
    # returns the form with the messages at the fields)
    "vervolgvragen:portaal-invullen": Regel(
        alleen("inwoner"),
        kwargs=lambda o: {"pk": o.vervolgmeting.cheque.beschikking.plan.aanvraag_id,
                          "meting_id": o.vervolgmeting.pk},
        post=alleen("inwoner")),
    # GET asks to confirm; the POST stops, whoever holds the signed link
    "vervolgvragen:stoppen": Regel(
        IEDEREEN, kwargs=lambda o: {"sleutel": o.vervolgvragen_stopsleutel}, post=IEDEREEN),
    # the public results page and its CSV (open data, suppressed)
    "resultaten:pagina": Regel(IEDEREEN),
    "resultaten:csv": Regel(IEDEREEN, kwargs={"tabel": "kwartalen"}),
    # the co-financing party's page: no account, the single-use link is the credential;
    # an empty answer is refused at the fields and leaves the link valid
    "toezegging:antwoord": Regel(IEDEREEN, kwargs=lambda o: {"token": o.toezegging_token},
                                 post=wie("400", anoniem="400")),
    "toezegging:ontvangen": Regel(IEDEREEN, post=wie("405", anoniem="405")),
    # --- aanvragen: Mijn aanvraag (the owner only; residents: other people's → 404) -----
    # one aanvraag: straight to it
    "aanvragen:mijn-aanvraag": Regel(alleen("inwoner", uitkomst="redirect"),
                                     vooraf=("aanvraag_eigen",)),
    "aanvragen:contactgegevens": Regel(alleen("inwoner"), post=alleen("inwoner"),
                                       vooraf=("aanvraag_eigen",)),
    "aanvragen:mijn-gegevens": Regel(alleen("inwoner"), post=alleen("inwoner", uitkomst="405"),
                                     vooraf=("document_eigen",)),
    "aanvragen:aanvraag": Regel(alleen("inwoner"), kwargs=lambda o: {"pk": o.aanvraag_eigen.pk},
                                post=alleen("inwoner", uitkomst="405")),
    "aanvragen:documenten": Regel(alleen("inwoner"),
                                  kwargs=lambda o: {"pk": o.aanvraag_eigen.pk},
                                  post=alleen("inwoner")),
    "aanvragen:intrekken": Regel(alleen("inwoner"), kwargs=lambda o: {"pk": o.aanvraag_eigen.pk},
                                 post=alleen("inwoner")),
    "aanvragen:wijziging": Regel(alleen("inwoner"), kwargs=lambda o: {"pk": o.aanvraag_eigen.pk},
                                 post=alleen("inwoner", uitkomst="400")),
    # the owner removes their own upload while the aanvraag is open (the reason is
    # required: an empty form 400); someone else's document 404
    "aanvragen:document-verwijderen": Regel(
        alleen("inwoner"), kwargs=lambda o: {"pk": o.document_eigen.pk},
        post=alleen("inwoner", uitkomst="400")),
    # the scholingsplan the consulent put up: the owner reads it and answers (an empty
    # answer is refused at the fields); staff never answer for the resident (403)
    "scholingsplan-inwoner:bekijken": Regel(
        alleen("inwoner"), kwargs=lambda o: {"pk": o.plan_voorgelegd.aanvraag_id},
        post=alleen("inwoner", uitkomst="405")),
    **{f"scholingsplan-inwoner:{naam}": Regel(
        alleen("inwoner", uitkomst="405"),
        kwargs=lambda o: {"pk": o.plan_voorgelegd.aanvraag_id},
        post=alleen("inwoner", uitkomst="400"))
       for naam in ("akkoord", "wijziging")},
    # the own contribution of the resident's plan: the owner declares it (no tick: 400)
    "scholingsplan-inwoner:eigen-bijdrage": Regel(
        alleen("inwoner"), kwargs=lambda o: {"pk": o.plan_eigen_bijdrage.aanvraag_id},
        post=alleen("inwoner", uitkomst="400")),
    # the owner; the case's consulenten, beoordelaar and financieel (logged as inzage);
    # adviesgroep and beheerder never see personal documents
    "aanvragen:document": Regel(
        loket(inwoner="ok", beoordelaar="ok", financieel="ok", opleider="404"),
        kwargs=lambda o: {"pk": o.document_eigen.pk}),
    # --- loopbaangesprekken: the consulent's workspace ----------------------------------
    "loopbaangesprekken:werkvoorraad": Regel(alleen(*CONSULENTEN),
                                             post=alleen(*CONSULENTEN, uitkomst="405")),
    # the manager's batch assignment: POST only; an empty form goes back to the queue with
    # the message; a consulent who is not a manager 403
    "loopbaangesprekken:werkvoorraad-toewijzen": Regel(
        alleen(*CONSULENTEN, uitkomst="405"),
        post=wie("403", consulent_manager="redirect")),
    "loopbaangesprekken:aanvraag": Regel(loket(), kwargs=lambda o: {"pk": o.zaak.pk},
                                         post=loket("405", ander_loket="405")),
    # POST only; the case is loaded (404 for the other loket) before the method check
    "loopbaangesprekken:aanvraag-claimen": Regel(
        loket("405"), kwargs=lambda o: {"pk": o.aanvraag_eigen.pk}, post=loket("redirect")),
    "loopbaangesprekken:aanvraag-toewijzen": Regel(
        loket(), kwargs=lambda o: {"pk": o.zaak.pk}, post=loket()),
    "loopbaangesprekken:aanvraag-overdragen": Regel(
        loket(), kwargs=lambda o: {"pk": o.zaak.pk}, post=loket()),
    "loopbaangesprekken:aanvraag-adrescontrole": Regel(
        loket(), kwargs=lambda o: {"pk": o.zaak_grenspostcode.pk}, post=loket()),
    "loopbaangesprekken:gesprek-plannen": Regel(
        loket(), kwargs=lambda o: {"pk": o.zaak.pk}, post=loket()),
    "loopbaangesprekken:gesprek-registreren": Regel(
        loket(), kwargs=lambda o: {"pk": o.zaak.pk}, post=loket()),
    "loopbaangesprekken:gesprek-verplaatsen": Regel(
        loket(), kwargs=lambda o: {"pk": o.gesprek.pk}, post=loket()),
    "loopbaangesprekken:gesprek-annuleren": Regel(
        loket(), kwargs=lambda o: {"pk": o.gesprek.pk}, post=loket()),
    # the explanation is optional: an empty form registers the no-show (only after the
    # planned time; before it the consulent gets 403 with the reason)
    "loopbaangesprekken:gesprek-niet-verschenen": Regel(
        loket(), kwargs=lambda o: {"pk": o.gesprek_verstreken.pk}, post=loket("redirect")),
    # corrections: the reason is required, so an empty form comes back with its message
    "loopbaangesprekken:gesprek-niet-verschenen-herstellen": Regel(
        loket(), kwargs=lambda o: {"pk": o.gesprek_niet_verschenen.pk}, post=loket()),
    "loopbaangesprekken:verslag-corrigeren": Regel(
        loket(), kwargs=lambda o: {"pk": o.gesprek_gevoerd.pk}, post=loket()),
    "loopbaangesprekken:verslagversies": Regel(
        loket(), kwargs=lambda o: {"pk": o.gesprek_gevoerd.pk},
        post=loket("405", ander_loket="405")),
    # a document on the case, uploaded by the resident: the consulenten of its loket
    "loopbaangesprekken:document-verwijderen": Regel(
        loket(), kwargs=lambda o: {"pk": o.document_eigen.pk}, post=loket()),
    "loopbaangesprekken:gesprek-vastleggen": Regel(
        loket(), kwargs=lambda o: {"pk": o.gesprek.pk}, post=loket()),
    # --- loopbaangesprekken: scholingsplan ----------------------------------------------
    # an empty plan form is refused with 400 and the messages at the fields
    "loopbaangesprekken:scholingsplan-nieuw": Regel(
        loket(), kwargs=lambda o: {"aanvraag_id": o.zaak.pk}, post=loket("400")),
    "loopbaangesprekken:scholingsplan": Regel(
        plan_zien(), kwargs=lambda o: {"pk": o.plan.pk}, post=plan_zien("405", ander_loket="405")),
    "loopbaangesprekken:scholingsplan-bewerken": Regel(
        loket(), kwargs=lambda o: {"pk": o.plan.pk}, post=loket("400")),
    # POST only: the method is checked before the plan is loaded
    "loopbaangesprekken:scholingsplan-indienen": Regel(
        loket("405", ander_loket="405"), kwargs=lambda o: {"pk": o.plan.pk},
        post=loket("redirect")),
    # the resident's approval: put the plan up (POST only; an already approved plan goes
    # back to the plan page with the reason), or submit on their behalf (reason required)
    "loopbaangesprekken:scholingsplan-voorleggen": Regel(
        loket("405", ander_loket="405"), kwargs=lambda o: {"pk": o.plan.pk},
        post=loket("redirect")),
    "loopbaangesprekken:scholingsplan-indienen-namens": Regel(
        loket(), kwargs=lambda o: {"pk": o.plan.pk}, post=loket("400")),
    "loopbaangesprekken:scholingsplan-akkoordformulier": Regel(
        plan_zien(), kwargs=lambda o: {"pk": o.akkoordformulier.pk},
        post=plan_zien("405", ander_loket="405")),
    "loopbaangesprekken:scholingsplan-onderbouwing": Regel(
        plan_zien(), kwargs=lambda o: {"pk": o.plan.pk}, post=plan_zien("405", ander_loket="405")),
    # "Toezegging vragen" on a line (POST only); a confirmed line goes back to the plan
    # with the reason
    "loopbaangesprekken:toezegging-vragen": Regel(
        loket("405", ander_loket="405"), kwargs=lambda o: {"pk": o.cofinancieringsregel.pk},
        post=loket("redirect")),
    # a consulent adds an employer to the register from the plan form (an empty form: 400)
    "loopbaangesprekken:werkgever-toevoegen": Regel(alleen(*CONSULENTEN),
                                                    post=alleen(*CONSULENTEN, uitkomst="400")),
    "loopbaangesprekken:scholingsplan-cofinancieringsbewijs": Regel(
        plan_zien(), kwargs=lambda o: {"pk": o.cofinancieringsregel.pk},
        post=plan_zien("405", ander_loket="405")),
    # --- cheques: the beoordelaar --------------------------------------------------------
    "cheques:beoordelen": Regel(alleen("beoordelaar"), post=alleen("beoordelaar", uitkomst="405")),
    "cheques:plan": Regel(alleen("beoordelaar"), kwargs=lambda o: {"plan_id": o.plan_ingediend.pk},
                          post=alleen("beoordelaar", uitkomst="405")),
    # decisions are POST forms on the plan page: GET goes back to it; an empty form is
    # refused with 400 (or the decision is not possible in this state: 400 with the reason)
    **{f"cheques:{naam}": Regel(
        alleen("beoordelaar", uitkomst="redirect"),
        kwargs=lambda o: {"plan_id": o.plan_ingediend.pk},
        post=alleen("beoordelaar", uitkomst="400"))
       for naam in ("aanvulling-vragen", "terugsturen", "toekennen", "afwijzen",
                    "buiten-behandeling", "niet-medeondertekenen", "voorstel-intrekken")},
    # co-signing needs a concept beschikking, which this plan does not have
    "cheques:medeondertekenen": Regel(
        alleen("beoordelaar", uitkomst="redirect"),
        kwargs=lambda o: {"plan_id": o.plan_ingediend.pk},
        post=alleen("beoordelaar", uitkomst="404")),
    # --- cheques: search and archive (each role within its reach; no personal data for
    # adviesgroep and beheerder)
    "cheques:zoeken": Regel(alleen(*CONSULENTEN, "beoordelaar", "financieel"),
                            post=alleen(*CONSULENTEN, "beoordelaar", "financieel",
                                        uitkomst="405")),
    # --- cheques: the whole dossier of an aanvraag ---------------------------------------
    # beoordelaar and finance every case; the consulenten of its loket (the manager both);
    # the other loket 404; adviesgroep, beheerder and residents never (personal data)
    # (and the controleur: read-only, for an audit)
    **{f"cheques:{naam}": Regel(
        loket(beoordelaar="ok", financieel="ok", controleur="ok"),
        kwargs=lambda o: {"aanvraag_id": o.zaak.pk},
        post=loket("405", ander_loket="405", beoordelaar="405", financieel="405",
                   controleur="405"))
       for naam in ("dossier", "dossier-pdf")},
    # --- cheques: dossier exports for an audit (controleur and finance; docs/controle.md)
    # the zip of one dossier: POST only (logged as an AVG access)
    "cheques:dossier-export": Regel(
        alleen("controleur", "financieel", uitkomst="405"),
        kwargs=lambda o: {"aanvraag_id": o.zaak.pk},
        post=alleen("controleur", "financieel")),
    # an empty sample form is refused at its fields
    "cheques:controle": Regel(alleen("controleur", "financieel"),
                              post=alleen("controleur", "financieel", uitkomst="400")),
    # a sample made in the background: only its requester (the controleur) downloads it
    "cheques:dossierexport-download": Regel(
        wie("403", controleur="ok", financieel="404"),
        kwargs=lambda o: {"pk": o.dossierexport.pk},
        post=alleen("controleur", "financieel", uitkomst="405")),
    # --- cheques: finance ---------------------------------------------------------------
    "cheques:financien": Regel(alleen("financieel"), post=alleen("financieel", uitkomst="405")),
    "cheques:betaalbatches": Regel(alleen("financieel"),
                                   post=alleen("financieel", uitkomst="400")),
    "cheques:betaalbatch": Regel(alleen("financieel"),
                                 kwargs=lambda o: {"nummer": o.betaalbatch.nummer},
                                 post=alleen("financieel", uitkomst="405")),
    # an approved batch: approving or rejecting again is refused at the form
    **{f"cheques:betaalbatch-{naam}": Regel(
        alleen("financieel", uitkomst="redirect"),
        kwargs=lambda o: {"nummer": o.betaalbatch.nummer},
        post=alleen("financieel", uitkomst="400"))
       for naam in ("goedkeuren", "afwijzen")},
    "cheques:betaalbatch-bestand": Regel(
        alleen("financieel"), kwargs=lambda o: {"nummer": o.betaalbatch.nummer,
                                                "formaat": "xml"},
        post=alleen("financieel", uitkomst="405")),
    "cheques:terugvorderingen": Regel(alleen("financieel"),
                                      post=alleen("financieel", uitkomst="405")),
    "cheques:terugvordering": Regel(alleen("financieel"),
                                    kwargs=lambda o: {"pk": o.terugvordering.pk},
                                    post=alleen("financieel", uitkomst="405")),
    "cheques:invorderingsstap": Regel(
        alleen("financieel", uitkomst="redirect"),
        kwargs=lambda o: {"pk": o.terugvordering.pk, "stap": "oninbaar"},
        post=alleen("financieel", uitkomst="400")),
    # co-financing realised (docs/cofinanciering.md): this cheque's plan has no lines, so
    # a POST is refused at the form
    "cheques:cofinanciering": Regel(alleen("financieel"),
                                    kwargs=lambda o: {"nummer": o.cheque.nummer},
                                    post=alleen("financieel", uitkomst="400")),
    "cheques:cofinanciering-bewijs": Regel(
        alleen("financieel"), kwargs=lambda o: {"nummer": o.cheque.nummer,
                                                "pk": o.cofinancieringsrealisatie.pk},
        post=alleen("financieel", uitkomst="405")),
    "cheques:cofinanciering-corrigeren": Regel(
        alleen("financieel"), kwargs=lambda o: {"nummer": o.cheque.nummer,
                                                "pk": o.cofinancieringsrealisatie.pk},
        post=alleen("financieel", uitkomst="400")),
    "cheques:cofinanciering-correctie-bewijs": Regel(
        alleen("financieel"), kwargs=lambda o: {"nummer": o.cheque.nummer,
                                                "pk": o.cofinancieringscorrectie.pk},
        post=alleen("financieel", uitkomst="405")),
    "cheques:cofinanciering-overzicht": Regel(alleen("financieel"),
                                              post=alleen("financieel", uitkomst="405")),
    "cheques:cofinanciering-export": Regel(
        alleen("financieel"), kwargs=lambda o: {"tabel": "per-werkgever", "formaat": "xlsx"},
        post=alleen("financieel", uitkomst="405")),
    "cheques:cheque": Regel(alleen("financieel", "beoordelaar"),
                            kwargs=lambda o: {"nummer": o.cheque.nummer},
                            post=alleen("financieel", "beoordelaar", uitkomst="405")),
    **{f"cheques:{naam}": Regel(
        alleen(rol, uitkomst="redirect"), kwargs=lambda o: {"nummer": o.cheque.nummer},
        post=alleen(rol, uitkomst="400"))
       for naam, rol in (("declaratie", "financieel"), ("afronding", "financieel"),
                         ("vaststellen", "financieel"), ("intrekken", "beoordelaar"))},
    # correcting the declaratie: this cheque has none yet, so the page only says why
    # (and a POST is refused with 400)
    "cheques:declaratie-corrigeren": Regel(
        alleen("financieel"), kwargs=lambda o: {"nummer": o.cheque.nummer},
        post=alleen("financieel", uitkomst="400")),
    # --- cheques: budget ----------------------------------------------------------------
    "cheques:budget": Regel(alleen("financieel", "beheerder"),
                            post=alleen("financieel", "beheerder", uitkomst="405")),
    **{f"cheques:{naam}": Regel(
        alleen("financieel", "beheerder", uitkomst="405"), kwargs=kwargs,
        post=alleen("financieel", "beheerder", uitkomst="400"))
       for naam, kwargs in (("toezegging-toevoegen", {}), ("periode-toevoegen", {}),
                            ("bron-toevoegen", {}), ("post-toevoegen", {}),
                            ("post-wijzigen", {}), ("besteding-boeken", {}),
                            ("oormerk-vastleggen", {}),
                            ("plafond-voorstellen", lambda o: {"periode_id": o.periode.pk}),
                            ("plafond-goedkeuren",
                             lambda o: {"besluit_id": o.plafondvoorstel.pk}),
                            ("plafond-intrekken",
                             lambda o: {"besluit_id": o.plafondvoorstel.pk}))},
    # --- cheques: public verification and the documents -----------------------------------
    # (its POST is rate limited per IP: tests/cheques covers it)
    "cheques:controleren": Regel(IEDEREEN),
    # the opleider portal (docs/opleiders.md): an empty form is refused at its field; a
    # link that does not exist is 404 for everyone; only opleider users see their cheques
    "cheques:opleider-inloggen": Regel(IEDEREEN, post=wie("400", anoniem="400")),
    "cheques:opleider-link": Regel(wie("404", anoniem="404"), kwargs={"token": "x" * 43},
                                   post=wie("404", anoniem="404")),
    "cheques:opleider-cheques": Regel(alleen("opleider"),
                                      post=alleen("opleider", uitkomst="405")),
    # declaraties of the opleider: another opleider's cheque or declaratie is a 404
    "cheques:opleider-declareren": Regel(alleen("opleider", uitkomst="404"),
                                         kwargs=lambda o: {"nummer": o.cheque.nummer},
                                         post=alleen("opleider", uitkomst="404")),
    "cheques:opleider-declaraties": Regel(alleen("opleider"),
                                          post=alleen("opleider", uitkomst="405")),
    "cheques:opleider-declaraties-bulk": Regel(alleen("opleider"),
                                               post=alleen("opleider", uitkomst="400")),
    "cheques:opleider-declaraties-sjabloon": Regel(alleen("opleider"),
                                                   post=alleen("opleider", uitkomst="405")),
    "cheques:opleider-declaratie": Regel(alleen("opleider", uitkomst="404"),
                                         kwargs=lambda o: {"pk": o.indiening.pk},
                                         post=alleen("opleider", uitkomst="404")),
    # its own invoice and proof: this indiening is another opleider's, so a 404 (a POST:
    # 405 before the record is looked up)
    **{f"cheques:opleider-declaratie-{d}": Regel(
        alleen("opleider", uitkomst="404"), kwargs=lambda o: {"pk": o.indiening.pk},
        post=alleen("opleider", uitkomst="405")) for d in ("factuur", "bewijs")},
    "cheques:opleider-declaratie-intrekken": Regel(alleen("opleider", uitkomst="405"),
                                                   kwargs=lambda o: {"pk": o.indiening.pk},
                                                   post=alleen("opleider", uitkomst="404")),
    # finance's queue of the opleiders' declaraties: financieel only (the opleider and
    # every other staff role 403); an empty message is refused at its field; accepting
    # this one (invoice and diploma) goes through, returning it needs a reason
    "cheques:financien-declaraties": Regel(alleen("financieel"),
                                           post=alleen("financieel", uitkomst="405")),
    "cheques:financien-declaratie": Regel(alleen("financieel"),
                                          kwargs=lambda o: {"pk": o.indiening.pk},
                                          post=alleen("financieel", uitkomst="400")),
    "cheques:financien-declaratie-accepteren": Regel(
        alleen("financieel", uitkomst="redirect"), kwargs=lambda o: {"pk": o.indiening.pk},
        post=alleen("financieel", uitkomst="redirect")),
    "cheques:financien-declaratie-terugsturen": Regel(
        alleen("financieel", uitkomst="redirect"), kwargs=lambda o: {"pk": o.indiening.pk},
        post=alleen("financieel", uitkomst="400")),
    **{f"cheques:financien-declaratie-{naam}": Regel(
        alleen("financieel"), kwargs=lambda o: {"pk": o.indiening.pk},
        post=alleen("financieel", uitkomst="405")) for naam in ("factuur", "bewijs")},
    "cheques:opleider-accounts": Regel(alleen("beheerder"),
                                       kwargs=lambda o: {"pk": o.opleider.pk},
                                       post=alleen("beheerder", uitkomst="400")),
    # a cheque of the portal: the matrix's opleider user belongs to another opleider (404,
    # as if it did not exist; its own: tests/cheques/test_betaalstatus_opleider.py)
    "cheques:opleider-cheque": Regel(alleen("opleider", uitkomst="404"),
                                     kwargs=lambda o: {"nummer": o.cheque.nummer},
                                     post=alleen("opleider", uitkomst="405")),
    # "Collega's": only a beheerder of the opleider; the matrix's opleider user is none
    # (tests/cheques/test_opleidercollegas.py: the beheerder, and 404 on another opleider's)
    "cheques:opleider-collegas": Regel(wie("403"), post=wie("403")),
    "cheques:opleider-collega": Regel(wie("403"), kwargs=lambda o: {"pk": o.opleideraccount.pk},
                                      post=wie("403")),
    # the fund's beheerder deactivates or reactivates one account (an empty form: 400)
    "cheques:opleider-account": Regel(alleen("beheerder"),
                                      kwargs=lambda o: {"pk": o.opleideraccount.pk},
                                      post=alleen("beheerder", uitkomst="400")),
    # the owner; beoordelaar and financieel; the consulenten of the plan's loket (the
    # beschikking, not the cheque); another resident and the other loket: 404
    "cheques:beschikking-pdf": Regel(
        loket(inwoner="ok", beoordelaar="ok", financieel="ok", opleider="404"),
        kwargs=lambda o: {"pk": o.beschikking.pk}),
    # the cheque: the owner, beoordelaar and financieel; the consulent of the plan's loket
    # 403 (knows the case), the other loket 404 (as if it did not exist)
    "cheques:cheque-pdf": Regel(
        {**alleen("inwoner", "beoordelaar", "financieel"), "consulent_lbs": "404",
         "opleider": "404"},
        kwargs=lambda o: {"pk": o.beschikking.pk}),
    "cheques:besluit-pdf": Regel(
        loket(inwoner="ok", beoordelaar="ok", financieel="ok", opleider="404"),
        kwargs=lambda o: {"pk": o.vervolgbesluit.pk}),
    # --- cheques: bezwaar register and the postal channel -------------------------------
    "cheques:bezwaar-maken": Regel(
        alleen("inwoner"),
        kwargs=lambda o: {"pk": o.beschikking.pk},
        post=alleen("inwoner", uitkomst="400")),
    # the resident answers an aanvulverzoek on their own plan; staff never use this page
    "cheques:aanvulling-beantwoorden": Regel(
        alleen("inwoner"),
        kwargs=lambda o: {"pk": o.aanvulverzoek.plan.aanvraag_id,
                          "verzoek_id": o.aanvulverzoek.pk},
        post=alleen("inwoner", uitkomst="400")),
    "cheques:bezwaar-maken-besluit": Regel(
        alleen("inwoner"), kwargs=lambda o: {"pk": o.vervolgbesluit.pk},
        post=alleen("inwoner", uitkomst="400")),
    "cheques:bezwaren": Regel(alleen("beoordelaar"),
                              post=alleen("beoordelaar", uitkomst="400")),
    "cheques:bezwaar": Regel(alleen("beoordelaar"), kwargs=lambda o: {"pk": o.bezwaar.pk},
                             post=alleen("beoordelaar", uitkomst="400")),
    "cheques:post": Regel(alleen("beoordelaar"), post=alleen("beoordelaar", uitkomst="400")),
    "cheques:wijzigingen": Regel(alleen("beoordelaar"),
                                 post=alleen("beoordelaar", uitkomst="405")),
    "cheques:wijziging": Regel(alleen("beoordelaar"),
                               kwargs=lambda o: {"pk": o.wijzigingsverzoek.pk},
                               post=alleen("beoordelaar", uitkomst="400")),
    # --- rapportage (no personal data: adviesgroep and project office) -------------------
    "rapportage:dashboard": Regel(alleen("adviesgroep", "beheerder"),
                                  post=alleen("adviesgroep", "beheerder", uitkomst="405")),
    "rapportage:export": Regel(alleen("adviesgroep", "beheerder"),
                               kwargs={"tabel": "trechter", "formaat": "csv"}),
    "rapportage:verversen": Regel(alleen("adviesgroep", "beheerder", uitkomst="405"),
                                  post=alleen("adviesgroep", "beheerder", uitkomst="redirect")),
    # an empty request form is shown again with its messages
    "rapportage:rapportages": Regel(alleen("adviesgroep", "beheerder"),
                                    post=alleen("adviesgroep", "beheerder")),
    "rapportage:rapportage": Regel(alleen("adviesgroep", "beheerder"),
                                   kwargs=lambda o: {"pk": o.voortgangsrapportage.pk},
                                   post=alleen("adviesgroep", "beheerder", uitkomst="405")),
    "rapportage:rapportage-pdf": Regel(alleen("adviesgroep", "beheerder"),
                                       kwargs=lambda o: {"pk": o.voortgangsrapportage.pk}),
    # the funder report has pseudonymised participant rows: financieel only, not the
    # adviesgroep (no data at person level) nor the functioneel beheerder
    "rapportage:verantwoording": Regel(
        alleen("financieel"),
        kwargs=lambda o: {"periode_id": o.verantwoordingsrapport.periode_id,
                          "bron_id": o.verantwoordingsrapport.bron_id},
        # POST asks for a new report (the worker makes it) and shows the page again
        post=alleen("financieel", uitkomst="redirect")),
    "rapportage:verantwoording-download": Regel(
        alleen("financieel"),
        kwargs=lambda o: {"periode_id": o.verantwoordingsrapport.periode_id,
                          "bron_id": o.verantwoordingsrapport.bron_id,
                          "rapport_id": o.verantwoordingsrapport.pk, "formaat": "xlsx"},
        post=alleen("financieel", uitkomst="405")),
    # per opleider (possibly a one-person business): the project office only
    "rapportage:scorekaart": Regel(alleen("beheerder"), post=alleen("beheerder", uitkomst="405")),
    "rapportage:scorekaart-csv": Regel(alleen("beheerder")),
    "rapportage:scorekaart-xlsx": Regel(alleen("beheerder")),
    "rapportage:werkvoorraad": Regel(alleen("beoordelaar", "beheerder"),
                                     post=alleen("beoordelaar", "beheerder", uitkomst="405")),
}
