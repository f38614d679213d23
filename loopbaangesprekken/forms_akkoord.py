"""Forms of the resident's consent to the scholingsplan and of a submission on their behalf."""

from django import forms
from django.utils.translation import gettext_lazy as _

from loopbaangesprekken.forms_scholingsplan import AanvullingIndienenForm, valideer_bewijs
from tfvv.tekst import valideer_vrije_tekst


class _Antwoord(forms.Form):
    # the version the resident saw: the service refuses when the plan changed since
    versie = forms.CharField(widget=forms.HiddenInput, max_length=64)


class AkkoordForm(_Antwoord):
    akkoord = forms.BooleanField(
        label=_("Ik ga akkoord met dit scholingsplan"),
        error_messages={"required": _("Zet een vinkje als u akkoord gaat met dit "
                                      "scholingsplan.")})


class WijzigingVragenForm(_Antwoord):
    toelichting = forms.CharField(
        label=_("Wat moet er anders?"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}), validators=[valideer_vrije_tekst],
        help_text=_("Schrijf wat er niet klopt of wat u anders wilt. Uw consulent past het "
                    "plan aan en legt het opnieuw aan u voor."),
        error_messages={"required": _("Schrijf wat er anders moet in het plan.")})


class NamensInwonerForm(AanvullingIndienenForm):
    """Submit on the resident's behalf; after an aanvulverzoek also what was supplied."""

    field_order = ("reden", "formulier", "toelichting")

    reden = forms.CharField(
        label=_("Reden waarom u namens de inwoner indient"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}), validators=[valideer_vrije_tekst],
        help_text=_("Bijvoorbeeld: de inwoner heeft het plan op papier ondertekend, of kan "
                    "niet inloggen en heeft mondeling ingestemd op 4 december."),
        error_messages={"required": _("Geef de reden waarom u namens de inwoner indient.")})
    formulier = forms.FileField(
        label=_("Ondertekend akkoordformulier (niet verplicht)"), required=False,
        validators=[valideer_bewijs], widget=forms.FileInput,
        help_text=_("Pdf, jpg of png."))


class EigenBijdrageForm(forms.Form):
    # the total the resident saw: the service refuses when the consulent changed it since
    bedrag = forms.DecimalField(widget=forms.HiddenInput, max_digits=9, decimal_places=2)
    akkoord = forms.BooleanField(
        label=_("Ik verklaar dat ik deze eigen bijdrage zelf betaal"),
        error_messages={"required": _("Zet een vinkje als u verklaart dat u de eigen "
                                      "bijdrage zelf betaalt.")})
