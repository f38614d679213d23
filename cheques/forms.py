import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cheques.models import Afronding
from cheques.selectors import FILTERS
from cheques.services.levensloop import GRONDEN
from tfvv.formvelden import Bedragveld, Datumveld
from tfvv.termijnen import einde_termijn

BEDRAG = {"min_value": Decimal("0.01")}
PDF_MAX = 10 * 1024 * 1024


class WerkvoorraadFilter(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=list(FILTERS["status"].items()))
    toets = forms.ChoiceField(label=_("Subsidietoets"), required=False,
                              choices=list(FILTERS["toets"].items()))
    termijn = forms.ChoiceField(label=_("Beslistermijn"), required=False,
                                choices=list(FILTERS["termijn"].items()))


class AanvullingForm(forms.Form):
    omschrijving = forms.CharField(label=_("Wat ontbreekt er?"), widget=forms.Textarea(
        attrs={"rows": 3}), max_length=2000)
    hersteltermijn_tot = Datumveld(label=_("Hersteltermijn tot en met"), help_text=_(
        "Meestal twee weken (artikel 4:5 Awb)."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["hersteltermijn_tot"] = einde_termijn(
                timezone.localdate() + datetime.timedelta(days=14))


class TerugsturenForm(forms.Form):
    reden = forms.CharField(label=_("Wat moet de consulent aanpassen?"),
                            widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "terugsturen_%s")
        super().__init__(*args, **kwargs)


class ToekennenForm(forms.Form):
    bedrag = Bedragveld(label=_("Toe te kennen bedrag (€)"), **BEDRAG)
    motivering = forms.CharField(label=_("Motivering (artikel 3:47 Awb)"),
                                 widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)


class AfwijzenForm(forms.Form):
    """Only rules the toets found niet voldaan or handmatig can be chosen; each handmatig
    rule gets a field for the beoordelaar's written reason (`reden_<regel>`)."""

    regels = forms.MultipleChoiceField(label=_("Niet voldaan aan"), required=False,
                                       widget=forms.CheckboxSelectMultiple)
    motivering = forms.CharField(label=_("Motivering (artikel 3:47 Awb)"),
                                 widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)

    def __init__(self, *args, regels=(), handmatig=(), **kwargs):
        # own ids: the plan page also shows the toekennen form with a field "motivering"
        kwargs.setdefault("auto_id", "afwijzen_%s")
        super().__init__(*args, **kwargs)
        self.fields["regels"].choices = list(regels)
        for code in handmatig:
            self.fields[f"reden_{code}"] = forms.CharField(
                label=_("Waarom is niet voldaan aan %(regel)s?") % {"regel": code},
                required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Verplicht als u %(regel)s aanvinkt; deze zin komt in de brief.")
                % {"regel": code})

    def redenen(self) -> dict[str, str]:
        return {naam.removeprefix("reden_"): waarde for naam, waarde in self.cleaned_data.items()
                if naam.startswith("reden_")}


class BuitenBehandelingForm(forms.Form):
    motivering = forms.CharField(label=_("Aanvullende motivering (optioneel)"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "buiten_%s")  # next to the afwijzen form's motivering
        super().__init__(*args, **kwargs)


class VerwerpenForm(forms.Form):
    reden = forms.CharField(label=_("Waarom ondertekent u niet mee?"),
                            widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class VoorstelIntrekkenForm(forms.Form):
    reden = forms.CharField(label=_("Waarom trekt u uw voorstel in?"),
                            widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "intrekken_voorstel_%s")
        super().__init__(*args, **kwargs)


def pdf_bestand(bestand):
    """An uploaded proof: a PDF of at most 10 MB."""
    if bestand.size > PDF_MAX:
        raise forms.ValidationError(_("Het bestand is groter dan 10 MB."))
    kop = bestand.read(5)
    bestand.seek(0)
    if kop != b"%PDF-":
        raise forms.ValidationError(_("Upload een PDF-bestand."))
    return bestand


class DeclaratieGegevensForm(forms.Form):
    """The invoice's figures, registered or corrected (cheques.services.correcties)."""

    factuurnummer = forms.CharField(label=_("Factuurnummer"), max_length=50)
    factuurdatum = Datumveld(label=_("Factuurdatum"))
    bedrag = Bedragveld(label=_("Bedrag (€)"), **BEDRAG)


class DeclaratieCorrectieForm(DeclaratieGegevensForm):
    reden = forms.CharField(label=_("Reden van de correctie"), max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 2}), help_text=_(
                                "Bijvoorbeeld: tikfout in het factuurnummer. De oude "
                                "gegevens blijven bewaard in de geschiedenis."))


class DeclaratieForm(DeclaratieGegevensForm):
    bewijs = forms.FileField(label=_("Factuur of bewijs van start (PDF)"), help_text=_(
        "Een declaratie bij de start wordt als voorschot betaald. Maximaal 10 MB."))

    def clean_bewijs(self):
        return pdf_bestand(self.cleaned_data["bewijs"])


class AfrondingForm(forms.Form):
    soort = forms.ChoiceField(label=_("Bewijs van de opleider"), choices=Afronding.Soort.choices,
                              widget=forms.RadioSelect)
    aanwezigheid_procent = forms.IntegerField(
        label=_("Aanwezigheid (%)"), required=False, min_value=0, max_value=100,
        help_text=_("Alleen bij een presentieverklaring; vanaf 80 % geldt de scholing als "
                    "afgerond."))
    gestopt_op = Datumveld(label=_("Gestopt op"), required=False)
    reden_gestopt = forms.CharField(label=_("Reden van stoppen"), required=False,
                                    max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    bewijs = forms.FileField(label=_("Bewijs (PDF)"), help_text=_(
        "Diploma, certificaat, presentieverklaring of bericht van de opleider. Maximaal "
        "10 MB."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "afronding_%s")
        super().__init__(*args, **kwargs)

    def clean_bewijs(self):
        return pdf_bestand(self.cleaned_data["bewijs"])


class VaststellenForm(forms.Form):
    bedrag = Bedragveld(label=_("Vast te stellen bedrag (€)"), **BEDRAG)
    motivering = forms.CharField(
        label=_("Motivering (artikel 3:47 Awb)"), max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}), help_text=_(
            "Komt in de vaststellingsbeschikking aan de inwoner. Noem het bewijs van afronding "
            "en, bij een lager bedrag, waarom."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "vaststellen_%s")
        super().__init__(*args, **kwargs)


class BetaalbatchForm(forms.Form):
    betaaldatum = Datumveld(label=_("Betaaldatum"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["betaaldatum"] = timezone.localdate()


class GoedkeurenForm(forms.Form):
    code = forms.RegexField(
        label=_("Code uit uw authenticator-app"), regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Vul de zes cijfers uit uw authenticator-app in."),
                        "required": _("Vul de zes cijfers uit uw authenticator-app in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Met uw code bevestigt u dat u de batch heeft gecontroleerd."))


class AfwijzenBatchForm(forms.Form):
    reden = forms.CharField(label=_("Reden van afwijzing"), max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 2}))


class IntrekkenForm(forms.Form):
    grond = forms.ChoiceField(label=_("Grond (artikel 4:48 of 4:49 Awb)"),
                              choices=[(k, v[2]) for k, v in GRONDEN.items()],
                              widget=forms.RadioSelect)
    motivering = forms.CharField(label=_("Motivering (artikel 3:47 Awb)"), max_length=4000,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    terug_te_vorderen = Bedragveld(
        label=_("Terug te vorderen (€)"), required=False,
        min_value=Decimal("0"), help_text=_("Leeg: het volledige betaalde bedrag."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "intrekken_%s")
        super().__init__(*args, **kwargs)


class AanmaningForm(forms.Form):
    """No fields: the new deadline follows from the law (Awb 4:112)."""


class BetalingsregelingForm(forms.Form):
    aantal_termijnen = forms.IntegerField(label=_("Aantal maandelijkse termijnen"),
                                          min_value=2, max_value=24)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class OntvangstForm(forms.Form):
    bedrag = Bedragveld(label=_("Ontvangen bedrag (€)"), **BEDRAG)
    ontvangen_op = Datumveld(label=_("Ontvangen op"))


class OninbaarForm(forms.Form):
    toelichting = forms.CharField(label=_("Waarom is het bedrag oninbaar?"), max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class ControlerenForm(forms.Form):
    nummer = forms.RegexField(label=_("Chequenummer"), regex=r"(?i)^\s*TFV-\d{4}-\d{6}\s*$",
                              max_length=20, help_text=_("Bijvoorbeeld TFV-2026-000123"),
                              error_messages={"invalid": _(
                                  "Vul een chequenummer in zoals TFV-2026-000123.")})
    code = forms.CharField(label=_("Verificatiecode"), max_length=20,
                           help_text=_("Staat op de cheque, bijvoorbeeld ABCDE-FGH23"))

    def clean_nummer(self):
        return self.cleaned_data["nummer"].strip().upper()
