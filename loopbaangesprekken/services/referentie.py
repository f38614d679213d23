"""Reference data with four-eyes (tfvv.vierogen): an opleider's IBAN and the versions of
the Kansberoepenlijst.

An IBAN typed by one person is kept in the request; `Opleider.iban` (what the payment
batch pays) changes only when a second person (beheerder or financieel) approves it.
A new Kansberoepenlijst is a new dated version; the running list ends the day before.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loopbaangesprekken.models import (
    Erkenning,
    Kansberoep,
    Kansberoepenlijst,
    Opleider,
    Sector,
    Werkgever,
)
from loopbaangesprekken.models.referentie import normaliseer_beroep, normaliseer_iban
from tfvv import vierogen
from tfvv.events import registreer_gebeurtenis
from tfvv.roles import Rol

SOORT_IBAN = "opleider_iban"
SOORT_KANSBEROEPEN = "kansberoepenlijst"


# --- opleiders ------------------------------------------------------------------------

@transaction.atomic
def bewaar_opleider(*, actor, opleider: Opleider) -> Opleider:
    """Create or change an opleider's details; the IBAN never changes here."""
    nieuw = opleider.pk is None
    if not nieuw:
        opleider.iban = Opleider.objects.values_list("iban", flat=True).get(pk=opleider.pk)
    opleider.full_clean()
    opleider.save()
    registreer_gebeurtenis(actor=actor, obj=opleider, dossier_id=None,
                           actie="opleider_aangemaakt" if nieuw else "opleider_gewijzigd")
    return opleider


@transaction.atomic
def bewaar_werkgever(*, actor, werkgever: Werkgever) -> Werkgever:
    """Create or change an employer of the register (beheer, or a consulent adding one
    from the plan form)."""
    nieuw = werkgever.pk is None
    werkgever.full_clean()
    werkgever.save()
    registreer_gebeurtenis(actor=actor, obj=werkgever, dossier_id=None,
                           actie="werkgever_aangemaakt" if nieuw else "werkgever_gewijzigd")
    return werkgever


@transaction.atomic
def voeg_erkenning_toe(*, actor, erkenning: Erkenning) -> Erkenning:
    erkenning.full_clean()
    erkenning.save()
    registreer_gebeurtenis(actor=actor, obj=erkenning.opleider, dossier_id=None,
                           actie="erkenning_toegevoegd",
                           gegevens={"soort": erkenning.soort, "kenmerk": erkenning.kenmerk})
    return erkenning


def vraag_iban_aan(*, actor, code: str, opleider: Opleider, iban: str, toelichting: str = ""):
    iban = normaliseer_iban(iban)
    if iban == opleider.iban:
        raise vierogen.VierOgenFout(gettext_lazy("Dit is al het IBAN van deze opleider."),
                                    "iban")
    return vierogen.vraag_aan(
        soort=SOORT_IBAN, actor=actor, code=code, sleutel=f"opleider:{opleider.pk}",
        omschrijving=_("IBAN van %(naam)s wordt %(iban)s") % {"naam": opleider.naam,
                                                             "iban": iban},
        payload={"opleider_id": opleider.pk, "van": opleider.iban, "naar": iban},
        toelichting=toelichting)


def _zet_iban(verzoek, actor) -> None:
    opleider = Opleider.objects.select_for_update().get(pk=verzoek.payload["opleider_id"])
    if opleider.iban != verzoek.payload["van"]:
        raise ValidationError(_("Het IBAN is sinds het verzoek al gewijzigd; vraag opnieuw aan."))
    opleider.iban = verzoek.payload["naar"]
    opleider.full_clean()
    opleider.save(update_fields=["iban"])
    registreer_gebeurtenis(actor=actor, obj=opleider, actie="iban_gewijzigd", dossier_id=None,
                           gegevens={"van": verzoek.payload["van"], "naar": opleider.iban,
                                     "aangevraagd_door": verzoek.aangevraagd_door_id,
                                     "verzoek": verzoek.pk})


# --- kansberoepenlijsten --------------------------------------------------------------

def lees_beroepen(tekst: str) -> list[tuple[str, int]]:
    """Lines "beroep; sector" -> [(beroep, sector id)]; refuses unknown sectors and
    occupations that appear twice (also when they differ only in case or spaces)."""
    sectoren = {s.naam.casefold(): s.pk for s in Sector.objects.all()}
    beroepen, gezien, fouten = [], set(), []
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if not regel.strip():
            continue
        beroep, _sep, sector = regel.partition(";")
        beroep = normaliseer_beroep(beroep)
        sector_id = sectoren.get(" ".join(sector.split()).casefold())
        if not beroep or sector_id is None:
            fouten.append(_("Regel %(n)s: schrijf ‘beroep; sector’ met een bestaande sector.")
                          % {"n": nummer})
        elif beroep.casefold() in gezien:
            fouten.append(_("Regel %(n)s: ‘%(beroep)s’ staat al op de lijst.")
                          % {"n": nummer, "beroep": beroep})
        else:
            gezien.add(beroep.casefold())
            beroepen.append((beroep, sector_id))
    if not beroepen and not fouten:
        fouten.append(_("Zet minstens één beroep op de lijst."))
    if fouten:
        raise ValidationError({"beroepen": fouten})
    return beroepen


def _valideer_lijst(gegevens: dict) -> None:
    Kansberoepenlijst(**gegevens).clean()
    van = gegevens["geldig_van"]
    if van <= timezone.localdate():
        raise ValidationError({"geldig_van": _(
            "Een nieuwe lijst gaat op zijn vroegst morgen in: wat al beoordeeld is, blijft "
            "onder de oude lijst vallen.")})
    if Kansberoepenlijst.objects.filter(geldig_van__gte=van).exists():
        raise ValidationError({"geldig_van": _(
            "Er is al een lijst die op of na deze datum begint; kies een latere begindatum.")})


def vraag_kansberoepenlijst_aan(*, actor, code: str, gegevens: dict, beroepen_tekst: str,
                                toelichting: str = ""):
    beroepen = lees_beroepen(beroepen_tekst)
    _valideer_lijst(gegevens)
    payload = {k: (v.isoformat() if isinstance(v, datetime.date) else v)
               for k, v in gegevens.items()}
    payload["beroepen"] = beroepen
    return vierogen.vraag_aan(
        soort=SOORT_KANSBEROEPEN, actor=actor, code=code, sleutel="kansberoepenlijst",
        omschrijving=_("Nieuwe kansberoepenlijst: %(naam)s vanaf %(van)s (%(n)s beroepen)") % {
            "naam": gegevens["naam"], "van": gegevens["geldig_van"].strftime("%d-%m-%Y"),
            "n": len(beroepen)},
        payload=payload, toelichting=toelichting)


def _maak_lijst(verzoek, actor) -> None:
    payload = verzoek.payload
    gegevens = {k: payload[k] for k in ("naam", "gepubliceerd_op", "geldig_van", "geldig_tot")}
    for k in ("gepubliceerd_op", "geldig_van", "geldig_tot"):
        gegevens[k] = datetime.date.fromisoformat(gegevens[k])
    _valideer_lijst(gegevens)
    van = gegevens["geldig_van"]
    Kansberoepenlijst.objects.filter(geldig_van__lt=van, geldig_tot__gte=van).update(
        geldig_tot=van - datetime.timedelta(days=1))
    lijst = Kansberoepenlijst.objects.create(**gegevens)
    Kansberoep.objects.bulk_create(Kansberoep(lijst=lijst, naam=naam, sector_id=sector_id)
                                   for naam, sector_id in payload["beroepen"])
    registreer_gebeurtenis(actor=actor, obj=lijst, actie="kansberoepenlijst_versie",
                           dossier_id=None, gegevens={"verzoek": verzoek.pk,
                                                      "beroepen": len(payload["beroepen"])})


vierogen.registreer(vierogen.Soort(
    naam=SOORT_IBAN, label=gettext_lazy("IBAN van een opleider"), aanvragers=(Rol.BEHEERDER,),
    goedkeurders=(Rol.BEHEERDER, Rol.FINANCIEEL), uitvoeren=_zet_iban))
vierogen.registreer(vierogen.Soort(
    naam=SOORT_KANSBEROEPEN, label=gettext_lazy("Nieuwe kansberoepenlijst"),
    aanvragers=(Rol.BEHEERDER,), goedkeurders=(Rol.BEHEERDER,), uitvoeren=_maak_lijst))
