"""What the views of the cheques stage share: service errors onto forms, page size, and
the download of a stored PDF of a case."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tfvv import budget
from tfvv.events import registreer_inzage
from tfvv.statemachine import OngeldigeTransitie


def fouten_naar_form(form, fout):
    """Put a service's ValidationError (or plafond refusal) on the form's fields."""
    if isinstance(fout, budget.BudgetGeweigerd):
        fout = ValidationError({"bedrag": str(fout)})
    if isinstance(fout, OngeldigeTransitie):
        fout = ValidationError(str(fout))
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, lijst)
    else:
        form.add_error(None, fout)


def algemene_fouten_als_melding(request, form):
    """Errors not tied to a field go to the page's message area (the form may be hidden)."""
    for fout in form.errors.pop(NON_FIELD_ERRORS, []):
        messages.error(request, fout)


FOUTEN = (ValidationError, budget.BudgetGeweigerd, OngeldigeTransitie)


PER_PAGINA = 50


def lever_pdf(request, bestand, *, naam: str, onderdeel: str, aanvraag, ontbreekt: str):
    """A stored PDF of a case as a download, logged as AVG inzage on the case; a 404 saying
    `ontbreekt` when there is none, or when the file is gone from storage."""
    if not bestand:
        raise Http404(ontbreekt)
    try:
        inhoud = bestand.open("rb")
    except FileNotFoundError:
        raise Http404(_("Het document is niet gevonden.")) from None
    registreer_inzage(gebruiker=request.user, handeling="gedownload", onderdeel=onderdeel,
                      dossier_id=aanvraag.pk, betrokkene_id=aanvraag.aanvrager_id,
                      pad=request.path)
    return FileResponse(inhoud, as_attachment=True, content_type="application/pdf",
                        filename=naam)


ONTBREEKT = {"factuur": gettext_lazy("Bij deze declaratie hoort geen factuur."),
             "bewijs": gettext_lazy("Bij deze declaratie hoort geen bewijs.")}


def declaratiedocument(request, indiening, document: str, *, onderdeel: str):
    """The invoice or the proof of an indiening (for finance and for its own opleider)."""
    return lever_pdf(request, getattr(indiening, document),
                     naam=f"{document}-{indiening.cheque.nummer}-{indiening.pk}.pdf",
                     onderdeel=onderdeel, aanvraag=indiening.cheque.beschikking.plan.aanvraag,
                     ontbreekt=str(ONTBREEKT[document]))
