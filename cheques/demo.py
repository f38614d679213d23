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

from cheques import motivering, services, toets
from cheques.models import Aanvulverzoek, Beschikking, Cheque
from loopbaangesprekken.models import Scholingsplan
from tfvv.models import Gebruiker


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


def _stel_vast(cheque, fin):
    lager = (cheque.bedrag * Decimal("0.8")).quantize(Decimal("0.01"))
    services.vaststellen(cheque=cheque, door=fin, bedrag=lager,
                         toelichting="Deels geleverd: examen niet afgenomen.")


def _vervallen(cheque, _fin):
    # Demo shortcut: move the expiry into the past, then let the daily job do its work.
    Cheque.objects.filter(pk=cheque.pk).update(
        geldig_tot=timezone.localdate() - datetime.timedelta(days=1))
    services.laat_vervallen(cheque=cheque, vandaag=timezone.localdate())


CHEQUESTAPPEN = {
    Cheque.Status.UITGEGEVEN: [],
    Cheque.Status.GEDECLAREERD: [_declareer],
    Cheque.Status.VASTGESTELD: [_declareer, _stel_vast],
    Cheque.Status.BETAALD: [_declareer, _stel_vast,
                            lambda c, fin: services.betalen(cheque=c, door=fin,
                                                            betaald_op=timezone.localdate())],
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
                    cheque=_ken_toe(plan, b1), door=b1,
                    reden="De opleiding is niet gestart; de inwoner heeft afgezien van scholing.")
                gemaakt.append("cheque ingetrokken")
        _besluiten_zonder_cheque(b1, b2, gemaakt)
    except ValidationError as fout:  # e.g. the per-person cap in the earlier apps' data
        schrijf(f"  gestopt: {'; '.join(fout.messages)}")
    schrijf("  " + (", ".join(gemaakt) if gemaakt else
                    "niets nieuw (al aanwezig of geen ingediende scholingsplannen)"))


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
            services.vraag_aanvulling(
                plan=plan, door=b2, omschrijving="Verklaring van de werkgever over de "
                                                  "cofinanciering",
                hersteltermijn_tot=timezone.localdate() + datetime.timedelta(days=14))
            gemaakt.append("aanvulling gevraagd")
