"""Beheer pages of opleiders (with erkenningen and the IBAN under four-eyes), werkgevers
and kansberoepenlijsten, for the functioneel beheerder."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from loopbaangesprekken.forms_beheer import (
    ErkenningForm,
    IbanForm,
    KansberoepenlijstForm,
    OpleiderForm,
    WerkgeverForm,
)
from loopbaangesprekken.models import Kansberoepenlijst, Opleider, Werkgever
from loopbaangesprekken.services import referentie as services
from tfvv import vierogen
from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin
from tfvv.views.vierogen import StapFormView


class OpleidersView(RolVereistMixin, TemplateView):
    rollen = (Rol.BEHEERDER,)
    template_name = "loopbaangesprekken/beheer/opleiders.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            opleiders=Opleider.objects.prefetch_related("erkenningen"), **kwargs)


class OpleiderMixin:
    rollen = (Rol.BEHEERDER,)

    def opleider(self) -> Opleider:
        if not hasattr(self, "_opleider"):
            self._opleider = get_object_or_404(Opleider, pk=self.kwargs["pk"])
        return self._opleider

    def terug_url(self):
        return reverse("referentiebeheer:opleider", kwargs={"pk": self.opleider().pk})


class OpleiderView(OpleiderMixin, RolVereistMixin, TemplateView):
    template_name = "loopbaangesprekken/beheer/opleider.html"

    def get_context_data(self, **kwargs):
        o = self.opleider()
        return super().get_context_data(
            opleider=o, erkenningen=o.erkenningen.all(),
            open_iban=vierogen.open_verzoek(services.SOORT_IBAN, f"opleider:{o.pk}"), **kwargs)


class OpleiderBewarenView(StapFormView):
    """New opleider (no pk) or its details; the IBAN goes through IbanView."""

    rollen = (Rol.BEHEERDER,)
    form_class = OpleiderForm
    knop = gettext_lazy("Opslaan")

    def nieuw(self) -> bool:
        return "pk" not in self.kwargs  # the URL without an id; /opleiders/0/ is no record

    def opleider(self):
        return Opleider() if self.nieuw() else get_object_or_404(Opleider, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.opleider()}

    def get_context_data(self, **kwargs):
        titel = _("Nieuwe opleider") if self.nieuw() else _("Opleider wijzigen")
        return super().get_context_data(titel=titel, uitleg=_(
            "Het IBAN stelt u daarna in via ‘IBAN wijzigen’: een tweede persoon keurt het "
            "goed."), **kwargs)

    def terug_url(self):
        return (reverse("referentiebeheer:opleiders") if self.nieuw()
                else reverse("referentiebeheer:opleider", kwargs={"pk": self.kwargs["pk"]}))

    def voer_uit(self, form):
        opleider = services.bewaar_opleider(actor=self.request.user, opleider=form.instance)
        messages.success(self.request, _("De opleider is opgeslagen."))
        return redirect("referentiebeheer:opleider", pk=opleider.pk)


class ErkenningNieuwView(OpleiderMixin, StapFormView):
    form_class = ErkenningForm
    titel = gettext_lazy("Erkenning toevoegen")
    knop = gettext_lazy("Toevoegen")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.opleider().erkenningen.model(opleider=self.opleider())
        return kwargs

    def voer_uit(self, form):
        services.voeg_erkenning_toe(actor=self.request.user, erkenning=form.instance)
        messages.success(self.request, _("De erkenning is toegevoegd."))


class IbanView(OpleiderMixin, StapFormView):
    form_class = IbanForm
    titel = gettext_lazy("IBAN wijzigen")
    knop = gettext_lazy("Wijziging aanvragen")

    def get_context_data(self, **kwargs):
        o = self.opleider()
        return super().get_context_data(uitleg=_(
            "Huidig IBAN van %(naam)s: %(iban)s. Het nieuwe IBAN geldt pas als een tweede "
            "persoon (beheerder of financieel medewerker) het goedkeurt; tot dan betaalt het "
            "fonds op het huidige IBAN.") % {"naam": o.naam, "iban": o.iban or _("geen")},
            **kwargs)

    def voer_uit(self, form):
        services.vraag_iban_aan(actor=self.request.user, code=form.cleaned_data["code"],
                                opleider=self.opleider(), iban=form.cleaned_data["iban"],
                                toelichting=form.cleaned_data["toelichting"])
        messages.success(self.request, _("Aangevraagd. Het nieuwe IBAN geldt na goedkeuring "
                                         "door een tweede persoon."))


class WerkgeversView(RolVereistMixin, TemplateView):
    rollen = (Rol.BEHEERDER,)
    template_name = "loopbaangesprekken/beheer/werkgevers.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(werkgevers=Werkgever.objects.all(), **kwargs)


class WerkgeverBewarenView(StapFormView):
    """New employer (no pk) or its details, IKBINDR-zakelijk partnership included."""

    rollen = (Rol.BEHEERDER,)
    form_class = WerkgeverForm
    knop = gettext_lazy("Opslaan")

    def nieuw(self) -> bool:
        return "pk" not in self.kwargs

    def get_form_kwargs(self):
        werkgever = (Werkgever() if self.nieuw()
                     else get_object_or_404(Werkgever, pk=self.kwargs["pk"]))
        return {**super().get_form_kwargs(), "instance": werkgever}

    def get_context_data(self, **kwargs):
        titel = _("Nieuwe werkgever") if self.nieuw() else _("Werkgever wijzigen")
        return super().get_context_data(titel=titel, **kwargs)

    def terug_url(self):
        return reverse("referentiebeheer:werkgevers")

    def voer_uit(self, form):
        services.bewaar_werkgever(actor=self.request.user, werkgever=form.instance)
        messages.success(self.request, _("De werkgever is opgeslagen."))


class KansberoepenlijstenView(RolVereistMixin, TemplateView):
    rollen = (Rol.BEHEERDER,)
    template_name = "loopbaangesprekken/beheer/kansberoepenlijsten.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            lijsten=Kansberoepenlijst.objects.prefetch_related("beroepen__sector")
            .order_by("-geldig_van"),
            open_verzoek=vierogen.open_verzoek(services.SOORT_KANSBEROEPEN, "kansberoepenlijst"),
            **kwargs)


class KansberoepenlijstNieuwView(StapFormView):
    rollen = (Rol.BEHEERDER,)
    form_class = KansberoepenlijstForm
    titel = gettext_lazy("Nieuwe kansberoepenlijst")
    uitleg = gettext_lazy("Een nieuwe versie van de lijst geldt vanaf de begindatum, nadat een "
                          "tweede beheerder haar heeft goedgekeurd. De huidige lijst eindigt de "
                          "dag ervoor.")
    knop = gettext_lazy("Lijst ter goedkeuring aanbieden")

    def get_initial(self):
        lijst = Kansberoepenlijst.objects.order_by("-geldig_van").first()
        if lijst is None:
            return {}
        return {"beroepen": "\n".join(f"{b.naam}; {b.sector.naam}"
                                      for b in lijst.beroepen.select_related("sector"))}

    def terug_url(self):
        return reverse("referentiebeheer:kansberoepenlijsten")

    def voer_uit(self, form):
        services.vraag_kansberoepenlijst_aan(
            actor=self.request.user, code=form.cleaned_data["code"], gegevens=form.gegevens(),
            beroepen_tekst=form.cleaned_data["beroepen"],
            toelichting=form.cleaned_data["toelichting"])
        messages.success(self.request, _("Aangeboden. Een tweede beheerder moet de lijst nu "
                                         "goedkeuren."))
