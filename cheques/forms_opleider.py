"""Forms of the opleider portal (login, colleagues) and of managing opleider users (beheer)."""

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


class CollegaUitnodigenForm(VerseCodeForm):
    voornaam = forms.CharField(label=_("Voornaam"), max_length=150, error_messages={
        "required": _("Vul de voornaam in.")})
    achternaam = forms.CharField(label=_("Achternaam"), max_length=150, error_messages={
        "required": _("Vul de achternaam in.")})
    email = forms.EmailField(label=_("E-mailadres"), max_length=254, error_messages={
        "required": _("Vul het e-mailadres in."),
        "invalid": _("Vul een geldig e-mailadres in, zoals naam@opleider.nl.")})
    field_order = ["voornaam", "achternaam", "email", "code"]


class OpleiderUitnodigenForm(CollegaUitnodigenForm):
    beheerder = forms.BooleanField(
        label=_("Beheerder van de opleider"), required=False,
        help_text=_("Een beheerder van de opleider kan zelf collega's uitnodigen en uitzetten "
                    "in het opleidersportaal."))
    field_order = ["voornaam", "achternaam", "email", "beheerder", "code"]


class RedenForm(VerseCodeForm):
    """Deactivating or reactivating an account: why, and a fresh code."""

    reden = forms.CharField(label=_("Reden"), max_length=1000, widget=forms.Textarea(
        attrs={"rows": 3}), error_messages={"required": _("Schrijf op waarom.")})
    field_order = ["reden", "code"]


class CollegaBeheerderForm(VerseCodeForm):
    """Make a colleague beheerder of the opleider (`beheerder` True) or take it away; the
    wanted state rides along, so a second click changes nothing."""

    beheerder = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")],
                                       coerce=lambda v: v == "1", widget=forms.HiddenInput,
                                       error_messages={
                                           "required": _("Kies wat u wilt wijzigen."),
                                           "invalid_choice": _("Kies wat u wilt wijzigen.")})
