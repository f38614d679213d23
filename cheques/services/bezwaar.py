"""The bezwaar register (Awb hoofdstuk 6 and 7): receipt by post or through the portal,
timeliness (6:7, 6:9, 6:11), the beslistermijn (7:10), the beslissing op bezwaar (7:11,
a Vervolgbesluit with its letter) and a possible beroep (8:1). Every deadline ends by the
Algemene termijnenwet (tfvv.termijnen)."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques.models import Beschikking, Bezwaar, Cheque, Vervolgbesluit
from cheques.permissions import mag_besluiten
from cheques.services.gedeeld import eis, mail_na_commit
from cheques.services.herroeping import herroep
from cheques.services.vervolgbesluiten import neem_vervolgbesluit
from tfvv.events import registreer_gebeurtenis
from tfvv.termijnen import bezwaartermijn_einde, einde_termijn

BESLISTERMIJN = datetime.timedelta(weeks=6)              # Awb 7:10 lid 1
BESLISTERMIJN_COMMISSIE = datetime.timedelta(weeks=12)   # with an adviescommissie (7:13)
VERDAGING = datetime.timedelta(weeks=6)                  # Awb 7:10 lid 3
POST_NA_TERMIJN = datetime.timedelta(weeks=1)            # Awb 6:9 lid 2

GRONDSLAG = _("Algemene wet bestuursrecht, artikelen 7:11 en 7:12 (heroverweging en "
              "beslissing op bezwaar)")
GRONDSLAG_VERDAGING = _("Algemene wet bestuursrecht, artikel 7:10, derde lid (verdaging van "
                        "de beslissing op bezwaar met ten hoogste zes weken)")
REDEN_VERDAGING = _("Wij hebben meer tijd nodig om zorgvuldig op uw bezwaar te beslissen.")
GRONDSLAG_NIET_ONTVANKELIJK = _("Algemene wet bestuursrecht, artikelen 6:7, 6:9, 6:11 en "
                                "6:13 (niet-ontvankelijk bezwaar) en 7:12")


def beslistermijn(bezwaartermijn_tot: datetime.date, *, adviescommissie: bool,
                  verdaagd: bool) -> datetime.date:
    """Awb 7:10: from the day after the bezwaartermijn ended, 6 weeks (12 with an
    adviescommissie), 6 more when deferred; extended by the Atw."""
    duur = BESLISTERMIJN_COMMISSIE if adviescommissie else BESLISTERMIJN
    if verdaagd:
        duur += VERDAGING
    return einde_termijn(bezwaartermijn_tot + duur)


def is_tijdig(bezwaartermijn_tot: datetime.date, *, ontvangen_op: datetime.date,
              poststempel_op: datetime.date | None) -> bool:
    """Awb 6:9: received within the term, or posted within it and received within a week
    after it ended."""
    if ontvangen_op <= bezwaartermijn_tot:
        return True
    return (poststempel_op is not None and poststempel_op <= bezwaartermijn_tot
            and ontvangen_op <= bezwaartermijn_tot + POST_NA_TERMIJN)


def _besluit_gegevens(besluit) -> tuple[Beschikking, Vervolgbesluit | None]:
    if isinstance(besluit, Vervolgbesluit):
        return besluit.beschikking, besluit
    return besluit, None


def _registreer(*, besluit, door, kanaal, ontvangen_op, gronden, poststempel_op=None):
    if not (gronden or "").strip():
        raise ValidationError({"gronden": _("Schrijf op waarom u het niet eens bent met het "
                                            "besluit (artikel 6:5 Awb).")})
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": _("De ontvangstdatum kan niet in de toekomst "
                                                 "liggen.")})
    beschikking, vervolgbesluit = _besluit_gegevens(besluit)
    if besluit.bezwaartermijn_tot is None:
        raise ValidationError(_("Tegen dit besluit staat geen bezwaar open."))
    if (vervolgbesluit and vervolgbesluit.soort
            == Vervolgbesluit.Soort.BESLISSING_OP_BEZWAAR):
        raise ValidationError(_("Tegen een beslissing op bezwaar staat beroep open bij de "
                                "rechtbank, geen bezwaar."))
    bezwaar = Bezwaar.objects.create(
        beschikking=beschikking, vervolgbesluit=vervolgbesluit,
        dossier_id=beschikking.plan.aanvraag_id, kanaal=kanaal, ontvangen_op=ontvangen_op,
        poststempel_op=poststempel_op, gronden=gronden.strip(), ingediend_door=door,
        tijdig=is_tijdig(besluit.bezwaartermijn_tot, ontvangen_op=ontvangen_op,
                         poststempel_op=poststempel_op),
        beslistermijn_tot=beslistermijn(besluit.bezwaartermijn_tot, adviescommissie=False,
                                        verdaagd=False))
    aanvraag = beschikking.plan.aanvraag
    tekst = _("Wij hebben uw bezwaar ontvangen op %(op)s. Wij beslissen uiterlijk op "
              "%(tot)s.") % {"op": f"{ontvangen_op:%d-%m-%Y}",
                             "tot": f"{bezwaar.beslistermijn_tot:%d-%m-%Y}"}
    registreer_gebeurtenis(actor=door, obj=bezwaar, actie="bezwaar_ontvangen",
                           dossier_id=aanvraag.pk, tekst_inwoner=tekst,
                           gegevens={"kanaal": kanaal, "tijdig": bezwaar.tijdig,
                                     "beslistermijn_tot": bezwaar.beslistermijn_tot.isoformat()})
    # Awb 6:14: the sender gets a confirmation of receipt
    mail_na_commit(_("Ontvangstbevestiging van uw bezwaar"),
                   _("Beste %(naam)s,\n\n%(tekst)s\n\nMet vriendelijke groet,\nGemeente "
                     "Enschede, namens het Twents Fonds voor Vakmanschap") % {
                       "naam": aanvraag.voornaam, "tekst": tekst}, [aanvraag.email])
    return bezwaar


@transaction.atomic
def dien_bezwaar_in(*, besluit, door, gronden: str) -> Bezwaar:
    """The resident files a bezwaar digitally in the portal (Awb 2:15, 6:4)."""
    beschikking, _v = _besluit_gegevens(besluit)
    if door is None or door.pk != beschikking.plan.aanvraag.aanvrager_id:
        raise PermissionDenied(_("U kunt alleen bezwaar maken tegen een besluit over uw eigen "
                                 "aanvraag."))
    return _registreer(besluit=besluit, door=door, kanaal=Bezwaar.Kanaal.PORTAAL,
                       ontvangen_op=timezone.localdate(), gronden=gronden)


@transaction.atomic
def registreer_bezwaar(*, besluit, door, ontvangen_op: datetime.date, gronden: str,
                       poststempel_op: datetime.date | None = None) -> Bezwaar:
    """Staff register a bezwaar received by post."""
    eis(mag_besluiten(door))
    return _registreer(besluit=besluit, door=door, kanaal=Bezwaar.Kanaal.POST,
                       ontvangen_op=ontvangen_op, gronden=gronden,
                       poststempel_op=poststempel_op)


def _vergrendel(bezwaar: Bezwaar) -> Bezwaar:
    return (Bezwaar.objects.select_for_update(of=("self",))
            .select_related("beschikking__plan__aanvraag", "vervolgbesluit").get(pk=bezwaar.pk))


def _open(bezwaar: Bezwaar):
    if bezwaar.uitkomst:
        raise ValidationError(_("Op dit bezwaar is al beslist."))


@transaction.atomic
def wijzig_beslistermijn(*, bezwaar: Bezwaar, door, adviescommissie: bool, verdaagd: bool,
                         reden_verdaging: str = "") -> Bezwaar:
    """An adviescommissie (7:13) or a deferral (7:10 lid 3) moves the beslistermijn. The
    deferral is once, by six weeks, before the term has ended, and the bezwaarmaker gets a
    letter; it cannot be undone once announced."""
    eis(mag_besluiten(door))
    bezwaar = _vergrendel(bezwaar)
    _open(bezwaar)
    if bezwaar.verdaagd and not verdaagd:
        raise ValidationError({"verdaagd": _(
            "De verdaging is aan de bezwaarmaker meegedeeld en kan niet worden teruggedraaid; "
            "verdagen kan maar één keer (artikel 7:10, derde lid, Awb).")})
    nu_verdaagd = verdaagd and not bezwaar.verdaagd
    vandaag = timezone.localdate()
    if nu_verdaagd and vandaag > bezwaar.beslistermijn_tot:
        raise ValidationError({"verdaagd": _(
            "De beslistermijn is op %(tot)s verstreken. Verdagen kan alleen zolang de termijn "
            "loopt (artikel 7:10, derde lid, Awb).") % {
            "tot": f"{bezwaar.beslistermijn_tot:%d-%m-%Y}"}})
    oude_termijn = bezwaar.beslistermijn_tot
    bezwaar.adviescommissie, bezwaar.verdaagd = adviescommissie, verdaagd
    bezwaar.beslistermijn_tot = beslistermijn(bezwaar.besluit.bezwaartermijn_tot,
                                              adviescommissie=adviescommissie,
                                              verdaagd=verdaagd)
    bezwaar.save(update_fields=["adviescommissie", "verdaagd", "beslistermijn_tot"])
    registreer_gebeurtenis(
        actor=door, obj=bezwaar, actie="beslistermijn_bezwaar", dossier_id=bezwaar.dossier_id,
        tekst_inwoner=_("Wij beslissen op uw bezwaar uiterlijk op %(tot)s.") % {
            "tot": f"{bezwaar.beslistermijn_tot:%d-%m-%Y}"},
        gegevens={"adviescommissie": adviescommissie, "verdaagd": verdaagd})
    if nu_verdaagd:
        neem_vervolgbesluit(
            beschikking=bezwaar.beschikking, soort=Vervolgbesluit.Soort.VERDAGING, door=door,
            cheque=Cheque.objects.filter(beschikking=bezwaar.beschikking).first(),
            motivering=reden_verdaging.strip() or str(REDEN_VERDAGING),
            grondslag=str(GRONDSLAG_VERDAGING), bezwaar_mogelijk=False,
            gegevens={"bezwaar": bezwaar.pk,
                      "bezwaar_ontvangen_op": bezwaar.ontvangen_op.isoformat(),
                      "beslistermijn_was": oude_termijn.isoformat(),
                      "beslistermijn_tot": bezwaar.beslistermijn_tot.isoformat()})
    return bezwaar


@transaction.atomic
def beslis_op_bezwaar(*, bezwaar: Bezwaar, door, uitkomst: str, motivering: str,
                      nieuw_besluit: str = "", bedrag: Decimal | None = None) -> Vervolgbesluit:
    """Awb 7:11: the beslissing op bezwaar, a letter with motivering and the beroep clause.
    Gegrond: the contested decision is herroepen and `nieuw_besluit` takes its place, with
    its effects on the cheque and the money (cheques.services.herroeping; `bedrag`: the
    amount of a toekenning or of a new vaststelling)."""
    eis(mag_besluiten(door))
    bezwaar = _vergrendel(bezwaar)
    _open(bezwaar)
    fouten = {}
    if uitkomst not in Bezwaar.Uitkomst.values:
        fouten["uitkomst"] = _("Kies de uitkomst van het bezwaar.")
    if uitkomst == Bezwaar.Uitkomst.GEGROND and not nieuw_besluit.strip():
        fouten["nieuw_besluit"] = _("Bij een gegrond bezwaar herroept u het besluit: "
                                    "beschrijf het nieuwe besluit dat ervoor in de plaats komt.")
    if not motivering.strip():
        fouten["motivering"] = _("Een beslissing op bezwaar moet gemotiveerd worden "
                                 "(artikel 7:12 Awb).")
    if fouten:
        raise ValidationError(fouten)
    vandaag = timezone.localdate()
    bestreden = bezwaar.besluit
    gevolgen = {}
    if uitkomst == Bezwaar.Uitkomst.GEGROND:
        gevolgen = herroep(bestreden=bestreden, door=door, bedrag=bedrag,
                           reden=_("Bezwaar gegrond: %(motivering)s") % {
                               "motivering": motivering.strip()})
    besluit = neem_vervolgbesluit(
        beschikking=bezwaar.beschikking, soort=Vervolgbesluit.Soort.BESLISSING_OP_BEZWAAR,
        door=door, motivering=motivering.strip(),
        grondslag=str(GRONDSLAG_NIET_ONTVANKELIJK if uitkomst == Bezwaar.Uitkomst
                      .NIET_ONTVANKELIJK else GRONDSLAG),
        cheque=Cheque.objects.filter(beschikking=bezwaar.beschikking).first(),
        gegevens={"bezwaar": bezwaar.pk, "uitkomst": uitkomst,
                  "herroepen": uitkomst == Bezwaar.Uitkomst.GEGROND,
                  "nieuw_besluit": nieuw_besluit.strip(), "gevolgen": gevolgen,
                  "bezwaar_ontvangen_op": bezwaar.ontvangen_op.isoformat(),
                  "bestreden_besluit_van": bestreden.verzonden_op.isoformat(),
                  # Awb 8:1/6:7: beroep at the rechtbank within six weeks
                  "beroepstermijn_tot": bezwaartermijn_einde(vandaag).isoformat()},
        bezwaar_mogelijk=False)
    bezwaar.uitkomst, bezwaar.beslissing, bezwaar.beslist_op = uitkomst, besluit, vandaag
    bezwaar.beroepstermijn_tot = bezwaartermijn_einde(vandaag)
    bezwaar.save(update_fields=["uitkomst", "beslissing", "beslist_op", "beroepstermijn_tot"])
    return besluit


@transaction.atomic
def registreer_beroep(*, bezwaar: Bezwaar, door, ingesteld_op: datetime.date | None = None,
                      uitspraak_op: datetime.date | None = None, uitkomst: str = "") -> Bezwaar:
    """A beroep at the rechtbank against the beslissing op bezwaar keeps the hold on
    retention until the uitspraak is registered."""
    eis(mag_besluiten(door))
    bezwaar = _vergrendel(bezwaar)
    if not bezwaar.uitkomst:
        raise ValidationError(_("Beroep is pas mogelijk na de beslissing op bezwaar."))
    if ingesteld_op:
        bezwaar.beroep_ingesteld_op = ingesteld_op
    if uitspraak_op:
        if not (bezwaar.beroep_ingesteld_op and uitkomst):
            raise ValidationError({"beroep_uitkomst": _(
                "Vul de datum van het beroep en de uitspraak in.")})
        bezwaar.beroep_uitspraak_op, bezwaar.beroep_uitkomst = uitspraak_op, uitkomst
    bezwaar.save(update_fields=["beroep_ingesteld_op", "beroep_uitspraak_op",
                                "beroep_uitkomst"])
    registreer_gebeurtenis(actor=door, obj=bezwaar, actie="beroep", dossier_id=bezwaar.dossier_id,
                           gegevens={"ingesteld_op": str(bezwaar.beroep_ingesteld_op or ""),
                                     "uitspraak_op": str(bezwaar.beroep_uitspraak_op or ""),
                                     "uitkomst": bezwaar.beroep_uitkomst})
    return bezwaar


def dossiers_in_bezwaar(nu: datetime.datetime):
    """The retention hold: dossiers with an open bezwaar, a beroepstermijn still running,
    or a beroep without uitspraak."""
    vandaag = timezone.localdate(nu)
    return Bezwaar.objects.filter(
        Q(uitkomst="") | Q(beroepstermijn_tot__gte=vandaag)
        | Q(beroep_ingesteld_op__isnull=False, beroep_uitspraak_op__isnull=True),
    ).values("dossier_id")

