"""The controleur's forms (docs/controle.md): find one dossier, draw a sample."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag, AanvraagStatus
from cheques.steekproef import MAX_ZAAD, Steekproef, nieuw_zaad
from tfvv.formvelden import Datumveld, keuzetekst

MAX_OMVANG = 500


class KenmerkForm(forms.Form):
    kenmerk = forms.CharField(label=_("Kenmerk van de aanvraag"), max_length=20,
                              help_text=_("Bijvoorbeeld TF-2026-000123."))

    def clean_kenmerk(self):
        kenmerk = self.cleaned_data["kenmerk"].strip().upper()
        aanvraag = Aanvraag.objects.filter(referentie=kenmerk).only("pk").first()
        if aanvraag is None:
            raise forms.ValidationError(_("Er is geen aanvraag met dit kenmerk."))
        self.aanvraag = aanvraag
        return kenmerk


class SteekproefForm(forms.Form):
    van = Datumveld(label=_("Aanvraagdatum vanaf"))
    tot = Datumveld(label=_("Aanvraagdatum tot en met"))
    omvang = forms.IntegerField(
        label=_("Aantal dossiers"), min_value=1, max_value=MAX_OMVANG,
        error_messages={"invalid": _("Vul een geheel getal in."),
                        "min_value": _("Kies ten minste 1 dossier."),
                        "max_value": _("Kies ten hoogste %(limit_value)s dossiers.")})
    status = forms.ChoiceField(label=_("Alleen aanvragen met status"), required=False,
                               choices=[("", ""), *AanvraagStatus.choices])
    zaad = forms.IntegerField(
        label=_("Zaad (seed)"), required=False, min_value=0, max_value=MAX_ZAAD - 1,
        help_text=_("Leeg laten: het systeem kiest er een. Met hetzelfde zaad en dezelfde "
                    "keuzes trekt u dezelfde steekproef opnieuw."),
        error_messages={"invalid": _("Vul een geheel getal in."),
                        "min_value": _("Het zaad is 0 of groter."),
                        "max_value": _("Het zaad heeft ten hoogste 12 cijfers.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keuzetekst(self.fields["status"], _("— alle statussen —"))

    def clean(self):
        data = super().clean()
        van, tot, omvang = data.get("van"), data.get("tot"), data.get("omvang")
        if van and tot and van > tot:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        if self.errors or not (van and tot and omvang):
            return data
        if data.get("zaad") is None:
            data["zaad"] = nieuw_zaad()
        self.steekproef = Steekproef(van=van, tot=tot, omvang=omvang, zaad=data["zaad"],
                                     status=data.get("status") or "")
        self.aanvraag_ids = self.steekproef.trek()
        if not self.aanvraag_ids:
            self.add_error("van", _("In deze periode zijn geen aanvragen (met deze status) "
                                    "ontvangen. Kies een andere periode of status."))
        return data
