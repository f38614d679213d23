"""Finance's queue of the declaraties submitted by opleiders (docs/opleiders.md,
"Declaraties afhandelen"): the worklist, one indiening with its invoice, proof, cheque and
message thread, and the two judgements: accept (into the Awb chain: cheques.services.
opleiderdeclaraties.accepteer) or return with a reason. Accepting and returning are money
steps: they need a fresh code (tfvv.stepup), as the other finance actions on a cheque."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from cheques import selectors_declaratiewerkvoorraad as selectors
from cheques.forms_declaratiewerkvoorraad import BerichtAanOpleiderForm, TerugsturenForm
from cheques.models import Afronding, Declaratieindiening
from cheques.permissions import FINANCIEN
from cheques.services import opleiderdeclaraties
from cheques.views.gedeeld import (
    FOUTEN,
    PER_PAGINA,
    algemene_fouten_als_melding,
    declaratiedocument,
    fouten_naar_form,
)
from tfvv.events import registreer_inzage
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin

ST = Declaratieindiening.Status


def _getal(waarde: str) -> int | None:
    return int(waarde) if waarde.isdigit() and len(waarde) < 10 else None


class WerkvoorraadView(RolVereistMixin, TemplateView):
    rollen = FINANCIEN
    template_name = "cheques/declaratiewerkvoorraad.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        if status not in ST.values:
            status = ""
        opleider_id = _getal(self.request.GET.get("opleider", ""))
        sorteer = self.request.GET.get("sorteer", selectors.STANDAARD)
        if sorteer not in selectors.SORTERINGEN:
            sorteer = selectors.STANDAARD
        pagina = Paginator(selectors.werkvoorraad(status=status, opleider_id=opleider_id,
                                                  sorteer=sorteer), PER_PAGINA) \
            .get_page(self.request.GET.get("pagina"))
        for indiening in pagina:
            indiening.dagen_wachtend = selectors.dagen_wachtend(indiening)
        return {**super().get_context_data(**kwargs), "pagina": pagina, "status": status,
                "opleider_id": opleider_id, "sorteer": sorteer, "statussen": ST.choices,
                "opleiders": selectors.opleiders_met_indieningen(),
                "aantal_open": selectors.aantal_open()}


class Indieningpagina(View):
    """What the page of one indiening and the judgements on it share: showing it."""

    template_name = "cheques/declaratiewerkvoorraad_indiening.html"

    def toon(self, indiening, status=200, **formulieren):
        aanvraag = indiening.cheque.beschikking.plan.aanvraag
        registreer_inzage(gebruiker=self.request.user, handeling="bekeken",
                          onderdeel="declaratie van een opleider", dossier_id=aanvraag.pk,
                          betrokkene_id=aanvraag.aanvrager_id, pad=self.request.path)
        cheque = indiening.cheque
        return render(self.request, self.template_name, {
            "indiening": indiening, "cheque": cheque, "aanvraag": aanvraag,
            "open": indiening.status == ST.INGEDIEND,
            "dagen_wachtend": selectors.dagen_wachtend(indiening),
            "betalingen": list(cheque.betalingen.order_by("betaald_op", "id")),
            "declaraties": list(cheque.declaraties.order_by("geregistreerd_op", "id")),
            "afronding": Afronding.objects.filter(cheque=cheque).first(),
            "eerdere": selectors.van_cheque(cheque, behalve=indiening.pk),
            "bericht_form": formulieren.get("bericht_form") or BerichtAanOpleiderForm(),
            "terugsturen_form": formulieren.get("terugsturen_form") or TerugsturenForm(),
        }, status=status)


class IndieningView(RolVereistMixin, Indieningpagina):
    """One indiening; a POST is a message to the opleider (no money step: no step-up)."""

    rollen = FINANCIEN

    def get(self, request, pk):
        return self.toon(selectors.indiening(pk))

    def post(self, request, pk):
        indiening = selectors.indiening(pk)
        form = BerichtAanOpleiderForm(request.POST)
        if form.is_valid():
            try:
                opleiderdeclaraties.stuur_bericht(indiening=indiening, door=request.user,
                                                  tekst=form.cleaned_data["tekst"])
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Uw bericht is verstuurd; de opleider krijgt een "
                                            "e-mail."))
                return redirect("cheques:financien-declaratie", pk=indiening.pk)
        algemene_fouten_als_melding(request, form)
        return self.toon(selectors.indiening(pk), status=400, bericht_form=form)


class Beoordeling(RolVereistMixin, StapOpVereistMixin, Indieningpagina):
    """POST one judgement; subclasses define `form_class`, `form_naam`, `melding` and
    `uitvoeren(indiening, form)`."""

    rollen = FINANCIEN

    def get(self, request, pk):
        return redirect("cheques:financien-declaratie", pk=pk)

    def post(self, request, pk):
        indiening = selectors.indiening(pk)
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.uitvoeren(indiening, form)
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, self.melding)
                return redirect("cheques:financien-declaratie", pk=indiening.pk)
        algemene_fouten_als_melding(request, form)
        return self.toon(selectors.indiening(pk), status=400, **{self.form_naam: form})


class AccepterenView(Beoordeling):
    form_class, form_naam = forms.Form, "accepteren_form"  # nothing to fill in: a button
    melding = gettext_lazy("De declaratie is geaccepteerd. De volgende stap staat hieronder.")

    def uitvoeren(self, indiening, form):
        opleiderdeclaraties.accepteer(indiening=indiening, door=self.request.user)


class TerugsturenView(Beoordeling):
    form_class, form_naam = TerugsturenForm, "terugsturen_form"
    melding = gettext_lazy("De declaratie is teruggestuurd; de opleider krijgt een e-mail met "
                           "de reden.")

    def uitvoeren(self, indiening, form):
        opleiderdeclaraties.stuur_terug(indiening=indiening, door=self.request.user,
                                        reden=form.cleaned_data["reden"])


class DocumentView(RolVereistMixin, View):
    """The invoice or the proof (PDF), logged as AVG inzage like the other staff
    downloads of a case."""

    rollen = FINANCIEN
    document = "bewijs"  # or "factuur"

    def get(self, request, pk):
        return declaratiedocument(request, selectors.indiening(pk), self.document,
                                  onderdeel=f"declaratie van een opleider: {self.document}")

