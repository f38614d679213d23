"""The scholingsplan state machine, as data. The beoordelaar's steps (cheques app)
call these transitions through loopbaangesprekken services."""

from django.utils.translation import gettext_lazy as _

from loopbaangesprekken.models import Scholingsplan
from tfvv.statemachine import Statusmachine, Transitie

P = Scholingsplan.Status

PLAN_TRANSITIES = [
    Transitie("indienen", frozenset({P.CONCEPT, P.TERUG}), P.INGEDIEND,
              _("indienen bij gemeente Enschede")),
    Transitie("terugsturen", frozenset({P.INGEDIEND}), P.TERUG,
              _("terugsturen voor aanpassing")),
    Transitie("aanvulling_vragen", frozenset({P.INGEDIEND}), P.AANVULLING,
              _("aanvulling vragen"),
              _("De gemeente vraagt om een aanvulling op uw scholingsplan.")),
    Transitie("aanvullen", frozenset({P.AANVULLING}), P.INGEDIEND,
              _("aanvulling indienen"), _("De aanvulling op uw scholingsplan is ingediend.")),
    Transitie("besluiten", frozenset({P.INGEDIEND, P.AANVULLING}), P.BESLOTEN,
              _("besluit nemen")),
    # the resident withdrew the aanvraag (loopbaangesprekken/gebeurtenissen.py)
    Transitie("sluiten_na_intrekking", frozenset({P.CONCEPT, P.INGEDIEND, P.TERUG, P.AANVULLING}),
              P.INGETROKKEN, _("sluiten na intrekking")),
]

plan_statusmachine = Statusmachine(PLAN_TRANSITIES)
