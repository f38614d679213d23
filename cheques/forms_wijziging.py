"""The beoordelaar's decision on a resident's request for a change after the grant."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cheques.forms import BEDRAG
from loopbaangesprekken.models import Opleider


class WijzigingBesluitForm(forms.Form):
    toegekend = forms.TypedChoiceField(
        label=_("Besluit"), widget=forms.RadioSelect, coerce=lambda w: w == "ja",
        choices=[("ja", _("Wijziging toekennen")), ("nee", _("Wijziging afwijzen"))])
    bedrag = forms.DecimalField(label=_("Nieuw bedrag (€)"), required=False, localize=True,
                                help_text=_("Leeg laten: het gevraagde bedrag, of het "
                                            "huidige als er geen ander bedrag is gevraagd."),
                                **BEDRAG)
    opleider = forms.ModelChoiceField(
        label=_("Andere opleider"), required=False, empty_label=_("Dezelfde opleider"),
        queryset=Opleider.objects.filter(actief=True).order_by("naam"),
        help_text=_("Alleen als de cheque nog niet is gedeclareerd. De nieuwe opleider krijgt "
                    "de cheque; hij moet erkend zijn op de startdatum."))
    motivering = forms.CharField(label=_("Motivering (artikel 3:47 Awb)"), max_length=4000,
                                 widget=forms.Textarea(attrs={"rows": 4}))
