"""Forms of the consulent's workspace (Dutch labels) and the queue filter (django-filter)."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag, Postcodecontrole
from loopbaangesprekken.models import Gesprek
from loopbaangesprekken.permissions import mag_uitkomst_kiezen
from loopbaangesprekken.workflow_gesprek import UITKOMST_TRANSITIE
from tfvv.formvelden import Datumveld
from tfvv.models import Gemeente
from tfvv.termijnen import is_werkdag

WACHTTIJD = [("7", _("langer dan 1 week")), ("14", _("langer dan 2 weken")),
             ("28", _("langer dan 4 weken"))]


class WerkvoorraadFilter(django_filters.FilterSet):
    zoek = django_filters.CharFilter(label=_("Zoeken op naam, referentie of postcode"),
                                     method="filter_zoek")
    status = django_filters.ChoiceFilter(
        label=_("Status"), empty_label=_("alle statussen"),
        choices=[(s.value, s.label) for s in Aanvraag.OPEN_STATUSSEN],
    )
    gemeente = django_filters.ModelChoiceFilter(
        label=_("Gemeente"), empty_label=_("alle gemeenten"), queryset=Gemeente.objects.all())
    # Residents type their preferred place freely: matched as text, since a list of every
    # distinct spelling would be long and costs a scan of all cases of the loket.
    locatie = django_filters.CharFilter(
        label=_("Voorkeurslocatie bevat"), field_name="voorkeur_locatie",
        lookup_expr="icontains")
    wachttijd = django_filters.ChoiceFilter(label=_("Wachttijd"), empty_label=_("elke wachttijd"),
                                            choices=WACHTTIJD, method="filter_wachttijd")
    adrescontrole = django_filters.BooleanFilter(
        label=_("Alleen adres controleren"), method="filter_adrescontrole",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Aanvraag
        fields = []

    def filter_zoek(self, queryset, name, value):
        woorden = value.split()
        if not woorden:
            return queryset
        postcode = value.replace(" ", "").upper()
        voorwaarde = Q(referentie__icontains=value.strip()) | Q(postcode__startswith=postcode)
        naam = Q()
        for woord in woorden:
            naam &= Q(voornaam__icontains=woord) | Q(achternaam__icontains=woord)
        return queryset.filter(voorwaarde | naam)

    def filter_wachttijd(self, queryset, name, value):
        grens = timezone.now() - datetime.timedelta(days=int(value))
        return queryset.filter(ontvangen_op__lt=grens)

    def filter_adrescontrole(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(postcodecontrole=Postcodecontrole.TE_CONTROLEREN)


class DatumTijdVelden(forms.Form):
    """A date and a time field (native pickers, usable without JavaScript)."""

    datum = Datumveld(label=_("Datum"))
    tijd = forms.TimeField(label=_("Tijd"), widget=forms.TimeInput(attrs={"type": "time"},
                                                                   format="%H:%M"))

    def moment(self):
        naief = datetime.datetime.combine(self.cleaned_data["datum"], self.cleaned_data["tijd"])
        return timezone.make_aware(naief)


class VormEnLocatieVelden(forms.Form):
    """How the gesprek is held; a place is required for a gesprek op locatie."""

    vorm = forms.ChoiceField(label=_("Vorm van het gesprek"), choices=Gesprek.Vorm.choices,
                             widget=forms.RadioSelect)
    locatie = forms.ChoiceField(
        label=_("Locatie"), required=False,
        choices=[("", _("kies een locatie")), *Gesprek.Locatie.choices],
        help_text=_("Alleen bij een gesprek op locatie."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("vorm") == Gesprek.Vorm.OP_LOCATIE and not cleaned.get("locatie"):
            self.add_error("locatie", _("Kies de locatie van het gesprek."))
        return cleaned


# A gesprek is planned on a working day within office hours, at most half a year ahead.
PLANNEN_UITERLIJK = datetime.timedelta(days=183)
KANTOORTIJD = (datetime.time(8, 0), datetime.time(18, 0))


class GesprekPlanForm(VormEnLocatieVelden, DatumTijdVelden):
    field_order = ["datum", "tijd", "vorm", "locatie"]

    def clean(self):
        cleaned = super().clean()
        datum, tijd = cleaned.get("datum"), cleaned.get("tijd")
        if not (datum and tijd):
            return cleaned
        uiterlijk = timezone.localdate() + PLANNEN_UITERLIJK
        if self.moment() <= timezone.now():
            self.add_error("datum", _("Kies een datum en tijd in de toekomst."))
        elif datum > uiterlijk:
            self.add_error("datum", _("Plan een gesprek hooguit een half jaar vooruit (uiterlijk "
                                      "%(datum)s).") % {"datum": f"{uiterlijk:%d-%m-%Y}"})
        elif not is_werkdag(datum):
            self.add_error("datum", _("Dit is een zaterdag, zondag of feestdag. Kies een "
                                      "werkdag."))
        if not KANTOORTIJD[0] <= tijd <= KANTOORTIJD[1]:
            self.add_error("tijd", _("Kies een tijd tussen 08:00 en 18:00 uur."))
        return cleaned


class GesprekVerplaatsForm(GesprekPlanForm):
    reden = forms.CharField(label=_("Reden van het verplaatsen"), max_length=500,
                            widget=forms.Textarea(attrs={"rows": 2}))


class GesprekAnnuleerForm(forms.Form):
    reden = forms.CharField(label=_("Reden van het annuleren"), max_length=500,
                            widget=forms.Textarea(attrs={"rows": 2}))


class NietVerschenenForm(forms.Form):
    toelichting = forms.CharField(label=_("Toelichting (optioneel)"), max_length=500,
                                  required=False, widget=forms.Textarea(attrs={"rows": 2}))


class NietVerschenenHerstellenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom herstelt u de registratie?"), max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: verkeerd gesprek aangeklikt. Het gesprek staat daarna weer "
                    "gepland; leg het vast als gevoerd of verplaats het."))


class VerslagCorrigerenForm(forms.Form):
    verslag = forms.CharField(
        label=_("Verslag"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Alleen zichtbaar voor medewerkers. De vorige tekst blijft bewaard als "
                    "eerdere versie."))
    reden = forms.CharField(label=_("Reden van de correctie"), max_length=500,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, huidig: str, **kwargs):
        self.huidig = huidig
        super().__init__(*args, **kwargs)

    def clean_verslag(self):
        verslag = self.cleaned_data["verslag"]
        if verslag.strip() == self.huidig.strip():
            raise forms.ValidationError(_("Het verslag is niet gewijzigd."))
        return verslag


class GesprekVastleggenForm(DatumTijdVelden):
    duur_minuten = forms.IntegerField(label=_("Duur (minuten)"), min_value=5, max_value=480)
    onderwerpen = forms.MultipleChoiceField(label=_("Besproken onderwerpen"),
                                            choices=Gesprek.Onderwerp.choices,
                                            widget=forms.CheckboxSelectMultiple)
    verslag = forms.CharField(
        label=_("Verslag"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Alleen zichtbaar voor medewerkers, nooit voor de inwoner."),
    )
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=Gesprek.Uitkomst.choices,
                                 widget=forms.RadioSelect)
    doorverwezen_naar = forms.ChoiceField(
        label=_("Doorverwezen naar"), required=False,
        choices=[("", _("kies een organisatie")), *Gesprek.Doorverwijzing.choices],
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht bij doorverwijzing naar 'anders' (naar wie) en bij geen vervolg "
                    "(de reden)."),
    )

    def __init__(self, *args, aanvraag: Aanvraag, **kwargs):
        super().__init__(*args, **kwargs)
        self.aanvraag = aanvraag
        self.fields["uitkomst"].choices = [
            (waarde, label) for waarde, label in Gesprek.Uitkomst.choices
            if mag_uitkomst_kiezen(aanvraag, UITKOMST_TRANSITIE[waarde])
        ]

    def clean(self):
        cleaned = super().clean()
        uitkomst = cleaned.get("uitkomst")
        naar = cleaned.get("doorverwezen_naar")
        toelichting = (cleaned.get("toelichting") or "").strip()
        if uitkomst == Gesprek.Uitkomst.DOORVERWIJZING:
            if not naar:
                self.add_error("doorverwezen_naar", _("Kies naar wie u doorverwijst."))
            elif naar == Gesprek.Doorverwijzing.ANDERS and not toelichting:
                self.add_error("toelichting", _("Vul in naar welke organisatie u doorverwijst."))
        if uitkomst == Gesprek.Uitkomst.GEEN_VERVOLG and not toelichting:
            self.add_error("toelichting", _("Vul de reden in waarom er geen vervolg is."))
        if cleaned.get("datum") and cleaned.get("tijd") and self.moment() > timezone.now():
            self.add_error("datum", _("Een gesprek dat in de toekomst ligt, kunt u nog niet "
                                      "vastleggen."))
        return cleaned


class GesprekRegistrerenForm(VormEnLocatieVelden, GesprekVastleggenForm):
    """A gesprek held without an appointment: its form and place, then the log fields."""

    field_order = ["vorm", "locatie", "datum", "tijd"]


class ToewijzenForm(forms.Form):
    consulent = forms.ModelChoiceField(label=_("Toewijzen aan"), queryset=None,
                                       empty_label=_("kies een consulent"))

    def __init__(self, *args, collegas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consulent"].queryset = collegas


class MeerdereToewijzenForm(forms.Form):
    """The manager's batch assignment in the queue: the ticked cases and one consulent."""

    aanvragen = forms.ModelMultipleChoiceField(
        label=_("Aanvragen"), queryset=None,
        error_messages={"required": _("Vink minstens één aanvraag aan."),
                        "invalid_choice": _("Een aangevinkte aanvraag is niet (meer) open."),
                        "invalid_pk_value": _("Een aangevinkte aanvraag bestaat niet.")})
    consulent = forms.ModelChoiceField(
        label=_("Toewijzen aan"), queryset=None, empty_label=_("kies een consulent"),
        error_messages={"required": _("Kies de consulent aan wie u de aanvragen toewijst."),
                        "invalid_choice": _("Kies een consulent uit de lijst.")})

    def __init__(self, *args, aanvragen, collegas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanvragen"].queryset = aanvragen
        self.fields["consulent"].queryset = collegas
        self.fields["consulent"].label_from_instance = (
            lambda u: f"{u.get_full_name() or u.username} ({u.get_organisatie_display()})")


class OverdragenForm(forms.Form):
    reden = forms.CharField(label=_("Reden van de overdracht"), max_length=1000,
                            widget=forms.Textarea(attrs={"rows": 3}))


class AdrescontroleForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label=_("Uitkomst van de adrescontrole"), widget=forms.RadioSelect,
        choices=[(Postcodecontrole.BEVESTIGD.value, _("Het adres ligt in Twente")),
                 (Postcodecontrole.AFGEKEURD.value,
                  _("Het adres ligt niet in Twente (de aanvraag wordt afgesloten)"))],
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld hoe u het adres heeft gecontroleerd."),
    )
