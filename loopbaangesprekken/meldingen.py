"""Meldingen of this stage (tfvv.meldingen): the resident's answer to the scholingsplan,
and a co-financing party's answer to "Toezegging vragen", reach the consulent of the case."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aanvragen.models import Aanvraag
from tfvv import meldingen
from tfvv.templatetags.bedragen import euro

PLAN_TYPE = "loopbaangesprekken.scholingsplan"


def aanvraag_van(gebeurtenis) -> Aanvraag | None:
    """The case of an event (its dossier), with only what a melding needs: one query."""
    return (Aanvraag.objects.filter(pk=gebeurtenis.dossier_id)
            .only("pk", "referentie", "consulent_id").first())


def consulent_van_zaak(gebeurtenis):
    """The case's consulent, with a link to the plan (an event on the plan) or the case."""
    aanvraag = aanvraag_van(gebeurtenis)
    if aanvraag is None or aanvraag.consulent_id is None:
        return []
    if gebeurtenis.objecttype == PLAN_TYPE:
        link = reverse("loopbaangesprekken:scholingsplan", kwargs={"pk": gebeurtenis.object_id})
    else:
        link = reverse("loopbaangesprekken:aanvraag", kwargs={"pk": aanvraag.pk})
    return [([aanvraag.consulent_id], link)]


def referentie(gebeurtenis) -> str:
    return (Aanvraag.objects.filter(pk=gebeurtenis.dossier_id)
            .values_list("referentie", flat=True).first() or "")


# the resident's answer on the portal (actions written by the resident portal)
meldingen.registreer(
    "plan_goedgekeurd_door_inwoner", soort=gettext_lazy("Scholingsplan goedgekeurd door inwoner"),
    tekst=lambda g: _("De inwoner van aanvraag %(ref)s is akkoord met het scholingsplan.")
    % {"ref": referentie(g)},
    ontvangers=consulent_van_zaak)
meldingen.registreer(
    "plan_wijziging_gevraagd_door_inwoner",
    soort=gettext_lazy("Inwoner vraagt wijziging van het scholingsplan"),
    tekst=lambda g: _("De inwoner van aanvraag %(ref)s vraagt om een wijziging van het "
                      "scholingsplan.") % {"ref": referentie(g)},
    ontvangers=consulent_van_zaak)

# the co-financing party's answer through its single-use link (services.toezegging)
meldingen.registreer(
    "cofinanciering_afgewezen", soort=gettext_lazy("Cofinanciering afgewezen"),
    tekst=lambda g: _("%(partij)s zegt de cofinanciering van %(bedrag)s in aanvraag %(ref)s "
                      "niet toe. Reden: %(reden)s")
    % {"partij": g.gegevens.get("partij", ""), "bedrag": euro(g.gegevens.get("bedrag", "0")),
       "ref": referentie(g), "reden": g.reden},
    ontvangers=consulent_van_zaak)
meldingen.registreer(
    "cofinanciering_bevestigd", soort=gettext_lazy("Cofinanciering bevestigd"),
    tekst=lambda g: _("%(partij)s heeft de cofinanciering van %(bedrag)s in aanvraag %(ref)s "
                      "bevestigd.")
    % {"partij": g.gegevens.get("partij", ""), "bedrag": euro(g.gegevens.get("bedrag", "0")),
       "ref": referentie(g)},
    ontvangers=consulent_van_zaak)

# the daily job (services.toezegging_herinnering): the link expired without an answer
meldingen.registreer(
    "cofinanciering_verlopen", soort=gettext_lazy("Toezegging cofinanciering verlopen"),
    tekst=lambda g: _("%(partij)s heeft de cofinanciering van %(bedrag)s in aanvraag %(ref)s "
                      "niet op tijd beantwoord; de link is verlopen. Vraag opnieuw een "
                      "toezegging of leg bewijs vast.")
    % {"partij": g.gegevens.get("partij", ""), "bedrag": euro(g.gegevens.get("bedrag", "0")),
       "ref": referentie(g)},
    ontvangers=consulent_van_zaak)

# the resident's declaration of their own contribution (services.eigen_bijdrage)
meldingen.registreer(
    "eigen_bijdrage_bevestigd", soort=gettext_lazy("Eigen bijdrage bevestigd door inwoner"),
    tekst=lambda g: _("De inwoner van aanvraag %(ref)s heeft bevestigd de eigen bijdrage van "
                      "%(bedrag)s zelf te betalen.")
    % {"bedrag": euro(g.gegevens.get("bedrag", "0")), "ref": referentie(g)},
    ontvangers=consulent_van_zaak)
