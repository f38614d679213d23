"""The error summary at the top of a form (GOV.UK / NL Design System pattern):
`{% include "_foutoverzicht.html" %}` for `form`, or with `formset1=… formset2=…` for a
form with inline formsets. Every message links to its field."""

from django import forms, template

register = template.Library()


def _anker(veld: forms.BoundField) -> str:
    # radio and checkbox groups have no id of their own: link to the first option
    return veld.id_for_label or f"{veld.auto_id}_0"


def _van_form(form: forms.BaseForm) -> list[dict]:
    fouten = [{"anker": "", "label": "", "tekst": t} for t in form.non_field_errors()]
    for veld in form:
        fouten += [{"anker": _anker(veld), "label": veld.label, "tekst": t}
                   for t in veld.errors]
    return fouten


@register.simple_tag
def foutenlijst(*formulieren) -> list[dict]:
    """The messages of forms and formsets, in page order; empty values are skipped."""
    fouten = []
    for f in formulieren:
        if isinstance(f, forms.BaseForm) and f.is_bound:
            fouten += _van_form(f)
        elif isinstance(f, forms.BaseFormSet) and f.is_bound:
            fouten += [{"anker": "", "label": "", "tekst": t} for t in f.non_form_errors()]
            for deel in f.forms:
                fouten += _van_form(deel)
    return fouten
