"""Forms of the budget page: periods, lines, bronnen, toezeggingen, spending, plafond,
earmarking rules."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Arbeidssituatie
from loopbaangesprekken.models.scholingsplan import Route
from tfvv.formvelden import Bedragveld, Datumveld
from tfvv.models import Begrotingsperiode, Begrotingspost, Financieringsbron

# Budget amounts run into millions: twelve digits.
NUL_OF_MEER = {"max_digits": 12, "min_value": Decimal("0")}
POSITIEF = {"max_digits": 12, "min_value": Decimal("0.01")}


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
                                     queryset=Begrotingsperiode.objects.all(),
                                     empty_label=_("— kies een periode —"))
    naam = forms.CharField(label=_("Naam van de post"), max_length=100)
    bedrag = Bedragveld(label=_("Begroot bedrag (€)"), **NUL_OF_MEER)
    cofinanciering = Bedragveld(label=_("Waarvan cofinanciering (€)"), **NUL_OF_MEER,
                                required=False, help_text=_("Leeg: geen cofinanciering."))
    voor_cheques = forms.BooleanField(label=_("Dit is de post voor de scholingscheques"),
                                      required=False)

    def clean_cofinanciering(self):
        return self.cleaned_data.get("cofinanciering") or Decimal("0")


class PostWijzigenForm(forms.Form):
    post = forms.ModelChoiceField(label=_("Begrotingspost"),
                                  queryset=Begrotingspost.objects.select_related("periode"),
                                  empty_label=_("— kies een begrotingspost —"))
    bedrag = Bedragveld(label=_("Nieuw begroot bedrag (€)"), **NUL_OF_MEER)
    cofinanciering = Bedragveld(label=_("Waarvan cofinanciering (€)"), **NUL_OF_MEER,
                                required=False)
    reden = forms.CharField(label=_("Reden van de begrotingswijziging"), max_length=2000)

    def clean_cofinanciering(self):
        return self.cleaned_data.get("cofinanciering") or Decimal("0")


class ToezeggingForm(forms.Form):
    bron = forms.ModelChoiceField(label=_("Financieringsbron"),
                                  queryset=Financieringsbron.objects.all(),
                                  empty_label=_("— kies een financieringsbron —"))
    periode = forms.ModelChoiceField(label=_("Begrotingsperiode"),
                                     queryset=Begrotingsperiode.objects.all(),
                                     empty_label=_("— kies een periode —"))
    bedrag = Bedragveld(label=_("Bedrag (€)"), **POSITIEF)
    datum = Datumveld(label=_("Datum toezegging"))
    kenmerk = forms.CharField(label=_("Kenmerk (brief of besluit)"), max_length=100,
                              required=False)


class BestedingForm(forms.Form):
    post = forms.ModelChoiceField(label=_("Begrotingspost"),
                                  queryset=Begrotingspost.objects.filter(voor_cheques=False)
                                  .select_related("periode"),
                                  empty_label=_("— kies een begrotingspost —"))
    bedrag = Bedragveld(label=_("Bedrag (€)"), **POSITIEF)
    datum = Datumveld(label=_("Datum"))
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=200)


class PlafondVoorstelForm(forms.Form):
    bedrag = Bedragveld(label=_("Subsidieplafond (€)"), **NUL_OF_MEER)
    besluitdatum = Datumveld(label=_("Datum collegebesluit"))
    gepubliceerd_op = Datumveld(label=_("Bekendgemaakt op"), help_text=_(
        "Datum van publicatie in het Gemeenteblad (artikel 4:27 Awb)."))
    kenmerk = forms.CharField(label=_("Kenmerk besluit"), max_length=100, required=False)
    toelichting = forms.CharField(label=_("Toelichting"), max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class VoorstelIntrekkenForm(forms.Form):
    reden = forms.CharField(label=_("Reden van intrekken"), max_length=2000)


class OormerkregelForm(forms.Form):
    periode = forms.ModelChoiceField(label=_("Begrotingsperiode"),
                                     queryset=Begrotingsperiode.objects.all(),
                                     empty_label=_("— kies een periode —"))
    bron = forms.ModelChoiceField(label=_("Financieringsbron (publiek)"),
                                  queryset=Financieringsbron.objects.filter(publiek=True),
                                  empty_label=_("— kies een financieringsbron —"))
    volgorde = forms.IntegerField(label=_("Voorkeur (1 wordt eerst belast)"), min_value=1,
                                  max_value=99)
    arbeidssituatie = forms.ChoiceField(
        label=_("Alleen voor deelnemers die"), required=False,
        choices=[("", _("iedereen"))] + list(Arbeidssituatie.choices))
    route = forms.ChoiceField(label=_("Alleen voor route"), required=False,
                              choices=[("", _("elke route"))] + list(Route.choices))
    maximum = Bedragveld(label=_("Maximum (€)"), **NUL_OF_MEER, required=False,
                         help_text=_("Leeg: tot de toezegging van de bron in de periode."))
