"""Declaraties submitted by the opleider (docs/opleiders.md): submit, withdraw, accept or
return (finance), and the message thread between them.

Accepting feeds the existing Awb chain: the invoice becomes a `Declaratie`
(registreer_declaratie: the cheque is gedeclareerd, a voorschot follows in a payment batch)
and a completion proof an `Afronding` (registreer_afronding: the basis of the
vaststelling), both in the same transaction. Finance then pays or vaststelt in the
existing screens; the four-eyes rule of the payment batch sees the accepting financieel
medewerker as the one who registered the declaratie."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques import opleideridentiteit
from cheques.declaratieregels import (
    ALGEMEEN,
    Gegevens,
    Stand,
    fouten_in,
    onbekend_chequenummer,
    vraagt_factuur,
)
from cheques.models import (
    Afronding,
    Beschikking,
    Cheque,
    Declaratie,
    Declaratiebericht,
    Declaratiebestand,
    Declaratieindiening,
    Opleideraccount,
)
from cheques.permissions import mag_financieel_afhandelen
from cheques.selectors_opleiderdeclaraties import cheques_met_stand, stand
from cheques.services.financien import registreer_afronding, registreer_declaratie
from cheques.services.gedeeld import dossier_van, eis, mail_na_commit, vergrendel_cheque
from tfvv.events import registreer_gebeurtenis
from tfvv.opslag import atomic_met_bestanden

ST = Declaratieindiening.Status
MAX_BERICHT = 4000


def _opleider_van_cheque(door, cheque: Cheque):
    """The user's opleider when it is the cheque's; otherwise PermissionDenied (a view shows
    a 404 before it gets here: another opleider's cheque does not exist for the user)."""
    opleider = opleideridentiteit.opleider_van(door)
    if opleider is None or opleider.pk != cheque.opleider_id:
        raise PermissionDenied(_("Deze cheque hoort niet bij uw organisatie."))
    return opleider


def stand_van(cheque: Cheque) -> Stand:
    return Stand(
        heeft_afronding=Afronding.objects.filter(cheque=cheque).exists(),
        open_indiening=Declaratieindiening.objects.filter(cheque=cheque,
                                                          status=ST.INGEDIEND).exists())


def _gebruikte_factuurnummers(opleider):
    """The invoice numbers the opleider used before: its own open or accepted declaraties
    and the declaraties finance registered on its cheques (one invoice is paid once)."""
    eigen = (Declaratieindiening.objects.filter(opleider=opleider,
                                                status__in=(ST.INGEDIEND, ST.GEACCEPTEERD))
             .exclude(factuurnummer="").values_list("factuurnummer", flat=True))
    geregistreerd = Declaratie.objects.filter(cheque__opleider=opleider).values_list(
        "factuurnummer", flat=True)
    return eigen, geregistreerd


def factuurnummers_van(opleider) -> set[str]:
    """All of them, in capitals, in one query (a bulk file checks all its rows)."""
    eigen, geregistreerd = _gebruikte_factuurnummers(opleider)
    return {n.strip().upper() for n in eigen.union(geregistreerd)}


def factuurnummer_gebruikt(opleider, factuurnummer: str) -> bool:
    return any(qs.filter(factuurnummer__iexact=factuurnummer).exists()
               for qs in _gebruikte_factuurnummers(opleider))


def _nieuw(cheque: Cheque, *, opleider, door, gegevens: Gegevens, factuur, bewijs,
           bestand=None) -> Declaratieindiening:
    """The record, not saved: the invoice only when the cheque asks for one, the proof's
    details only for their kind."""
    factuur_nodig = vraagt_factuur(cheque)
    soort = gegevens.bewijssoort
    return Declaratieindiening(
        cheque=cheque, opleider=opleider, ingediend_door=door, bestand=bestand,
        factuurnummer=gegevens.factuurnummer.strip() if factuur_nodig else "",
        factuurdatum=gegevens.factuurdatum if factuur_nodig else None,
        bedrag=gegevens.bedrag if factuur_nodig else None,
        factuur=factuur if factuur_nodig else "", bewijssoort=soort, bewijs=bewijs,
        aanwezigheid_procent=gegevens.aanwezigheid_procent
        if soort == Afronding.Soort.AANWEZIGHEID else None,
        gestopt_op=gegevens.gestopt_op if soort == Afronding.Soort.GESTOPT else None,
        reden_gestopt=gegevens.reden_gestopt.strip() if soort == Afronding.Soort.GESTOPT
        else "")


def _ingediend(indiening: Declaratieindiening, door) -> None:
    registreer_gebeurtenis(
        actor=door, obj=indiening, actie="opleiderdeclaratie_ingediend",
        dossier_id=dossier_van(indiening.cheque),
        gegevens={"cheque": indiening.cheque.nummer, "factuurnummer": indiening.factuurnummer,
                  "bedrag": str(indiening.bedrag or ""), "bewijssoort": indiening.bewijssoort,
                  "afronding": indiening.is_afronding, "bestand": indiening.bestand_id})


@atomic_met_bestanden()  # the uploaded PDFs: removed again when the submission fails
def dien_in(*, cheque: Cheque, door, gegevens: Gegevens, factuur=None,
            bewijs=None) -> Declaratieindiening:
    """The opleider's declaratie on its own cheque; raises ValidationError with a Dutch
    message per field (key "__all__" for the cheque itself)."""
    opleider = _opleider_van_cheque(door, cheque)
    cheque = vergrendel_cheque(cheque)
    factuurnummer = gegevens.factuurnummer.strip()
    fouten = fouten_in(cheque, stand_van(cheque), gegevens, vandaag=timezone.localdate(),
                       factuurnummer_bekend=bool(factuurnummer)
                       and factuurnummer_gebruikt(opleider, factuurnummer))
    if vraagt_factuur(cheque) and not factuur:
        fouten.setdefault("factuur", _("Voeg de factuur toe (PDF)."))
    if not bewijs:
        fouten.setdefault("bewijs", _("Voeg het bewijs toe (PDF)."))
    if fouten:
        raise ValidationError({veld: [tekst] for veld, tekst in fouten.items()})
    indiening = _nieuw(cheque, opleider=opleider, door=door, gegevens=gegevens,
                       factuur=factuur, bewijs=bewijs)
    indiening.save()
    _ingediend(indiening, door)
    return indiening


@dataclass(frozen=True)
class Bestandsregel:
    """A row of a bulk file, read and checked by cheques.declaratiebestand."""

    regel: int  # line number, for the messages
    nummer: str
    gegevens: Gegevens
    factuur: object  # the PDFs (File) or None
    bewijs: object


@atomic_met_bestanden()
def dien_bestand_in(*, opleider, door, naam: str, sha256: str,
                    regels: list[Bestandsregel]) -> Declaratiebestand:
    """All rows of a bulk file or none. The cheques are locked in one go (beschikking
    first, as vergrendel_cheque) and the rules checked again under the lock, so the file
    is saved with one insert instead of a locked submission per row. Raises
    ValidationError with one error per wrong row (code: the field, params: the line)."""
    if opleideridentiteit.opleider_van(door) != opleider:
        raise PermissionDenied(_("U declareert alleen voor uw eigen organisatie."))
    nummers = [r.nummer for r in regels]
    list(Beschikking.objects.select_for_update(of=("self",))
         .filter(cheque__opleider=opleider, cheque__nummer__in=nummers).order_by("pk")
         .values_list("pk", flat=True))
    cheques = {c.nummer: c for c in Cheque.objects.select_for_update(of=("self",))
               .filter(opleider=opleider, nummer__in=nummers).order_by("pk")
               .select_related("beschikking__plan")}
    standen = {nummer: stand(c) for nummer, c in cheques_met_stand(opleider, nummers).items()}
    bekend = factuurnummers_van(opleider)
    vandaag = timezone.localdate()
    fouten = []
    for r in regels:
        cheque = cheques.get(r.nummer)
        uitslag = {ALGEMEEN: onbekend_chequenummer(r.nummer)} if cheque is None else fouten_in(
                cheque, standen[r.nummer], r.gegevens, vandaag=vandaag,
                factuurnummer_bekend=r.gegevens.factuurnummer.strip().upper() in bekend)
        fouten += [ValidationError(tekst, code=veld, params={"regel": r.regel})
                   for veld, tekst in uitslag.items()]
    if fouten:
        raise ValidationError(fouten)
    bestand = Declaratiebestand.objects.create(opleider=opleider, sha256=sha256, naam=naam[:200],
                                               aantal_regels=len(regels), door=door)
    indieningen = Declaratieindiening.objects.bulk_create([
        _nieuw(cheques[r.nummer], opleider=opleider, door=door, gegevens=r.gegevens,
               factuur=r.factuur, bewijs=r.bewijs, bestand=bestand) for r in regels])
    for indiening in indieningen:  # each case's timeline; finance hears of the file once
        _ingediend(indiening, door)
    registreer_gebeurtenis(actor=door, obj=bestand, actie="declaratiebestand_ingediend",
                           dossier_id=None, gegevens={"naam": bestand.naam, "aantal": len(regels),
                                                      "opleider": opleider.naam})
    return bestand


def _vergrendel(indiening: Declaratieindiening) -> Declaratieindiening:
    return (Declaratieindiening.objects.select_for_update(of=("self",))
            .select_related("cheque").get(pk=indiening.pk))


def _eis_open(indiening: Declaratieindiening) -> None:
    if indiening.status != ST.INGEDIEND:
        raise ValidationError(_("Deze declaratie is al %(status)s.") % {
            "status": indiening.get_status_display()})


@transaction.atomic
def trek_in(*, indiening: Declaratieindiening, door) -> Declaratieindiening:
    """The opleider takes back a declaratie finance has not judged yet."""
    _opleider_van_cheque(door, indiening.cheque)
    indiening = _vergrendel(indiening)
    _eis_open(indiening)
    indiening.status = ST.INGETROKKEN
    indiening.save(update_fields=["status"])
    registreer_gebeurtenis(actor=door, obj=indiening, actie="opleiderdeclaratie_ingetrokken",
                           dossier_id=dossier_van(indiening.cheque),
                           gegevens={"cheque": indiening.cheque.nummer})
    return indiening


@atomic_met_bestanden()
def accepteer(*, indiening: Declaratieindiening, door) -> Declaratieindiening:
    """Finance accepts: the invoice becomes a Declaratie (not after a voorschot: that
    invoice is known) and a completion proof an Afronding, in one transaction."""
    eis(mag_financieel_afhandelen(door))
    indiening = _vergrendel(indiening)
    _eis_open(indiening)
    cheque = indiening.cheque
    # the proof file is shared with the Declaratie and Afronding: the opleider's own PDF
    if indiening.factuurnummer:
        indiening.declaratie = registreer_declaratie(
            cheque=cheque, door=door, factuurnummer=indiening.factuurnummer,
            factuurdatum=indiening.factuurdatum, bedrag=indiening.bedrag,
            bewijs=indiening.bewijs.name,
            ingediend_op=timezone.localdate(indiening.ingediend_op))
    if indiening.is_afronding:
        registreer_afronding(
            cheque=cheque, door=door, soort=indiening.bewijssoort, bewijs=indiening.bewijs.name,
            aanwezigheid_procent=indiening.aanwezigheid_procent,
            gestopt_op=indiening.gestopt_op, reden_gestopt=indiening.reden_gestopt)
    indiening.status = ST.GEACCEPTEERD
    indiening.beoordeeld_door = door
    indiening.beoordeeld_op = timezone.now()
    indiening.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op", "declaratie"])
    registreer_gebeurtenis(actor=door, obj=indiening, actie="opleiderdeclaratie_geaccepteerd",
                           dossier_id=dossier_van(cheque),
                           gegevens={"cheque": cheque.nummer,
                                     "declaratie": indiening.declaratie_id})
    return indiening


def emails_van_opleider(opleider_id: int) -> list[str]:
    return list(Opleideraccount.objects.filter(opleider_id=opleider_id,
                                               gebruiker__is_active=True)
                .values_list("gebruiker__email", flat=True))


def _portaal_url() -> str:
    return settings.SITE_URL + reverse("cheques:opleider-cheques")


def _omschrijving(indiening: Declaratieindiening) -> str:
    if indiening.factuurnummer:
        return _("uw declaratie met factuurnummer %(factuur)s op cheque %(nummer)s") % {
            "factuur": indiening.factuurnummer, "nummer": indiening.cheque.nummer}
    return _("uw bewijs van afronding op cheque %(nummer)s") % {
        "nummer": indiening.cheque.nummer}


@transaction.atomic
def stuur_terug(*, indiening: Declaratieindiening, door, reden: str) -> Declaratieindiening:
    """Finance returns the declaratie with a reason the opleider reads in the portal and
    in an e-mail; the opleider may submit it again (also under the same invoice number)."""
    eis(mag_financieel_afhandelen(door))
    if not reden.strip():
        raise ValidationError({"reden": _("Schrijf op waarom u de declaratie terugstuurt; de "
                                          "opleider leest dit.")})
    indiening = _vergrendel(indiening)
    _eis_open(indiening)
    indiening.status = ST.TERUGGESTUURD
    indiening.reden_terugsturen = reden.strip()
    indiening.beoordeeld_door = door
    indiening.beoordeeld_op = timezone.now()
    indiening.save(update_fields=["status", "reden_terugsturen", "beoordeeld_door",
                                  "beoordeeld_op"])
    registreer_gebeurtenis(actor=door, obj=indiening, actie="opleiderdeclaratie_teruggestuurd",
                           dossier_id=dossier_van(indiening.cheque), reden=reden.strip(),
                           gegevens={"cheque": indiening.cheque.nummer})
    mail_na_commit(
        _("Declaratie teruggestuurd: cheque %(nummer)s") % {"nummer": indiening.cheque.nummer},
        _("Het Twents Fonds voor Vakmanschap heeft %(wat)s teruggestuurd.\n\nReden:\n"
          "%(reden)s\n\nU kunt de declaratie verbeterd opnieuw indienen in het "
          "opleidersportaal: %(url)s\n") % {"wat": _omschrijving(indiening),
                                            "reden": indiening.reden_terugsturen,
                                            "url": _portaal_url()},
        emails_van_opleider(indiening.opleider_id))
    return indiening


@transaction.atomic
def stuur_bericht(*, indiening: Declaratieindiening, door, tekst: str) -> Declaratiebericht:
    """A message about a declaratie, from the cheque's opleider or from finance. Finance
    hears of the opleider's message by a melding; the opleider of finance's by e-mail."""
    van_opleider = not mag_financieel_afhandelen(door)
    if van_opleider:
        _opleider_van_cheque(door, indiening.cheque)
    tekst = tekst.strip()
    if not tekst:
        raise ValidationError({"tekst": _("Schrijf een bericht.")})
    if len(tekst) > MAX_BERICHT:
        raise ValidationError({"tekst": _("Het bericht is te lang (ten hoogste %(max)s "
                                          "tekens).") % {"max": MAX_BERICHT}})
    bericht = Declaratiebericht.objects.create(indiening=indiening, van_opleider=van_opleider,
                                               door=door, tekst=tekst)
    registreer_gebeurtenis(actor=door, obj=indiening, actie="opleiderdeclaratie_bericht",
                           dossier_id=dossier_van(indiening.cheque),
                           gegevens={"cheque": indiening.cheque.nummer, "bericht": bericht.pk,
                                     "van_opleider": van_opleider})
    if not van_opleider:
        mail_na_commit(
            _("Bericht over uw declaratie: cheque %(nummer)s") % {
                "nummer": indiening.cheque.nummer},
            _("Het Twents Fonds voor Vakmanschap heeft een bericht gestuurd over %(wat)s.\n\n"
              "%(tekst)s\n\nU kunt antwoorden in het opleidersportaal: %(url)s\n") % {
                "wat": _omschrijving(indiening), "tekst": tekst, "url": _portaal_url()},
            emails_van_opleider(indiening.opleider_id))
    return bericht
