"""Forms of the opleider's declaraties: one declaratie, a bulk file, a message."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cheques.declaratieregels import Gegevens, vraagt_factuur
from cheques.forms import BEDRAG, pdf_bestand
from cheques.models import Declaratieindiening
from cheques.services.opleiderdeclaraties import MAX_BERICHT
from tfvv.formvelden import Bedragveld, Datumveld

S = Declaratieindiening.Bewijssoort
FACTUURVELDEN = ("factuurnummer", "factuurdatum", "bedrag", "factuur")


class DeclarerenForm(forms.Form):
    """The invoice (not after a voorschot: that invoice is known) and the proof."""

    factuurnummer = forms.CharField(label=_("Factuurnummer"), max_length=50)
    factuurdatum = Datumveld(label=_("Factuurdatum"))
    bedrag = Bedragveld(label=_("Bedrag (€)"), **BEDRAG,
                        help_text=_("Ten hoogste het bedrag van de cheque."))
    factuur = forms.FileField(label=_("Factuur (PDF)"), help_text=_("Maximaal 10 MB."))
    bewijssoort = forms.ChoiceField(
        label=_("Bewijs"), choices=S.choices, widget=forms.RadioSelect, help_text=_(
            "Bij de start: een bewijs van start (de gemeente betaalt dan een voorschot). Na "
            "afloop: diploma, certificaat, presentieverklaring of de melding dat de deelnemer "
            "is gestopt."))
    aanwezigheid_procent = forms.IntegerField(
        label=_("Aanwezigheid (%)"), required=False, min_value=0, max_value=100,
        help_text=_("Alleen bij een presentieverklaring; vanaf 80 % geldt de scholing als "
                    "afgerond."))
    gestopt_op = Datumveld(label=_("Gestopt op"), required=False,
                           help_text=_("Alleen als de deelnemer is gestopt."))
    reden_gestopt = forms.CharField(label=_("Reden van stoppen"), required=False,
                                    max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    bewijs = forms.FileField(label=_("Bewijs (PDF)"), help_text=_(
        "Bewijs van start, diploma, certificaat, presentieverklaring of uw melding van "
        "stoppen. Maximaal 10 MB."))

    def __init__(self, *args, cheque, **kwargs):
        super().__init__(*args, **kwargs)
        if not vraagt_factuur(cheque):
            for naam in FACTUURVELDEN:
                del self.fields[naam]
            self.fields["bewijssoort"].choices = [(k, v) for k, v in S.choices if k != S.START]

    def clean_factuur(self):
        return pdf_bestand(self.cleaned_data["factuur"])

    def clean_bewijs(self):
        return pdf_bestand(self.cleaned_data["bewijs"])

    def gegevens(self) -> Gegevens:
        d = self.cleaned_data
        return Gegevens(factuurnummer=d.get("factuurnummer", ""),
                        factuurdatum=d.get("factuurdatum"), bedrag=d.get("bedrag"),
                        bewijssoort=d["bewijssoort"],
                        aanwezigheid_procent=d.get("aanwezigheid_procent"),
                        gestopt_op=d.get("gestopt_op"), reden_gestopt=d.get("reden_gestopt", ""))


class BulkForm(forms.Form):
    regels = forms.FileField(label=_("Declaraties (CSV)"), help_text=_(
        "Eén regel per declaratie, volgens het sjabloon. Puntkomma of komma als "
        "scheidingsteken."))
    pdfs = forms.FileField(label=_("Facturen en bewijzen (zip met PDF-bestanden)"), help_text=_(
        "De bestandsnamen in de kolommen factuur_pdf en bewijs_pdf van de CSV."))


class BerichtForm(forms.Form):
    tekst = forms.CharField(label=_("Uw bericht"), max_length=MAX_BERICHT,
                            widget=forms.Textarea(attrs={"rows": 3}))
