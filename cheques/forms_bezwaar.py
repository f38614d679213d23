"""Forms of the bezwaar register: the resident's digital bezwaar, staff registering one
received by post, the beslistermijn, the beslissing op bezwaar and the beroep."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cheques.forms import Datumveld
from cheques.models import Bezwaar
from tfvv.formvelden import Bedragveld


class BezwaarIndienenForm(forms.Form):
    gronden = forms.CharField(
        label=_("Waarom bent u het niet eens met dit besluit?"), max_length=8000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Schrijf in uw eigen woorden wat er volgens u niet klopt. U mag ook "
                    "later nog stukken nasturen."),
        error_messages={"required": _("Schrijf op waarom u het niet eens bent met het "
                                      "besluit.")})


class BezwaarRegistrerenForm(forms.Form):
    """A bezwaar received by post: found by the aanvraag's reference and the decision's date
    (both on every letter, under "Ons kenmerk" and "Datum")."""

    referentie = forms.CharField(label=_("Kenmerk van de aanvraag"), max_length=20,
                                 help_text=_("Bijvoorbeeld TF-2026-000123."))
    besluitdatum = Datumveld(label=_("Datum van het besluit"))
    ontvangen_op = Datumveld(label=_("Ontvangen op"))
    poststempel_op = Datumveld(label=_("Datum poststempel (als het bezwaar laat binnenkwam)"),
                               required=False)
    gronden = forms.CharField(label=_("Gronden van het bezwaar (samenvatting)"),
                              max_length=8000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "registreren_%s")
        super().__init__(*args, **kwargs)

    def clean_referentie(self):
        return self.cleaned_data["referentie"].strip().upper()


class BeslistermijnForm(forms.Form):
    adviescommissie = forms.BooleanField(
        label=_("De bezwaaradviescommissie wordt gehoord (12 weken, artikel 7:13 Awb)"),
        required=False)
    verdaagd = forms.BooleanField(
        label=_("Beslissing verdagen met 6 weken (artikel 7:10, derde lid, Awb)"),
        required=False,
        help_text=_("Eén keer, zolang de termijn loopt. De bezwaarmaker krijgt hierover een "
                    "brief; een verdaging kan niet worden teruggedraaid."))
    reden_verdaging = forms.CharField(
        label=_("Reden van de verdaging (staat in de brief)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "termijn_%s")
        super().__init__(*args, **kwargs)


class BeslissenOpBezwaarForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=Bezwaar.Uitkomst.choices,
                                 widget=forms.RadioSelect)
    motivering = forms.CharField(label=_("Motivering (artikel 7:12 Awb)"), max_length=8000,
                                 widget=forms.Textarea(attrs={"rows": 5}))
    nieuw_besluit = forms.CharField(
        label=_("Nieuw besluit (alleen bij gegrond)"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat komt in de plaats van het herroepen besluit, bijvoorbeeld: "
                    "'De aanvraag wordt toegekend tot een bedrag van € 1.500,00.'"))
    bedrag = Bedragveld(
        label=_("Bedrag (bij gegrond tegen een afwijzing of een vaststelling)"), required=False,
        help_text=_("Tegen een afwijzing: het bedrag dat alsnog wordt toegekend. Tegen een "
                    "vaststelling: het nieuwe, hogere vastgestelde bedrag. Het nieuwe besluit "
                    "wordt meteen uitgevoerd: cheque, reservering en betaling."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "beslissen_%s")
        super().__init__(*args, **kwargs)


class BeroepForm(forms.Form):
    ingesteld_op = Datumveld(label=_("Beroep ingesteld op"), required=False)
    uitspraak_op = Datumveld(label=_("Uitspraak op"), required=False)
    beroep_uitkomst = forms.ChoiceField(label=_("Uitspraak"), required=False,
                                        choices=[("", "—"), *Bezwaar.Uitkomst.choices])

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "beroep_%s")
        super().__init__(*args, **kwargs)
