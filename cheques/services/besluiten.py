"""Decisions on a scholingsplan: grant (with co-signing above a threshold) and refusal, each
a beschikking sent in the same transaction; PDFs and mails after commit."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from aanvragen.services import wijzig_status
from cheques import verificatie
from cheques.models import Beschikking, Cheque
from cheques.motivering import afwijzingsgronden, grondslagtekst, motiveringstekst
from cheques.permissions import mag_besluiten, mag_medeondertekenen
from cheques.services.gedeeld import (
    NUL,
    C,
    P,
    U,
    eis,
    geen_besluit,
    maak_documenten_na_commit,
    oormerkkenmerken,
    regeling_van,
    vergrendel_plan,
)
from cheques.toets import heeft_handmatige_regel, niet_voldane_regels
from cheques.workflow import beschikking_statusmachine
from loopbaangesprekken.models import Scholingsplan
from loopbaangesprekken.services import scholingsplan as plan_services
from tfvv import budget
from tfvv.events import registreer_gebeurtenis
from tfvv.models import Regeling
from tfvv.templatetags.bedragen import euro
from tfvv.termijnen import bezwaartermijn_einde, einde_termijn
from tfvv.volgnummers import volgende

CHEQUE_GELDIG_NA_EINDDATUM = datetime.timedelta(days=90)
# The fund fixes (vaststellen) the subsidy ambtshalve within this time after the end of the
# training (Awb 4:47); the letter names the resulting date, by the Algemene termijnenwet.
VASTSTELLING_NA_EINDDATUM = datetime.timedelta(weeks=22)

VERPLICHTINGEN = _(
    "1. U start met de opleiding uiterlijk op de startdatum in het scholingsplan "
    "(%(start)s).\n"
    "2. U rondt de opleiding af en levert het bewijs aan: een diploma of certificaat, of een "
    "verklaring van de opleider dat u ten minste 80 %% van de lessen heeft gevolgd.\n"
    "3. De opleider declareert de cheque uiterlijk op %(geldig_tot)s bij gemeente Enschede; "
    "daarna vervalt de cheque.\n"
    "4. Wilt u iets veranderen (een andere opleiding, een andere startdatum of een ander "
    "bedrag), vraag dat dan vooraf aan via 'Mijn aanvraag' of bij uw consulent. Wij nemen "
    "daarover een besluit (een wijzigingsbeschikking). Stopt u met de opleiding, meld dat dan "
    "direct.\n\n"
    "Voorschot. De opleider stuurt bij de start van de opleiding een factuur aan ons. Wij "
    "betalen die factuur als voorschot op uw subsidie rechtstreeks aan de opleider "
    "(artikelen 4:95 en 4:52 Awb). U betaalt de opleider dus niet zelf.\n\n"
    "Vaststelling. Na afloop van de opleiding stellen wij de subsidie vast zonder dat u "
    "daarom hoeft te vragen (ambtshalve, artikel 4:47 Awb). Dat doen wij op basis van het "
    "bewijs van afronding uit verplichting 2, uiterlijk op %(vaststelling)s (22 weken na de "
    "einddatum van de opleiding, %(eind)s). De subsidie wordt ten hoogste vastgesteld op het "
    "verleende bedrag. Rondt u de opleiding niet af, dan kunnen wij de subsidie lager of op "
    "nihil vaststellen en het voorschot terugvorderen (artikelen 4:46 en 4:57 Awb). U "
    "ontvangt over de vaststelling een aparte beschikking."
)


def vaststelling_uiterlijk(einddatum: datetime.date) -> datetime.date:
    return einde_termijn(einddatum + VASTSTELLING_NA_EINDDATUM)

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
    eis(mag_besluiten(door))
    plan = vergrendel_plan(plan)
    geen_besluit(plan)
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
    eis(mag_medeondertekenen(door, beschikking))
    if beschikking.status != Beschikking.Status.CONCEPT:
        raise ValidationError(_("Deze beschikking is al verzonden."))
    plan = vergrendel_plan(beschikking.plan)
    beschikking.medeondertekenaar = door
    beschikking.save(update_fields=["medeondertekenaar"])
    return _verleen(beschikking=beschikking, plan=plan, regeling=regeling_van(plan), door=door)


@transaction.atomic
def concept_verwerpen(*, beschikking: Beschikking, door, reden: str) -> Scholingsplan:
    """The second beoordelaar does not co-sign: the proposal goes, the plan stays open."""
    beschikking = Beschikking.objects.select_for_update().get(pk=beschikking.pk)
    eis(mag_medeondertekenen(door, beschikking))
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
    cheque = geef_cheque_uit(beschikking=beschikking, plan=plan, regeling=regeling,
                             bedrag=beschikking.bedrag, door=door)
    beschikking.verplichtingen = verplichtingen(plan, cheque.geldig_tot)
    verzend(beschikking, door=door, extra_velden=["verplichtingen"])
    besluit_vastleggen(plan, beschikking, door=door, aanvraag_transitie="toekennen")
    registreer_uitgifte(plan, cheque, door=door)
    maak_documenten_na_commit(beschikking)
    return beschikking


def geldig_tot(einddatum: datetime.date, vandaag: datetime.date) -> datetime.date:
    """Never issued already expired: from the later of the training's end and today."""
    return max(einddatum, vandaag) + CHEQUE_GELDIG_NA_EINDDATUM


def verplichtingen(plan: Scholingsplan, tot: datetime.date) -> str:
    return VERPLICHTINGEN % {
        "start": f"{plan.startdatum:%d-%m-%Y}", "geldig_tot": f"{tot:%d-%m-%Y}",
        "eind": f"{plan.einddatum:%d-%m-%Y}",
        "vaststelling": f"{vaststelling_uiterlijk(plan.einddatum):%d-%m-%Y}"}


def geef_cheque_uit(*, beschikking: Beschikking, plan: Scholingsplan, regeling: Regeling,
                    bedrag: Decimal, door) -> Cheque:
    """Check the per-person cap, reserve under the plafond and issue the cheque. Used by the
    grant and by a toekenning after a gegrond bezwaar (cheques.services.herroeping)."""
    vandaag = timezone.localdate()
    ruimte = jaarruimte(plan=plan, jaar=vandaag.year, regeling=regeling)
    if bedrag > ruimte:
        raise ValidationError({"bedrag": _(
            "Dit is meer dan het maximum per persoon per kalenderjaar: er is in %(jaar)s nog "
            "%(ruimte)s over (maximum %(max)s).") % {
            "jaar": vandaag.year, "ruimte": euro(max(ruimte, NUL)),
            "max": euro(regeling.maximum_per_jaar)}})
    try:
        # One tijdvak per aanvraag: the one it was received in, as in the subsidietoets R9
        # (Awb 4:25; docs/budget.md).
        periode = budget.periode_voor(plan.aanvraag.aanvraagdatum)
    except budget.GeenBegrotingsperiode as e:
        raise ValidationError({"bedrag": str(e)}) from e
    # Lock order everywhere: cheque counter, then budget period (reserveer checks the plafond
    # under the period lock). A refusal rolls back, so the number is not used up.
    nummer = f"TFV-{vandaag.year}-{volgende(f'cheque-{vandaag.year}'):06d}"
    budget.reserveer(periode=periode, bedrag=bedrag, referentie=nummer, door=door,
                     omschrijving=f"Toekenning {plan.aanvraag.referentie}",
                     kenmerken=oormerkkenmerken(plan))
    zout = verificatie.nieuw_zout()
    return Cheque.objects.create(
        nummer=nummer, beschikking=beschikking, periode=periode, opleider=plan.opleider,
        bedrag=bedrag, verificatiezout=zout,
        verificatiecode_hash=verificatie.hash_van(verificatie.code(nummer=nummer, zout=zout)),
        uitgegeven_op=vandaag, geldig_tot=geldig_tot(plan.einddatum, vandaag),
    )


def registreer_uitgifte(plan: Scholingsplan, cheque: Cheque, *, door):
    """The events the subsidietoets (R6, R10) and the timelines read."""
    registreer_gebeurtenis(actor=door, obj=plan, actie="toekennen", dossier_id=plan.aanvraag_id,
                           gegevens={"bedrag": str(cheque.bedrag),
                                     "jaar": cheque.uitgegeven_op.year,
                                     "cheque": cheque.nummer})
    registreer_gebeurtenis(actor=door, obj=cheque, actie="uitgeven",
                           dossier_id=plan.aanvraag_id, naar_status=C.UITGEGEVEN,
                           gegevens={"bedrag": str(cheque.bedrag),
                                     "periode": cheque.periode.naam})


def verzend(beschikking: Beschikking, *, door, extra_velden=()):
    vandaag = timezone.localdate()
    beschikking.verzonden_op = vandaag
    # Awb 6:7/6:8: six weeks from the day after sending, extended by the Algemene termijnenwet.
    beschikking.bezwaartermijn_tot = bezwaartermijn_einde(vandaag)
    beschikking_statusmachine.voer_uit(
        beschikking, "verzenden", actor=door, dossier_id=beschikking.plan.aanvraag_id,
        gegevens={"uitkomst": beschikking.uitkomst},
        extra_velden=["verzonden_op", "bezwaartermijn_tot", *extra_velden],
    )


def besluit_vastleggen(plan, beschikking, *, door, aanvraag_transitie):
    plan_services.besluiten(plan=plan, actor=door, reden=beschikking.get_uitkomst_display(),
                            gegevens={"uitkomst": beschikking.uitkomst,
                                      "beschikking": beschikking.pk})
    wijzig_status(aanvraag=plan.aanvraag, transitie=aanvraag_transitie, actor=door,
                  reden=beschikking.motivering)



# --- afwijzen, buiten behandeling -----------------------------------------------------------

@transaction.atomic
def afwijzen(*, plan: Scholingsplan, door, motivering: str, regels: list[str],
             redenen: dict[str, str] | None = None) -> Beschikking:
    """Refuse: each cited rule becomes a sentence with its figures and legal basis
    (cheques.motivering); `redenen` holds the written reason per handmatig rule."""
    eis(mag_besluiten(door))
    plan = vergrendel_plan(plan)
    geen_besluit(plan, toegestaan=(P.INGEDIEND, P.AANVULLING))
    fouten = {}
    if not motivering.strip():
        fouten["motivering"] = _("Een afwijzing moet gemotiveerd worden (art. 3:47 Awb).")
    if not regels:
        fouten["regels"] = _("Noem ten minste één regel waarop de afwijzing berust.")
    if fouten:
        raise ValidationError(fouten)
    gronden = afwijzingsgronden(plan.toets_snapshot, regels, redenen or {})
    regeling = regeling_van(plan)
    beschikking = Beschikking.objects.create(
        plan=plan, uitkomst=U.AFWIJZING, motivering=motiveringstekst(gronden, motivering),
        grondslag=grondslagtekst(regeling.grondslag, gronden), beoordelaar=door)
    verzend(beschikking, door=door)
    besluit_vastleggen(plan, beschikking, door=door, aanvraag_transitie="afwijzen")
    maak_documenten_na_commit(beschikking)
    return beschikking
