"""Budget: periods, lines, bronnen, toezeggingen, spending and the plafond decision.

Every change is a POST through a service (reason, event) behind a fresh second factor;
approving a plafond decision asks the approver's current code on the form itself.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from aanvragen.models import Arbeidssituatie
from cheques.forms_budget import (
    BestedingForm,
    BronForm,
    OormerkregelForm,
    PeriodeForm,
    PlafondVoorstelForm,
    PostForm,
    PostWijzigenForm,
    ToezeggingForm,
    VoorstelIntrekkenForm,
)
from cheques.permissions import BUDGETBEHEER
from cheques.views.gedeeld import fouten_naar_form
from loopbaangesprekken.models.scholingsplan import Route
from tfvv import begroting, budget_selectors, herinneringen, plafond
from tfvv.forms import BevestigCodeForm
from tfvv.models import (
    Begrotingsperiode,
    Budgetboeking,
    Plafondbesluit,
)
from tfvv.roles import Rol
from tfvv.stepup import StapOpVereistMixin
from tfvv.templatetags.bedragen import euro
from tfvv.views.base import RolVereistMixin

FORMULIEREN = {
    "periode_form": PeriodeForm, "bron_form": BronForm, "post_form": PostForm,
    "post_wijzigen_form": PostWijzigenForm, "toezegging_form": ToezeggingForm,
    "besteding_form": BestedingForm, "oormerk_form": OormerkregelForm,
}


def periode_formulieren(user, periode_id, data=None) -> dict:
    """The forms that belong to one period (own ids, so several periods fit on one page)."""
    return {
        "voorstel": PlafondVoorstelForm(data, auto_id=f"id_p{periode_id}_%s"),
        "goedkeuren": BevestigCodeForm(user, data, auto_id=f"id_goedkeuren{periode_id}_%s"),
        "intrekken": VoorstelIntrekkenForm(data, auto_id=f"id_intrekken{periode_id}_%s"),
    }


def beperking(regel) -> str:
    """An earmarking rule's restrictions in words (tfvv keeps them as codes)."""
    if regel is None:
        return ""
    delen = []
    if regel.arbeidssituatie:
        delen.append(_("alleen %(wie)s") % {
            "wie": dict(Arbeidssituatie.choices).get(regel.arbeidssituatie,
                                                     regel.arbeidssituatie)})
    if regel.route:
        delen.append(_("alleen route: %(route)s") % {
            "route": dict(Route.choices).get(regel.route, regel.route)})
    if regel.maximum is not None:
        delen.append(_("maximum %(bedrag)s") % {"bedrag": euro(regel.maximum)})
    return "; ".join(delen)


class BudgetView(RolVereistMixin, TemplateView):
    rollen = BUDGETBEHEER
    template_name = "cheques/budget.html"

    def get_context_data(self, **kwargs):
        perioden = list(Begrotingsperiode.objects.prefetch_related("toezeggingen__bron"))
        fout = kwargs.get("periode_fout")  # (periode_id, form name, refused form)
        overzicht = []
        for stand in budget_selectors.standen(perioden):
            periode = stand.periode
            formulieren = periode_formulieren(self.request.user, periode.pk)
            if fout and fout[0] == periode.pk:
                formulieren[fout[1]] = fout[2]
            overzicht.append({
                "stand": stand, "posten": budget_selectors.posten(periode, stand),
                "dekking": budget_selectors.dekking(periode),
                "bronnen": [{"stand": b, "beperking": beperking(b.regel)}
                            for b in budget_selectors.bronstanden(periode)],
                "niet_toegerekend": budget_selectors.niet_toegerekend(periode),
                "besluiten": list(periode.plafondbesluiten.filter(goedgekeurd_op__isnull=False)
                                  .select_related("voorgesteld_door", "goedgekeurd_door")
                                  .order_by("-goedgekeurd_op")),
                "voorstel": budget_selectors.open_voorstel(periode),
                "formulieren": formulieren,
            })
        return {
            **super().get_context_data(**kwargs),
            "overzicht": overzicht,
            # The funder report holds pseudonymised participant rows: financieel only.
            "mag_verantwoording": self.request.user.heeft_rol(Rol.FINANCIEEL),
            "beheerwaarschuwingen": herinneringen.beheerwaarschuwingen(),
            "boekingen": list(Budgetboeking.objects.select_related("periode")
                              .order_by("-tijdstip", "-id")[:50]),
            **{naam: kwargs.get(naam) or cls(auto_id=f"id_{naam}_%s")
               for naam, cls in FORMULIEREN.items()},
        }


class BudgetActie(RolVereistMixin, StapOpVereistMixin, View):
    """POST a form to a service; on refusal show the page again with the form's errors."""

    rollen = BUDGETBEHEER
    form_class = None
    form_naam = ""
    melding = ""

    def maak_form(self):
        return self.form_class(self.request.POST, auto_id=f"id_{self.form_naam}_%s")

    def fout_context(self, form) -> dict:
        return {self.form_naam: form}

    def post(self, request, **kwargs):
        form = self.maak_form()
        if form.is_valid():
            try:
                self.uitvoeren(form.cleaned_data)
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, self.melding)
                return redirect("cheques:budget")
        view = BudgetView(request=request, kwargs={})
        return render(request, view.template_name,
                      view.get_context_data(**self.fout_context(form)), status=400)


class PeriodeActie(BudgetActie):
    """An action on the plafond of one period: its form sits in that period's section."""

    def periode_id(self) -> int:
        if "besluit_id" in self.kwargs:
            return get_object_or_404(Plafondbesluit, pk=self.kwargs["besluit_id"]).periode_id
        return get_object_or_404(Begrotingsperiode, pk=self.kwargs["periode_id"]).pk

    def maak_form(self):
        return periode_formulieren(self.request.user, self.periode_id(),
                                   self.request.POST)[self.form_naam]

    def fout_context(self, form) -> dict:
        return {"periode_fout": (self.periode_id(), self.form_naam, form)}


class PeriodeToevoegenView(BudgetActie):
    form_class, form_naam = PeriodeForm, "periode_form"
    melding = _("De begrotingsperiode is aangemaakt.")

    def uitvoeren(self, data):
        begroting.maak_periode(door=self.request.user, **data)


class BronToevoegenView(BudgetActie):
    form_class, form_naam = BronForm, "bron_form"
    melding = _("De financieringsbron is toegevoegd.")

    def uitvoeren(self, data):
        begroting.voeg_bron_toe(door=self.request.user, **data)


class PostToevoegenView(BudgetActie):
    form_class, form_naam = PostForm, "post_form"
    melding = _("De begrotingspost is toegevoegd.")

    def uitvoeren(self, data):
        begroting.voeg_post_toe(door=self.request.user, **data)


class PostWijzigenView(BudgetActie):
    form_class, form_naam = PostWijzigenForm, "post_wijzigen_form"
    melding = _("De begrotingspost is gewijzigd.")

    def uitvoeren(self, data):
        begroting.wijzig_post(door=self.request.user, **data)


class ToezeggingToevoegenView(BudgetActie):
    form_class, form_naam = ToezeggingForm, "toezegging_form"
    melding = _("De toezegging is toegevoegd. Het subsidieplafond verandert pas met een "
                "nieuw plafondbesluit.")

    def uitvoeren(self, data):
        begroting.voeg_toezegging_toe(door=self.request.user, **data)


class BestedingBoekenView(BudgetActie):
    form_class, form_naam = BestedingForm, "besteding_form"
    melding = _("De uitgave is geboekt.")

    def uitvoeren(self, data):
        begroting.boek_besteding(door=self.request.user, **data)


class OormerkregelView(BudgetActie):
    form_class, form_naam = OormerkregelForm, "oormerk_form"
    melding = _("De oormerkregel is vastgelegd. Zij geldt voor de toekenningen vanaf nu.")

    def uitvoeren(self, data):
        begroting.leg_oormerkregel_vast(door=self.request.user, **data)


class PlafondVoorstellenView(PeriodeActie):
    form_naam = "voorstel"
    melding = _("Het plafondbesluit is voorgesteld. Het geldt pas als een tweede persoon "
                "het goedkeurt.")

    def uitvoeren(self, data):
        plafond.stel_voor(periode=get_object_or_404(Begrotingsperiode, pk=self.periode_id()),
                          door=self.request.user, **data)


class PlafondGoedkeurenView(PeriodeActie):
    form_naam = "goedkeuren"
    melding = _("Het plafondbesluit is goedgekeurd en geldt vanaf nu.")

    def uitvoeren(self, data):
        plafond.keur_goed(besluit=get_object_or_404(Plafondbesluit, pk=self.kwargs["besluit_id"]),
                          door=self.request.user)


class PlafondIntrekkenView(PeriodeActie):
    form_naam = "intrekken"
    melding = _("Het voorstel is ingetrokken.")

    def uitvoeren(self, data):
        plafond.trek_in(besluit=get_object_or_404(Plafondbesluit, pk=self.kwargs["besluit_id"]),
                        door=self.request.user, **data)
