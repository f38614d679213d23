"""Terugvordering (Awb 4:57) and its invordering (Awb titel 4.4): the claim is a decision
of its own; aanmaning (4:112), betalingsregeling, money received and oninbaar are each an
event and a ledger entry (tfvv.budget.boek_invordering).

The debtor is the subsidy recipient: the resident to whom the subsidy was granted (the
opleider is paid on the resident's behalf; see docs/cheques.md)."""

import calendar
import datetime
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques.models import Cheque, Invorderingsstap, Terugvordering, Vervolgbesluit
from cheques.permissions import mag_financieel_afhandelen
from cheques.services.gedeeld import NUL, dossier_van, eis
from cheques.services.vervolgbesluiten import neem_vervolgbesluit
from tfvv import budget
from tfvv.events import registreer_gebeurtenis
from tfvv.templatetags.bedragen import euro
from tfvv.termijnen import einde_termijn

STAP = Invorderingsstap.Soort
T = Terugvordering.Status
BETAALTERMIJN = datetime.timedelta(weeks=6)  # Awb 4:87 lid 1
AANMANINGSTERMIJN = datetime.timedelta(weeks=2)  # Awb 4:112 lid 1
MAX_TERMIJNEN = 24
GRONDSLAG = _("Artikel 4:57 van de Algemene wet bestuursrecht (terugvordering) en artikel "
              "4:87 (betalingstermijn van zes weken).")
GRONDSLAG_AANMANING = _("Artikel 4:112 van de Algemene wet bestuursrecht (aanmaning); "
                        "artikelen 4:114 en 4:115 (dwangbevel) en 4:98 (wettelijke rente).")
GRONDSLAG_BETALINGSREGELING = _("Artikel 4:94 van de Algemene wet bestuursrecht (uitstel van "
                                "betaling) en artikel 4:57 (terugvordering).")


def open_bedrag(terugvordering: Terugvordering) -> Decimal:
    """The claim minus what was received or written off."""
    afgeboekt = terugvordering.stappen.filter(soort__in=Invorderingsstap.AFBOEKINGEN) \
        .aggregate(s=Sum("bedrag"))["s"] or NUL
    return terugvordering.bedrag - afgeboekt


def plus_maanden(dag: datetime.date, maanden: int) -> datetime.date:
    jaar, maand = divmod(dag.month - 1 + maanden, 12)
    jaar, maand = dag.year + jaar, maand + 1
    return dag.replace(year=jaar, month=maand,
                       day=min(dag.day, calendar.monthrange(jaar, maand)[1]))


def start_terugvordering(*, cheque: Cheque, door, bedrag: Decimal, grond: str) -> Terugvordering:
    """Call inside the caller's transaction (a vaststelling or an intrekking): the claim,
    its decision (letter with bezwaar clause) and its ledger entry."""
    vandaag = timezone.localdate()
    terugvordering = Terugvordering.objects.create(
        cheque=cheque, bedrag=bedrag, grond=grond, aangemaakt_door=door,
        betalen_voor=einde_termijn(vandaag + BETAALTERMIJN))
    budget.boek_terugvordering(periode=cheque.periode, bedrag=bedrag, referentie=cheque.nummer,
                               door=door, omschrijving=_("Terugvordering: %(grond)s")
                               % {"grond": grond})
    besluit = neem_vervolgbesluit(
        beschikking=cheque.beschikking, cheque=cheque, soort=Vervolgbesluit.Soort.TERUGVORDERING,
        door=door, motivering=grond, grondslag=str(GRONDSLAG), bedrag=bedrag,
        gegevens={"artikel": "4:57", "terugvordering": terugvordering.pk,
                  "betalen_voor": terugvordering.betalen_voor.isoformat(),
                  "rekening": settings.TFVV_SEPA_DEBITEUR_IBAN})
    terugvordering.besluit = besluit
    terugvordering.save(update_fields=["besluit"])
    return terugvordering


def _vergrendel(terugvordering: Terugvordering) -> Terugvordering:
    return (Terugvordering.objects.select_for_update(of=("self",))
            .select_related("cheque__periode", "cheque__beschikking__plan__aanvraag")
            .get(pk=terugvordering.pk))


def _stap(terugvordering, *, soort, bedrag, door, datum, toelichting="", nieuwe_termijn=None,
          aantal_termijnen=None, tekst_inwoner="") -> Invorderingsstap:
    cheque = terugvordering.cheque
    stap = Invorderingsstap.objects.create(
        terugvordering=terugvordering, soort=soort, bedrag=bedrag, datum=datum, door=door,
        toelichting=toelichting, nieuwe_termijn=nieuwe_termijn,
        aantal_termijnen=aantal_termijnen)
    budget.boek_invordering(periode=cheque.periode, soort=soort, bedrag=bedrag,
                            referentie=cheque.nummer, door=door,
                            omschrijving=f"{stap.get_soort_display()} {cheque.nummer}")
    registreer_gebeurtenis(
        actor=door, obj=terugvordering, actie=f"invordering_{soort}",
        dossier_id=dossier_van(cheque), reden=toelichting,
        gegevens={"bedrag": str(bedrag), "datum": datum.isoformat(),
                  "nieuwe_termijn": nieuwe_termijn.isoformat() if nieuwe_termijn else None,
                  "aantal_termijnen": aantal_termijnen},
        tekst_inwoner=tekst_inwoner)
    return stap


def _eis_open(terugvordering: Terugvordering) -> Decimal:
    if terugvordering.status in Terugvordering.AFGESLOTEN:
        raise ValidationError(_("Deze terugvordering is afgesloten (%(status)s).")
                              % {"status": terugvordering.get_status_display()})
    return open_bedrag(terugvordering)


@transaction.atomic
def stuur_aanmaning(*, terugvordering: Terugvordering, door) -> Invorderingsstap:
    """Awb 4:112: after the payment deadline passed, a reminder with two more weeks."""
    eis(mag_financieel_afhandelen(door))
    terugvordering = _vergrendel(terugvordering)
    open_ = _eis_open(terugvordering)
    vandaag = timezone.localdate()
    if vandaag <= terugvordering.betalen_voor:
        raise ValidationError(_(
            "De betaaltermijn loopt nog tot en met %(tot)s; een aanmaning kan pas daarna "
            "(artikel 4:112 Awb).") % {"tot": f"{terugvordering.betalen_voor:%d-%m-%Y}"})
    oude_termijn = terugvordering.betalen_voor
    nieuwe_termijn = einde_termijn(vandaag + AANMANINGSTERMIJN)
    stap = _stap(terugvordering, soort=STAP.AANMANING, bedrag=open_, door=door, datum=vandaag,
                 nieuwe_termijn=nieuwe_termijn,
                 tekst_inwoner=_("U heeft een aanmaning ontvangen om het teruggevorderde bedrag "
                                 "te betalen."))
    terugvordering.betalen_voor = nieuwe_termijn
    terugvordering.save(update_fields=["betalen_voor"])
    cheque = terugvordering.cheque
    neem_vervolgbesluit(
        beschikking=cheque.beschikking, cheque=cheque, soort=Vervolgbesluit.Soort.AANMANING,
        door=door, bedrag=open_, bezwaar_mogelijk=False, grondslag=str(GRONDSLAG_AANMANING),
        motivering=_("Op %(datum)s hebben wij %(bedrag)s van u teruggevorderd. Dat bedrag "
                     "moest uiterlijk op %(tot)s betaald zijn. Wij hebben het (volledige) "
                     "bedrag niet op tijd ontvangen.") % {
            "datum": f"{timezone.localdate(terugvordering.aangemaakt_op):%d-%m-%Y}",
            "bedrag": euro(terugvordering.bedrag), "tot": f"{oude_termijn:%d-%m-%Y}"},
        gegevens={"stap": stap.pk, "terugvordering": terugvordering.pk,
                  "nieuwe_termijn": nieuwe_termijn.isoformat(),
                  "rekening": settings.TFVV_SEPA_DEBITEUR_IBAN})
    return stap


def termijnschema(open_: Decimal, aantal: int, vanaf: datetime.date) -> list[dict]:
    """Monthly instalments in whole cents (the last one takes the rounding), each due on a
    working day by the Algemene termijnenwet."""
    deel = (open_ / aantal).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return [{"datum": einde_termijn(plus_maanden(vanaf, i)).isoformat(),
             "bedrag": str(deel if i < aantal else open_ - deel * (aantal - 1))}
            for i in range(1, aantal + 1)]


@transaction.atomic
def treffen_betalingsregeling(*, terugvordering: Terugvordering, door, aantal_termijnen: int,
                              toelichting: str = "") -> Invorderingsstap:
    """Instalments, monthly; the claim's deadline becomes the last instalment's date."""
    eis(mag_financieel_afhandelen(door))
    terugvordering = _vergrendel(terugvordering)
    open_ = _eis_open(terugvordering)
    if aantal_termijnen is None or not 2 <= aantal_termijnen <= MAX_TERMIJNEN:
        raise ValidationError({"aantal_termijnen": _(
            "Kies 2 tot en met %(max)s maandelijkse termijnen.") % {"max": MAX_TERMIJNEN}})
    vandaag = timezone.localdate()
    laatste = einde_termijn(plus_maanden(vandaag, aantal_termijnen))
    stap = _stap(terugvordering, soort=STAP.BETALINGSREGELING, bedrag=open_, door=door,
                 datum=vandaag, nieuwe_termijn=laatste, aantal_termijnen=aantal_termijnen,
                 toelichting=toelichting.strip(),
                 tekst_inwoner=_("Er is een betalingsregeling getroffen voor de "
                                 "terugbetaling."))
    terugvordering.status = T.BETALINGSREGELING
    terugvordering.betalen_voor = laatste
    terugvordering.save(update_fields=["status", "betalen_voor"])
    cheque = terugvordering.cheque
    neem_vervolgbesluit(
        beschikking=cheque.beschikking, cheque=cheque,
        soort=Vervolgbesluit.Soort.BETALINGSREGELING, door=door, bedrag=open_,
        bezwaar_mogelijk=False, grondslag=str(GRONDSLAG_BETALINGSREGELING),
        motivering=toelichting.strip() or _(
            "U kunt het teruggevorderde bedrag niet in één keer betalen. Daarom mag u het in "
            "%(aantal)s maandelijkse termijnen betalen.") % {"aantal": aantal_termijnen},
        gegevens={"stap": stap.pk, "terugvordering": terugvordering.pk,
                  "termijnen": termijnschema(open_, aantal_termijnen, vandaag),
                  "rekening": settings.TFVV_SEPA_DEBITEUR_IBAN})
    return stap


@transaction.atomic
def registreer_ontvangst(*, terugvordering: Terugvordering, door, bedrag: Decimal,
                         ontvangen_op: datetime.date) -> Invorderingsstap:
    """Money received back, in part or in full."""
    eis(mag_financieel_afhandelen(door))
    terugvordering = _vergrendel(terugvordering)
    open_ = _eis_open(terugvordering)
    fouten = {}
    if bedrag is None or bedrag <= 0:
        fouten["bedrag"] = _("Vul een bedrag groter dan € 0 in.")
    elif bedrag > open_:
        fouten["bedrag"] = _("Er staat nog %(open)s open; meer kan niet worden ontvangen.") % {
            "open": euro(open_)}
    if ontvangen_op > timezone.localdate():
        fouten["ontvangen_op"] = _("De datum ligt in de toekomst.")
    elif ontvangen_op < timezone.localdate(terugvordering.aangemaakt_op):
        fouten["ontvangen_op"] = _("De datum ligt voor de terugvordering.")
    if fouten:
        raise ValidationError(fouten)
    stap = _stap(terugvordering, soort=STAP.ONTVANGST, bedrag=bedrag, door=door,
                 datum=ontvangen_op,
                 tekst_inwoner=_("De gemeente heeft uw terugbetaling ontvangen."))
    if bedrag == open_:
        terugvordering.status = T.VOLDAAN
        terugvordering.save(update_fields=["status"])
    return stap


@transaction.atomic
def verklaar_oninbaar(*, terugvordering: Terugvordering, door,
                      toelichting: str) -> Invorderingsstap:
    eis(mag_financieel_afhandelen(door))
    terugvordering = _vergrendel(terugvordering)
    open_ = _eis_open(terugvordering)
    if not toelichting.strip():
        raise ValidationError({"toelichting": _("Licht toe waarom het bedrag oninbaar is.")})
    stap = _stap(terugvordering, soort=STAP.ONINBAAR, bedrag=open_, door=door,
                 datum=timezone.localdate(), toelichting=toelichting.strip())
    terugvordering.status = T.ONINBAAR
    terugvordering.save(update_fields=["status"])
    return stap


def laat_vervallen_na_bezwaar(*, terugvordering: Terugvordering, door,
                              reden: str) -> Decimal:
    """The decision the claim rests on was herroepen after a gegrond bezwaar (Awb 7:11): the
    open claim is reversed by a step and a ledger entry of its own, never deleted. Money
    already received must first be paid back, which is not this step's to decide. Call
    inside the beslissing op bezwaar's transaction; returns the amount that fell."""
    terugvordering = _vergrendel(terugvordering)
    if terugvordering.status == T.VERVALLEN:
        return NUL
    ontvangen = terugvordering.stappen.filter(soort=STAP.ONTVANGST) \
        .aggregate(s=Sum("bedrag"))["s"] or NUL
    if ontvangen:
        raise ValidationError(_(
            "Op de terugvordering van cheque %(nummer)s is al %(bedrag)s ontvangen. Laat "
            "financiën dat bedrag eerst terugbetalen; daarna kan het besluit worden "
            "herroepen.") % {"nummer": terugvordering.cheque.nummer, "bedrag": euro(ontvangen)})
    open_ = open_bedrag(terugvordering)
    if open_ > 0:
        _stap(terugvordering, soort=STAP.VORDERING_VERVALLEN, bedrag=open_, door=door,
              datum=timezone.localdate(), toelichting=reden,
              tekst_inwoner=_("De terugvordering is vervallen: u hoeft niets terug te "
                              "betalen."))
    terugvordering.status = T.VERVALLEN
    terugvordering.save(update_fields=["status"])
    return open_


STAPPEN = {STAP.AANMANING: stuur_aanmaning, STAP.BETALINGSREGELING: treffen_betalingsregeling,
           STAP.ONTVANGST: registreer_ontvangst, STAP.ONINBAAR: verklaar_oninbaar}
