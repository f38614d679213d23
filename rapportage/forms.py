import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rapportage.selectors import PROGRAMMA_VAN, Filters
from rapportage.uitsplitsingen import GROEP_TITELS, STANDAARD
from tfvv.formvelden import Datumveld
from tfvv.models import Gemeente
from tfvv.roles import LOKETTEN

KWARTALEN = [("", _("heel jaar")), ("1", "1e kwartaal"), ("2", "2e kwartaal"),
             ("3", "3e kwartaal"), ("4", "4e kwartaal")]


def _jaren():
    return [(j, str(j)) for j in range(2019, timezone.localdate().year + 2)]


class DashboardFilterForm(forms.Form):
    """Period (year, quarter or custom range), gemeente and loket. The summary tables
    hold whole months, so a custom range counts the months it touches."""

    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int, required=False, choices=())
    kwartaal = forms.TypedChoiceField(label=_("Kwartaal"), coerce=int, required=False,
                                      empty_value=None, choices=KWARTALEN)
    van = Datumveld(label=_("Of vanaf (datum)"), required=False)
    tot = Datumveld(label=_("Tot en met (datum)"), required=False)
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), required=False,
                                      queryset=Gemeente.objects.all(),
                                      empty_label=_("alle gemeenten"))
    loket = forms.ChoiceField(label=_("Loket"), required=False,
                              choices=[("", _("beide loketten"))] + [(o.value, o.label)
                                                                     for o in LOKETTEN])
    uitsplitsing = forms.ChoiceField(
        label=_("Uitkomsten per groep"), required=False,
        choices=[(k, v[0].upper() + v[1:]) for k, v in GROEP_TITELS.items()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [("", _("kies een jaar"))] + _jaren()
        for naam, veld in self.fields.items():
            klasse = "form-select" if isinstance(veld, forms.ChoiceField) else "form-control"
            veld.widget.attrs["class"] = klasse + (" is-invalid" if naam in self.errors else "")
            if naam in self.errors:
                veld.widget.attrs["aria-invalid"] = "true"
                veld.widget.attrs["aria-describedby"] = f"fout-{naam}"

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if bool(van) != bool(tot) and not self.has_error("van") and not self.has_error("tot"):
            self.add_error("tot" if van else "van",
                           _("Vul voor een eigen periode zowel de begin- als de einddatum in."))
        elif van and tot and van > tot:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        if data.get("kwartaal") and not data.get("jaar"):
            self.add_error("kwartaal", _("Kies ook een jaar bij een kwartaal."))
        return data

    def filters(self) -> Filters:
        """The chosen filters; without (valid) input: the current calendar year."""
        vandaag = timezone.localdate()
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        gemeente = data.get("gemeente")
        extra = {"gemeente_id": gemeente.pk if gemeente else None, "loket": data.get("loket", ""),
                 "uitsplitsing": data.get("uitsplitsing") or STANDAARD}
        if data.get("van") and data.get("tot"):
            return Filters(van=data["van"], tot=data["tot"], **extra)
        jaar = data.get("jaar") or vandaag.year
        if data.get("kwartaal"):
            k = data["kwartaal"]
            van = datetime.date(jaar, 3 * k - 2, 1)
            tot = (datetime.date(jaar + (k == 4), 1 if k == 4 else 3 * k + 1, 1)
                   - datetime.timedelta(days=1))
            return Filters(van=van, tot=tot, **extra)
        return Filters(van=datetime.date(jaar, 1, 1), tot=datetime.date(jaar, 12, 31), **extra)


class RapportageForm(forms.Form):
    van = Datumveld(label=_("Van"))
    tot = Datumveld(label=_("Tot en met"))

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot:
            if van > tot:
                self.add_error("tot", _("De einddatum ligt voor de begindatum."))
            elif van < PROGRAMMA_VAN.replace(year=2019):
                self.add_error("van", _("Kies een datum vanaf 2019."))
        return data
