"""Thin views: parse, call a service, render. Each POST view has one handler, so a
step-up decorator can wrap it."""


from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from cheques import selectors, services, toets, verificatie
from cheques.forms import (
    AanvullingForm,
    AfwijzenForm,
    BetalenForm,
    BuitenBehandelingForm,
    ControlerenForm,
    DeclaratieForm,
    IntrekkenForm,
    PeriodeForm,
    PublicerenForm,
    TerugsturenForm,
    ToekennenForm,
    ToezeggingForm,
    VaststellenForm,
    VerwerpenForm,
    WerkvoorraadFilter,
)
from cheques.models import Beschikking, Cheque
from cheques.permissions import BESLISSERS, BUDGETBEHEER, FINANCIEN, mag_document_zien
from cheques.workflow import cheque_statusmachine
from loopbaangesprekken.models import Scholingsplan
from tfvv import budget, budget_selectors, ratelimit
from tfvv.events import registreer_inzage
from tfvv.export import csv_response
from tfvv.models import Begrotingsperiode, Budgetboeking
from tfvv.permissions import mag_loket_zien
from tfvv.roles import Rol
from tfvv.statemachine import OngeldigeTransitie
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin


def _fouten_naar_form(form, fout):
    """Put a service's ValidationError (or plafond refusal) on the form's fields."""
    if isinstance(fout, budget.PlafondOverschreden):
        fout = ValidationError({"bedrag": str(fout)})
    if isinstance(fout, OngeldigeTransitie):
        fout = ValidationError(str(fout))
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, lijst)
    else:
        form.add_error(None, fout)


def _algemene_fouten_als_melding(request, form):
    """Errors not tied to a field go to the page's message area (the form may be hidden)."""
    for fout in form.errors.pop(NON_FIELD_ERRORS, []):
        messages.error(request, fout)


FOUTEN = (ValidationError, budget.PlafondOverschreden, OngeldigeTransitie)


# --- beoordelaar -------------------------------------------------------------------------

PER_PAGINA = 50


class BeoordelenView(RolVereistMixin, TemplateView):
    rollen = BESLISSERS
    template_name = "cheques/beoordelen.html"

    def get_context_data(self, **kwargs):
        filter_form = WerkvoorraadFilter(self.request.GET or None)
        keuze = filter_form.cleaned_data if filter_form.is_valid() else {}
        status, verdict, termijn = (keuze.get(k, "") for k in ("status", "toets", "termijn"))
        if verdict or termijn:  # computed per plan: filter the whole queue
            regels = selectors.werkvoorraad(status=status, verdict=verdict, termijn=termijn)
            pagina = Paginator(regels, PER_PAGINA).get_page(self.request.GET.get("pagina"))
        else:  # page in SQL, then compute only the rows shown
            pagina = Paginator(selectors.werkvoorraad_plannen(status=status), PER_PAGINA) \
                .get_page(self.request.GET.get("pagina"))
            pagina.object_list = selectors.regels_voor(pagina.object_list)
        return {**super().get_context_data(**kwargs), "filter": filter_form, "pagina": pagina}


def _afwijsregels(plan):
    regels = toets.regels(plan.toets_snapshot)
    return [(str(r.get("id")), f"{r.get('id')}: {r.get('uitleg', '')}"[:200]) for r in regels] or [
        ("overig", _("overige voorwaarden van de verordening"))]


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
        }

    def concept(self, plan):
        return Beschikking.objects.filter(plan=plan).select_related(
            "beoordelaar", "medeondertekenaar").first()

    def toon(self, plan, status=200, **forms):
        concept = self.concept(plan)
        context = {
            "plan": plan, "aanvraag": plan.aanvraag, "beschikking": concept,
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
                regels=_afwijsregels(plan),
                initial={"regels": toets.niet_voldane_regels(plan.toets_snapshot)}),
            "buiten_form": forms.get("buiten_form") or BuitenBehandelingForm(),
            "verwerpen_form": forms.get("verwerpen_form") or VerwerpenForm(),
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
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, self.melding)
                return redirect("cheques:plan", plan_id=plan.pk)
        _algemene_fouten_als_melding(request, form)
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
        return AfwijzenForm(self.request.POST, regels=_afwijsregels(plan))

    def uitvoeren(self, plan, data):
        services.afwijzen(plan=plan, door=self.request.user, motivering=data["motivering"],
                          regels=data["regels"])


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
            _fouten_naar_form(form, fout)
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


# --- finance -------------------------------------------------------------------------------

class FinancienView(RolVereistMixin, TemplateView):
    rollen = FINANCIEN
    template_name = "cheques/financien.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        if status not in Cheque.Status.values:
            status = ""
        pagina = Paginator(selectors.cheques_voor_financien(status=status), PER_PAGINA) \
            .get_page(self.request.GET.get("pagina"))
        return {**super().get_context_data(**kwargs), "status": status,
                "statussen": Cheque.Status.choices, "pagina": pagina,
                "batch_form": kwargs.get("batch_form") or BetalenForm(),
                "batches": selectors.betaalbatches(),
                "te_betalen": Cheque.objects.filter(status=Cheque.Status.VASTGESTELD).count()}


class ChequeView(RolVereistMixin, StapOpVereistMixin, View):
    rollen = FINANCIEN + BESLISSERS
    template_name = "cheques/cheque.html"

    def cheque(self):
        return get_object_or_404(
            Cheque.objects.select_related("opleider", "periode", "beschikking__plan__aanvraag"),
            nummer=self.kwargs["nummer"])

    def toon(self, cheque, status=200, **forms):
        registreer_inzage(gebruiker=self.request.user, handeling="bekeken", onderdeel="cheque",
                          dossier_id=cheque.beschikking.plan.aanvraag_id, pad=self.request.path)
        user = self.request.user
        context = {
            "cheque": cheque, "aanvraag": cheque.beschikking.plan.aanvraag,
            "declaraties": list(cheque.declaraties.all()),
            "betalingen": list(cheque.betalingen.all()),
            "is_financieel": user.heeft_rol(Rol.FINANCIEEL),
            "is_beoordelaar": user.heeft_rol(Rol.BEOORDELAAR),
            "declaratie_form": forms.get("declaratie_form") or DeclaratieForm(
                initial={"bedrag": cheque.bedrag}),
            "vaststellen_form": forms.get("vaststellen_form") or VaststellenForm(
                initial={"bedrag": (cheque.declaraties.order_by("-geregistreerd_op")
                                    .values_list("bedrag", flat=True).first())}),
            "betalen_form": forms.get("betalen_form") or BetalenForm(),
            "intrekken_form": forms.get("intrekken_form") or IntrekkenForm(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, nummer):
        return self.toon(self.cheque())


class ChequeActie(ChequeView):
    """POST one finance step on a cheque; subclasses define `uitvoeren(cheque, data)`."""

    form_class = None
    form_naam = ""
    melding = ""
    transitie = ""

    def get(self, request, nummer):
        return redirect("cheques:cheque", nummer=nummer)

    def post(self, request, nummer):
        cheque = self.cheque()
        if not cheque_statusmachine.toegestaan(cheque, self.transitie):
            messages.error(request, _("Dit kan niet bij een cheque met status %(status)s.")
                           % {"status": cheque.get_status_display()})
            return self.toon(cheque, status=400)
        form = self.form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                self.uitvoeren(cheque, form.cleaned_data)
            except FOUTEN as fout:
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, self.melding)
                return redirect("cheques:cheque", nummer=cheque.nummer)
        _algemene_fouten_als_melding(request, form)
        return self.toon(self.cheque(), status=400, **{self.form_naam: form})


class DeclaratieView(ChequeActie):
    rollen = FINANCIEN
    form_class, form_naam = DeclaratieForm, "declaratie_form"
    melding = _("De declaratie is geregistreerd.")
    transitie = "declareren"

    def uitvoeren(self, cheque, data):
        services.registreer_declaratie(cheque=cheque, door=self.request.user, **data)


class VaststellenView(ChequeActie):
    rollen = FINANCIEN
    form_class, form_naam = VaststellenForm, "vaststellen_form"
    melding = _("De subsidie is vastgesteld.")
    transitie = "vaststellen"

    def uitvoeren(self, cheque, data):
        services.vaststellen(cheque=cheque, door=self.request.user, **data)


class BetalenView(ChequeActie):
    rollen = FINANCIEN
    form_class, form_naam = BetalenForm, "betalen_form"
    melding = _("De betaling is vastgelegd.")
    transitie = "betalen"

    def uitvoeren(self, cheque, data):
        services.betalen(cheque=cheque, door=self.request.user, **data)


class IntrekkenView(ChequeActie):
    rollen = BESLISSERS
    form_class, form_naam = IntrekkenForm, "intrekken_form"
    melding = _("De cheque is ingetrokken; de reservering is vrijgegeven.")
    transitie = "intrekken"

    def uitvoeren(self, cheque, data):
        services.intrekken(cheque=cheque, door=self.request.user, **data)


class BetaalbatchView(RolVereistMixin, StapOpVereistMixin, View):
    rollen = FINANCIEN

    def post(self, request):
        form = BetalenForm(request.POST)
        if form.is_valid():
            try:
                batch = services.maak_betaalbatch(door=request.user, **form.cleaned_data)
            except ValidationError as fout:
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Betaalbatch %(batch)s is aangemaakt.") % {
                    "batch": batch})
                return redirect(reverse("cheques:financien") + f"?batch={batch}")
        _algemene_fouten_als_melding(request, form)
        view = FinancienView(request=request, kwargs={})
        return render(request, view.template_name,
                      view.get_context_data(batch_form=form), status=400)


class BetaalbatchCsvView(RolVereistMixin, View):
    rollen = FINANCIEN

    def get(self, request, batch):
        regels = selectors.betaalbatch_regels(batch)
        if not regels:
            raise Http404
        return csv_response(
            f"{batch}.csv",
            ["batch", "chequenummer", "opleider", "iban", "bedrag", "betaald_op",
             "begrotingsperiode"],
            [[b.batch, b.cheque.nummer, b.cheque.opleider.naam, b.cheque.opleider.iban,
              b.bedrag, b.betaald_op, b.cheque.periode.naam] for b in regels])


# --- budget --------------------------------------------------------------------------------

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


# --- public verification -----------------------------------------------------------------

class ControlerenView(View):
    template_name = "cheques/controleren.html"

    def get(self, request):
        return render(request, self.template_name, {"form": ControlerenForm()})

    def post(self, request):
        form = ControlerenForm(request.POST)
        limiet, venster = settings.TFVV_LIMIET_CHEQUECONTROLE_IP
        if not ratelimit.toegestaan("chequecontrole-ip", ratelimit.ip_adres(request),
                                    limiet=limiet, venster=venster):
            form.is_valid()
            form.add_error(None, _("Te veel pogingen. Probeer het over tien minuten opnieuw."))
            return render(request, self.template_name, {"form": form}, status=429)
        cheque = None
        if form.is_valid():
            cheque = (Cheque.objects.select_related("opleider")
                      .filter(nummer=form.cleaned_data["nummer"]).first())
            if cheque is None or not verificatie.klopt(verwacht_hash=cheque.verificatiecode_hash,
                                                        invoer=form.cleaned_data["code"]):
                cheque = None
                form.add_error(None, _("Deze combinatie van chequenummer en verificatiecode is "
                                       "niet bekend. Controleer beide en probeer het opnieuw."))
        return render(request, self.template_name, {
            "form": form, "cheque": cheque, "vandaag": timezone.localdate(),
            "geldig": cheque is not None and cheque.status == Cheque.Status.UITGEGEVEN
            and cheque.geldig_tot >= timezone.localdate(),
        }, status=200 if form.is_valid() or cheque else 400)


# --- documents -------------------------------------------------------------------------------

def _document(request, pk, *, cheque: bool):
    beschikking = get_object_or_404(
        Beschikking.objects.select_related("plan__aanvraag"), pk=pk)
    toegang = mag_document_zien(request.user, beschikking, cheque=cheque)
    if not toegang:
        user = request.user
        if not user.is_authenticated:
            # the links are the resident's (timeline, mail): their login page, where they
            # can ask for a new login link that brings them back here; it links staff on
            # to the staff login with the same `next`
            return redirect_to_login(request.get_full_path(), reverse("aanvragen:inloggen"))
        if user.is_medewerker and not user.is_verified():
            return redirect_to_login(request.get_full_path(),
                                     reverse("tfvv:inloggen-medewerker"))
        # another resident, or a consulent of the other loket (beschikking and cheque): as
        # if it did not exist, like every other record of someone else's case
        ander_loket = (user.heeft_rol(Rol.CONSULENT) and user.is_verified()
                       and not mag_loket_zien(user, beschikking.plan.aanvraag.loket))
        if not user.is_medewerker or ander_loket:
            raise Http404
        raise PermissionDenied(toegang.reden)
    if cheque:
        bestand = beschikking.cheque.pdf if hasattr(beschikking, "cheque") else None
    else:
        bestand = beschikking.brief
    if not bestand:
        raise Http404(_("Het document is nog niet klaar."))
    aanvraag = beschikking.plan.aanvraag
    if request.user.pk != aanvraag.aanvrager_id:
        registreer_inzage(gebruiker=request.user, handeling="gedownload",
                          onderdeel="scholingscheque" if cheque else "beschikking",
                          dossier_id=aanvraag.pk, betrokkene_id=aanvraag.aanvrager_id,
                          pad=request.path)
    naam = (f"{beschikking.cheque.nummer}.pdf" if cheque
            else f"beschikking-{aanvraag.referentie}.pdf")
    return FileResponse(bestand.open("rb"), as_attachment=True, filename=naam,
                        content_type="application/pdf")


def beschikking_pdf(request, pk):
    return _document(request, pk, cheque=False)


def cheque_pdf(request, pk):
    return _document(request, pk, cheque=True)
