"""The state machines of the beschikking and the cheque, as data."""

from django.utils.translation import gettext_lazy as _

from cheques.models import Beschikking, Cheque
from tfvv.statemachine import Statusmachine, Transitie

B = Beschikking.Status
C = Cheque.Status

BESCHIKKING_TRANSITIES = [
    Transitie("verzenden", frozenset({B.CONCEPT}), B.VERZONDEN, _("beschikking verzenden")),
]

CHEQUE_TRANSITIES = [
    Transitie("declareren", frozenset({C.UITGEGEVEN}), C.GEDECLAREERD,
              _("declaratie opleider registreren")),
    Transitie("vaststellen", frozenset({C.GEDECLAREERD}), C.VASTGESTELD,
              _("subsidie vaststellen")),
    Transitie("betalen", frozenset({C.VASTGESTELD}), C.BETAALD, _("betaling vastleggen"),
              _("De opleider is betaald voor uw scholing.")),
    Transitie("vervallen", frozenset({C.UITGEGEVEN}), C.VERVALLEN, _("laten vervallen"),
              _("Uw scholingscheque is vervallen omdat hij niet voor de vervaldatum is "
                "gebruikt.")),
    Transitie("intrekken", frozenset({C.UITGEGEVEN, C.GEDECLAREERD, C.VASTGESTELD, C.BETAALD}),
              C.INGETROKKEN, _("intrekken"),
              _("De gemeente heeft uw scholingscheque ingetrokken. U ontvangt hierover een "
                "brief.")),
]

beschikking_statusmachine = Statusmachine(BESCHIKKING_TRANSITIES)
cheque_statusmachine = Statusmachine(CHEQUE_TRANSITIES)
