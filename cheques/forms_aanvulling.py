"""The resident's answer to an aanvulverzoek: a text and up to three documents, each
checked as every portal upload is (aanvragen.forms.DocumentForm)."""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from aanvragen.forms import DocumentForm

MAX_DOCUMENTEN = 3  # per answer; the resident may answer again while the request is open


class AanvulantwoordForm(forms.Form):
    tekst = forms.CharField(
        label=_("Uw antwoord"), required=False, max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Schrijf een antwoord, voeg documenten toe, of allebei."))


DocumentenFormSet = formset_factory(DocumentForm, extra=MAX_DOCUMENTEN, max_num=MAX_DOCUMENTEN,
                                    validate_max=True)
