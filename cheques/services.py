"""Decisions on scholingsplannen and the life of a cheque. Every function: keyword-only,
one transaction, events recorded in it, side effects (PDF, mail) after commit."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.services import wijzig_status
from cheques import verificatie
from cheques.models import Aanvulverzoek, Beschikking, Betaling, Cheque, Declaratie
from cheques.permissions import mag_besluiten, mag_financieel_afhandelen, mag_medeondertekenen
from cheques.tasks import maak_documenten
from cheques.toets import heeft_handmatige_regel, niet_voldane_regels
from cheques.workflow import beschikking_statusmachine, cheque_statusmachine
from loopbaangesprekken.models import Scholingsplan
from loopbaangesprekken.services import scholingsplan as plan_services
from tfvv import budget, budget_selectors
from tfvv.events import registreer_gebeurtenis
from tfvv.mail import plan_mail
from tfvv.models import Regeling
from tfvv.opslag import atomic_met_bestanden
from tfvv.outbox import plan_taak
from tfvv.tekst import citeer, mailveilig
from tfvv.templatetags.bedragen import euro
from tfvv.volgnummers import volgende

P = Scholingsplan.Status
C = Cheque.Status
U = Beschikking.Uitkomst

BEZWAARTERMIJN = datetime.timedelta(weeks=6)
CHEQUE_GELDIG_NA_EINDDATUM = datetime.timedelta(days=90)
NUL = Decimal("0.00")

VERPLICHTINGEN = _(
    "1. U start met de opleiding uiterlijk op de startdatum in het scholingsplan "
    "(%(start)s).\n"
    "2. U rondt de opleiding af en levert het bewijs aan: een diploma of certificaat, of een "
    "verklaring van de opleider dat u ten minste 80 %% van de lessen heeft gevolgd.\n"
    "3. De opleider declareert de cheque uiterlijk op %(geldig_tot)s bij gemeente Enschede; "
    "daarna vervalt de cheque.\n"
    "4. U meldt wijzigingen (stoppen, uitstel, andere opleiding) direct bij uw consulent."
)


def _eis(toegang):
    if not toegang:
        raise PermissionDenied(toegang.reden)


def _maak_documenten_na_commit(beschikking: Beschikking):
    plan_taak(maak_documenten, beschikking_id=beschikking.pk)


def _mail_na_commit(onderwerp: str, tekst: str, aan: list[str]):
    ontvangers = [a for a in aan if a]
    if ontvangers:
        plan_mail(aan=ontvangers, onderwerp=onderwerp, tekst=tekst)


def _vergrendel_plan(plan: Scholingsplan) -> Scholingsplan:
    return (Scholingsplan.objects.select_for_update(of=("self",))
            .select_related("aanvraag", "regeling", "opleider", "consulent").get(pk=plan.pk))


def regeling_van(plan: Scholingsplan) -> Regeling:
    """The regeling stored at submission, else the one in force on the aanvraagdatum."""
    if plan.regeling_id:
        return plan.regeling
    regeling = Regeling.objects.filter(geldig_van__lte=plan.aanvraag.aanvraagdatum,
                                       geldig_tot__gte=plan.aanvraag.aanvraagdatum).first()
    if regeling is None:
        raise ValidationError(_("Er is geen regeling van toepassing op de aanvraagdatum "
                                "%(datum)s.") % {"datum": plan.aanvraag.aanvraagdatum})
    return regeling


def _geen_besluit(plan: Scholingsplan, toegestaan=(P.INGEDIEND,)):
    if plan.status not in toegestaan:
        raise ValidationError(
            _("Over dit scholingsplan kan nu niet worden besloten (status: %(status)s).")
            % {"status": plan.get_status_display()})
    if Beschikking.objects.filter(plan=plan).exists():
        raise ValidationError(_("Er is al een beschikking voor dit scholingsplan."))


# --- aanvulling -------------------------------------------------------------------------

@transaction.atomic
def vraag_aanvulling(*, plan: Scholingsplan, door, omschrijving: str,
                     hersteltermijn_tot: datetime.date) -> Aanvulverzoek:
    """Awb 4:5: ask for what is missing; the beslistermijn pauses until it is supplied."""
    _eis(mag_besluiten(door))
    plan = _vergrendel_plan(plan)
    _geen_besluit(plan)
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": _("Beschrijf wat er ontbreekt.")})
    if hersteltermijn_tot <= timezone.localdate():
        raise ValidationError({"hersteltermijn_tot": _("De hersteltermijn moet in de toekomst "
                                                       "liggen.")})
    verzoek = Aanvulverzoek.objects.create(plan=plan, gevraagd_door=door,
                                           omschrijving=omschrijving.strip(),
                                           hersteltermijn_tot=hersteltermijn_tot)
    plan_services.vraag_aanvulling(
        plan=plan, actor=door, reden=verzoek.omschrijving,
        gegevens={"hersteltermijn_tot": hersteltermijn_tot.isoformat()})
    tekst = _("Gemeente Enschede vraagt om een aanvulling op het scholingsplan "
              "'%(opleiding)s'.\n\nWat ontbreekt:\n%(wat)s\n\nLever de aanvulling uiterlijk "
              "%(tot)s aan via uw consulent. Zonder aanvulling kan de aanvraag buiten "
              "behandeling worden gesteld (artikel 4:5 Awb).") % {
        "opleiding": mailveilig(plan.opleiding_naam), "wat": citeer(verzoek.omschrijving),
        "tot": f"{hersteltermijn_tot:%d-%m-%Y}"}
    _mail_na_commit(_("Aanvulling gevraagd op uw scholingsplan"), tekst,
                    [plan.aanvraag.email, plan.consulent.email])
    return verzoek


# --- terugsturen ---------------------------------------------------------------------------

@transaction.atomic
def terugsturen(*, plan: Scholingsplan, door, reden: str) -> Scholingsplan:
    """Return a submitted plan to the consulent for changes; the beslistermijn pauses until
    the consulent submits it again (see `selectors.termijnmomenten`)."""
    _eis(mag_besluiten(door))
    plan = _vergrendel_plan(plan)
    _geen_besluit(plan)
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": _("Schrijf op wat de consulent moet aanpassen.")})
    plan = plan_services.terugsturen(plan=plan, actor=door, reden=reden)
    tekst = _("Gemeente Enschede heeft het scholingsplan '%(opleiding)s' van aanvraag "
              "%(referentie)s teruggestuurd voor aanpassing.\n\nWat moet er anders:\n"
              "%(reden)s\n\nPas het plan aan en dien het opnieuw in.") % {
        "opleiding": mailveilig(plan.opleiding_naam), "referentie": plan.aanvraag.referentie,
        "reden": citeer(reden)}
    _mail_na_commit(_("Scholingsplan teruggestuurd voor aanpassing"), tekst,
                    [plan.consulent.email])
    return plan


# --- toekennen (with co-signing) ------------------------------------------------------------

def jaarruimte(*, plan: Scholingsplan, jaar: int, regeling: Regeling) -> Decimal:
    """The per-person cap minus this year's other live cheques of the same resident."""
    gebruikt = (Cheque.objects.filter(
        beschikking__plan__aanvraag__aanvrager_id=plan.aanvraag.aanvrager_id,
        uitgegeven_op__year=jaar,
    ).exclude(status__in=(C.VERVALLEN, C.INGETROKKEN)).aggregate(s=Sum("bedrag"))["s"]) or NUL
    return regeling.maximum_per_jaar - gebruikt


def medeondertekening_nodig(*, plan: Scholingsplan, bedrag: Decimal) -> bool:
    return (bedrag >= regeling_van(plan).medeondertekening_vanaf
            or heeft_handmatige_regel(plan.toets_snapshot))


def _controleer_toekenning(plan: Scholingsplan, bedrag: Decimal, motivering: str):
    fouten = {}
    if bedrag is None or bedrag <= 0:
        fouten["bedrag"] = _("Vul een bedrag groter dan € 0 in.")
    elif bedrag > plan.gevraagd_bedrag:
        fouten["bedrag"] = _("Het bedrag is hoger dan gevraagd (%(gevraagd)s).") % {
            "gevraagd": euro(plan.gevraagd_bedrag)}
    if not motivering.strip():
        fouten["motivering"] = _("Een beschikking moet een motivering hebben (art. 3:47 Awb).")
    niet_voldaan = niet_voldane_regels(plan.toets_snapshot)
    if niet_voldaan:
        fouten.setdefault("bedrag", _(
            "De subsidietoets is niet voldaan voor %(regels)s; toekennen kan niet. Wijs af "
            "of stuur het plan terug.") % {"regels": ", ".join(niet_voldaan)})
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def toekennen(*, plan: Scholingsplan, door, bedrag: Decimal, motivering: str) -> Beschikking:
    """Grant: directly, or as a concept when a second beoordelaar must co-sign."""
    _eis(mag_besluiten(door))
    plan = _vergrendel_plan(plan)
    _geen_besluit(plan)
    _controleer_toekenning(plan, bedrag, motivering)
    regeling = regeling_van(plan)
    beschikking = Beschikking.objects.create(
        plan=plan, uitkomst=U.TOEKENNING, bedrag=bedrag, motivering=motivering.strip(),
        grondslag=regeling.grondslag, beoordelaar=door,
    )
    if medeondertekening_nodig(plan=plan, bedrag=bedrag):
        registreer_gebeurtenis(actor=door, obj=plan, actie="toekenning_voorstellen",
                               dossier_id=plan.aanvraag_id,
                               gegevens={"bedrag": str(bedrag), "beschikking": beschikking.pk})
        return beschikking
    return _verleen(beschikking=beschikking, plan=plan, regeling=regeling, door=door)


@transaction.atomic
def medeondertekenen(*, beschikking: Beschikking, door) -> Beschikking:
    beschikking = Beschikking.objects.select_for_update().get(pk=beschikking.pk)
    _eis(mag_medeondertekenen(door, beschikking))
    if beschikking.status != Beschikking.Status.CONCEPT:
        raise ValidationError(_("Deze beschikking is al verzonden."))
    plan = _vergrendel_plan(beschikking.plan)
    beschikking.medeondertekenaar = door
    beschikking.save(update_fields=["medeondertekenaar"])
    return _verleen(beschikking=beschikking, plan=plan, regeling=regeling_van(plan), door=door)


@transaction.atomic
def concept_verwerpen(*, beschikking: Beschikking, door, reden: str) -> Scholingsplan:
    """The second beoordelaar does not co-sign: the proposal goes, the plan stays open."""
    beschikking = Beschikking.objects.select_for_update().get(pk=beschikking.pk)
    _eis(mag_medeondertekenen(door, beschikking))
    if beschikking.status != Beschikking.Status.CONCEPT:
        raise ValidationError(_("Deze beschikking is al verzonden."))
    if not reden.strip():
        raise ValidationError({"reden": _("Geef aan waarom u niet medeondertekent.")})
    plan = beschikking.plan
    registreer_gebeurtenis(actor=door, obj=plan, actie="toekenning_niet_medeondertekend",
                           dossier_id=plan.aanvraag_id, reden=reden.strip(),
                           gegevens={"bedrag": str(beschikking.bedrag),
                                     "voorgesteld_door": beschikking.beoordelaar_id})
    Beschikking.objects.filter(pk=beschikking.pk).delete()
    return plan


def _verleen(*, beschikking: Beschikking, plan: Scholingsplan, regeling: Regeling,
             door) -> Beschikking:
    """The grant proper: plafond, reservation, beschikking and cheque in one transaction."""
    vandaag = timezone.localdate()
    bedrag = beschikking.bedrag
    ruimte = jaarruimte(plan=plan, jaar=vandaag.year, regeling=regeling)
    if bedrag > ruimte:
        raise ValidationError({"bedrag": _(
            "Dit is meer dan het maximum per persoon per kalenderjaar: er is in %(jaar)s nog "
            "%(ruimte)s over (maximum %(max)s).") % {
            "jaar": vandaag.year, "ruimte": euro(max(ruimte, NUL)),
            "max": euro(regeling.maximum_per_jaar)}})
    try:
        periode = budget.periode_voor(vandaag)
    except budget.GeenBegrotingsperiode as e:
        raise ValidationError({"bedrag": str(e)}) from e
    # Lock order everywhere: cheque counter, then budget period (reserveer checks the plafond
    # under the period lock). A refusal rolls back, so the number is not used up.
    nummer = f"TFV-{vandaag.year}-{volgende(f'cheque-{vandaag.year}'):06d}"
    budget.reserveer(periode=periode, bedrag=bedrag, referentie=nummer, door=door,
                     omschrijving=f"Toekenning {plan.aanvraag.referentie}")
    zout = verificatie.nieuw_zout()
    geldig_tot = plan.einddatum + CHEQUE_GELDIG_NA_EINDDATUM
    cheque = Cheque.objects.create(
        nummer=nummer, beschikking=beschikking, periode=periode, opleider=plan.opleider,
        bedrag=bedrag, verificatiezout=zout,
        verificatiecode_hash=verificatie.hash_van(verificatie.code(nummer=nummer, zout=zout)),
        uitgegeven_op=vandaag, geldig_tot=geldig_tot,
    )
    beschikking.verplichtingen = VERPLICHTINGEN % {
        "start": f"{plan.startdatum:%d-%m-%Y}", "geldig_tot": f"{geldig_tot:%d-%m-%Y}"}
    _verzend(beschikking, door=door, extra_velden=["verplichtingen"])
    _besluit_vastleggen(plan, beschikking, door=door, aanvraag_transitie="toekennen")
    registreer_gebeurtenis(actor=door, obj=plan, actie="toekennen", dossier_id=plan.aanvraag_id,
                           gegevens={"bedrag": str(bedrag), "jaar": vandaag.year,
                                     "cheque": nummer})
    registreer_gebeurtenis(actor=door, obj=cheque, actie="uitgeven",
                           dossier_id=plan.aanvraag_id, naar_status=C.UITGEGEVEN,
                           gegevens={"bedrag": str(bedrag), "periode": periode.naam})
    _maak_documenten_na_commit(beschikking)
    return beschikking


def _verzend(beschikking: Beschikking, *, door, extra_velden=()):
    vandaag = timezone.localdate()
    beschikking.verzonden_op = vandaag
    # Awb 6:7/6:8: six weeks, starting the day after sending: ends on the same weekday.
    beschikking.bezwaartermijn_tot = vandaag + BEZWAARTERMIJN
    beschikking_statusmachine.voer_uit(
        beschikking, "verzenden", actor=door, dossier_id=beschikking.plan.aanvraag_id,
        gegevens={"uitkomst": beschikking.uitkomst},
        extra_velden=["verzonden_op", "bezwaartermijn_tot", *extra_velden],
    )


def _besluit_vastleggen(plan, beschikking, *, door, aanvraag_transitie):
    plan_services.besluiten(plan=plan, actor=door, reden=beschikking.get_uitkomst_display(),
                            gegevens={"uitkomst": beschikking.uitkomst,
                                      "beschikking": beschikking.pk})
    wijzig_status(aanvraag=plan.aanvraag, transitie=aanvraag_transitie, actor=door,
                  reden=beschikking.motivering)


# --- afwijzen, buiten behandeling -----------------------------------------------------------

@transaction.atomic
def afwijzen(*, plan: Scholingsplan, door, motivering: str, regels: list[str]) -> Beschikking:
    _eis(mag_besluiten(door))
    plan = _vergrendel_plan(plan)
    _geen_besluit(plan, toegestaan=(P.INGEDIEND, P.AANVULLING))
    fouten = {}
    if not motivering.strip():
        fouten["motivering"] = _("Een afwijzing moet gemotiveerd worden (art. 3:47 Awb).")
    if not regels:
        fouten["regels"] = _("Noem ten minste één regel waarop de afwijzing berust.")
    if fouten:
        raise ValidationError(fouten)
    regeling = regeling_van(plan)
    grondslag = regeling.grondslag + "\n" + _("Niet voldaan aan: %(regels)s.") % {
        "regels": ", ".join(regels)}
    beschikking = Beschikking.objects.create(
        plan=plan, uitkomst=U.AFWIJZING, motivering=motivering.strip(), grondslag=grondslag,
        beoordelaar=door)
    _verzend(beschikking, door=door)
    _besluit_vastleggen(plan, beschikking, door=door, aanvraag_transitie="afwijzen")
    _maak_documenten_na_commit(beschikking)
    return beschikking


def hersteltermijn_verstreken(plan: Scholingsplan, vandaag: datetime.date) -> bool:
    laatste = plan.aanvulverzoeken.order_by("-gevraagd_op").first()
    return (plan.status == P.AANVULLING and laatste is not None
            and laatste.hersteltermijn_tot < vandaag)


@transaction.atomic
def buiten_behandeling_stellen(*, plan: Scholingsplan, door, motivering: str = "") -> Beschikking:
    """Awb 4:5: the aanvulling did not arrive within the hersteltermijn."""
    _eis(mag_besluiten(door))
    plan = _vergrendel_plan(plan)
    _geen_besluit(plan, toegestaan=(P.AANVULLING,))
    if not hersteltermijn_verstreken(plan, timezone.localdate()):
        raise ValidationError(_("De hersteltermijn is nog niet verstreken."))
    verzoek = plan.aanvulverzoeken.order_by("-gevraagd_op").first()
    standaard = _("Wij hebben u op %(op)s gevraagd om een aanvulling (%(wat)s) uiterlijk op "
                  "%(tot)s. Wij hebben die aanvulling niet ontvangen. Daarom nemen wij uw "
                  "aanvraag niet verder in behandeling.") % {
        "op": f"{timezone.localtime(verzoek.gevraagd_op):%d-%m-%Y}", "wat": verzoek.omschrijving,
        "tot": f"{verzoek.hersteltermijn_tot:%d-%m-%Y}"}
    beschikking = Beschikking.objects.create(
        plan=plan, uitkomst=U.BUITEN_BEHANDELING,
        motivering=(motivering.strip() or standaard),
        grondslag=_("Artikel 4:5, eerste lid, Algemene wet bestuursrecht."), beoordelaar=door)
    _verzend(beschikking, door=door)
    _besluit_vastleggen(plan, beschikking, door=door,
                        aanvraag_transitie="buiten_behandeling_stellen")
    _maak_documenten_na_commit(beschikking)
    return beschikking


# --- finance --------------------------------------------------------------------------------

def _vergrendel_cheque(cheque: Cheque) -> Cheque:
    return (Cheque.objects.select_for_update(of=("self",))
            .select_related("beschikking__plan__aanvraag", "periode").get(pk=cheque.pk))


def _dossier(cheque: Cheque) -> int:
    return cheque.beschikking.plan.aanvraag_id


@atomic_met_bestanden()  # the proof file: removed again when the registration fails
def registreer_declaratie(*, cheque: Cheque, door, factuurnummer: str,
                          factuurdatum: datetime.date, bedrag: Decimal, bewijs) -> Declaratie:
    _eis(mag_financieel_afhandelen(door))
    cheque = _vergrendel_cheque(cheque)
    fouten = {}
    if bedrag is None or bedrag <= 0:
        fouten["bedrag"] = _("Vul een bedrag groter dan € 0 in.")
    elif bedrag > cheque.bedrag:
        fouten["bedrag"] = _("Het bedrag is hoger dan de cheque (%(bedrag)s).") % {
            "bedrag": euro(cheque.bedrag)}
    if factuurdatum > timezone.localdate():
        fouten["factuurdatum"] = _("De factuurdatum ligt in de toekomst.")
    if not factuurnummer.strip():
        fouten["factuurnummer"] = _("Vul het factuurnummer in.")
    if fouten:
        raise ValidationError(fouten)
    declaratie = Declaratie.objects.create(
        cheque=cheque, factuurnummer=factuurnummer.strip(), factuurdatum=factuurdatum,
        bedrag=bedrag, bewijs=bewijs, geregistreerd_door=door)
    cheque_statusmachine.voer_uit(cheque, "declareren", actor=door, dossier_id=_dossier(cheque),
                                  gegevens={"factuurnummer": declaratie.factuurnummer,
                                            "bedrag": str(bedrag)})
    return declaratie


@transaction.atomic
def vaststellen(*, cheque: Cheque, door, bedrag: Decimal, toelichting: str = "") -> Cheque:
    """Settle at an exact amount; what is not needed is released from the reservation."""
    _eis(mag_financieel_afhandelen(door))
    cheque = _vergrendel_cheque(cheque)
    gedeclareerd = cheque.declaraties.order_by("-geregistreerd_op").first()
    maximum = min(cheque.bedrag, gedeclareerd.bedrag) if gedeclareerd else cheque.bedrag
    if bedrag is None or bedrag <= 0:
        raise ValidationError({"bedrag": _("Vul een bedrag groter dan € 0 in; is er niets "
                                           "geleverd, trek de cheque dan in.")})
    if bedrag > maximum:
        raise ValidationError({"bedrag": _(
            "Het vastgestelde bedrag mag niet hoger zijn dan %(max)s (cheque en declaratie)."
        ) % {"max": euro(maximum)}})
    if bedrag < cheque.bedrag and not toelichting.strip():
        raise ValidationError({"toelichting": _(
            "Licht toe waarom lager wordt vastgesteld (bijvoorbeeld: deels geleverd).")})
    cheque.vastgesteld_bedrag = bedrag
    verschil = cheque.bedrag - bedrag
    budget.geef_vrij(periode=cheque.periode, bedrag=verschil, referentie=cheque.nummer,
                     door=door, omschrijving=_("Lagere vaststelling"))
    cheque_statusmachine.voer_uit(
        cheque, "vaststellen", actor=door, dossier_id=_dossier(cheque), reden=toelichting,
        gegevens={"bedrag": str(bedrag), "vrijval": str(verschil)},
        extra_velden=["vastgesteld_bedrag"])
    return cheque


def _betaal(cheque: Cheque, *, door, betaald_op: datetime.date, batch: str) -> Betaling:
    betaling = Betaling.objects.create(cheque=cheque, bedrag=cheque.vastgesteld_bedrag,
                                       betaald_op=betaald_op, batch=batch,
                                       geregistreerd_door=door)
    budget.realiseer(periode=cheque.periode, bedrag=betaling.bedrag, referentie=cheque.nummer,
                     door=door, omschrijving=_("Betaling %(batch)s") % {"batch": batch or "-"})
    cheque_statusmachine.voer_uit(cheque, "betalen", actor=door, dossier_id=_dossier(cheque),
                                  gegevens={"bedrag": str(betaling.bedrag), "batch": batch})
    wijzig_status(aanvraag=cheque.beschikking.plan.aanvraag, transitie="afronden", actor=door)
    return betaling


@transaction.atomic
def betalen(*, cheque: Cheque, door, betaald_op: datetime.date) -> Betaling:
    _eis(mag_financieel_afhandelen(door))
    cheque = _vergrendel_cheque(cheque)
    if cheque.status != C.VASTGESTELD:
        raise ValidationError(_("Alleen een vastgestelde cheque kan worden betaald."))
    if betaald_op > timezone.localdate():
        raise ValidationError({"betaald_op": _("De betaaldatum ligt in de toekomst.")})
    return _betaal(cheque, door=door, betaald_op=betaald_op, batch="")


@transaction.atomic
def maak_betaalbatch(*, door, betaald_op: datetime.date) -> str:
    """Pay every settled cheque in one batch; returns the batch name (for the CSV export)."""
    _eis(mag_financieel_afhandelen(door))
    cheques = list(Cheque.objects.select_for_update(of=("self",))
                   .select_related("beschikking__plan__aanvraag", "periode")
                   .filter(status=C.VASTGESTELD).order_by("nummer"))
    if not cheques:
        raise ValidationError(_("Er zijn geen vastgestelde cheques om te betalen."))
    batch = f"BATCH-{betaald_op:%Y%m%d}-{volgende(f'betaalbatch-{betaald_op.year}'):04d}"
    for cheque in cheques:
        _betaal(cheque, door=door, betaald_op=betaald_op, batch=batch)
    return batch


# --- expiry and withdrawal ----------------------------------------------------------------

def _geef_reservering_vrij(cheque: Cheque, *, door, omschrijving: str) -> Decimal:
    open_ = budget_selectors.openstaande_reservering(periode=cheque.periode,
                                                     referentie=cheque.nummer)
    budget.geef_vrij(periode=cheque.periode, bedrag=open_, referentie=cheque.nummer, door=door,
                     omschrijving=omschrijving)
    return open_


@transaction.atomic
def laat_vervallen(*, cheque: Cheque, vandaag: datetime.date) -> bool:
    """An unused cheque past its expiry lapses; the reservation is released."""
    cheque = _vergrendel_cheque(cheque)
    if cheque.status != C.UITGEGEVEN or cheque.geldig_tot >= vandaag:
        return False
    vrij = _geef_reservering_vrij(cheque, door=None, omschrijving=_("Cheque vervallen"))
    plan = cheque.beschikking.plan
    cheque_statusmachine.voer_uit(cheque, "vervallen", actor=None, dossier_id=plan.aanvraag_id,
                                  gegevens={"vrijval": str(vrij)})
    registreer_gebeurtenis(actor=None, obj=plan, actie="cheque_vervallen",
                           dossier_id=plan.aanvraag_id,
                           gegevens={"cheque": cheque.nummer, "bedrag": str(vrij),
                                     "jaar": cheque.uitgegeven_op.year})
    _mail_na_commit(
        _("Uw scholingscheque is vervallen"),
        _("Uw scholingscheque %(nummer)s was geldig tot en met %(tot)s en is niet gebruikt. "
          "De cheque is daarom vervallen. Heeft u vragen? Neem contact op met uw consulent.")
        % {"nummer": cheque.nummer, "tot": f"{cheque.geldig_tot:%d-%m-%Y}"},
        [plan.aanvraag.email])
    return True


def laat_verlopen_cheques_vervallen(*, vandaag: datetime.date) -> int:
    """Daily (Celery beat): each lapsed cheque in its own transaction."""
    ids = list(Cheque.objects.filter(status=C.UITGEGEVEN, geldig_tot__lt=vandaag)
               .values_list("pk", flat=True))
    return sum(laat_vervallen(cheque=Cheque(pk=pk), vandaag=vandaag) for pk in ids)


@transaction.atomic
def intrekken(*, cheque: Cheque, door, reden: str,
              terug_te_vorderen: Decimal | None = None) -> Cheque:
    """Withdraw: release what is still reserved; record what was paid and must come back."""
    _eis(mag_besluiten(door))
    cheque = _vergrendel_cheque(cheque)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden van de intrekking.")})
    if not cheque_statusmachine.toegestaan(cheque, "intrekken"):
        raise ValidationError(_("Een %(status)s cheque kan niet worden ingetrokken.") % {
            "status": cheque.get_status_display()})
    betaald = cheque.betalingen.aggregate(s=Sum("bedrag"))["s"] or NUL
    terug = betaald if terug_te_vorderen is None else terug_te_vorderen
    if terug < 0 or terug > betaald:
        raise ValidationError({"terug_te_vorderen": _(
            "Terug te vorderen kan tussen € 0 en het betaalde bedrag (%(betaald)s) liggen.")
            % {"betaald": euro(betaald)}})
    vrij = _geef_reservering_vrij(cheque, door=door, omschrijving=_("Cheque ingetrokken"))
    if terug > 0:
        budget.boek_terugvordering(periode=cheque.periode, bedrag=terug,
                                   referentie=cheque.nummer, door=door,
                                   omschrijving=_("Terugvordering na intrekking"))
    cheque.intrekkingsreden = reden.strip()
    cheque.terug_te_vorderen = terug
    plan = cheque.beschikking.plan
    cheque_statusmachine.voer_uit(
        cheque, "intrekken", actor=door, dossier_id=plan.aanvraag_id, reden=reden.strip(),
        gegevens={"vrijval": str(vrij), "terug_te_vorderen": str(terug)},
        extra_velden=["intrekkingsreden", "terug_te_vorderen"])
    registreer_gebeurtenis(actor=door, obj=plan, actie="cheque_ingetrokken",
                           dossier_id=plan.aanvraag_id, reden=reden.strip(),
                           gegevens={"cheque": cheque.nummer, "bedrag": str(vrij),
                                     "terug_te_vorderen": str(terug),
                                     "jaar": cheque.uitgegeven_op.year})
    return cheque
