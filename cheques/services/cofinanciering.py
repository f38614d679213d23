"""Finance records what became of each co-financing line of a cheque's plan: how much was
paid, to whom, when, against evidence (docs/cofinanciering.md). One append-only record per
line; the vaststelling waits until every non-zero line has one (cheques.services.financien).
A recorded line is corrected by one financieel medewerker and holds once a colleague approved
it with a fresh code (four-eyes, tfvv.vierogen)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cheques.cofinanciering import geldende_betaling
from cheques.models import Cheque, Cofinancieringscorrectie, Cofinancieringsrealisatie
from cheques.permissions import mag_financieel_afhandelen
from cheques.services.gedeeld import C, dossier_van, eis, vergrendel_cheque
from loopbaangesprekken.models import Cofinancieringsregel
from tfvv import vierogen
from tfvv.events import registreer_gebeurtenis
from tfvv.opslag import atomic_met_bestanden
from tfvv.roles import Rol
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
    fouten = _fouten(regel=regel, bedrag=bedrag, betaald_aan=betaald_aan, datum=datum,
                     bewijs=bewijs, toelichting=toelichting)
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


def _fouten(*, regel, bedrag, betaald_aan, datum, bewijs, toelichting) -> dict:
    """The field errors of a realisation or its correction (empty when it is right)."""
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
    return fouten


# --- corrections (four-eyes) ------------------------------------------------------------

SOORT_CORRECTIE = "cofinanciering_correctie"


def sleutel(realisatie: Cofinancieringsrealisatie) -> str:
    """One open correction per realisation (the four-eyes key)."""
    return f"cofinancieringsrealisatie:{realisatie.pk}"


def _beschrijf(betaling) -> str:
    return _("%(bedrag)s, %(aan)s, %(datum)s") % {
        "bedrag": euro(betaling.bedrag), "aan": betaling.get_betaald_aan_display(),
        "datum": date_format(betaling.datum, "j F Y")}


@atomic_met_bestanden()  # the new evidence: removed again when the request fails
def vraag_correctie_aan(*, realisatie: Cofinancieringsrealisatie, door, code: str,
                        bedrag: Decimal, betaald_aan: str, datum: datetime.date, bewijs=None,
                        toelichting: str = "", reden: str = "") -> Cofinancieringscorrectie:
    """Ask to correct a recorded realisation. It changes nothing until a colleague approves
    it (tfvv:goedkeuringen). Without a new evidence file, the current one carries over if
    the amount stays the same."""
    eis(mag_financieel_afhandelen(door))
    if vierogen.open_verzoek(SOORT_CORRECTIE, sleutel(realisatie)):  # before the code is used
        raise ValidationError(_("Er wacht al een correctie van deze vastlegging op goedkeuring. "
                                "Een nieuwe kan pas als een collega daarover heeft besloten."))
    vierogen.controleer_verse_code(door, code)
    realisatie = (Cofinancieringsrealisatie.objects.select_related("regel", "cheque")
                  .get(pk=realisatie.pk))
    huidig = geldende_betaling(realisatie)
    nieuw_bewijs = bool(bewijs)
    if not nieuw_bewijs and huidig.bewijs and bedrag == huidig.bedrag:
        bewijs = huidig.bewijs.name  # the same amount: its evidence still proves it
    fouten = _fouten(regel=realisatie.regel, bedrag=bedrag, betaald_aan=betaald_aan,
                     datum=datum, bewijs=bewijs, toelichting=toelichting)
    if not (reden or "").strip():
        fouten["reden"] = _("Schrijf op waarom de vastlegging niet klopt.")
    if not fouten and not nieuw_bewijs and (
            bedrag, betaald_aan, datum, (toelichting or "").strip()) == (
            huidig.bedrag, huidig.betaald_aan, huidig.datum, huidig.toelichting):
        fouten["bedrag"] = _("Deze correctie verandert niets aan de vastlegging.")
    if fouten:
        raise ValidationError(fouten)
    nieuw = Cofinancieringscorrectie(realisatie=realisatie, bedrag=bedrag,
                                     betaald_aan=betaald_aan, datum=datum)
    verzoek = vierogen.maak_verzoek(
        soort=SOORT_CORRECTIE, actor=door, sleutel=sleutel(realisatie),
        omschrijving=_("Cheque %(cheque)s, %(partij)s: %(oud)s wordt %(nieuw)s") % {
            "cheque": realisatie.cheque.nummer, "partij": realisatie.regel.partij,
            "oud": _beschrijf(huidig), "nieuw": _beschrijf(nieuw)},
        payload={"realisatie_id": realisatie.pk, "cheque": realisatie.cheque.nummer},
        toelichting=reden.strip())
    correctie = Cofinancieringscorrectie.objects.create(
        realisatie=realisatie, verzoek=verzoek, bedrag=bedrag, betaald_aan=betaald_aan,
        datum=datum, bewijs=bewijs if bedrag > 0 else None,
        toelichting=(toelichting or "").strip())
    registreer_gebeurtenis(
        actor=door, obj=realisatie.cheque, actie="cofinanciering_correctie_aangevraagd",
        dossier_id=dossier_van(realisatie.cheque), reden=reden.strip(),
        gegevens={"regel": realisatie.regel_id, "correctie": correctie.pk,
                  "verzoek": verzoek.pk})
    return correctie


def _voer_correctie_uit(verzoek, actor) -> None:
    """Approved: the correction now holds. Writes what changed in the case's history."""
    correctie = (Cofinancieringscorrectie.objects
                 .select_related("realisatie__regel", "realisatie__cheque")
                 .get(verzoek=verzoek))
    realisatie = correctie.realisatie
    vorige = geldende_betaling(realisatie, zonder=correctie)
    registreer_gebeurtenis(
        actor=actor, obj=realisatie.cheque, actie="cofinanciering_gecorrigeerd",
        dossier_id=dossier_van(realisatie.cheque), reden=verzoek.toelichting,
        gegevens={"regel": realisatie.regel_id, "correctie": correctie.pk,
                  "aangevraagd_door": verzoek.aangevraagd_door_id, "bron": realisatie.regel.bron,
                  "partij": realisatie.regel.partij,
                  "was": {"bedrag": str(vorige.bedrag), "betaald_aan": vorige.betaald_aan,
                          "datum": vorige.datum.isoformat()},
                  "wordt": {"bedrag": str(correctie.bedrag),
                            "betaald_aan": correctie.betaald_aan,
                            "datum": correctie.datum.isoformat()}})


vierogen.registreer(vierogen.Soort(
    naam=SOORT_CORRECTIE, label=gettext_lazy("Correctie van gerealiseerde cofinanciering"),
    aanvragers=(Rol.FINANCIEEL,), goedkeurders=(Rol.FINANCIEEL,), uitvoeren=_voer_correctie_uit,
    details=lambda payload: reverse("cheques:cofinanciering", kwargs={
        "nummer": payload["cheque"]})))
