"""Forms of the scholingsplan: the plan itself and inline formsets for its cost and
co-financing lines. Bad input stays in the form with a Dutch message at the field."""

from decimal import Decimal
from pathlib import Path

import magic
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from loopbaangesprekken.models import (
    Cofinancieringsregel,
    Kostenregel,
    Opleider,
    Scholingsplan,
    Werkgever,
)
from loopbaangesprekken.selectors.scholingsplan import kansberoepen_op, zoek_kansberoep
from tfvv.formvelden import Bedragveld, DatumInvoer, keuzetekst

TOEGESTANE_BESTANDEN = {".pdf": "application/pdf", ".jpg": "image/jpeg",
                        ".jpeg": "image/jpeg", ".png": "image/png"}


def valideer_bewijs(bestand) -> None:
    """An evidence upload: pdf, jpg or png (by name and content), not too large."""
    if not bestand or not hasattr(bestand, "content_type"):
        return  # nothing new uploaded: the stored file stays
    soort = TOEGESTANE_BESTANDEN.get(Path(bestand.name).suffix.lower())
    if bestand.size > settings.TFVV_MAX_UPLOAD_BYTES:
        raise ValidationError(_("Het bestand is te groot (maximaal %(mb)s MB)."),
                              params={"mb": settings.TFVV_MAX_UPLOAD_BYTES // (1024 * 1024)})
    inhoud = magic.from_buffer(bestand.read(2048), mime=True)
    bestand.seek(0)
    if soort is None or inhoud != soort:
        raise ValidationError(_("Upload een pdf-, jpg- of png-bestand."))


class ScholingsplanForm(forms.ModelForm):
    gevraagd_bedrag = Bedragveld(
        label=_("Gevraagd bedrag (€)"), required=False, min_value=Decimal("0.01"),
        help_text=_("Laat leeg voor het voorstel: totale kosten min cofinanciering, ten hoogste "
                    "wat er dit kalenderjaar nog over is van het maximum per persoon."),
        error_messages={"min_value": _("Het gevraagde bedrag moet groter dan nul zijn.")},
    )

    class Meta:
        model = Scholingsplan
        fields = [
            "opleiding_naam", "opleiding_niveau", "opleider", "startdatum", "einddatum", "route",
            "huidig_beroep", "huidige_sector", "doelberoep", "doelsector", "kansberoep",
            "arbeidsmarktperspectief", "arbeidsmarktperspectief_bewijs", "gevraagd_bedrag",
            "advies",
        ]
        widgets = {
            "startdatum": DatumInvoer(), "einddatum": DatumInvoer(),
            "route": forms.RadioSelect,
            "arbeidsmarktperspectief": forms.Textarea(attrs={"rows": 4}),
            "advies": forms.Textarea(attrs={"rows": 3}),
            "arbeidsmarktperspectief_bewijs": forms.FileInput,
        }

    def __init__(self, *args, aanvraag, **kwargs):
        super().__init__(*args, **kwargs)
        self.aanvraag = aanvraag
        self.fields["opleider"].queryset = Opleider.objects.filter(actief=True)
        for naam, tekst in (("opleider", _("— kies een opleider —")),
                            ("opleiding_niveau", _("— kies een niveau —")),
                            ("doelsector", _("— kies een sector —")),
                            ("huidige_sector", _("— geen of onbekend —")),
                            ("kansberoep", _("— automatisch opzoeken op het doelberoep —"))):
            keuzetekst(self.fields[naam], tekst)
        self.fields["kansberoep"].queryset = kansberoepen_op(aanvraag.aanvraagdatum)
        self.fields["kansberoep"].help_text = _(
            "Beroepen op de kansberoepenlijst die geldt op de aanvraagdatum. Leeg laten: het "
            "doelberoep wordt automatisch op de lijst opgezocht.")
        self.fields["route"].choices = self.fields["route"].choices[1:]  # no empty radio
        self.fields["arbeidsmarktperspectief_bewijs"].validators.append(valideer_bewijs)
        if self.instance.pk is None and not self.is_bound:
            self.initial.setdefault("huidig_beroep", aanvraag.huidig_beroep)

    def clean(self):
        cleaned = super().clean()
        start, eind = cleaned.get("startdatum"), cleaned.get("einddatum")
        if start and eind and eind < start:
            self.add_error("einddatum", _("De einddatum ligt voor de startdatum."))
        if not cleaned.get("kansberoep") and cleaned.get("doelberoep"):
            cleaned["kansberoep"] = zoek_kansberoep(cleaned["doelberoep"],
                                                    self.aanvraag.aanvraagdatum)
            self.instance.kansberoep = cleaned["kansberoep"]
        return cleaned


class KostenregelForm(forms.ModelForm):
    class Meta:
        model = Kostenregel
        fields = ["soort", "omschrijving", "bedrag"]
        field_classes = {"bedrag": Bedragveld}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keuzetekst(self.fields["soort"], _("— kies een soort kosten —"))

    def clean_bedrag(self):
        bedrag = self.cleaned_data["bedrag"]
        if bedrag is not None and bedrag <= 0:
            raise ValidationError(_("Het bedrag moet groter dan nul zijn."))
        return bedrag


class CofinancieringsregelForm(forms.ModelForm):
    class Meta:
        model = Cofinancieringsregel
        fields = ["bron", "werkgever", "partij", "contact_email", "bedrag", "status", "bewijs",
                  "bewijs_reden"]
        field_classes = {"bedrag": Bedragveld}
        widgets = {"bewijs": forms.FileInput}

    def __init__(self, *args, werkgeverkeuzes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bewijs"].validators.append(valideer_bewijs)
        keuzetekst(self.fields["bron"], _("— kies een bron —"))
        keuzetekst(self.fields["status"], _("— kies een status —"))
        # an employer no longer active stays on the lines that already name it
        self.fields["werkgever"].queryset = Werkgever.objects.filter(
            Q(actief=True) | Q(pk=self.instance.werkgever_id))
        keuzetekst(self.fields["werkgever"], _("— geen werkgever —"))
        if werkgeverkeuzes is not None:  # read once for the whole formset
            self.fields["werkgever"].choices = [("", _("— geen werkgever —")),
                                                *werkgeverkeuzes]
        self.fields["partij"].required = False
        self.fields["partij"].help_text = _("Leeg bij een werkgever uit het register: dan de "
                                            "naam van de werkgever.")

    def clean(self):
        cleaned = super().clean()
        bron, werkgever = cleaned.get("bron"), cleaned.get("werkgever")
        if bron == Cofinancieringsregel.Bron.WERKGEVER and not werkgever:
            self.add_error("werkgever", _("Kies de werkgever uit het register, of voeg hem "
                                          "eerst toe."))
        if werkgever and not (cleaned.get("partij") or "").strip():
            cleaned["partij"] = werkgever.naam
        elif bron and not (cleaned.get("partij") or "").strip() and "partij" not in self.errors:
            self.add_error("partij", _("Vul in wie de bijdrage betaalt."))
        bewijs = cleaned.get("bewijs") or self.instance.bewijs
        if (bron and bron != Cofinancieringsregel.Bron.EIGEN_BIJDRAGE and bewijs
                and not (cleaned.get("bewijs_reden") or "").strip()):
            self.add_error("bewijs_reden", _("Geef aan waarom dit bewijs de bijdrage aantoont, "
                                             "bijvoorbeeld: getekende werkgeversverklaring."))
        return cleaned

    def clean_bedrag(self):
        bedrag = self.cleaned_data["bedrag"]
        if bedrag is not None and bedrag <= 0:
            raise ValidationError(_("Het bedrag moet groter dan nul zijn."))
        return bedrag


class KostenFormSetBasis(forms.BaseInlineFormSet):
    default_error_messages = {"too_few_forms": _("Vul ten minste één kostenregel in.")}


class CofinancieringFormSetBasis(forms.BaseInlineFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "werkgeverkeuzes": self.werkgeverkeuzes}

    @cached_property
    def werkgeverkeuzes(self) -> list[tuple]:
        """The register's choices, one query for all lines: the active employers and those
        the lines already name."""
        genoemd = [r.werkgever_id for r in self.get_queryset() if r.werkgever_id]
        return [(w.pk, str(w)) for w in Werkgever.objects.filter(
            Q(actief=True) | Q(pk__in=genoemd)).only("pk", "naam")]

    def clean(self):
        super().clean()
        gezien = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("bron"):
                continue
            sleutel = (data["bron"], data.get("partij", "").strip().casefold())
            if sleutel in gezien:
                form.add_error("partij", _("Deze bron en partij staan er al: tel een bijdrage "
                                           "maar één keer."))
            gezien.add(sleutel)


KostenFormSet = inlineformset_factory(
    Scholingsplan, Kostenregel, form=KostenregelForm, formset=KostenFormSetBasis, extra=2,
    can_delete=True, min_num=1, validate_min=True,
)
CofinancieringFormSet = inlineformset_factory(
    Scholingsplan, Cofinancieringsregel, form=CofinancieringsregelForm,
    formset=CofinancieringFormSetBasis, extra=2, can_delete=True,
)


class AanvullingIndienenForm(forms.Form):
    """"Aanvulling indienen": what was supplied. Required (by the service) when the plan did
    not change since the request."""

    toelichting = forms.CharField(
        label=_("Wat is er aangevuld?"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: de inwoner heeft de getekende werkgeversverklaring "
                    "gestuurd. Verplicht als u het plan sinds het verzoek niet heeft gewijzigd."))
