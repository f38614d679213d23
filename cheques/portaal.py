"""The tasks of the cheques stage in the resident portal ("Wat vragen wij van u?")."""

from django.urls import reverse
from django.utils.translation import gettext as _

from aanvragen import portaal
from cheques import selectors


def open_aanvulverzoeken(aanvraag) -> list[portaal.Taak]:
    """An open aanvulverzoek: answer it in the portal (one query)."""
    taken = []
    for verzoek in selectors.open_aanvulverzoeken(aanvraag):
        tekst = _("Gemeente Enschede vraagt om een aanvulling op uw scholingsplan voor "
                  "%(opleiding)s:\n%(vraag)s") % {"opleiding": verzoek.plan.opleiding_naam,
                                                 "vraag": verzoek.omschrijving}
        if verzoek.aantal_antwoorden:
            tekst += "\n" + _("U heeft al een aanvulling gestuurd. U kunt nog iets toevoegen "
                              "tot uw consulent de aanvulling doorstuurt.")
        taken.append(portaal.Taak(
            titel=_("Aanvulling gevraagd"), tekst=tekst, knop=_("Aanvulling sturen"),
            url=reverse("cheques:aanvulling-beantwoorden",
                        kwargs={"pk": aanvraag.pk, "verzoek_id": verzoek.pk}),
            uiterlijk=verzoek.hersteltermijn_tot))
    return taken


portaal.registreer("cheques.aanvulling", open_aanvulverzoeken)
