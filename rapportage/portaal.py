"""The task of the rapportage stage in the resident portal ("Wat vragen wij van u?"): an
open follow-up questionnaire. The button opens the questions in the portal itself
(`vervolgvragen:portaal-invullen`, for the logged-in resident only), never the single-use
link from the mail: that link is a credential and is stored only as a hash."""

from django.urls import reverse
from django.utils.translation import gettext as _

from aanvragen import portaal
from rapportage import vervolgvragen


def open_vragenlijsten(aanvraag) -> list[portaal.Taak]:
    """A sent, unanswered, unexpired questionnaire (one query)."""
    return [portaal.Taak(
        titel=_("Vragen over werk en opleiding"),
        tekst=_("Wij willen graag weten wat de opleiding %(opleiding)s u heeft opgeleverd "
                "(%(moment)s). Het duurt ongeveer 3 minuten. U hoeft niet mee te doen.")
        % {"opleiding": meting.cheque.beschikking.plan.opleiding_naam,
           "moment": meting.get_moment_display()},
        knop=_("Vragen beantwoorden"),
        url=reverse("vervolgvragen:portaal-invullen",
                    kwargs={"pk": aanvraag.pk, "meting_id": meting.pk}),
        uiterlijk=meting.geldig_tot) for meting in vervolgvragen.open_metingen(aanvraag)]


portaal.registreer("rapportage.vervolgvragen", open_vragenlijsten)
