"""What the views of the cheques stage share: service errors onto forms, page size."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from tfvv import budget
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
