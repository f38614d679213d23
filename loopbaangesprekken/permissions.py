"""Permission predicates of the consulent's workspace; each returns a `Toegang`.

Views use them to show or hide actions; services call them again on the locked record,
so a stale button or a hand-made POST cannot do what the predicate refuses.
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag, Postcodecontrole
from aanvragen.workflow import aanvraag_statusmachine
from loopbaangesprekken.models import Gesprek
from loopbaangesprekken.workflow_gesprek import (
    GESPREK_MOGELIJK,
    HERSTELTERMIJN_NIET_VERSCHENEN,
    gesprek_statusmachine,
)
from tfvv.permissions import TOEGESTAAN, Toegang, geweigerd, mag_loket_zien, ziet_alle_loketten
from tfvv.termijnen import einde_termijn

A = Aanvraag.Status
BEHANDELBAAR = frozenset({A.AANGEMELD, A.IN_BEHANDELING, A.SCHOLINGSPLAN})
OVERDRAAGBAAR = frozenset({A.AANGEMELD, A.IN_BEHANDELING})


def mag_aanvraag_zien(user, aanvraag: Aanvraag) -> Toegang:
    """The caseload rule. The second factor is checked per request by the views."""
    if not user.is_authenticated:
        return geweigerd(_("U bent niet ingelogd."))
    return mag_loket_zien(user, aanvraag.loket)


def _zien_en(user, aanvraag, voorwaarde: bool, reden) -> Toegang:
    toegang = mag_aanvraag_zien(user, aanvraag)
    if not toegang:
        return toegang
    return TOEGESTAAN if voorwaarde else geweigerd(reden)


def mag_claimen(user, aanvraag: Aanvraag) -> Toegang:
    if aanvraag.consulent_id is not None:
        return _zien_en(user, aanvraag, False, _("Deze aanvraag heeft al een consulent."))
    return _zien_en(user, aanvraag, aanvraag.status in BEHANDELBAAR,
                    _("Deze aanvraag is niet (meer) in behandeling bij een loket."))


def mag_toewijzen(user, aanvraag: Aanvraag) -> Toegang:
    return _zien_en(user, aanvraag, aanvraag.status in BEHANDELBAAR,
                    _("Deze aanvraag is niet (meer) in behandeling bij een loket."))


def mag_meerdere_toewijzen(user) -> Toegang:
    """Assigning a batch of cases from the queue: the manager (both loketten)."""
    if not ziet_alle_loketten(user):
        return geweigerd(_("Alleen een manager kan meerdere aanvragen tegelijk toewijzen."))
    return TOEGESTAAN


def mag_overdragen(user, aanvraag: Aanvraag, *, heeft_gepland_gesprek: bool) -> Toegang:
    if aanvraag.status not in OVERDRAAGBAAR:
        return _zien_en(user, aanvraag, False,
                        _("Alleen een aanvraag die nog in gesprek is, kan naar het andere "
                          "loket."))
    return _zien_en(user, aanvraag, not heeft_gepland_gesprek,
                    _("Annuleer eerst het geplande gesprek; daarna kunt u de aanvraag "
                      "overdragen."))


def mag_gesprek_plannen(user, aanvraag: Aanvraag) -> Toegang:
    return _zien_en(user, aanvraag, aanvraag.status in GESPREK_MOGELIJK,
                    _("Voor een aanvraag in deze fase worden geen gesprekken meer gepland."))


def _moment(tijdstip: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(tijdstip), "j F Y, H:i")


def herstellen_mogelijk_tot(gesprek: Gesprek) -> datetime.date:
    """The last day a wrong 'niet verschenen' can be undone, by the Algemene termijnenwet."""
    gepland = timezone.localdate(gesprek.gepland_op)
    return einde_termijn(gepland + HERSTELTERMIJN_NIET_VERSCHENEN)


def mag_gesprek_wijzigen(user, gesprek: Gesprek, transitie: str) -> Toegang:
    """Reschedule, cancel, no-show or log: the gesprek is planned and the case still open."""
    aanvraag = gesprek.aanvraag
    if not gesprek_statusmachine.toegestaan(gesprek, transitie):
        return _zien_en(user, aanvraag, False,
                        _("Dit kan niet bij een gesprek met status '%(status)s'.")
                        % {"status": gesprek.get_status_display()})
    if transitie == "annuleren":
        return mag_aanvraag_zien(user, aanvraag)
    if transitie == "niet_verschenen" and gesprek.gepland_op > timezone.now():
        return _zien_en(user, aanvraag, False,
                        _("Het gesprek is gepland op %(moment)s. U kunt pas na dat tijdstip "
                          "vastleggen dat de inwoner niet is verschenen.")
                        % {"moment": _moment(gesprek.gepland_op)})
    if transitie == "niet_verschenen_herstellen":
        tot = herstellen_mogelijk_tot(gesprek)
        if timezone.localdate() > tot:
            return _zien_en(user, aanvraag, False,
                            _("Herstellen kon tot en met %(tot)s (%(dagen)s dagen na het "
                              "geplande gesprek).")
                            % {"tot": formats.date_format(tot, "j F Y"),
                               "dagen": HERSTELTERMIJN_NIET_VERSCHENEN.days})
    return _zien_en(user, aanvraag, aanvraag.status in GESPREK_MOGELIJK,
                    _("De aanvraag is afgesloten; annuleer dit gesprek."))


def mag_verslag_corrigeren(user, gesprek: Gesprek) -> Toegang:
    """The consulenten of the case's loket correct the verslag of a held gesprek (also after
    the case closed: the record must be right); earlier texts are kept as versions."""
    return _zien_en(user, gesprek.aanvraag, gesprek.status == Gesprek.Status.GEVOERD,
                    _("Alleen het verslag van een gevoerd gesprek kan worden gecorrigeerd."))


def mag_uitkomst_kiezen(aanvraag: Aanvraag, transitie: str | None) -> bool:
    """Whether a gesprek outcome's aanvraag transition fits the aanvraag's status."""
    if transitie is None:
        return True
    if transitie == "scholingsplan_starten" and aanvraag.status == A.SCHOLINGSPLAN:
        return True
    return aanvraag_statusmachine.toegestaan(aanvraag, transitie)


def mag_adres_controleren(user, aanvraag: Aanvraag) -> Toegang:
    return _zien_en(user, aanvraag,
                    aanvraag.postcodecontrole == Postcodecontrole.TE_CONTROLEREN,
                    _("Het adres van deze aanvraag hoeft niet (meer) gecontroleerd te worden."))
