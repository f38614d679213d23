"""Budget: periods, toezeggingen and plafond publication."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from cheques.forms import (
    PeriodeForm,
    PublicerenForm,
    ToezeggingForm,
)
from cheques.permissions import BUDGETBEHEER
from tfvv import budget, budget_selectors
from tfvv.models import Begrotingsperiode, Budgetboeking
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin


class BudgetView(RolVereistMixin, TemplateView):
    rollen = BUDGETBEHEER
    template_name = "cheques/budget.html"

    def get_context_data(self, **kwargs):
        perioden = Begrotingsperiode.objects.prefetch_related("toezeggingen__bron")
        return {
            **super().get_context_data(**kwargs),
            "standen": budget_selectors.standen(perioden),
            "boekingen": list(Budgetboeking.objects.select_related("periode")
                              .order_by("-tijdstip", "-id")[:50]),
            "toezegging_form": kwargs.get("toezegging_form") or ToezeggingForm(),
            "periode_form": kwargs.get("periode_form") or PeriodeForm(),
            "publiceren_form": kwargs.get("publiceren_form") or PublicerenForm(),
        }


class BudgetActie(RolVereistMixin, StapOpVereistMixin, View):
    rollen = BUDGETBEHEER
    form_class = None
    form_naam = ""
    melding = ""

    def post(self, request, **kwargs):
        form = self.form_class(request.POST)
        if form.is_valid():
            self.uitvoeren(form.cleaned_data, **kwargs)
            messages.success(request, self.melding)
            return redirect("cheques:budget")
        view = BudgetView(request=request, kwargs={})
        return render(request, view.template_name,
                      view.get_context_data(**{self.form_naam: form}), status=400)


class ToezeggingToevoegenView(BudgetActie):
    form_class, form_naam = ToezeggingForm, "toezegging_form"
    melding = _("De toezegging is toegevoegd; het plafond is verhoogd.")

    def uitvoeren(self, data):
        budget.voeg_toezegging_toe(door=self.request.user, **data)


class PeriodeToevoegenView(BudgetActie):
    form_class, form_naam = PeriodeForm, "periode_form"
    melding = _("De begrotingsperiode is aangemaakt.")

    def uitvoeren(self, data):
        budget.maak_periode(door=self.request.user, **data)


class PlafondPublicerenView(BudgetActie):
    form_class, form_naam = PublicerenForm, "publiceren_form"
    melding = _("De publicatiedatum van het plafond is vastgelegd.")

    def uitvoeren(self, data, periode_id):
        periode = get_object_or_404(Begrotingsperiode, pk=periode_id)
        budget.publiceer_plafond(periode=periode, door=self.request.user, **data)
