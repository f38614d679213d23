"""Forms of finance's queue of opleider declaraties: a message to the opleider, returning a
declaratie with a reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cheques.services.opleiderdeclaraties import MAX_BERICHT


class BerichtAanOpleiderForm(forms.Form):
    tekst = forms.CharField(
        label=_("Bericht aan de opleider"), max_length=MAX_BERICHT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("De opleider leest het in het opleidersportaal en krijgt een e-mail. U "
                    "staat erbij als Twents Fonds voor Vakmanschap, niet met uw naam."))


class TerugsturenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden van terugsturen"), max_length=MAX_BERICHT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf op waarom u de declaratie terugstuurt; de "
                                      "opleider leest dit.")},
        help_text=_("De opleider ziet deze reden in het portaal en in een e-mail, en kan de "
                    "declaratie verbeterd opnieuw indienen."))
