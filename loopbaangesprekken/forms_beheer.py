"""Forms of the beheer pages of opleiders, erkenningen, werkgevers and kansberoepenlijsten."""

from django import forms
from django.utils.translation import gettext_lazy as _

from loopbaangesprekken.models import Erkenning, Opleider, Werkgever
from loopbaangesprekken.models.referentie import normaliseer_kvk, valideer_iban
from tfvv.forms import VerseCodeForm
from tfvv.forms_beheer import Datumveld


class OpleiderForm(forms.ModelForm):
    class Meta:
        model = Opleider
        fields = ["naam", "kvk_nummer", "rio_code", "contactpersoon", "email", "telefoon",
                  "actief"]


class WerkgeverForm(forms.ModelForm):
    """The employer in the register; `velden="kort"` is the consulent's minimal form."""

    KORT = ["naam", "kvk_nummer", "email"]
    ikbindr_van = Datumveld(label=_("IKBINDR-zakelijk partner sinds"), required=False)
    ikbindr_tot = Datumveld(label=_("IKBINDR-zakelijk partner tot en met"), required=False)

    class Meta:
        model = Werkgever
        fields = ["naam", "kvk_nummer", "contactpersoon", "email", "adres", "postcode", "plaats",
                  "ikbindr_van", "ikbindr_tot", "ikbindr_vaste_toezegging", "actief"]

    def __init__(self, *args, kort: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kvk_nummer"].widget.attrs.update(inputmode="numeric", maxlength=12)
        self.fields["kvk_nummer"].max_length = None  # spaces and dots are taken out below
        self.fields["kvk_nummer"].validators = []
        if kort:
            for naam in list(self.fields):
                if naam not in self.KORT:
                    del self.fields[naam]

    def clean_kvk_nummer(self):
        return normaliseer_kvk(self.cleaned_data["kvk_nummer"])


class ErkenningForm(forms.ModelForm):
    geldig_van = Datumveld(label=_("Geldig van"))
    geldig_tot = Datumveld(label=_("Geldig tot en met"), required=False)
    gecontroleerd_op = Datumveld(label=_("Gecontroleerd op"))

    class Meta:
        model = Erkenning
        fields = ["soort", "kenmerk", "geldig_van", "geldig_tot", "gecontroleerd_op"]


class IbanForm(VerseCodeForm):
    iban = forms.CharField(label=_("Nieuw IBAN"), max_length=42, validators=[valideer_iban])
    toelichting = forms.CharField(label=_("Waarom? (bijvoorbeeld: brief van de opleider van 1 "
                                          "december)"), max_length=500,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["iban", "toelichting", "code"]


class KansberoepenlijstForm(VerseCodeForm):
    naam = forms.CharField(label=_("Naam"), max_length=100)
    gepubliceerd_op = Datumveld(label=_("Gepubliceerd door UWV op"))
    geldig_van = Datumveld(label=_("Geldig vanaf"))
    geldig_tot = Datumveld(label=_("Geldig tot en met"))
    beroepen = forms.CharField(
        label=_("Beroepen"), widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Eén beroep per regel, met de sector erachter: ‘Monteur; Techniek’."))
    toelichting = forms.CharField(label=_("Toelichting"), max_length=500, required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["naam", "gepubliceerd_op", "geldig_van", "geldig_tot", "beroepen",
                   "toelichting", "code"]

    def gegevens(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("naam", "gepubliceerd_op", "geldig_van",
                                                  "geldig_tot")}
