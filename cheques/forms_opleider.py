"""Forms of the opleider portal (login) and of inviting an opleider user (beheer)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tfvv.forms import VerseCodeForm


class OpleiderLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Vul uw e-mailadres in."),
                        "invalid": _("Vul een geldig e-mailadres in, zoals naam@opleider.nl.")})


class OpleiderCodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Code uit uw authenticator-app"), regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Vul de zes cijfers uit uw authenticator-app in."),
                        "required": _("Vul de zes cijfers uit uw authenticator-app in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


class ChequesZoekenForm(forms.Form):
    zoek = forms.CharField(label=_("Zoeken op chequenummer, achternaam of opleiding"),
                           max_length=100, required=False)


class OpleiderUitnodigenForm(VerseCodeForm):
    voornaam = forms.CharField(label=_("Voornaam"), max_length=150)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"), max_length=254, error_messages={
        "invalid": _("Vul een geldig e-mailadres in, zoals naam@opleider.nl.")})
    field_order = ["voornaam", "achternaam", "email", "code"]
