"""The end of a cheque's life: lapse at expiry (daily), the worklist for an ambtshalve
vaststelling after the deadline (daily), and withdrawal (Awb 4:48/4:49)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques.models import Cheque, Vervolgbesluit
from cheques.permissions import mag_besluiten
from cheques.services.gedeeld import (
    NUL,
    C,
    dossier_van,
    eis,
    mail_na_commit,
    vergrendel_cheque,
)
from cheques.services.terugvordering import start_terugvordering
from cheques.services.vervolgbesluiten import neem_vervolgbesluit
from cheques.workflow import cheque_statusmachine
from tfvv import budget, budget_selectors
from tfvv.events import registreer_gebeurtenis
from tfvv.templatetags.bedragen import euro

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
    cheque = vergrendel_cheque(cheque)
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
    mail_na_commit(
        _("Uw scholingscheque is vervallen"),
        _("Uw scholingscheque %(nummer)s was geldig tot en met %(tot)s en is niet gebruikt. "
          "De cheque is daarom vervallen. Heeft u vragen? Neem contact op met uw consulent.")
        % {"nummer": cheque.nummer, "tot": f"{cheque.geldig_tot:%d-%m-%Y}"},
        [plan.aanvraag.email])
    return True


def laat_verlopen_cheques_vervallen(*, vandaag: datetime.date) -> int:
    """Daily (Celery beat): each lapsed cheque in its own transaction."""
    # a declaratie the opleider submitted in time waits for finance: the cheque was used
    ids = list(Cheque.objects.filter(status=C.UITGEGEVEN, geldig_tot__lt=vandaag)
               .exclude(indieningen__status="ingediend").values_list("pk", flat=True))
    return sum(laat_vervallen(cheque=Cheque(pk=pk), vandaag=vandaag) for pk in ids)


GRONDEN = {
    # ground: (article before the vaststelling, article after it or None, text)
    "niet_verricht": ("4:48 lid 1 onder a", None, _(
        "De activiteiten waarvoor de subsidie is verleend, zijn niet of niet geheel "
        "verricht.")),
    "verplichtingen": ("4:48 lid 1 onder b", "4:49 lid 1 onder c", _(
        "Niet is voldaan aan de verplichtingen die aan de subsidie zijn verbonden.")),
    "onjuiste_gegevens": ("4:48 lid 1 onder c", "4:49 lid 1 onder a", _(
        "De subsidie is verleend of vastgesteld op grond van onjuiste of onvolledige "
        "gegevens.")),
    "ten_onrechte": ("4:48 lid 1 onder d", "4:49 lid 1 onder b", _(
        "De subsidie is anderszins onjuist verleend of vastgesteld en de ontvanger wist of "
        "behoorde dit te weten.")),
}
INTREKKINGSTERMIJN_JAREN = 5  # Awb 4:49 lid 3


def vijf_jaar_na(dag: datetime.date) -> datetime.date:
    try:
        return dag.replace(year=dag.year + INTREKKINGSTERMIJN_JAREN)
    except ValueError:  # 29 February
        return dag.replace(year=dag.year + INTREKKINGSTERMIJN_JAREN, day=28)


def intrekkingsartikel(cheque: Cheque, grond: str, vandaag: datetime.date) -> str:
    """Awb 4:48 before the vaststelling, 4:49 after it (within five years); raises a
    ValidationError with the reason when the subsidy can no longer be withdrawn."""
    if grond not in GRONDEN:
        raise ValidationError({"grond": _("Kies de grond van de intrekking.")})
    voor, na, _tekst = GRONDEN[grond]
    if cheque.vastgesteld_op is None:
        return voor
    if na is None:
        raise ValidationError({"grond": _(
            "Na de vaststelling kan de subsidie niet meer om deze reden worden ingetrokken "
            "(artikel 4:49 Awb kent deze grond niet).")})
    grens = vijf_jaar_na(cheque.vastgesteld_op)
    if vandaag > grens:
        raise ValidationError(_(
            "De subsidie is vastgesteld op %(op)s. Een vastgestelde subsidie kan na vijf jaar "
            "niet meer worden ingetrokken (artikel 4:49 lid 3 Awb); dat kon tot en met "
            "%(grens)s.") % {"op": f"{cheque.vastgesteld_op:%d-%m-%Y}",
                             "grens": f"{grens:%d-%m-%Y}"})
    return na


@transaction.atomic
def intrekken(*, cheque: Cheque, door, grond: str, motivering: str,
              terug_te_vorderen: Decimal | None = None) -> Vervolgbesluit:
    """The intrekkingsbeschikking (Awb 4:48/4:49): release what is still reserved; what was
    paid is claimed back by a terugvordering (4:57). Resident (letter) and opleider (mail)
    are told."""
    eis(mag_besluiten(door))
    cheque = vergrendel_cheque(cheque)
    if not cheque_statusmachine.toegestaan(cheque, "intrekken"):
        raise ValidationError(_("Een %(status)s cheque kan niet worden ingetrokken.") % {
            "status": cheque.get_status_display()})
    artikel = intrekkingsartikel(cheque, grond, timezone.localdate())
    if not motivering.strip():
        raise ValidationError({"motivering": _("Motiveer de intrekking (artikel 3:47 Awb).")})
    betaald = cheque.betalingen.aggregate(s=Sum("bedrag"))["s"] or NUL
    al_gevorderd = cheque.terugvorderingen.aggregate(s=Sum("bedrag"))["s"] or NUL
    maximum = betaald - al_gevorderd
    terug = maximum if terug_te_vorderen is None else terug_te_vorderen
    if terug < 0 or terug > maximum:
        raise ValidationError({"terug_te_vorderen": _(
            "Terug te vorderen kan tussen € 0 en %(max)s liggen (betaald en nog niet "
            "teruggevorderd).") % {"max": euro(maximum)}})
    vrij = _geef_reservering_vrij(cheque, door=door, omschrijving=_("Subsidie ingetrokken"))
    reden = f"{GRONDEN[grond][2]} {motivering.strip()}"
    cheque.intrekkingsreden = reden
    cheque.terug_te_vorderen = terug
    plan = cheque.beschikking.plan
    besluit = neem_vervolgbesluit(
        beschikking=cheque.beschikking, cheque=cheque, soort=Vervolgbesluit.Soort.INTREKKING,
        door=door, motivering=reden,
        grondslag=_("Artikel %(artikel)s van de Algemene wet bestuursrecht en de "
                    "Subsidieverordening Twents Fonds voor Vakmanschap.") % {"artikel": artikel},
        bedrag=betaald or None,  # the letter: what was paid already (claimed back apart)
        gegevens={"artikel": artikel, "grond": grond, "vrijval": str(vrij),
                  "betaald": str(betaald), "terug_te_vorderen": str(terug),
                  # what a gegrond bezwaar restores (cheques.services.herroeping)
                  "status_voor": cheque.status, "aanvraag_voor": plan.aanvraag.status})
    cheque_statusmachine.voer_uit(
        cheque, "intrekken", actor=door, dossier_id=plan.aanvraag_id, reden=reden,
        gegevens={"vrijval": str(vrij), "terug_te_vorderen": str(terug), "artikel": artikel,
                  "besluit": besluit.pk},
        extra_velden=["intrekkingsreden", "terug_te_vorderen"])
    registreer_gebeurtenis(actor=door, obj=plan, actie="cheque_ingetrokken",
                           dossier_id=plan.aanvraag_id, reden=reden,
                           gegevens={"cheque": cheque.nummer, "bedrag": str(vrij),
                                     "terug_te_vorderen": str(terug),
                                     "jaar": cheque.uitgegeven_op.year})
    if terug > 0:
        terugvordering = start_terugvordering(cheque=cheque, door=door, bedrag=terug,
                                              grond=reden)
        besluit.gegevens["terugvordering"] = terugvordering.pk
        besluit.save(update_fields=["gegevens"])
    mail_na_commit(
        _("Scholingscheque %(nummer)s ingetrokken") % {"nummer": cheque.nummer},
        _("De gemeente heeft de subsidie voor scholingscheque %(nummer)s ingetrokken "
          "(artikel %(artikel)s Awb). Op deze cheque kunt u geen (verdere) scholing meer "
          "declareren.") % {"nummer": cheque.nummer, "artikel": artikel},
        [cheque.opleider.email])
    return besluit


def markeer_vast_te_stellen(*, vandaag: datetime.date) -> int:
    """Daily (beat): a declared cheque past its end date without a completion proof goes
    on finance's worklist for an ambtshalve vaststelling (Awb 4:47). Idempotent: a cheque
    is marked (and logged) once."""
    ids = list(Cheque.objects.filter(status__in=(C.GEDECLAREERD, C.VOORSCHOT_BETAALD),
                                     geldig_tot__lt=vandaag, afronding__isnull=True,
                                     vast_te_stellen_sinds__isnull=True)
               .values_list("pk", flat=True))
    aantal = 0
    for pk in ids:
        with transaction.atomic():
            cheque = vergrendel_cheque(Cheque(pk=pk))
            if cheque.vast_te_stellen_sinds is not None:
                continue
            cheque.vast_te_stellen_sinds = vandaag
            cheque.save(update_fields=["vast_te_stellen_sinds"])
            registreer_gebeurtenis(actor=None, obj=cheque, actie="vast_te_stellen",
                                   dossier_id=dossier_van(cheque),
                                   gegevens={"geldig_tot": cheque.geldig_tot.isoformat()})
            aantal += 1
    return aantal
