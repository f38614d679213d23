"""What the loopbaangesprekken stage asks of the resident in the portal (aanvragen.portaal)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from aanvragen import portaal
from loopbaangesprekken.selectors.akkoord import wachtende_plannen
from loopbaangesprekken.selectors.eigen_bijdrage import te_bevestigen, totaal
from tfvv.templatetags.bedragen import euro


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


def eigen_bijdrage_bevestigen(aanvraag) -> list[portaal.Taak]:
    """The plan has an own contribution the resident has not declared yet (one query)."""
    regels = te_bevestigen(aanvraag)
    if not regels:
        return []
    plan = regels[0].plan
    return [portaal.Taak(
        titel=_("Bevestig uw eigen bijdrage"),
        tekst=_("In uw scholingsplan voor %(opleiding)s betaalt u zelf %(bedrag)s. Bevestig "
                "dat u dit bedrag betaalt. Zonder uw bevestiging telt uw bijdrage niet mee.")
        % {"opleiding": plan.opleiding_naam,
           "bedrag": euro(totaal(r for r in regels if r.plan_id == plan.pk))},
        url=reverse("scholingsplan-inwoner:eigen-bijdrage", kwargs={"pk": aanvraag.pk}),
        knop=_("Eigen bijdrage bevestigen"),
    )]


portaal.registreer("loopbaangesprekken.eigen_bijdrage_bevestigen", eigen_bijdrage_bevestigen)
