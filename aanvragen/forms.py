"""Forms of the aanmelding and the resident portal. Every message in plain Dutch."""

import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from aanvragen import adres, bestanden
from aanvragen.invoer import normaliseer_email, normaliseer_telefoon
from aanvragen.models import (
    Arbeidssituatie,
    Bron,
    Document,
    Opleidingsniveau,
    VoorkeurLoket,
)
from tfvv.tekst import valideer_korte_tekst, valideer_naam, valideer_vrije_tekst

MINIMUMLEEFTIJD = 18
DATUMFORMATEN = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d %m %Y", "%Y-%m-%d"]


def leeftijd_op(geboortedatum: datetime.date, dag: datetime.date) -> int:
    return dag.year - geboortedatum.year - (
        (dag.month, dag.day) < (geboortedatum.month, geboortedatum.day))


class TelefoonVeld(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=20, label=_("Telefoonnummer"),
            help_text=_("Bijvoorbeeld 06 12345678 of 053 1234567."),
            widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            **kwargs)

    def clean(self, value):
        value = super().clean(value)
        nummer = normaliseer_telefoon(value)
        if nummer is None:
            raise forms.ValidationError(
                _("Vul een telefoonnummer in van 10 cijfers, zoals 06 12345678."),
                code="telefoon")
        return nummer


class EmailVeld(forms.EmailField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("E-mailadres"))
        super().__init__(
            max_length=254,
            error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
                            "required": _("Vul uw e-mailadres in.")},
            widget=forms.EmailInput(attrs={"autocomplete": "email"}), **kwargs)

    def clean(self, value):
        return normaliseer_email(super().clean(value))


def verplicht(tekst):
    return {"required": tekst}


class AanmeldForm(forms.Form):
    # names and short answers reach the fund's mails and PDFs: see tfvv.tekst
    voornaam = forms.CharField(label=_("Voornaam"), max_length=100,
                               validators=[valideer_naam],
                               error_messages=verplicht(_("Vul uw voornaam in.")),
                               widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    achternaam = forms.CharField(
        label=_("Achternaam"), max_length=150, help_text=_("Met tussenvoegsel, zoals 'de Vries'."),
        validators=[valideer_naam],
        error_messages=verplicht(_("Vul uw achternaam in.")),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}))
    geboortedatum = forms.DateField(
        label=_("Geboortedatum"), input_formats=DATUMFORMATEN,
        help_text=_("Dag-maand-jaar, bijvoorbeeld 15-03-1985."),
        error_messages={"required": _("Vul uw geboortedatum in."),
                        "invalid": _("Vul uw geboortedatum in als dag-maand-jaar, "
                                     "bijvoorbeeld 15-03-1985.")},
        widget=forms.DateInput(format="%d-%m-%Y", attrs={"autocomplete": "bday"}))
    email = EmailVeld()
    telefoon = TelefoonVeld(error_messages=verplicht(_("Vul uw telefoonnummer in.")))
    postcode = forms.CharField(
        label=_("Postcode"), max_length=10, help_text=_("Bijvoorbeeld 7511 AB."),
        error_messages=verplicht(_("Vul uw postcode in.")),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}))
    huisnummer = forms.IntegerField(
        label=_("Huisnummer"), min_value=1, max_value=99999,
        error_messages={"required": _("Vul uw huisnummer in."),
                        "invalid": _("Vul alleen het nummer in, zoals 12."),
                        "min_value": _("Vul een huisnummer in vanaf 1."),
                        "max_value": _("Dit huisnummer is te hoog.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    toevoeging = forms.RegexField(
        label=_("Toevoeging (als u die heeft)"), required=False, max_length=10,
        regex=r"^[A-Za-z0-9][A-Za-z0-9 \-]{0,9}$",
        help_text=_("Bijvoorbeeld A of 2-hoog."),
        error_messages={"invalid": _("Gebruik alleen letters en cijfers, zoals A of 2.")})
    straat = forms.CharField(
        label=_("Straat"), max_length=150,
        error_messages=verplicht(_("Vul de straat in waar u woont.")),
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}))
    woonplaats = forms.CharField(
        label=_("Woonplaats"), max_length=80,
        error_messages=verplicht(_("Vul uw woonplaats in.")),
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}))
    besluiten_elektronisch = forms.TypedChoiceField(
        label=_("Hoe wilt u onze besluiten ontvangen?"),
        choices=[("ja", _("Digitaal: per e-mail en in 'Mijn aanvraag'")),
                 ("nee", _("Per post, op papier"))],
        coerce=lambda waarde: waarde == "ja", widget=forms.RadioSelect,
        help_text=_("Digitaal is sneller. U kunt een bezwaar altijd ook digitaal indienen in "
                    "'Mijn aanvraag' (artikel 2:14 Algemene wet bestuursrecht)."),
        error_messages=verplicht(_("Kies hoe u onze besluiten wilt ontvangen.")))
    opleidingsniveau = forms.ChoiceField(
        label=_("Wat is de hoogste opleiding die u heeft afgemaakt?"),
        choices=[("", _("Kies uw opleiding")), *Opleidingsniveau.choices],
        error_messages=verplicht(_("Kies de hoogste opleiding die u heeft afgemaakt.")))
    arbeidssituatie = forms.ChoiceField(
        label=_("Wat past het best bij u?"), choices=Arbeidssituatie.choices,
        widget=forms.RadioSelect,
        error_messages=verplicht(_("Kies wat het best bij u past.")))
    huidig_beroep = forms.CharField(label=_("Wat is uw beroep (of uw laatste beroep)?"),
                                    max_length=150, required=False,
                                    validators=[valideer_korte_tekst])
    huidige_sector = forms.CharField(label=_("In welke sector werkt of werkte u?"),
                                     help_text=_("Bijvoorbeeld zorg, bouw, techniek of horeca."),
                                     max_length=100, required=False,
                                     validators=[valideer_korte_tekst])
    scholingswens = forms.CharField(
        label=_("Wat wilt u leren, of welk werk wilt u gaan doen?"), max_length=2000,
        validators=[valideer_vrije_tekst],
        help_text=_("In uw eigen woorden. Weet u het nog niet precies? Schrijf dat dan op."),
        error_messages=verplicht(_("Schrijf kort op wat u wilt leren of gaan doen.")),
        widget=forms.Textarea(attrs={"rows": 4}))
    voorkeur_loket = forms.ChoiceField(
        label=_("Bij welk loket wilt u een gesprek?"), choices=VoorkeurLoket.choices,
        initial=VoorkeurLoket.GEEN, widget=forms.RadioSelect,
        error_messages=verplicht(_("Kies een loket of 'geen voorkeur'.")))
    voorkeur_locatie = forms.CharField(
        label=_("In welke plaats wilt u het gesprek het liefst?"), max_length=64, required=False,
        validators=[valideer_korte_tekst],
        help_text=_("Bijvoorbeeld Enschede, Hengelo of Almelo. Mag leeg blijven."))
    bron = forms.ChoiceField(
        label=_("Hoe heeft u van het fonds gehoord?"),
        choices=[("", _("Kies een antwoord")), *Bron.choices],
        error_messages=verplicht(_("Kies hoe u van het fonds heeft gehoord.")))
    privacy_akkoord = forms.BooleanField(
        label=_("Ik heb de privacyverklaring gelezen en ga ermee akkoord."),
        error_messages=verplicht(_("U kunt zich alleen aanmelden als u akkoord gaat met de "
                                   "privacyverklaring.")))
    # not pre-ticked and not required: the fund may ask only with a free choice (AVG art. 7)
    toestemming_vervolgvragen = forms.BooleanField(
        label=_("U mag mij na de opleiding een paar korte vragen sturen over werk en opleiding."),
        required=False,
        help_text=_("Zo weten wij of de opleiding u verder helpt. U kunt altijd weer stoppen. "
                    "Uw antwoord heeft geen gevolgen voor uw aanvraag."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.postcodeoordeel = None
        self.fields["privacy_akkoord"].help_text = format_html(
            '<a href="{}">{}</a>', reverse("tfvv:privacy"), _("Lees de privacyverklaring"))

    def clean_geboortedatum(self):
        geboortedatum = self.cleaned_data["geboortedatum"]
        vandaag = timezone.localdate()
        if geboortedatum > vandaag or geboortedatum.year < 1900:
            raise forms.ValidationError(_("Controleer uw geboortedatum."), code="datum")
        if leeftijd_op(geboortedatum, vandaag) < MINIMUMLEEFTIJD:
            raise forms.ValidationError(
                _("Het fonds is er voor inwoners van 18 jaar en ouder. U kunt zich aanmelden "
                  "vanaf uw 18e verjaardag. Voor vragen over leren en werken kunt u nu al "
                  "terecht bij uw school of het Leerwerkloket."), code="leeftijd")
        return geboortedatum

    def clean_postcode(self):
        self.postcodeoordeel = adres.beoordeel_postcode(self.cleaned_data["postcode"])
        if self.postcodeoordeel.fout:
            raise forms.ValidationError(self.postcodeoordeel.fout, code="postcode")
        return self.postcodeoordeel.postcode

    def clean_toevoeging(self):
        return self.cleaned_data["toevoeging"].strip().upper()


class InloglinkForm(forms.Form):
    email = EmailVeld(label=_("Uw e-mailadres"))


class ContactgegevensForm(forms.Form):
    email = EmailVeld()
    telefoon = TelefoonVeld(error_messages=verplicht(_("Vul uw telefoonnummer in.")))


class DocumentForm(forms.Form):
    soort = forms.ChoiceField(label=_("Wat voor document is het?"),
                              choices=[("", _("Kies een soort")), *Document.Soort.choices],
                              error_messages=verplicht(_("Kies wat voor document het is.")))
    bestand = forms.FileField(
        label=_("Bestand"), max_length=200,
        help_text=_("PDF, JPG of PNG, maximaal 10 MB."),
        error_messages={"required": _("Kies een bestand."),
                        "empty": _("Het bestand is leeg."),
                        "invalid": _("Er is geen bestand ontvangen. Probeer het opnieuw."),
                        "max_length": _("De bestandsnaam is te lang. Geef het bestand een "
                                        "kortere naam.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        try:
            self.mime = bestanden.controleer(bestand)
        except bestanden.OngeldigBestand as fout:
            raise forms.ValidationError(str(fout), code="bestand") from fout
        return bestand


class DocumentVerwijderenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom moet het document weg?"), max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: verkeerd bestand gekozen. Wij bewaren de naam van het "
                    "bestand en deze reden, niet de inhoud."),
        error_messages=verplicht(_("Vul in waarom het document weg moet.")))


class IntrekkenForm(forms.Form):
    bevestig = forms.BooleanField(
        label=_("Ja, ik wil mijn aanvraag intrekken."),
        error_messages=verplicht(_("Vink het vakje aan als u uw aanvraag echt wilt intrekken.")))


class WijzigingForm(forms.Form):
    """After the grant: ask to change the opleiding, the dates or the amount."""

    opleiding_naam = forms.CharField(label=_("Andere opleiding (naam)"), max_length=200,
                                     required=False)
    startdatum = forms.DateField(
        label=_("Nieuwe startdatum"), required=False, input_formats=DATUMFORMATEN,
        help_text=_("Dag-maand-jaar, bijvoorbeeld 01-09-2026."),
        error_messages={"invalid": _("Vul de datum in als dag-maand-jaar, bijvoorbeeld "
                                     "01-09-2026.")})
    einddatum = forms.DateField(
        label=_("Nieuwe einddatum"), required=False, input_formats=DATUMFORMATEN,
        error_messages={"invalid": _("Vul de datum in als dag-maand-jaar, bijvoorbeeld "
                                     "01-09-2026.")})
    bedrag = forms.CharField(label=_("Nieuw bedrag (€)"), required=False, max_length=20,
                             help_text=_("Bijvoorbeeld 1.750,00."))
    toelichting = forms.CharField(
        label=_("Waarom wilt u dit veranderen?"), max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf kort op waarom u iets wilt veranderen.")})

    def clean_bedrag(self):
        """People type "1750,50", "1.750,50" or "1750.50"."""
        invoer = self.cleaned_data["bedrag"].strip().replace("€", "").replace(" ", "")
        if not invoer:
            return None
        if "," in invoer:
            invoer = invoer.replace(".", "").replace(",", ".")
        try:
            bedrag = Decimal(invoer).quantize(Decimal("0.01"))
        except InvalidOperation:
            bedrag = None
        if bedrag is None or not bedrag.is_finite() or bedrag <= 0 or bedrag >= 10**7:
            raise forms.ValidationError(_("Vul een bedrag in zoals 1.750,00."))
        return bedrag

    def clean(self):
        data = super().clean()
        if not any(data.get(v) for v in ("opleiding_naam", "startdatum", "einddatum",
                                          "bedrag")):
            raise forms.ValidationError(_("Vul in wat u wilt veranderen: de opleiding, de "
                                          "data of het bedrag."))
        if (data.get("startdatum") and data.get("einddatum")
                and data["einddatum"] < data["startdatum"]):
            self.add_error("einddatum", _("De einddatum ligt vóór de startdatum."))
        return data
