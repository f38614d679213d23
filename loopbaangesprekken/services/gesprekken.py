"""Writes of the consulent's workspace: caseload, gesprekken and the address check.

Every function is keyword-only and one transaction; it locks the record, checks the
permission predicate on the locked row (raising PermissionDenied with the reason),
makes the transition with its event, and sends mail only after commit.
"""


from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from aanvragen.models import Aanvraag, Postcodecontrole
from aanvragen.services import wijzig_status
from loopbaangesprekken import permissions
from loopbaangesprekken.models import Gesprek, Verslagversie
from loopbaangesprekken.tasks import verstuur_gespreksmail
from loopbaangesprekken.workflow_gesprek import NIEUW, UITKOMST_TRANSITIE, gesprek_statusmachine
from tfvv.events import registreer_gebeurtenis
from tfvv.outbox import plan_taak
from tfvv.roles import LOKETTEN, Organisatie, Rol

A = Aanvraag.Status


def _vereis(toegang):
    if not toegang:
        raise PermissionDenied(toegang.reden)


def _vergrendel_aanvraag(aanvraag: Aanvraag) -> Aanvraag:
    return Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)


def _vergrendel_gesprek(gesprek: Gesprek) -> Gesprek:
    return (Gesprek.objects.select_for_update(of=("self",))
            .select_related("aanvraag", "consulent").get(pk=gesprek.pk))


def _mail_na_commit(gesprek: Gesprek, soort: str, informeer_inwoner: bool = True) -> None:
    """Mail the resident through the outbox (sent after commit, retried while the mail
    server or broker is down); `informeer_inwoner=False` only for seeded data (demo,
    imports of past appointments), where nobody should receive mail."""
    if informeer_inwoner:
        plan_taak(verstuur_gespreksmail, gesprek_id=gesprek.pk, soort=soort)


def _afspraak_tekst(gesprek: Gesprek) -> str:
    moment = timezone.localtime(gesprek.gepland_op)
    tekst = _("op %(datum)s om %(tijd)s uur (%(vorm)s") % {
        "datum": formats.date_format(moment, "j F Y"),
        "tijd": formats.time_format(moment, "H:i"),
        "vorm": gesprek.get_vorm_display(),
    }
    if gesprek.vorm == Gesprek.Vorm.OP_LOCATIE:
        tekst += f", {gesprek.locatie}"
    return tekst + ")"


def _afspraak_gegevens(gesprek: Gesprek) -> dict:
    return {"gesprek_id": gesprek.pk, "gepland_op": gesprek.gepland_op.isoformat(),
            "vorm": gesprek.vorm, "locatie": gesprek.locatie}


# --- caseload ---------------------------------------------------------------------


def _zet_consulent(aanvraag: Aanvraag, *, consulent, actor, actie: str, reden: str = "") -> None:
    """Give the (locked) aanvraag a consulent; an aanmelding is taken in behandeling."""
    vorige = aanvraag.consulent
    aanvraag.consulent = consulent
    aanvraag.save(update_fields=["consulent"])
    gegevens = {"consulent_id": consulent.pk, "vorige_consulent_id": vorige.pk if vorige else None}
    if aanvraag.status == A.AANGEMELD:
        wijzig_status(aanvraag=aanvraag, transitie="claimen", actor=actor, reden=reden,
                      gegevens=gegevens)
        aanvraag.refresh_from_db(fields=["status"])
    else:
        registreer_gebeurtenis(actor=actor, obj=aanvraag, actie=actie, dossier_id=aanvraag.pk,
                               reden=reden, gegevens=gegevens)


@transaction.atomic
def claim(*, aanvraag: Aanvraag, actor) -> Aanvraag:
    """The consulent takes the case: it becomes theirs (and in behandeling if new)."""
    aanvraag = _vergrendel_aanvraag(aanvraag)
    _vereis(permissions.mag_claimen(actor, aanvraag))
    _zet_consulent(aanvraag, consulent=actor, actor=actor, actie="claimen")
    return aanvraag


@transaction.atomic
def wijs_toe(*, aanvraag: Aanvraag, consulent, actor) -> Aanvraag:
    """Assign the case to a consulent of the aanvraag's own loket."""
    aanvraag = _vergrendel_aanvraag(aanvraag)
    _vereis(permissions.mag_toewijzen(actor, aanvraag))
    if not (consulent.heeft_rol(Rol.CONSULENT) and consulent.organisatie == aanvraag.loket):
        raise PermissionDenied(_("Kies een consulent van %(loket)s.")
                               % {"loket": aanvraag.get_loket_display()})
    _zet_consulent(aanvraag, consulent=consulent, actor=actor, actie="toewijzen")
    return aanvraag


@transaction.atomic
def wijs_meerdere_toe(*, aanvragen, consulent, actor) -> int:
    """A manager assigns several cases to one consulent at once: all or none (a case that
    may not go to this consulent refuses the whole batch with the reason)."""
    _vereis(permissions.mag_meerdere_toewijzen(actor))
    for aanvraag in aanvragen:
        wijs_toe(aanvraag=aanvraag, consulent=consulent, actor=actor)
    return len(aanvragen)


def ander_loket(loket: str) -> str:
    return next(o for o in LOKETTEN if o != loket)


@transaction.atomic
def draag_over(*, aanvraag: Aanvraag, actor, reden: str) -> Aanvraag:
    """Transfer the case to the other loket, with a reason; it arrives there unassigned."""
    aanvraag = _vergrendel_aanvraag(aanvraag)
    gepland = aanvraag.gesprekken.filter(status=Gesprek.Status.GEPLAND).exists()
    _vereis(permissions.mag_overdragen(actor, aanvraag, heeft_gepland_gesprek=gepland))
    if not reden.strip():
        raise ValueError("reden ontbreekt")
    van, naar = aanvraag.loket, ander_loket(aanvraag.loket)
    aanvraag.loket, aanvraag.consulent = naar, None
    aanvraag.save(update_fields=["loket", "consulent"])
    registreer_gebeurtenis(
        actor=actor, obj=aanvraag, actie="overdragen", dossier_id=aanvraag.pk, reden=reden,
        gegevens={"van_loket": van, "naar_loket": naar},
        tekst_inwoner=_("Uw aanvraag is overgedragen aan %(loket)s. Een consulent daar neemt "
                        "contact met u op.") % {"loket": Organisatie(naar).label},
    )
    return aanvraag


# --- gesprekken -------------------------------------------------------------------


@transaction.atomic
def plan_gesprek(*, aanvraag: Aanvraag, actor, gepland_op, vorm: str, locatie: str = "",
                 informeer_inwoner: bool = True) -> Gesprek:
    """Plan a gesprek with the case's consulent (a new case becomes the planner's)."""
    aanvraag = _vergrendel_aanvraag(aanvraag)
    _vereis(permissions.mag_gesprek_plannen(actor, aanvraag))
    if aanvraag.consulent is None:
        _zet_consulent(aanvraag, consulent=actor, actor=actor, actie="claimen")
    gesprek = Gesprek.objects.create(
        aanvraag=aanvraag, consulent=aanvraag.consulent, status=NIEUW, gepland_op=gepland_op,
        vorm=vorm, locatie=locatie if vorm == Gesprek.Vorm.OP_LOCATIE else "",
    )
    gesprek_statusmachine.voer_uit(
        gesprek, "plannen", actor=actor, dossier_id=aanvraag.pk,
        gegevens=_afspraak_gegevens(gesprek),
        tekst_inwoner=_("Er is een loopbaangesprek met u gepland %(afspraak)s.")
        % {"afspraak": _afspraak_tekst(gesprek)},
    )
    _mail_na_commit(gesprek, "uitnodiging", informeer_inwoner)
    return gesprek


@transaction.atomic
def verplaats_gesprek(*, gesprek: Gesprek, actor, gepland_op, vorm: str, locatie: str = "",
                      reden: str = "", informeer_inwoner: bool = True) -> Gesprek:
    gesprek = _vergrendel_gesprek(gesprek)
    _vereis(permissions.mag_gesprek_wijzigen(actor, gesprek, "verplaatsen"))
    gesprek.gepland_op, gesprek.vorm = gepland_op, vorm
    gesprek.locatie = locatie if vorm == Gesprek.Vorm.OP_LOCATIE else ""
    gesprek.agenda_volgnummer += 1
    gesprek_statusmachine.voer_uit(
        gesprek, "verplaatsen", actor=actor, dossier_id=gesprek.aanvraag_id, reden=reden,
        gegevens=_afspraak_gegevens(gesprek),
        tekst_inwoner=_("Uw loopbaangesprek is verplaatst naar %(afspraak)s.")
        % {"afspraak": _afspraak_tekst(gesprek)},
        extra_velden=("gepland_op", "vorm", "locatie", "agenda_volgnummer"),
    )
    _mail_na_commit(gesprek, "verplaatst", informeer_inwoner)
    return gesprek


def _annuleer(gesprek: Gesprek, *, actor, reden: str, informeer_inwoner: bool = True) -> None:
    """Cancel a locked, planned gesprek and tell the resident."""
    gesprek.agenda_volgnummer += 1
    gesprek_statusmachine.voer_uit(
        gesprek, "annuleren", actor=actor, dossier_id=gesprek.aanvraag_id, reden=reden,
        gegevens=_afspraak_gegevens(gesprek), extra_velden=("agenda_volgnummer",),
    )
    _mail_na_commit(gesprek, "geannuleerd", informeer_inwoner)


@transaction.atomic
def annuleer_gesprek(*, gesprek: Gesprek, actor, reden: str,
                     informeer_inwoner: bool = True) -> Gesprek:
    gesprek = _vergrendel_gesprek(gesprek)
    _vereis(permissions.mag_gesprek_wijzigen(actor, gesprek, "annuleren"))
    _annuleer(gesprek, actor=actor, reden=reden, informeer_inwoner=informeer_inwoner)
    return gesprek


@transaction.atomic
def registreer_niet_verschenen(*, gesprek: Gesprek, actor, toelichting: str = "") -> Gesprek:
    gesprek = _vergrendel_gesprek(gesprek)
    _vereis(permissions.mag_gesprek_wijzigen(actor, gesprek, "niet_verschenen"))
    gesprek.toelichting = toelichting
    gesprek_statusmachine.voer_uit(
        gesprek, "niet_verschenen", actor=actor, dossier_id=gesprek.aanvraag_id,
        reden=toelichting, gegevens={"gesprek_id": gesprek.pk}, extra_velden=("toelichting",),
    )
    return gesprek


@transaction.atomic
def herstel_niet_verschenen(*, gesprek: Gesprek, actor, reden: str) -> Gesprek:
    """Undo a 'niet verschenen' registered by mistake: the gesprek is planned again (within
    the term of permissions.herstellen_mogelijk_tot); the old explanation stays in the event."""
    gesprek = _vergrendel_gesprek(gesprek)
    _vereis(permissions.mag_gesprek_wijzigen(actor, gesprek, "niet_verschenen_herstellen"))
    if not reden.strip():
        raise ValueError("reden ontbreekt")
    vorige_toelichting, gesprek.toelichting = gesprek.toelichting, ""
    gesprek_statusmachine.voer_uit(
        gesprek, "niet_verschenen_herstellen", actor=actor, dossier_id=gesprek.aanvraag_id,
        reden=reden.strip(),
        gegevens={"gesprek_id": gesprek.pk, "vorige_toelichting": vorige_toelichting},
        extra_velden=("toelichting",),
    )
    return gesprek


@transaction.atomic
def corrigeer_verslag(*, gesprek: Gesprek, actor, verslag: str, reden: str) -> Gesprek:
    """Replace the verslag of a held gesprek; the previous text is kept as a Verslagversie.
    Like the verslag itself, neither text goes into the event: only who, when and why."""
    gesprek = _vergrendel_gesprek(gesprek)
    _vereis(permissions.mag_verslag_corrigeren(actor, gesprek))
    if not reden.strip() or verslag.strip() == gesprek.verslag.strip():
        raise ValueError("reden ontbreekt of verslag ongewijzigd")
    versie = Verslagversie.objects.create(gesprek=gesprek, tekst=gesprek.verslag,
                                          vervangen_door=actor, reden=reden.strip())
    gesprek.verslag = verslag.strip()
    gesprek.save(update_fields=["verslag"])
    registreer_gebeurtenis(actor=actor, obj=gesprek, actie="verslag_corrigeren",
                           dossier_id=gesprek.aanvraag_id, reden=reden.strip(),
                           gegevens={"gesprek_id": gesprek.pk, "versie_id": versie.pk})
    return gesprek


def sluit_geplande_gesprekken(aanvraag: Aanvraag, *, actor, reden: str) -> None:
    """A closed case keeps no appointments: cancel the planned ones (residents are told)."""
    geplande = (Gesprek.objects.select_for_update(of=("self",)).select_related("aanvraag",
                                                                              "consulent")
                .filter(aanvraag=aanvraag, status=Gesprek.Status.GEPLAND))
    for gesprek in geplande:
        _annuleer(gesprek, actor=actor, reden=reden)


def _doorverwijzing_tekst(gesprek: Gesprek) -> str:
    if gesprek.doorverwezen_naar == Gesprek.Doorverwijzing.ANDERS:
        return _("Uw consulent heeft u doorverwezen naar een andere organisatie.")
    return _("Uw consulent heeft u doorverwezen naar %(naar)s.") % {
        "naar": gesprek.get_doorverwezen_naar_display()}


@transaction.atomic
def leg_gesprek_vast(*, gesprek: Gesprek, actor, gevoerd_op, duur_minuten: int,
                     onderwerpen: list[str], verslag: str, uitkomst: str,
                     doorverwezen_naar: str = "", toelichting: str = "") -> Gesprek:
    """Record a planned gesprek as held (one LLO-gesprek); the aanvraag follows its outcome."""
    aanvraag = Aanvraag.objects.select_for_update().get(pk=gesprek.aanvraag_id)
    gesprek = _vergrendel_gesprek(gesprek)
    gesprek.aanvraag = aanvraag
    _vereis(permissions.mag_gesprek_wijzigen(actor, gesprek, "vastleggen"))
    return _leg_vast(gesprek, actor=actor, gevoerd_op=gevoerd_op, duur_minuten=duur_minuten,
                     onderwerpen=onderwerpen, verslag=verslag, uitkomst=uitkomst,
                     doorverwezen_naar=doorverwezen_naar, toelichting=toelichting)


@transaction.atomic
def registreer_gevoerd_gesprek(*, aanvraag: Aanvraag, actor, vorm: str, locatie: str = "",
                               gevoerd_op, duur_minuten: int, onderwerpen: list[str],
                               verslag: str, uitkomst: str, doorverwezen_naar: str = "",
                               toelichting: str = "") -> Gesprek:
    """Record a gesprek held without an appointment (walk-in, phone call): no invitation."""
    aanvraag = _vergrendel_aanvraag(aanvraag)
    _vereis(permissions.mag_gesprek_plannen(actor, aanvraag))
    if aanvraag.consulent is None:
        _zet_consulent(aanvraag, consulent=actor, actor=actor, actie="claimen")
    gesprek = Gesprek.objects.create(
        aanvraag=aanvraag, consulent=aanvraag.consulent, status=NIEUW, gepland_op=gevoerd_op,
        vorm=vorm, locatie=locatie if vorm == Gesprek.Vorm.OP_LOCATIE else "",
    )
    return _leg_vast(gesprek, actor=actor, gevoerd_op=gevoerd_op, duur_minuten=duur_minuten,
                     onderwerpen=onderwerpen, verslag=verslag, uitkomst=uitkomst,
                     doorverwezen_naar=doorverwezen_naar, toelichting=toelichting)


def _leg_vast(gesprek: Gesprek, *, actor, gevoerd_op, duur_minuten, onderwerpen, verslag,
              uitkomst, doorverwezen_naar, toelichting) -> Gesprek:
    """The `vastleggen` transition on a locked gesprek whose `aanvraag` is locked too.

    The verslag is staff-only: it goes into no event, neither its reason nor its data.
    """
    aanvraag = gesprek.aanvraag
    transitie = UITKOMST_TRANSITIE[uitkomst]
    if not permissions.mag_uitkomst_kiezen(aanvraag, transitie):
        raise PermissionDenied(_("Deze uitkomst past niet bij de fase van de aanvraag."))
    gesprek.gevoerd_op, gesprek.duur_minuten = gevoerd_op, duur_minuten
    gesprek.onderwerpen, gesprek.verslag, gesprek.uitkomst = list(onderwerpen), verslag, uitkomst
    gesprek.doorverwezen_naar = (doorverwezen_naar
                                 if uitkomst == Gesprek.Uitkomst.DOORVERWIJZING else "")
    gesprek.toelichting = toelichting
    gesprek_statusmachine.voer_uit(
        gesprek, "vastleggen", actor=actor, dossier_id=aanvraag.pk,
        gegevens={"gesprek_id": gesprek.pk, "uitkomst": uitkomst,
                  "doorverwezen_naar": gesprek.doorverwezen_naar,
                  "duur_minuten": duur_minuten, "onderwerpen": list(onderwerpen)},
        extra_velden=("gevoerd_op", "duur_minuten", "onderwerpen", "verslag", "uitkomst",
                      "doorverwezen_naar", "toelichting"),
    )
    if transitie is None or aanvraag.status == A.SCHOLINGSPLAN:
        return gesprek
    reden = toelichting if transitie != "scholingsplan_starten" else ""
    tekst = _doorverwijzing_tekst(gesprek) if transitie == "doorverwijzen" else None
    wijzig_status(aanvraag=aanvraag, transitie=transitie, actor=actor, reden=reden,
                  gegevens={"gesprek_id": gesprek.pk,
                            "doorverwezen_naar": gesprek.doorverwezen_naar},
                  tekst_inwoner=tekst)
    if transitie in ("doorverwijzen", "geen_vervolg"):
        sluit_geplande_gesprekken(aanvraag, actor=actor,
                                   reden=_("Aanvraag afgesloten na gesprek."))
    return gesprek


# --- border postcodes -------------------------------------------------------------


@transaction.atomic
def controleer_adres(*, aanvraag: Aanvraag, actor, uitkomst: str,
                     toelichting: str = "") -> Aanvraag:
    """Record the consulent's check of a border postcode (7693/7694).

    An address outside Twente does not meet R1: an open case is closed without vervolg.
    """
    aanvraag = _vergrendel_aanvraag(aanvraag)
    _vereis(permissions.mag_adres_controleren(actor, aanvraag))
    if uitkomst not in (Postcodecontrole.BEVESTIGD, Postcodecontrole.AFGEKEURD):
        raise ValueError(f"onbekende uitkomst {uitkomst!r}")
    van = aanvraag.postcodecontrole
    aanvraag.postcodecontrole = uitkomst
    aanvraag.save(update_fields=["postcodecontrole"])
    registreer_gebeurtenis(
        actor=actor, obj=aanvraag, actie="adres_controleren", dossier_id=aanvraag.pk,
        reden=toelichting, gegevens={"postcodecontrole_van": van, "postcodecontrole": uitkomst},
    )
    if uitkomst == Postcodecontrole.AFGEKEURD and aanvraag.status in (A.AANGEMELD,
                                                                      A.IN_BEHANDELING):
        wijzig_status(
            aanvraag=aanvraag, transitie="geen_vervolg", actor=actor,
            reden=_("Adres ligt niet in Twente (grenspostcode gecontroleerd). %(toelichting)s")
            % {"toelichting": toelichting},
            tekst_inwoner=_("Uw aanvraag is afgesloten: uw adres ligt niet in een van de 14 "
                            "Twentse gemeenten."),
        )
        sluit_geplande_gesprekken(aanvraag, actor=actor,
                                   reden=_("Aanvraag afgesloten: adres niet in Twente."))
    return aanvraag
