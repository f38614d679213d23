"""Finance on one cheque: the opleider's declaratie, the completion proof and the
vaststelling (Awb 4:42/4:47). Payments are booked only by an approved payment batch
(cheques.services.betaalbatch)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.services import wijzig_status
from aanvragen.workflow import aanvraag_statusmachine
from cheques import cofinanciering
from cheques.models import Afronding, Betaling, Cheque, Declaratie, Vervolgbesluit
from cheques.permissions import mag_financieel_afhandelen
from cheques.services.gedeeld import NUL, C, dossier_van, eis, vergrendel_cheque
from cheques.services.terugvordering import start_terugvordering
from cheques.services.vervolgbesluiten import neem_vervolgbesluit
from cheques.workflow import cheque_statusmachine
from tfvv import budget, budget_selectors
from tfvv.events import registreer_gebeurtenis
from tfvv.opslag import atomic_met_bestanden
from tfvv.templatetags.bedragen import euro

A = Afronding.Soort
GRONDSLAG_VASTSTELLING = _(
    "Artikel 4:42, 4:44 en 4:47 van de Algemene wet bestuursrecht en de Subsidieverordening "
    "Twents Fonds voor Vakmanschap; de verplichtingen in de verleningsbeschikking.")


def datum(d) -> str:
    return f"{d:%d-%m-%Y}"


def betaald(cheque: Cheque, soort: str | None = None) -> Decimal:
    """What was paid to the opleider on `cheque` (optionally one kind of payment)."""
    qs = cheque.betalingen.all()
    if soort:
        qs = qs.filter(soort=soort)
    return qs.aggregate(s=Sum("bedrag"))["s"] or NUL


def laatste_declaratie(cheque: Cheque) -> Declaratie | None:
    return cheque.declaraties.order_by("-geregistreerd_op", "-id").first()


def controleer_declaratie(*, cheque: Cheque, factuurnummer: str, factuurdatum: datetime.date,
                          bedrag: Decimal) -> None:
    """The invoice's own figures, for registering and for correcting a declaratie: raises a
    ValidationError with a Dutch message per field."""
    vandaag = timezone.localdate()
    fouten = {}
    if bedrag is None or bedrag <= 0:
        fouten["bedrag"] = _("Vul een bedrag groter dan € 0 in.")
    elif bedrag > cheque.bedrag:
        fouten["bedrag"] = _("Het bedrag is hoger dan de cheque (%(bedrag)s).") % {
            "bedrag": euro(cheque.bedrag)}
    if factuurdatum > vandaag:
        fouten["factuurdatum"] = _("De factuurdatum ligt in de toekomst.")
    elif factuurdatum < cheque.uitgegeven_op:
        fouten["factuurdatum"] = _(
            "De factuurdatum ligt voor de datum waarop de cheque is uitgegeven (%(op)s).") % {
            "op": datum(cheque.uitgegeven_op)}
    if not factuurnummer.strip():
        fouten["factuurnummer"] = _("Vul het factuurnummer in.")
    if fouten:
        raise ValidationError(fouten)


@atomic_met_bestanden()  # the proof file: removed again when the registration fails
def registreer_declaratie(*, cheque: Cheque, door, factuurnummer: str,
                          factuurdatum: datetime.date, bedrag: Decimal, bewijs,
                          ingediend_op: datetime.date | None = None) -> Declaratie:
    """The opleider's invoice. At the start it is paid as a voorschot; with a completion
    proof the subsidy is vastgesteld first. `ingediend_op`: the day the opleider submitted
    it in the portal (in time then, even when finance accepts it after the expiry)."""
    eis(mag_financieel_afhandelen(door))
    cheque = vergrendel_cheque(cheque)
    if cheque.geldig_tot < (ingediend_op or timezone.localdate()):
        raise ValidationError(_(
            "Cheque %(nummer)s was geldig tot en met %(tot)s en is verlopen; er kan geen "
            "declaratie meer op worden geregistreerd.")
            % {"nummer": cheque.nummer, "tot": datum(cheque.geldig_tot)})
    controleer_declaratie(cheque=cheque, factuurnummer=factuurnummer,
                          factuurdatum=factuurdatum, bedrag=bedrag)
    declaratie = Declaratie.objects.create(
        cheque=cheque, factuurnummer=factuurnummer.strip(), factuurdatum=factuurdatum,
        bedrag=bedrag, bewijs=bewijs, geregistreerd_door=door)
    cheque_statusmachine.voer_uit(cheque, "declareren", actor=door, dossier_id=dossier_van(cheque),
                                  gegevens={"factuurnummer": declaratie.factuurnummer,
                                            "bedrag": str(bedrag)})
    return declaratie


@transaction.atomic
def registreer_afronding(*, cheque: Cheque, door, soort: str, bewijs,
                         aanwezigheid_procent: int | None = None,
                         gestopt_op: datetime.date | None = None,
                         reden_gestopt: str = "") -> Afronding:
    """Record the opleider's proof of completion (or of stopping) as data."""
    eis(mag_financieel_afhandelen(door))
    cheque = vergrendel_cheque(cheque)
    if cheque.status not in (C.GEDECLAREERD, C.VOORSCHOT_BETAALD):
        raise ValidationError(_("Een afronding kan alleen worden vastgelegd bij een "
                                "gedeclareerde cheque of een cheque met een voorschot."))
    if Afronding.objects.filter(cheque=cheque).exists():
        raise ValidationError(_("De afronding van deze cheque is al vastgelegd."))
    fouten = {}
    if soort == A.AANWEZIGHEID and (aanwezigheid_procent is None
                                    or not 0 <= aanwezigheid_procent <= 100):
        fouten["aanwezigheid_procent"] = _("Vul het aanwezigheidspercentage in (0 tot en met "
                                           "100).")
    if soort == A.GESTOPT:
        if gestopt_op is None:
            fouten["gestopt_op"] = _("Vul de datum in waarop de deelnemer is gestopt.")
        elif gestopt_op > timezone.localdate():
            fouten["gestopt_op"] = _("De datum ligt in de toekomst.")
        if not reden_gestopt.strip():
            fouten["reden_gestopt"] = _("Vul de reden in waarom de deelnemer is gestopt.")
    if fouten:
        raise ValidationError(fouten)
    afronding = Afronding.objects.create(
        cheque=cheque, soort=soort, bewijs=bewijs, geregistreerd_door=door,
        aanwezigheid_procent=aanwezigheid_procent if soort == A.AANWEZIGHEID else None,
        gestopt_op=gestopt_op if soort == A.GESTOPT else None,
        reden_gestopt=reden_gestopt.strip() if soort == A.GESTOPT else "")
    registreer_gebeurtenis(
        actor=door, obj=cheque, actie="afronding_vastleggen", dossier_id=dossier_van(cheque),
        gegevens={"soort": soort, "aanwezigheid_procent": afronding.aanwezigheid_procent,
                  "voltooid": afronding.voltooid},
        tekst_inwoner=_("De opleider heeft laten weten dat u de scholing heeft afgerond.")
        if afronding.voltooid else _("De opleider heeft laten weten hoe uw scholing is "
                                     "verlopen."))
    return afronding


def _afronding_van(cheque: Cheque) -> Afronding | None:
    return Afronding.objects.filter(cheque=cheque).first()


def _controleer_cofinanciering(cheque: Cheque, motivering: str) -> None:
    """Every non-zero co-financing line has its realisation recorded and no correction of it
    waits for approval; a shortfall is named in the motivering (the word "cofinanciering"),
    because it may bear on the amount."""
    standen = cofinanciering.regelstanden(cheque)
    open_ = [s.regel.partij for s in standen if s.vast_te_leggen]
    if open_:
        raise ValidationError(_(
            "Leg eerst vast wat er van de cofinanciering is betaald (%(partijen)s). Dat doet u "
            "op de pagina Cofinanciering van deze cheque.") % {"partijen": ", ".join(open_)})
    wacht = [s.regel.partij for s in standen if s.correctie_open]
    if wacht:  # decide on the figures that will hold
        raise ValidationError(_(
            "Er wacht een correctie van de cofinanciering op goedkeuring (%(partijen)s). Laat "
            "een collega daar eerst over besluiten; daarna kunt u vaststellen.")
            % {"partijen": ", ".join(wacht)})
    tekort = cofinanciering.tekort(standen)
    if tekort > 0 and "cofinanciering" not in motivering.lower():
        raise ValidationError({"motivering": _(
            "Er is %(tekort)s minder cofinanciering betaald dan toegezegd. Noem in de "
            "motivering wat dit betekent voor de vaststelling (met het woord "
            "‘cofinanciering’).") % {"tekort": euro(tekort)}})


@transaction.atomic
def vaststellen(*, cheque: Cheque, door, bedrag: Decimal, motivering: str) -> Vervolgbesluit:
    """The vaststellingsbeschikking (Awb 4:42), ambtshalve (4:47) on the completion proof,
    or after the deadline without one. At most the granted (and declared) amount; a lower
    amount releases the difference; a voorschot above it is claimed back (4:57)."""
    eis(mag_financieel_afhandelen(door))
    cheque = vergrendel_cheque(cheque)
    vandaag = timezone.localdate()
    if not cheque_statusmachine.toegestaan(cheque, "vaststellen"):
        raise ValidationError(_("Deze cheque kan nu niet worden vastgesteld."))
    afronding = _afronding_van(cheque)
    if afronding is None and cheque.geldig_tot >= vandaag:
        raise ValidationError(_(
            "Leg eerst het bewijs van afronding vast. Zonder bewijs kan de subsidie pas "
            "ambtshalve worden vastgesteld na de einddatum van de cheque (%(tot)s).")
            % {"tot": datum(cheque.geldig_tot)})
    gedeclareerd = laatste_declaratie(cheque)
    maximum = min(cheque.bedrag, gedeclareerd.bedrag) if gedeclareerd else cheque.bedrag
    if bedrag is None or bedrag <= 0:
        raise ValidationError({"bedrag": _("Vul een bedrag groter dan € 0 in; is er niets "
                                           "geleverd, trek de subsidie dan in.")})
    if bedrag > maximum:
        raise ValidationError({"bedrag": _(
            "Het vastgestelde bedrag mag niet hoger zijn dan %(max)s (cheque en declaratie)."
        ) % {"max": euro(maximum)}})
    if not motivering.strip():
        raise ValidationError({"motivering": _(
            "Motiveer de vaststelling (artikel 3:47 Awb), ook als het volledige bedrag wordt "
            "vastgesteld.")})
    _controleer_cofinanciering(cheque, motivering)
    voorschot = betaald(cheque, Betaling.Soort.VOORSCHOT)
    nog_te_betalen = max(bedrag - voorschot, NUL)
    open_ = budget_selectors.openstaande_reservering(periode=cheque.periode,
                                                     referentie=cheque.nummer)
    vrijval = open_ - nog_te_betalen
    budget.geef_vrij(periode=cheque.periode, bedrag=vrijval, referentie=cheque.nummer,
                     door=door, omschrijving=_("Vaststelling lager dan verleend"))
    cheque.vastgesteld_bedrag = bedrag
    cheque.vastgesteld_op = vandaag
    besluit = neem_vervolgbesluit(
        beschikking=cheque.beschikking, cheque=cheque, soort=Vervolgbesluit.Soort.VASTSTELLING,
        door=door, motivering=motivering.strip(), grondslag=str(GRONDSLAG_VASTSTELLING),
        bedrag=bedrag,
        gegevens={"artikel": "4:42", "verleend": str(cheque.bedrag), "voorschot": str(voorschot),
                  "nog_te_betalen": str(nog_te_betalen), "vrijval": str(vrijval),
                  "terug_te_vorderen": str(voorschot - bedrag) if voorschot > bedrag else "",
                  "ambtshalve_na_termijn": afronding is None,
                  "afronding": afronding.get_soort_display() if afronding else "",
                  "aanwezigheid_procent": afronding.aanwezigheid_procent if afronding else None})
    cheque_statusmachine.voer_uit(
        cheque, "vaststellen", actor=door, dossier_id=dossier_van(cheque),
        reden=motivering.strip(),
        gegevens={"bedrag": str(bedrag), "vrijval": str(vrijval), "besluit": besluit.pk},
        extra_velden=["vastgesteld_bedrag", "vastgesteld_op"])
    if nog_te_betalen == 0:
        cheque_statusmachine.voer_uit(cheque, "verrekenen", actor=door,
                                      dossier_id=dossier_van(cheque))
        rond_aanvraag_af(cheque, door=door)
    if voorschot > bedrag:
        start_terugvordering(
            cheque=cheque, door=door, bedrag=voorschot - bedrag,
            grond=_("Het voorschot (%(voorschot)s) is hoger dan de vastgestelde subsidie "
                    "(%(bedrag)s).") % {"voorschot": euro(voorschot), "bedrag": euro(bedrag)})
    return besluit


def rond_aanvraag_af(cheque: Cheque, *, door) -> None:
    """The aanvraag is closed as 'afgerond' only when completion was recorded: a resident
    never reads that the training is finished on the strength of a payment alone."""
    afronding = _afronding_van(cheque)
    aanvraag = cheque.beschikking.plan.aanvraag
    # already afgerond when a higher vaststelling after a bezwaar is paid
    if (afronding is not None and afronding.voltooid
            and aanvraag_statusmachine.toegestaan(aanvraag, "afronden")):
        wijzig_status(aanvraag=aanvraag, transitie="afronden", actor=door)
