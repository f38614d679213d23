"""The gesprek state machine, as data.

A new gesprek starts in the pseudo-state NIEUW (empty status) and is planned — or, for a
gesprek held without an appointment, logged — in the same transaction, so this first step
is a transition with an event like every other.
The resident texts here are generic; the services pass a text with date and place.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag
from loopbaangesprekken.models import Gesprek
from tfvv.statemachine import Statusmachine, Transitie

G = Gesprek.Status
NIEUW = ""

GESPREK_TRANSITIES = [
    Transitie("plannen", frozenset({NIEUW}), G.GEPLAND, _("gesprek plannen"),
              _("Er is een loopbaangesprek met u gepland.")),
    Transitie("verplaatsen", frozenset({G.GEPLAND}), G.GEPLAND, _("gesprek verplaatsen"),
              _("Uw loopbaangesprek is verplaatst.")),
    Transitie("annuleren", frozenset({G.GEPLAND}), G.GEANNULEERD, _("gesprek annuleren"),
              _("Uw loopbaangesprek is geannuleerd.")),
    Transitie("niet_verschenen", frozenset({G.GEPLAND}), G.NIET_VERSCHENEN,
              _("niet verschenen registreren"),
              _("U was niet aanwezig bij uw loopbaangesprek. Uw consulent neemt contact met "
                "u op.")),
    Transitie("vastleggen", frozenset({NIEUW, G.GEPLAND}), G.GEVOERD, _("gesprek vastleggen"),
              _("Uw loopbaangesprek heeft plaatsgevonden.")),
    # A correction: 'niet verschenen' was registered by mistake; the gesprek is planned
    # again (and can then be logged as held, moved or cancelled).
    Transitie("niet_verschenen_herstellen", frozenset({G.NIET_VERSCHENEN}), G.GEPLAND,
              _("registratie 'niet verschenen' hersteld"),
              _("De registratie dat u niet aanwezig was bij uw loopbaangesprek, is "
                "gecorrigeerd.")),
]

gesprek_statusmachine = Statusmachine(GESPREK_TRANSITIES)

# How long after the planned time a wrong 'niet verschenen' can still be undone.
HERSTELTERMIJN_NIET_VERSCHENEN = datetime.timedelta(days=14)

# The aanvraag statuses in which gesprekken may be planned and held.
A = Aanvraag.Status
GESPREK_MOGELIJK = frozenset({A.AANGEMELD, A.IN_BEHANDELING, A.SCHOLINGSPLAN})

# Outcome of a gesprek -> the aanvraag transition it makes (None: the aanvraag stays).
UITKOMST_TRANSITIE = {
    Gesprek.Uitkomst.SCHOLINGSPLAN: "scholingsplan_starten",
    Gesprek.Uitkomst.VERVOLGGESPREK: None,
    Gesprek.Uitkomst.DOORVERWIJZING: "doorverwijzen",
    Gesprek.Uitkomst.GEEN_VERVOLG: "geen_vervolg",
}
