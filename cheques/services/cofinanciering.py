"""Finance records what became of each co-financing line of a cheque's plan: how much was
paid, to whom, when, against evidence (docs/cofinanciering.md). One append-only record per
line; the vaststelling waits until every non-zero line has one (cheques.services.financien)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques.models import Cheque, Cofinancieringsrealisatie
from cheques.permissions import mag_financieel_afhandelen
from cheques.services.gedeeld import C, dossier_van, eis, vergrendel_cheque
from loopbaangesprekken.models import Cofinancieringsregel
from tfvv.events import registreer_gebeurtenis
from tfvv.opslag import atomic_met_bestanden
from tfvv.templatetags.bedragen import euro

B = Cofinancieringsrealisatie.BetaaldAan


@atomic_met_bestanden()  # the evidence file: removed again when the record fails
def leg_realisatie_vast(*, cheque: Cheque, regel_id: int, door, bedrag: Decimal,
                        betaald_aan: str, datum: datetime.date, bewijs=None,
                        toelichting: str = "") -> Cofinancieringsrealisatie:
    eis(mag_financieel_afhandelen(door))
    cheque = vergrendel_cheque(cheque)
    if cheque.status in (C.VERVALLEN, C.INGETROKKEN):
        raise ValidationError(_("Bij een cheque met status %(status)s wordt geen cofinanciering "
                                "meer vastgelegd.") % {"status": cheque.get_status_display()})
    regel = (Cofinancieringsregel.objects.select_for_update()
             .filter(pk=regel_id, plan_id=cheque.beschikking.plan_id).first())
    if regel is None:
        raise ValidationError(_("Deze cofinancieringsregel hoort niet bij deze cheque."))
    if Cofinancieringsrealisatie.objects.filter(regel=regel).exists():
        raise ValidationError(_("Voor deze regel is de realisatie al vastgelegd."))
    fouten = {}
    if bedrag is None or bedrag < 0:
        fouten["bedrag"] = _("Vul een bedrag van € 0,00 of meer in.")
    elif bedrag > 0 and betaald_aan == B.NIET:
        fouten["betaald_aan"] = _("Er is een bedrag betaald: kies aan wie.")
    elif bedrag == 0 and betaald_aan != B.NIET:
        fouten["betaald_aan"] = _("Bij € 0,00 is er niets betaald: kies ‘niet betaald’.")
    if bedrag is not None and bedrag > 0 and not bewijs:
        fouten["bewijs"] = _("Voeg het bewijs van de betaling toe (PDF).")
    if datum is None:
        fouten["datum"] = _("Vul de datum in.")
    elif datum > timezone.localdate():
        fouten["datum"] = _("De datum ligt in de toekomst.")
    if bedrag is not None and bedrag < regel.bedrag and not (toelichting or "").strip():
        fouten["toelichting"] = _(
            "Er is minder gerealiseerd dan de toegezegde %(toegezegd)s: leg in de toelichting "
            "uit waarom.") % {"toegezegd": euro(regel.bedrag)}
    if fouten:
        raise ValidationError(fouten)
    realisatie = Cofinancieringsrealisatie.objects.create(
        regel=regel, cheque=cheque, bedrag=bedrag, betaald_aan=betaald_aan, datum=datum,
        bewijs=bewijs if bedrag > 0 else None, toelichting=(toelichting or "").strip(),
        door=door)
    registreer_gebeurtenis(
        actor=door, obj=cheque, actie="cofinanciering_gerealiseerd",
        dossier_id=dossier_van(cheque),
        gegevens={"regel": regel.pk, "bron": regel.bron, "partij": regel.partij,
                  "toegezegd": str(regel.bedrag), "gerealiseerd": str(bedrag),
                  "verschil": str(bedrag - regel.bedrag), "betaald_aan": betaald_aan,
                  "datum": datum.isoformat()})
    return realisatie

