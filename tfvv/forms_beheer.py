"""Forms of the beheer pages: staff accounts, roles, regeling versions, decisions."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from tfvv.forms import VerseCodeForm
from tfvv.models import Gebruiker, Regeling
from tfvv.roles import MEDEWERKERSROLLEN, Organisatie, Rol


class Datumveld(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _rolkeuzes():
    return [(r, Rol(r).label) for r in MEDEWERKERSROLLEN]


class RollenVeld(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=_rolkeuzes, label=_("Rollen"), **kwargs)


class MedewerkerForm(VerseCodeForm):
    username = forms.RegexField(
        label=_("Gebruikersnaam"), max_length=150, regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Gebruik letters, cijfers en . @ + - _ zonder spaties.")})
    voornaam = forms.CharField(label=_("Voornaam"), max_length=150)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres werk"))
    organisatie = forms.ChoiceField(label=_("Organisatie"), choices=Organisatie.choices)
    rollen = RollenVeld(required=False, help_text=_(
        "Een tweede beheerder moet de rollen goedkeuren; tot dan kan de medewerker niet "
        "inloggen."))

    field_order = ["username", "voornaam", "achternaam", "email", "organisatie", "rollen", "code"]

    def clean_username(self):
        naam = self.cleaned_data["username"]
        if Gebruiker.objects.filter(username__iexact=naam).exists():
            raise forms.ValidationError(_("Deze gebruikersnaam bestaat al."))
        return naam


class RollenForm(VerseCodeForm):
    rollen = RollenVeld(required=False)
    toelichting = forms.CharField(label=_("Waarom?"), max_length=500, widget=forms.Textarea(
        attrs={"rows": 2}))
    field_order = ["rollen", "toelichting", "code"]


class ToelichtingCodeForm(VerseCodeForm):
    toelichting = forms.CharField(label=_("Waarom?"), max_length=500, widget=forms.Textarea(
        attrs={"rows": 2}))
    field_order = ["toelichting", "code"]


class BesluitForm(VerseCodeForm):
    besluit = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect, choices=[
        ("goedkeuren", _("Goedkeuren")), ("afwijzen", _("Afwijzen"))])
    reden = forms.CharField(label=_("Reden (verplicht bij afwijzen)"), required=False,
                            max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["besluit", "reden", "code"]


class RegelingVersieForm(VerseCodeForm):
    naam = forms.CharField(label=_("Naam van de versie"), max_length=100)
    geldig_van = Datumveld(label=_("Geldig vanaf"))
    geldig_tot = Datumveld(label=_("Geldig tot en met"))
    minimumleeftijd = forms.IntegerField(label=_("Minimumleeftijd"), min_value=0, max_value=99)
    cofinanciering_aandeel = forms.DecimalField(
        label=_("Verplicht aandeel cofinanciering"), max_digits=4, decimal_places=3,
        localize=True, help_text=_("0,5 = 50 % van de totale kosten; 0 = het fonds betaalt alles."))
    maximum_per_jaar = forms.DecimalField(label=_("Maximum per persoon per kalenderjaar (€)"),
                                          max_digits=9, decimal_places=2, localize=True)
    medeondertekening_vanaf = forms.DecimalField(
        label=_("Tweede beoordelaar nodig vanaf (€)"), max_digits=9, decimal_places=2,
        localize=True)
    niveauregel = forms.ChoiceField(label=_("Regel opleidingsniveau"),
                                    choices=Regeling.Niveauregel.choices)
    grondslag = forms.CharField(label=_("Juridische grondslag"), widget=forms.Textarea(
        attrs={"rows": 2}))
    toelichting = forms.CharField(label=_("Waarom deze nieuwe versie?"), max_length=1000,
                                  widget=forms.Textarea(attrs={"rows": 2}))

    def gegevens(self) -> dict:
        velden = ("naam", "geldig_van", "geldig_tot", "minimumleeftijd",
                  "cofinanciering_aandeel", "maximum_per_jaar", "niveauregel", "grondslag",
                  "medeondertekening_vanaf")
        return {k: self.cleaned_data[k] for k in velden}

    @classmethod
    def beginwaarden(cls, regeling: Regeling | None) -> dict:
        if regeling is None:
            return {"minimumleeftijd": 18, "cofinanciering_aandeel": Decimal("0.5")}
        return {k: getattr(regeling, k) for k in (
            "minimumleeftijd", "cofinanciering_aandeel", "maximum_per_jaar", "niveauregel",
            "grondslag", "medeondertekening_vanaf")}
