"""Finance records the realisation of one co-financing line, or asks to correct it
(cheques.services.cofinanciering)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from cheques.forms import pdf_bestand
from cheques.models import Cofinancieringsrealisatie
from tfvv.forms import VerseCodeForm
from tfvv.formvelden import Bedragveld, Datumveld


class BetalingForm(forms.Form):
    bedrag = Bedragveld(label=_("Gerealiseerd bedrag (€)"), min_value=Decimal("0"),
                        help_text=_("€ 0,00 als de partij niets heeft betaald."))
    betaald_aan = forms.ChoiceField(label=_("Betaald aan"), widget=forms.RadioSelect,
                                    choices=Cofinancieringsrealisatie.BetaaldAan.choices)
    datum = Datumveld(label=_("Datum van de betaling"), help_text=_(
        "Bij niet betaald: de datum waarop u dat heeft vastgesteld."))
    bewijs = forms.FileField(label=_("Bewijs (PDF)"), required=False, help_text=_(
        "Verplicht bij een bedrag boven € 0,00: bankafschrift, factuur van de opleider met "
        "de betaling of verklaring van de partij. Maximaal 10 MB."))
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}), help_text=_(
                                      "Verplicht als er minder is betaald dan toegezegd."))

    def clean_bewijs(self):
        bestand = self.cleaned_data.get("bewijs")
        return pdf_bestand(bestand) if bestand else None


class RealisatieForm(BetalingForm):
    regel = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, regel_id=None, **kwargs):
        # one form per line on the page: ids unique per line
        kwargs.setdefault("auto_id", f"regel{regel_id}_%s" if regel_id else "id_%s")
        super().__init__(*args, **kwargs)
        if regel_id and not self.is_bound:
            self.initial["regel"] = regel_id


class CorrectieForm(BetalingForm, VerseCodeForm):
    reden = forms.CharField(label=_("Reden van de correctie"), max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 3}), help_text=_(
                                "Wat klopt er niet aan de vastlegging, en waaruit blijkt dat?"),
                            error_messages={"required": _(
                                "Schrijf op waarom de vastlegging niet klopt.")})
    field_order = ["bedrag", "betaald_aan", "datum", "bewijs", "toelichting", "reden", "code"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bewijs"].help_text = _(
            "Verplicht als het bedrag verandert. Blijft het bedrag gelijk en voegt u niets toe, "
            "dan blijft het huidige bewijs gelden. Maximaal 10 MB.")
