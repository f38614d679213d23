"""Permission predicates of the consulent's workspace; each returns a `Toegang`.

Views use them to show or hide actions; services call them again on the locked record,
so a stale button or a hand-made POST cannot do what the predicate refuses.
"""

from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag, Postcodecontrole
from aanvragen.workflow import aanvraag_statusmachine
from loopbaangesprekken.models import Gesprek
from loopbaangesprekken.workflow_gesprek import GESPREK_MOGELIJK, gesprek_statusmachine
from tfvv.permissions import TOEGESTAAN, Toegang, geweigerd, mag_loket_zien, ziet_alle_loketten

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


def mag_gesprek_wijzigen(user, gesprek: Gesprek, transitie: str) -> Toegang:
    """Reschedule, cancel, no-show or log: the gesprek is planned and the case still open."""
    aanvraag = gesprek.aanvraag
    if not gesprek_statusmachine.toegestaan(gesprek, transitie):
        return _zien_en(user, aanvraag, False,
                        _("Dit kan niet bij een gesprek met status '%(status)s'.")
                        % {"status": gesprek.get_status_display()})
    if transitie == "annuleren":
        return mag_aanvraag_zien(user, aanvraag)
    return _zien_en(user, aanvraag, aanvraag.status in GESPREK_MOGELIJK,
                    _("De aanvraag is afgesloten; annuleer dit gesprek."))


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
