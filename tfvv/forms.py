from django import forms
from django.contrib.auth import authenticate, user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp import match_token


class MedewerkerInlogForm(forms.Form):
    """Password plus the six-digit code of the authenticator app, in one step."""

    username = forms.CharField(label=_("Gebruikersnaam"), max_length=150,
                               widget=forms.TextInput(attrs={"autocomplete": "username"}))
    password = forms.CharField(
        label=_("Wachtwoord"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.RegexField(
        label=_("Code uit uw authenticator-app"), regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Vul de zes cijfers uit uw authenticator-app in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = None
        self.device = None
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        username, password, code = (cleaned.get(k) for k in ("username", "password", "code"))
        if not (username and password and code):
            return cleaned
        user = authenticate(self.request, username=username, password=password)
        fout = _("De combinatie van gebruikersnaam, wachtwoord en code klopt niet.")
        if user is None or not user.is_medewerker:
            raise forms.ValidationError(fout, code="ongeldig")
        device = match_token(user, code.strip())
        if device is None:
            # a wrong second factor counts as a failed login for the lock-out
            user_login_failed.send(sender=__name__, credentials={"username": username},
                                   request=self.request)
            raise forms.ValidationError(fout, code="ongeldig")
        self.user, self.device = user, device
        return cleaned


class BevestigCodeForm(forms.Form):
    """Step-up: the current code of the staff member's authenticator app."""

    code = forms.RegexField(
        label=_("Code uit uw authenticator-app"), regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Vul de zes cijfers uit uw authenticator-app in."),
                        "required": _("Vul de zes cijfers uit uw authenticator-app in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if match_token(self.user, code) is None:
            raise forms.ValidationError(
                _("Deze code klopt niet. Gebruik de nieuwste code uit uw app."), code="ongeldig")
        return code


class VerseCodeForm(forms.Form):
    """Base form of a four-eyes step (tfvv.vierogen): a code typed for this step.

    Only the shape is checked here; tfvv.vierogen checks the code itself, after the
    other fields, so a refused form does not use up the code."""

    code = forms.RegexField(
        label=_("Nieuwe code uit uw authenticator-app"), regex=r"^\s*\d{6}\s*$",
        help_text=_("Voor deze stap is een nieuwe code nodig, ook als u net bent ingelogd."),
        error_messages={"invalid": _("Vul de zes cijfers uit uw authenticator-app in."),
                        "required": _("Vul de zes cijfers uit uw authenticator-app in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def toon_fout(form, fout) -> None:
    """Put a service's ValidationError at its fields (or above the form)."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        veld = getattr(fout, "veld", None)
        form.add_error(veld if veld in form.fields else None, fout.messages)


class MeldingvoorkeurForm(forms.Form):
    """How a staff member wants to hear of new meldingen by e-mail (tfvv.meldingen)."""

    meldingen_mail = forms.ChoiceField(
        label=_("E-mail bij nieuwe meldingen"), widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe u meldingen per e-mail wilt ontvangen."),
                        "invalid_choice": _("Kies een van de mogelijkheden.")})

    def __init__(self, *args, **kwargs):
        from tfvv.models.gebruiker import Meldingsmail

        super().__init__(*args, **kwargs)
        self.fields["meldingen_mail"].choices = Meldingsmail.choices
