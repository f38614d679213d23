"""The co-financing party's answer on the public page: confirm or decline (with a reason)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class BevestigenForm(forms.Form):
    naam = forms.CharField(label=_("Uw naam"), max_length=150,
                           error_messages={"required": _("Vul uw naam in.")})
    functie = forms.CharField(label=_("Uw functie"), max_length=150,
                              error_messages={"required": _("Vul uw functie in.")})
    akkoord = forms.BooleanField(
        label=_("Ik bevestig namens de organisatie dat zij deze bijdrage betaalt, en dat ik "
                "dat mag toezeggen."),
        error_messages={"required": _("Vink aan dat u de bijdrage namens de organisatie "
                                      "toezegt.")})


class AfwijzenForm(forms.Form):
    naam = forms.CharField(label=_("Uw naam"), max_length=150,
                           error_messages={"required": _("Vul uw naam in.")})
    functie = forms.CharField(label=_("Uw functie"), max_length=150,
                              error_messages={"required": _("Vul uw functie in.")})
    reden = forms.CharField(
        label=_("Waarom zegt u de bijdrage niet toe?"), max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("De consulent van het fonds leest dit en neemt zo nodig contact met u op."),
        error_messages={"required": _("Geef aan waarom u de bijdrage niet toezegt.")})
