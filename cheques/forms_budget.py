"""Forms of the budget page: periods, lines, bronnen, toezeggingen, spending, plafond."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from cheques.forms import Datumveld
from tfvv.models import Begrotingsperiode, Begrotingspost, Financieringsbron


class Bedragveld(forms.DecimalField):
    """Amounts as people type them: 4200,50 or 4.200,50 or 4200.50 (€ and spaces allowed)."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})  # type=number refuses 4.200,50

    def __init__(self, *, minimum=Decimal("0.01"), **kwargs):
        super().__init__(max_digits=12, decimal_places=2, min_value=minimum, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace(" ", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)


class PeriodeForm(forms.ModelForm):
    class Meta:
        model = Begrotingsperiode
        fields = ["naam", "van", "tot"]
        widgets = {"van": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "tot": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class BronForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=100)
    publiek = forms.TypedChoiceField(
        label=_("Soort geld"), coerce=lambda v: v == "ja", initial="ja",
        choices=[("ja", _("Publiek (telt mee voor het plafond)")),
                 ("nee", _("Privaat, cofinanciering (telt niet mee)"))],
        widget=forms.RadioSelect)
    omschrijving = forms.CharField(label=_("Omschrijving"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))


class PostForm(forms.Form):
    periode = forms.ModelChoiceField(label=_("Begrotingsperiode"),
                                     queryset=Begrotingsperiode.objects.all())
    naam = forms.CharField(label=_("Naam van de post"), max_length=100)
    bedrag = Bedragveld(label=_("Begroot bedrag (€)"), minimum=Decimal("0"))
    cofinanciering = Bedragveld(label=_("Waarvan cofinanciering (€)"), minimum=Decimal("0"),
                                required=False, help_text=_("Leeg: geen cofinanciering."))
    voor_cheques = forms.BooleanField(label=_("Dit is de post voor de scholingscheques"),
                                      required=False)

    def clean_cofinanciering(self):
        return self.cleaned_data.get("cofinanciering") or Decimal("0")


class PostWijzigenForm(forms.Form):
    post = forms.ModelChoiceField(label=_("Begrotingspost"),
                                  queryset=Begrotingspost.objects.select_related("periode"))
    bedrag = Bedragveld(label=_("Nieuw begroot bedrag (€)"), minimum=Decimal("0"))
    cofinanciering = Bedragveld(label=_("Waarvan cofinanciering (€)"), minimum=Decimal("0"),
                                required=False)
    reden = forms.CharField(label=_("Reden van de begrotingswijziging"), max_length=2000)

    def clean_cofinanciering(self):
        return self.cleaned_data.get("cofinanciering") or Decimal("0")


class ToezeggingForm(forms.Form):
    bron = forms.ModelChoiceField(label=_("Financieringsbron"),
                                  queryset=Financieringsbron.objects.all())
    periode = forms.ModelChoiceField(label=_("Begrotingsperiode"),
                                     queryset=Begrotingsperiode.objects.all())
    bedrag = Bedragveld(label=_("Bedrag (€)"))
    datum = Datumveld(label=_("Datum toezegging"))
    kenmerk = forms.CharField(label=_("Kenmerk (brief of besluit)"), max_length=100,
                              required=False)


class BestedingForm(forms.Form):
    post = forms.ModelChoiceField(label=_("Begrotingspost"),
                                  queryset=Begrotingspost.objects.filter(voor_cheques=False)
                                  .select_related("periode"))
    bedrag = Bedragveld(label=_("Bedrag (€)"))
    datum = Datumveld(label=_("Datum"))
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=200)


class PlafondVoorstelForm(forms.Form):
    bedrag = Bedragveld(label=_("Subsidieplafond (€)"), minimum=Decimal("0"))
    besluitdatum = Datumveld(label=_("Datum collegebesluit"))
    gepubliceerd_op = Datumveld(label=_("Bekendgemaakt op"), help_text=_(
        "Datum van publicatie in het Gemeenteblad (artikel 4:27 Awb)."))
    kenmerk = forms.CharField(label=_("Kenmerk besluit"), max_length=100, required=False)
    toelichting = forms.CharField(label=_("Toelichting"), max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class VoorstelIntrekkenForm(forms.Form):
    reden = forms.CharField(label=_("Reden van intrekken"), max_length=2000)
