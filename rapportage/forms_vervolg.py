"""The follow-up questionnaire (docs/uitkomsten.md): short, plain Dutch, every question a
native control (radio buttons, one select per list), so it works without JavaScript."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loopbaangesprekken.models import Sector
from loopbaangesprekken.selectors.scholingsplan import kansberoepen_op
from rapportage.models import Vervolgmeting
from tfvv.tekst import valideer_korte_tekst

V = Vervolgmeting
WERKEND = (V.Werksituatie.ZELFDE_WERK, V.Werksituatie.ANDER_WERK, V.Werksituatie.ZELFSTANDIG)
CIJFERS = [("1", _("1 - heel ontevreden")), ("2", "2"), ("3", "3"), ("4", "4"),
           ("5", _("5 - heel tevreden"))]


def _keuze(label, keuzes, fout, **opties):
    return forms.ChoiceField(label=label, choices=keuzes, widget=forms.RadioSelect,
                             error_messages={"required": fout}, **opties)


class VervolgvragenForm(forms.Form):
    werksituatie = _keuze(_("Wat past nu het best bij u?"), V.Werksituatie.choices,
                          _("Kies wat nu het best bij u past."))
    sector = forms.ChoiceField(
        label=_("In welke sector werkt u?"), required=False,
        help_text=_("Alleen invullen als u werkt."))
    beroep = forms.CharField(label=_("Wat is uw beroep?"), max_length=150, required=False,
                             validators=[valideer_korte_tekst],
                             help_text=_("Bijvoorbeeld monteur, verzorgende of ICT-beheerder."))
    kansberoep = forms.ChoiceField(
        label=_("Staat uw beroep op deze lijst van beroepen met veel werk in Twente?"),
        required=False, help_text=_("Staat uw beroep er niet bij? Kies dan de eerste regel."))
    uren = forms.ChoiceField(label=_("Hoeveel uur per week werkt u?"), required=False,
                             choices=V.Uren.choices, widget=forms.RadioSelect,
                             help_text=_("Alleen invullen als u werkt."))
    inkomen = _keuze(_("Verdient u nu meer of minder dan voor de opleiding?"),
                     V.Inkomen.choices, _("Kies een antwoord. Dat zeg ik liever niet mag ook."))
    gebruik = _keuze(_("Gebruikt u in uw werk wat u in de opleiding heeft geleerd?"),
                     V.Gebruik.choices, _("Kies veel, een beetje of niet."))
    tevredenheid_loket = _keuze(
        _("Hoe tevreden bent u over het loket waar u het loopbaangesprek had?"), CIJFERS,
        _("Kies een cijfer van 1 tot en met 5."))
    tevredenheid_opleider = _keuze(_("Hoe tevreden bent u over de opleider?"), CIJFERS,
                                   _("Kies een cijfer van 1 tot en met 5."))
    aanbevelen = _keuze(_("Zou u het fonds aanraden aan iemand anders?"),
                        V.Aanbevelen.choices, _("Kies ja, nee of weet ik niet."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sectoren = {str(s.pk): s for s in Sector.objects.order_by("naam")}
        self.fields["sector"].choices = [("", _("Kies een sector")),
                                         *((pk, s.naam) for pk, s in self.sectoren.items())]
        # the list in force today: what the occupation is worth on the labour market now
        self.kansberoepen = {str(b.pk): b for b in kansberoepen_op(timezone.localdate())
                             .order_by("naam")}
        self.fields["kansberoep"].choices = [
            ("", _("Mijn beroep staat er niet bij")),
            *((pk, b.naam) for pk, b in self.kansberoepen.items())]

    def clean(self):
        gegevens = super().clean()
        if gegevens.get("werksituatie") in WERKEND:
            if not gegevens.get("sector"):
                self.add_error("sector", _("Kies de sector waarin u werkt."))
            if not gegevens.get("uren"):
                self.add_error("uren", _("Kies hoeveel uur per week u werkt."))
        return gegevens

    def antwoorden(self) -> dict:
        """The answers as model values; work questions only count for someone who works."""
        g = self.cleaned_data
        werkt = g["werksituatie"] in WERKEND
        return {
            "werksituatie": g["werksituatie"],
            "sector": self.sectoren.get(g["sector"]) if werkt else None,
            "beroep": g["beroep"].strip() if werkt else "",
            "kansberoep": self.kansberoepen.get(g["kansberoep"]) if werkt else None,
            "uren": g["uren"] if werkt else "",
            "inkomen": g["inkomen"], "gebruik": g["gebruik"],
            "tevredenheid_loket": int(g["tevredenheid_loket"]),
            "tevredenheid_opleider": int(g["tevredenheid_opleider"]),
            "aanbevelen": g["aanbevelen"],
        }
