"""The beoordelaar's decision on a resident's request for a change after the grant."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cheques.forms import BEDRAG


class WijzigingBesluitForm(forms.Form):
    toegekend = forms.TypedChoiceField(
        label=_("Besluit"), widget=forms.RadioSelect, coerce=lambda w: w == "ja",
        choices=[("ja", _("Wijziging toekennen")), ("nee", _("Wijziging afwijzen"))])
    bedrag = forms.DecimalField(label=_("Nieuw bedrag (€)"), required=False, localize=True,
                                help_text=_("Leeg laten: het gevraagde bedrag, of het "
                                            "huidige als er geen ander bedrag is gevraagd."),
                                **BEDRAG)
    motivering = forms.CharField(label=_("Motivering (artikel 3:47 Awb)"), max_length=4000,
                                 widget=forms.Textarea(attrs={"rows": 4}))
