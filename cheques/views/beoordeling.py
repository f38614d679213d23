"""The beoordelaar: work queue, the plan with the subsidietoets, and every decision on it."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from cheques import dossier, motivering, selectors, services, toets
from cheques.forms import (
    AanvullingForm,
    AfwijzenForm,
    BuitenBehandelingForm,
    TerugsturenForm,
    ToekennenForm,
    VerwerpenForm,
    VoorstelIntrekkenForm,
    WerkvoorraadFilter,
)
from cheques.models import Beschikking
from cheques.permissions import BESLISSERS
from cheques.views.gedeeld import (
    FOUTEN,
    PER_PAGINA,
    algemene_fouten_als_melding,
    fouten_naar_form,
)
from loopbaangesprekken.models import Scholingsplan
from tfvv.events import registreer_inzage
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin


class BeoordelenView(RolVereistMixin, TemplateView):
    rollen = BESLISSERS
    template_name = "cheques/beoordelen.html"

    def get_context_data(self, **kwargs):
        filter_form = WerkvoorraadFilter(self.request.GET or None)
        keuze = filter_form.cleaned_data if filter_form.is_valid() else {}
        status, verdict, termijn = (keuze.get(k, "") for k in ("status", "toets", "termijn"))
        sorteer = self.request.GET.get("sorteer", "")
        if sorteer not in selectors.WERKVOORRAAD_SORTERING:  # whitelisted
            sorteer = "ontvangen"
        if verdict or termijn:  # computed per plan: filter the whole queue
            regels = selectors.werkvoorraad(status=status, verdict=verdict, termijn=termijn,
                                            sorteer=sorteer)
            pagina = Paginator(regels, PER_PAGINA).get_page(self.request.GET.get("pagina"))
        else:  # page in SQL, then compute only the rows shown
            plannen = selectors.werkvoorraad_plannen(status=status, sorteer=sorteer)
            pagina = Paginator(plannen, PER_PAGINA).get_page(self.request.GET.get("pagina"))
            pagina.object_list = selectors.regels_voor(pagina.object_list)
        return {**super().get_context_data(**kwargs), "filter": filter_form, "pagina": pagina,
                "sorteer": sorteer}


def _afwijsopties(plan) -> dict:
    """The AfwijzenForm's choices: only rules the toets found niet voldaan or handmatig."""
    citeerbaar = motivering.citeerbare_regels(plan.toets_snapshot)
    if not toets.regels(plan.toets_snapshot):
        return {"regels": [(motivering.OVERIG, _("overige voorwaarden van de verordening"))]}
    return {
        "regels": [(str(r.get("id")), f"{r.get('id')}: {r.get('uitleg', '')}"[:200])
                   for r in citeerbaar],
        "handmatig": [str(r.get("id")) for r in citeerbaar
                      if toets.soort(r.get("uitkomst")) == toets.HANDMATIG],
    }


class PlanView(RolVereistMixin, StapOpVereistMixin, View):
    """The plan with the subsidietoets and every decision form."""

    rollen = BESLISSERS
    template_name = "cheques/plan.html"

    def plan(self):
        try:
            return selectors.plan_voor_beoordeling(self.kwargs["plan_id"])
        except Scholingsplan.DoesNotExist as e:
            raise Http404 from e

    def mogelijkheden(self, plan, concept) -> dict:
        open_ = concept is None
        return {
            "kan_besluiten": open_ and plan.status == Scholingsplan.Status.INGEDIEND,
            "kan_afwijzen": open_ and plan.status in (Scholingsplan.Status.INGEDIEND,
                                                      Scholingsplan.Status.AANVULLING),
            "kan_buiten_behandeling": open_ and services.hersteltermijn_verstreken(
                plan, timezone.localdate()),
            "kan_medeondertekenen": concept is not None
            and concept.status == Beschikking.Status.CONCEPT,
            "kan_voorstel_intrekken": concept is not None
            and concept.status == Beschikking.Status.CONCEPT
            and concept.beoordelaar_id == self.request.user.pk,
        }

    def concept(self, plan):
        return Beschikking.objects.filter(plan=plan).select_related(
            "beoordelaar", "medeondertekenaar").first()

    def toon(self, plan, status=200, **forms):
        concept = self.concept(plan)
        context = {
            "plan": plan, "aanvraag": plan.aanvraag, "beschikking": concept,
            "p": dossier.planregel(plan), "toon_bewijs": True,
            "documenten": dossier.documenten_van(plan.aanvraag),
            "toets": toets.uitslag(plan.toets_snapshot),
            "verdict": toets.verdict(plan.toets_snapshot),
            "termijn": selectors.beslistermijn(
                plan, selectors.termijnmomenten([plan.pk]).get(plan.pk, []),
                timezone.localdate())
            if plan.ingediend_op else None,
            **self.mogelijkheden(plan, concept),
            "regeling": plan.regeling,
            "aanvulling_form": forms.get("aanvulling_form") or AanvullingForm(),
            "terugsturen_form": forms.get("terugsturen_form") or TerugsturenForm(),
            "toekennen_form": forms.get("toekennen_form") or ToekennenForm(
                initial={"bedrag": plan.gevraagd_bedrag}),
            "afwijzen_form": forms.get("afwijzen_form") or AfwijzenForm(
                **_afwijsopties(plan),
                initial={"regels": toets.niet_voldane_regels(plan.toets_snapshot)}),
            "buiten_form": forms.get("buiten_form") or BuitenBehandelingForm(),
            "verwerpen_form": forms.get("verwerpen_form") or VerwerpenForm(),
            "voorstel_intrekken_form": forms.get("voorstel_intrekken_form")
            or VoorstelIntrekkenForm(),
        }
        registreer_inzage(gebruiker=self.request.user, handeling="bekeken",
                          onderdeel="scholingsplan (beoordeling)", dossier_id=plan.aanvraag_id,
                          betrokkene_id=plan.aanvraag.aanvrager_id, pad=self.request.path)
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, plan_id):
        return self.toon(self.plan())


class PlanActie(PlanView):
    """POST one decision on a plan; errors go back to the plan page at the field.
    Subclasses define `uitvoeren(plan, data)`, which calls the service."""

    form_class = None
    form_naam = ""
    melding = ""
    vereist = "kan_besluiten"

    def maak_form(self, plan):
        return self.form_class(self.request.POST)

    def get(self, request, plan_id):
        return redirect("cheques:plan", plan_id=plan_id)

    def post(self, request, plan_id):
        plan = self.plan()
        if not self.mogelijkheden(plan, self.concept(plan))[self.vereist]:
            messages.error(request, _("Dit besluit is nu niet mogelijk (status: %(status)s).")
                           % {"status": plan.get_status_display()})
            return self.toon(plan, status=400)
        form = self.maak_form(plan)
        if form.is_valid():
            try:
                self.uitvoeren(plan, form.cleaned_data)
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, self.melding)
                return redirect("cheques:plan", plan_id=plan.pk)
        algemene_fouten_als_melding(request, form)
        return self.toon(self.plan(), status=400, **{self.form_naam: form})


class AanvullingVragenView(PlanActie):
    form_class, form_naam = AanvullingForm, "aanvulling_form"
    melding = _("De aanvulling is gevraagd; consulent en inwoner zijn geïnformeerd.")

    def uitvoeren(self, plan, data):
        services.vraag_aanvulling(plan=plan, door=self.request.user, **data)


class TerugsturenView(PlanActie):
    form_class, form_naam = TerugsturenForm, "terugsturen_form"
    melding = _("Het scholingsplan is teruggestuurd; de consulent is geïnformeerd.")

    def uitvoeren(self, plan, data):
        services.terugsturen(plan=plan, door=self.request.user, **data)


class ToekennenView(PlanActie):
    form_class, form_naam = ToekennenForm, "toekennen_form"
    melding = _("Het besluit is vastgelegd.")

    def uitvoeren(self, plan, data):
        b = services.toekennen(plan=plan, door=self.request.user, **data)
        if b.status == Beschikking.Status.CONCEPT:
            self.melding = _("De toekenning wacht op een tweede beoordelaar.")
        else:
            self.melding = _("Toegekend: cheque %(nummer)s is uitgegeven.") % {
                "nummer": b.cheque.nummer}


class AfwijzenView(PlanActie):
    form_naam = "afwijzen_form"
    vereist = "kan_afwijzen"
    melding = _("De aanvraag is afgewezen; de beschikking wordt verzonden.")

    def maak_form(self, plan):
        self.form = AfwijzenForm(self.request.POST, **_afwijsopties(plan))
        return self.form

    def uitvoeren(self, plan, data):
        services.afwijzen(plan=plan, door=self.request.user, motivering=data["motivering"],
                          regels=data["regels"], redenen=self.form.redenen())


class BuitenBehandelingView(PlanActie):
    form_class, form_naam = BuitenBehandelingForm, "buiten_form"
    vereist = "kan_buiten_behandeling"
    melding = _("De aanvraag is buiten behandeling gesteld.")

    def uitvoeren(self, plan, data):
        services.buiten_behandeling_stellen(plan=plan, door=self.request.user, **data)


class MedeondertekenenView(PlanActie):
    melding = _("U heeft medeondertekend; de cheque is uitgegeven.")

    def post(self, request, plan_id):
        plan = self.plan()
        beschikking = get_object_or_404(Beschikking, plan=plan,
                                        status=Beschikking.Status.CONCEPT)
        try:
            services.medeondertekenen(beschikking=beschikking, door=request.user)
        except FOUTEN as fout:
            form = ToekennenForm(initial={"bedrag": beschikking.bedrag})
            fouten_naar_form(form, fout)
            for fouten in form.errors.values():
                for tekst in fouten:
                    messages.error(request, tekst)
            return self.toon(self.plan(), status=400)
        messages.success(request, self.melding)
        return redirect("cheques:plan", plan_id=plan.pk)


class VerwerpenView(PlanActie):
    form_class, form_naam = VerwerpenForm, "verwerpen_form"
    vereist = "kan_medeondertekenen"
    melding = _("Het voorstel is niet medeondertekend; het plan staat weer open.")

    def uitvoeren(self, plan, data):
        beschikking = Beschikking.objects.get(plan=plan, status=Beschikking.Status.CONCEPT)
        services.concept_verwerpen(beschikking=beschikking, door=self.request.user, **data)


class VoorstelIntrekkenView(PlanActie):
    """The proposer takes back their own proposal before it is co-signed."""

    form_class, form_naam = VoorstelIntrekkenForm, "voorstel_intrekken_form"
    vereist = "kan_voorstel_intrekken"
    melding = _("U heeft uw voorstel ingetrokken; het plan staat weer open in de werkvoorraad.")

    def uitvoeren(self, plan, data):
        beschikking = Beschikking.objects.get(plan=plan, status=Beschikking.Status.CONCEPT)
        services.voorstel_intrekken(beschikking=beschikking, door=self.request.user, **data)
