"""The resident's pages of the scholingsplan: read the plan the consulent put up, approve it
or ask for a change (thin: check ownership, call a service, render)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from aanvragen.views import InwonerMixin
from loopbaangesprekken.forms_akkoord import AkkoordForm, EigenBijdrageForm, WijzigingVragenForm
from loopbaangesprekken.selectors import akkoord as selectors
from loopbaangesprekken.selectors import eigen_bijdrage as eigen_selectors
from loopbaangesprekken.selectors import scholingsplan as plan_selectors
from loopbaangesprekken.selectors.scholingsplan import BEWERKBARE_STATUSSEN
from loopbaangesprekken.services import akkoord as services
from loopbaangesprekken.services import eigen_bijdrage

TEMPLATE = "loopbaangesprekken/inwoner_scholingsplan.html"


class PlanInwonerMixin(InwonerMixin):
    """The resident's own aanvraag (another's: 404) and the plan put up to them."""

    def plan(self):
        aanvraag = self.aanvraag()
        plan = selectors.plan_voor_inwoner(aanvraag)
        if plan is None:
            raise Http404(_("Er staat nog geen scholingsplan voor u klaar."))
        return plan

    def toon(self, plan, *, akkoord_form=None, wijziging_form=None, status=200):
        stand = selectors.akkoordstand(plan)
        return render(self.request, TEMPLATE, {
            "aanvraag": plan.aanvraag, "plan": plan, "stand": stand,
            "bedragen": plan_selectors.bedragen(plan),
            "eigen_bijdrage": sum((r.bedrag for r in plan.cofinanciering.all()
                                   if r.bron == "eigen_bijdrage"), 0),
            "kan_antwoorden": stand.wacht and plan.status in BEWERKBARE_STATUSSEN,
            "akkoord_form": akkoord_form or AkkoordForm(initial={"versie": stand.versie},
                                                        prefix="akkoord"),
            "wijziging_form": wijziging_form or WijzigingVragenForm(
                initial={"versie": stand.versie}, prefix="wijziging"),
        }, status=status)


class PlanBekijkenView(PlanInwonerMixin, View):
    def get(self, request, pk):
        return self.toon(self.plan())


class _AntwoordView(PlanInwonerMixin, View):
    form_class = AkkoordForm
    prefix = "akkoord"

    def post(self, request, pk):
        plan = self.plan()
        form = self.form_class(request.POST, prefix=self.prefix)
        if not form.is_valid():
            return self.toon(plan, **{f"{self.prefix}_form": form}, status=400)
        try:
            self.verwerk(plan, form.cleaned_data)
        except services.AkkoordNietMogelijk as fout:
            messages.error(request, str(fout))
            return redirect("scholingsplan-inwoner:bekijken", pk=plan.aanvraag_id)
        return redirect("aanvragen:aanvraag", pk=plan.aanvraag_id)


class AkkoordView(_AntwoordView):
    def verwerk(self, plan, gegevens):
        services.keur_goed(plan=plan, actor=self.request.user, versie=gegevens["versie"])
        messages.success(self.request, _("Dank u wel. U heeft uw akkoord gegeven op uw "
                                         "scholingsplan. Uw consulent dient het nu in bij "
                                         "gemeente Enschede."))


class WijzigingVragenView(_AntwoordView):
    form_class = WijzigingVragenForm
    prefix = "wijziging"

    def verwerk(self, plan, gegevens):
        services.vraag_wijziging(plan=plan, actor=self.request.user, versie=gegevens["versie"],
                                 toelichting=gegevens["toelichting"])
        messages.success(self.request, _("Uw vraag is naar uw consulent gestuurd. U krijgt "
                                         "bericht als het aangepaste plan klaarstaat."))


class EigenBijdrageView(InwonerMixin, View):
    """"Bevestig uw eigen bijdrage": the resident reads the amount and the training and
    declares that they will pay it (the portal task of loopbaangesprekken.portaal)."""

    template_name = "loopbaangesprekken/inwoner_eigen_bijdrage.html"

    def regels(self):
        """The lines of the first plan that has some to declare; [] when there is none."""
        regels = eigen_selectors.te_bevestigen(self.aanvraag())
        return [r for r in regels if r.plan_id == regels[0].plan_id] if regels else []

    def toon(self, regels, form=None, status=200):
        bedrag = eigen_selectors.totaal(regels)
        return render(self.request, self.template_name, {
            "aanvraag": regels[0].plan.aanvraag, "plan": regels[0].plan, "bedrag": bedrag,
            "form": form or EigenBijdrageForm(initial={"bedrag": bedrag}),
        }, status=status)

    def niets_te_doen(self):
        messages.info(self.request, _("Er is geen eigen bijdrage om te bevestigen."))
        return redirect("aanvragen:aanvraag", pk=self.kwargs["pk"])

    def get(self, request, pk):
        regels = self.regels()
        return self.toon(regels) if regels else self.niets_te_doen()

    def post(self, request, pk):
        regels = self.regels()
        if not regels:
            return self.niets_te_doen()
        form = EigenBijdrageForm(request.POST)
        if not form.is_valid():
            return self.toon(regels, form, status=400)
        try:
            eigen_bijdrage.verklaar(plan_id=regels[0].plan_id, actor=request.user,
                                    bedrag=form.cleaned_data["bedrag"])
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect("scholingsplan-inwoner:eigen-bijdrage", pk=pk)
        messages.success(request, _("Dank u wel. U heeft bevestigd dat u uw eigen bijdrage "
                                    "zelf betaalt. Uw consulent ziet dit in uw plan."))
        return redirect("aanvragen:aanvraag", pk=pk)
