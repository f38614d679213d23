"""The aanvraag state machine, as data. Later stages call these transitions through
aanvragen.services; the labels and resident texts are what the timeline shows."""

from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag
from tfvv.statemachine import Statusmachine, Transitie

S = Aanvraag.Status

AANVRAAG_TRANSITIES = [
    Transitie("claimen", frozenset({S.AANGEMELD}), S.IN_BEHANDELING,
              _("in behandeling nemen"),
              _("Een consulent heeft uw aanvraag in behandeling genomen.")),
    Transitie("scholingsplan_starten", frozenset({S.IN_BEHANDELING}), S.SCHOLINGSPLAN,
              _("scholingsplan opstellen"),
              _("Uw consulent stelt met u een scholingsplan op.")),
    Transitie("plan_indienen", frozenset({S.SCHOLINGSPLAN}), S.INGEDIEND,
              _("scholingsplan indienen"),
              _("Uw scholingsplan is ingediend bij de gemeente Enschede.")),
    Transitie("plan_terugsturen", frozenset({S.INGEDIEND}), S.SCHOLINGSPLAN,
              _("scholingsplan terugsturen voor aanpassing"),
              _("Uw scholingsplan wordt aangepast door uw consulent.")),
    Transitie("toekennen", frozenset({S.INGEDIEND}), S.TOEGEKEND, _("toekennen"),
              _("Uw aanvraag is toegekend. U ontvangt een scholingscheque.")),
    Transitie("afwijzen", frozenset({S.INGEDIEND}), S.AFGEWEZEN, _("afwijzen"),
              _("Uw aanvraag is afgewezen. De reden staat in de beschikking.")),
    Transitie("buiten_behandeling_stellen", frozenset({S.INGEDIEND}), S.BUITEN_BEHANDELING,
              _("buiten behandeling stellen"),
              _("Uw aanvraag is buiten behandeling gesteld omdat de gevraagde aanvulling niet "
                "op tijd is ontvangen.")),
    Transitie("doorverwijzen", frozenset({S.AANGEMELD, S.IN_BEHANDELING}), S.DOORVERWEZEN,
              _("doorverwijzen"), _("Uw consulent heeft u doorverwezen.")),
    Transitie("geen_vervolg", frozenset({S.AANGEMELD, S.IN_BEHANDELING}), S.GEEN_VERVOLG,
              _("afsluiten zonder vervolg"), _("Uw aanvraag is afgesloten zonder vervolg.")),
    Transitie("intrekken",
              frozenset({S.AANGEMELD, S.IN_BEHANDELING, S.SCHOLINGSPLAN, S.INGEDIEND}),
              S.INGETROKKEN, _("intrekken"), _("U heeft uw aanvraag ingetrokken.")),
    Transitie("afronden", frozenset({S.TOEGEKEND}), S.AFGEROND, _("afronden"),
              _("Uw scholing is afgerond en de opleider is betaald.")),
    # The cheque ended without completion: the case is closed, so retention applies.
    Transitie("afsluiten_na_vervallen", frozenset({S.TOEGEKEND}), S.VERVALLEN,
              _("afsluiten: cheque vervallen"),
              _("Uw aanvraag is afgesloten omdat uw scholingscheque is vervallen.")),
    Transitie("afsluiten_na_intrekking", frozenset({S.TOEGEKEND, S.AFGEROND}),
              S.SUBSIDIE_INGETROKKEN, _("subsidie ingetrokken"),
              _("Uw aanvraag is afgesloten omdat de subsidie is ingetrokken. De reden staat in "
                "de brief over de intrekking.")),
    # A gegrond bezwaar (Awb 7:11): the contested decision is herroepen and replaced.
    Transitie("toekennen_na_bezwaar", frozenset({S.AFGEWEZEN}), S.TOEGEKEND,
              _("toekennen na bezwaar"),
              _("Uw bezwaar is gegrond: uw aanvraag is alsnog toegekend. U ontvangt een "
                "scholingscheque.")),
    Transitie("herstellen_na_bezwaar", frozenset({S.SUBSIDIE_INGETROKKEN}), S.TOEGEKEND,
              _("intrekking herroepen na bezwaar"),
              _("Uw bezwaar is gegrond: de intrekking van uw subsidie is herroepen.")),
    Transitie("herstellen_afgerond_na_bezwaar", frozenset({S.SUBSIDIE_INGETROKKEN}),
              S.AFGEROND, _("intrekking herroepen na bezwaar"),
              _("Uw bezwaar is gegrond: de intrekking van uw subsidie is herroepen.")),
]

aanvraag_statusmachine = Statusmachine(AANVRAAG_TRANSITIES)
