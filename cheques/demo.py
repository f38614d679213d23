"""Demo data for the decision and money stage (idempotent, after the earlier apps' demo).

If submitted scholingsplannen exist: beschikkingen and cheques in every state, made with
the services. The budget they book on (one period, one plafond decision) is loaded by
tfvv.demo_budget.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from cheques import cofinanciering, motivering, opleideridentiteit, services, toets
from cheques.declaratieregels import Gegevens
from cheques.models import Aanvulverzoek, Afronding, Beschikking, Cheque, Opleideraccount
from cheques.services import opleideraccounts, opleiderdeclaraties
from cheques.services.aanvulantwoord import beantwoord_aanvulverzoek
from loopbaangesprekken.models import Scholingsplan
from tfvv import vierogen
from tfvv.models import Gebruiker
from tfvv.pdf import html_naar_pdf

DEMO_OPLEIDER = "opleider@voorbeeld.nl"


def _vrije_plannen(schone: bool):
    """Submitted plans without a decision; `schone`: all rules met, below the co-sign limit."""
    plannen = (Scholingsplan.objects.filter(status=Scholingsplan.Status.INGEDIEND,
                                            beschikking__isnull=True)
               .select_related("regeling", "aanvraag").order_by("ingediend_op", "id"))
    for plan in plannen:
        if not schone or (toets.verdict(plan.toets_snapshot) == toets.VOLDAAN
                          and not services.medeondertekening_nodig(
                              plan=plan, bedrag=plan.gevraagd_bedrag)):
            yield plan


def _ken_toe(plan, b1) -> Cheque:
    beschikking = services.toekennen(
        plan=plan, door=b1, bedrag=plan.gevraagd_bedrag,
        motivering="Het scholingsplan voldoet aan alle voorwaarden van de subsidieverordening; "
                   "het doelberoep staat op de kansberoepenlijst voor Twente.")
    return beschikking.cheque


def _declareer(cheque, fin):
    services.registreer_declaratie(
        cheque=cheque, door=fin, factuurnummer=f"F{cheque.nummer[-6:]}",
        factuurdatum=timezone.localdate(), bedrag=cheque.bedrag,
        bewijs=ContentFile(b"%PDF-1.4\n% demo: bewijs van start\n", name="bewijs.pdf"))


def _betaal_in_batch(_cheque, fin):
    """Demo shortcut: the second financieel medewerker approves with a code computed from
    their demo TOTP secret, as their authenticator app would show it."""
    batch = services.stel_betaalbatch_op(door=fin, betaaldatum=timezone.localdate())
    tweede = Gebruiker.objects.get(username="financieel2")
    services.keur_betaalbatch_goed(batch=batch, door=tweede, code=_code(tweede))


def _code(gebruiker) -> str:
    """The code the demo user's authenticator app would show (from the demo TOTP secret)."""
    device = TOTPDevice.objects.get(user=gebruiker)
    totp = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    # a code is accepted once per time step: a second use within 30 seconds takes the next
    totp.drift = max(device.drift, device.last_t + 1 - totp.t())
    return f"{totp.token():06d}"


def _rond_af(cheque, fin):
    services.registreer_afronding(
        cheque=cheque, door=fin, soort=Afronding.Soort.AANWEZIGHEID, aanwezigheid_procent=85,
        bewijs=ContentFile(b"%PDF-1.4\n% demo: presentieverklaring\n", name="presentie.pdf"))


def _realiseer_cofinanciering(cheque, fin):
    """Every party paid what it promised, to the opleider (the vaststelling waits for it)."""
    for stand in cofinanciering.regelstanden(cheque):
        if stand.vast_te_leggen:
            services.leg_realisatie_vast(
                cheque=cheque, regel_id=stand.regel.pk, door=fin, bedrag=stand.toegezegd,
                betaald_aan="opleider", datum=timezone.localdate(),
                bewijs=ContentFile(b"%PDF-1.4\n% demo: betaling cofinanciering\n",
                                   name="cofinanciering.pdf"))


def _stel_vast(cheque, fin):
    _realiseer_cofinanciering(cheque, fin)
    lager = (cheque.bedrag * Decimal("0.8")).quantize(Decimal("0.01"))
    services.vaststellen(cheque=cheque, door=fin, bedrag=lager,
                         motivering="Volgens de presentieverklaring is 85 % van de lessen "
                                    "gevolgd; het examen is niet afgenomen. De examenkosten "
                                    "worden daarom niet vergoed.")


def _vervallen(cheque, _fin):
    # Demo shortcut: move the expiry into the past, then let the daily job do its work.
    Cheque.objects.filter(pk=cheque.pk).update(
        geldig_tot=timezone.localdate() - datetime.timedelta(days=1))
    services.laat_vervallen(cheque=cheque, vandaag=timezone.localdate())


CHEQUESTAPPEN = {
    Cheque.Status.UITGEGEVEN: [],
    # the batch steps first: a batch pays everything that is due at that moment
    Cheque.Status.VOORSCHOT_BETAALD: [_declareer, _betaal_in_batch],
    Cheque.Status.BETAALD: [_declareer, _rond_af, _stel_vast, _betaal_in_batch],
    Cheque.Status.VASTGESTELD: [_declareer, _rond_af, _stel_vast],
    Cheque.Status.GEDECLAREERD: [_declareer],
    Cheque.Status.VERVALLEN: [_vervallen],
}


def laad(schrijf):
    schrijf("Beschikkingen en cheques:")
    try:
        b1, b2, fin = (Gebruiker.objects.get(username=u) for u in
                       ("beoordelaar", "beoordelaar2", "financieel"))
    except Gebruiker.DoesNotExist:
        schrijf("  (geen demo-medewerkers; overgeslagen)")
        return
    gemaakt = []
    try:
        for status, stappen in CHEQUESTAPPEN.items():
            if Cheque.objects.filter(status=status).exists():
                continue
            plan = next(_vrije_plannen(schone=True), None)
            if plan is None:
                break
            cheque = _ken_toe(plan, b1)
            for stap in stappen:
                stap(cheque, fin)
            gemaakt.append(f"cheque {status}")
        if not Cheque.objects.filter(status=Cheque.Status.INGETROKKEN).exists():
            plan = next(_vrije_plannen(schone=True), None)
            if plan:
                services.intrekken(
                    cheque=_ken_toe(plan, b1), door=b1, grond="niet_verricht",
                    motivering="De opleiding is niet gestart; de inwoner heeft afgezien van "
                               "scholing.")
                gemaakt.append("cheque ingetrokken")
        _besluiten_zonder_cheque(b1, b2, gemaakt)
    except ValidationError as fout:  # e.g. the per-person cap in the earlier apps' data
        schrijf(f"  gestopt: {'; '.join(fout.messages)}")
    schrijf("  " + (", ".join(gemaakt) if gemaakt else
                    "niets nieuw (al aanwezig of geen ingediende scholingsplannen)"))
    _opleideraccount(schrijf)


def _opleideraccount(schrijf):
    """An account in the opleidersportaal for the opleider of the demo cheques, through the
    real invitation and its approval by a second beheerder; the link is printed because the
    demo's mails are not shown."""
    cheque = Cheque.objects.select_related("opleider").order_by("pk").first()
    if cheque is None or Opleideraccount.objects.filter(opleider=cheque.opleider).exists():
        return
    try:
        beheerder, tweede = (Gebruiker.objects.get(username=u)
                             for u in ("beheerder", "beheerder2"))
        verzoek = opleideraccounts.nodig_uit(
            actor=beheerder, code=_code(beheerder), opleider=cheque.opleider,
            email=DEMO_OPLEIDER, voornaam="Olga", achternaam="Oosterhof",
            beheerder=True)
        vierogen.keur_goed(verzoek=verzoek, actor=tweede, code=_code(tweede))
    except (Gebruiker.DoesNotExist, ValidationError) as fout:
        schrijf(f"  geen opleideraccount: {fout}")
        return
    gebruiker = Gebruiker.objects.get(email=DEMO_OPLEIDER)
    link = opleideridentiteit.maak_link(gebruiker=gebruiker,
                                        uren=opleideraccounts.UITNODIGING_UREN)
    schrijf(f"Opleider {cheque.opleider.naam} ({DEMO_OPLEIDER}): eerste inloglink (7 dagen "
            f"geldig; koppel daar een authenticator-app) {link}")
    _opleiderdeclaratie(schrijf, gebruiker)


def _opleiderdeclaratie(schrijf, opleider):
    """A start declaratie the opleider submitted in its portal, waiting in finance's queue
    (Financiën → Declaraties opleiders), through the real service."""
    cheque = (Cheque.objects.filter(status=Cheque.Status.UITGEGEVEN,
                                    opleider=opleider.opleideraccount.opleider)
              .order_by("pk").first())
    if cheque is None:
        return

    def pdf(titel):
        html = f'<html lang="nl"><h1>{titel}</h1><p>Cheque {cheque.nummer}</p></html>'
        return ContentFile(html_naar_pdf(html), name=f"{titel.lower().replace(' ', '-')}.pdf")

    try:
        opleiderdeclaraties.dien_in(
            cheque=cheque, door=opleider, factuur=pdf("Factuur"), bewijs=pdf("Bewijs van start"),
            gegevens=Gegevens(factuurnummer=f"ROC-{cheque.nummer[-6:]}",
                              factuurdatum=timezone.localdate(), bedrag=cheque.bedrag,
                              bewijssoort="start"))
    except ValidationError as fout:
        schrijf(f"  geen declaratie van de opleider: {'; '.join(fout.messages)}")
        return
    schrijf(f"  declaratie van de opleider op cheque {cheque.nummer} wacht bij Financiën")


def _besluiten_zonder_cheque(b1, b2, gemaakt):
    U = Beschikking.Uitkomst
    if not Beschikking.objects.filter(uitkomst=U.AFWIJZING).exists():
        # only a rule the toets found niet voldaan or handmatig can ground a refusal
        plan = next((p for p in _vrije_plannen(schone=False)
                     if motivering.citeerbare_regels(p.toets_snapshot)), None)
        if plan:
            citeerbaar = motivering.citeerbare_regels(plan.toets_snapshot)
            services.afwijzen(
                plan=plan, door=b1, regels=[str(r["id"]) for r in citeerbaar],
                redenen={str(r["id"]): "De onderbouwing in het scholingsplan is onvoldoende."
                         for r in citeerbaar if toets.soort(r["uitkomst"]) == toets.HANDMATIG},
                motivering="De aangevraagde opleiding valt buiten de regeling.")
            gemaakt.append("afwijzing")
    if not Beschikking.objects.filter(uitkomst=U.BUITEN_BEHANDELING).exists():
        plan = next(_vrije_plannen(schone=False), None)
        if plan:
            verzoek = services.vraag_aanvulling(
                plan=plan, door=b1, omschrijving="Offerte van de opleider met kostenspecificatie",
                hersteltermijn_tot=timezone.localdate() + datetime.timedelta(days=14))
            # Demo shortcut: the hersteltermijn has passed unused.
            Aanvulverzoek.objects.filter(pk=verzoek.pk).update(
                hersteltermijn_tot=timezone.localdate() - datetime.timedelta(days=1))
            services.buiten_behandeling_stellen(plan=plan, door=b1)
            gemaakt.append("buiten behandeling")
    if not Beschikking.objects.filter(status=Beschikking.Status.CONCEPT).exists():
        plan = next((p for p in _vrije_plannen(schone=False)
                     if not toets.niet_voldane_regels(p.toets_snapshot)
                     and services.medeondertekening_nodig(plan=p, bedrag=p.gevraagd_bedrag)),
                    None)
        if plan:
            services.toekennen(plan=plan, door=b1, bedrag=plan.gevraagd_bedrag,
                               motivering="Voldoet; het bedrag vraagt een tweede beoordelaar.")
            gemaakt.append("toekenning wacht op tweede beoordelaar")
    if not Aanvulverzoek.objects.filter(plan__status=Scholingsplan.Status.AANVULLING,
                                        hersteltermijn_tot__gte=timezone.localdate()).exists():
        plan = next(_vrije_plannen(schone=False), None)
        if plan:
            verzoek = services.vraag_aanvulling(
                plan=plan, door=b2, omschrijving="Verklaring van de werkgever over de "
                                                  "cofinanciering",
                hersteltermijn_tot=timezone.localdate() + datetime.timedelta(days=14))
            # the resident answers in the portal; the consulent still has to submit it
            beantwoord_aanvulverzoek(verzoek=verzoek, door=plan.aanvraag.aanvrager, bestanden=[],
                                     tekst="Mijn werkgever tekent de verklaring deze week.")
            gemaakt.append("aanvulling gevraagd en door de inwoner beantwoord")
