"""The staff search form (cheques.views.zoeken): every field optional, all given must match."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag
from tfvv.formvelden import Datumveld


class ZoekForm(forms.Form):
    referentie = forms.CharField(label=_("Referentie"), required=False, max_length=20,
                                 help_text=_("Bijvoorbeeld TF-2026-000123 of een deel ervan."))
    naam = forms.CharField(label=_("Naam aanvrager"), required=False, max_length=100,
                           help_text=_("Voornaam, achternaam of beide."))
    email = forms.CharField(label=_("E-mailadres"), required=False, max_length=254)
    chequenummer = forms.CharField(label=_("Chequenummer"), required=False, max_length=16,
                                   help_text=_("Bijvoorbeeld TFV-2026-000042 of een deel ervan."))
    opleider = forms.CharField(label=_("Opleider"), required=False, max_length=200,
                               help_text=_("(Een deel van) de naam van de opleider."))
    status = forms.ChoiceField(label=_("Status van de aanvraag"), required=False,
                               choices=[("", _("alle statussen")), *Aanvraag.Status.choices])
    vanaf = Datumveld(label=_("Aanvraagdatum vanaf"), required=False)
    tot = Datumveld(label=_("Aanvraagdatum tot en met"), required=False)

    def __init__(self, *args, met_cheques: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not met_cheques:  # a consulent does not work with cheques
            del self.fields["chequenummer"]

    def clean(self):
        data = super().clean()
        for veld in ("referentie", "naam", "email", "chequenummer", "opleider"):
            if veld in data:
                data[veld] = " ".join(data[veld].split())
        vanaf, tot = data.get("vanaf"), data.get("tot")
        if vanaf and tot and tot < vanaf:
            self.add_error("tot", _("Deze datum ligt vóór de datum ‘vanaf’. Kies een "
                                    "einddatum op of na de begindatum."))
        return data

    def heeft_zoekvraag(self) -> bool:
        """At least one criterion: without one nothing is shown (nor logged)."""
        return any(self.cleaned_data.get(veld) for veld in self.fields)
