"""The end of a cheque's life: lapse at expiry (daily) and withdrawal."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from cheques.models import Cheque
from cheques.permissions import mag_besluiten
from cheques.services.gedeeld import (
    NUL,
    C,
    eis,
    mail_na_commit,
    vergrendel_cheque,
)
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
    ids = list(Cheque.objects.filter(status=C.UITGEGEVEN, geldig_tot__lt=vandaag)
               .values_list("pk", flat=True))
    return sum(laat_vervallen(cheque=Cheque(pk=pk), vandaag=vandaag) for pk in ids)


@transaction.atomic
def intrekken(*, cheque: Cheque, door, reden: str,
              terug_te_vorderen: Decimal | None = None) -> Cheque:
    """Withdraw: release what is still reserved; record what was paid and must come back."""
    eis(mag_besluiten(door))
    cheque = vergrendel_cheque(cheque)
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
