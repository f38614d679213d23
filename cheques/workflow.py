"""The state machines of the beschikking and the cheque, as data.

The cheque follows the law of subsidies (Awb titel 4.2): uitgegeven → gedeclareerd (the
opleider's invoice) → voorschot betaald (4:52, optional) → vastgesteld (4:42/4:47, on the
completion proof) → betaald en afgehandeld (the remainder paid, or nothing left to pay);
or vervallen (unused at expiry) / ingetrokken (4:48 before, 4:49 after the vaststelling);
a gegrond bezwaar (Awb 7:11) can restore a withdrawn cheque or vaststellen it again.
"""

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
              _("declaratie opleider registreren"),
              _("De opleider heeft de factuur voor uw scholing ingediend.")),
    Transitie("voorschot_betalen", frozenset({C.GEDECLAREERD}), C.VOORSCHOT_BETAALD,
              _("voorschot betalen"),
              _("De gemeente heeft een voorschot op uw subsidie aan de opleider betaald. Na "
                "afloop van uw scholing stelt de gemeente de subsidie vast.")),
    # vaststellen and intrekken: the resident is told by the event of the decision itself
    # (cheques.services.vervolgbesluiten, with a link to the letter), not twice.
    Transitie("vaststellen", frozenset({C.GEDECLAREERD, C.VOORSCHOT_BETAALD}), C.VASTGESTELD,
              _("subsidie vaststellen")),
    Transitie("betalen", frozenset({C.VASTGESTELD}), C.BETAALD, _("betaling vastleggen"),
              _("De opleider is betaald voor uw scholing.")),
    # Nothing left to pay after the vaststelling: the voorschot covered it (or more; the
    # excess is claimed back by a terugvordering of its own).
    Transitie("verrekenen", frozenset({C.VASTGESTELD}), C.BETAALD,
              _("voorschot verrekenen"),
              _("Het voorschot is verrekend met de vastgestelde subsidie. Er volgt geen "
                "betaling meer.")),
    Transitie("vervallen", frozenset({C.UITGEGEVEN}), C.VERVALLEN, _("laten vervallen"),
              _("Uw scholingscheque is vervallen omdat hij niet voor de vervaldatum is "
                "gebruikt.")),
    Transitie("intrekken", frozenset({C.UITGEGEVEN, C.GEDECLAREERD, C.VOORSCHOT_BETAALD,
                                      C.VASTGESTELD, C.BETAALD}),
              C.INGETROKKEN, _("intrekken")),
    # A gegrond bezwaar herroept the vaststelling (Awb 7:11): the higher amount is vastgesteld
    # again, and what is still to be paid waits for the next payment batch.
    Transitie("opnieuw_vaststellen", frozenset({C.VASTGESTELD, C.BETAALD}), C.VASTGESTELD,
              _("opnieuw vaststellen na bezwaar")),
    # A gegrond bezwaar herroept the intrekking: the cheque returns to where it was
    # (`herstellen_<status>`; the resident is told by the beslissing op bezwaar itself).
    *(Transitie(f"herstellen_{status}", frozenset({C.INGETROKKEN}), status,
                _("intrekking herroepen na bezwaar"))
      for status in (C.UITGEGEVEN, C.GEDECLAREERD, C.VOORSCHOT_BETAALD, C.VASTGESTELD,
                     C.BETAALD)),
]

beschikking_statusmachine = Statusmachine(BESCHIKKING_TRANSITIES)
cheque_statusmachine = Statusmachine(CHEQUE_TRANSITIES)
