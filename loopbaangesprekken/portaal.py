"""What the loopbaangesprekken stage asks of the resident in the portal (aanvragen.portaal)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from aanvragen import portaal
from loopbaangesprekken.selectors.akkoord import wachtende_plannen


def scholingsplan_goedkeuren(aanvraag) -> list[portaal.Taak]:
    """The consulent put the plan up for the resident's approval (one query)."""
    if not wachtende_plannen(aanvraag):
        return []
    return [portaal.Taak(
        titel=_("Uw scholingsplan bekijken en goedkeuren"),
        tekst=_("Uw consulent heeft uw scholingsplan klaargezet. Lees het plan goed. Klopt "
                "alles? Geef dan uw akkoord. Pas daarna sturen wij het naar gemeente "
                "Enschede."),
        url=reverse("scholingsplan-inwoner:bekijken", kwargs={"pk": aanvraag.pk}),
        knop=_("Scholingsplan bekijken"),
    )]


portaal.registreer("loopbaangesprekken.scholingsplan_goedkeuren", scholingsplan_goedkeuren)
