"""The consulent's scholingsplan pages (thin: check, call a service or selector, render)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from aanvragen.models import Aanvraag
from loopbaangesprekken.forms_akkoord import NamensInwonerForm
from loopbaangesprekken.forms_scholingsplan import (
    AanvullingIndienenForm,
    CofinancieringFormSet,
    KostenFormSet,
    ScholingsplanForm,
)
from loopbaangesprekken.models import Cofinancieringsregel, Planakkoord, Scholingsplan
from loopbaangesprekken.permissions_scholingsplan import (
    mag_plan_maken,
    mag_plan_wijzigen,
    mag_plan_zien,
)
from loopbaangesprekken.selectors import scholingsplan as selectors
from loopbaangesprekken.selectors.akkoord import akkoordstand, laatste_namens
from loopbaangesprekken.services import akkoord as akkoord_services
from loopbaangesprekken.services import scholingsplan as services
from tfvv.events import registreer_inzage
from tfvv.permissions import mag_loket_zien
from tfvv.roles import Rol
from tfvv.statemachine import OngeldigeTransitie
from tfvv.views.base import RolVereistMixin

TEMPLATE_FORMULIER = "loopbaangesprekken/scholingsplan_formulier.html"


def _vereist(toegang):
    if not toegang:
        raise PermissionDenied(toegang.reden)


def _niet_van_ander_loket(user, aanvraag):
    """A consulent of the other loket gets 404, exactly like a record that does not exist
    (docs/consulenten.md); the beoordelaar sees the plans of both loketten."""
    if (user.heeft_rol(Rol.CONSULENT) and not user.heeft_rol(Rol.BEOORDELAAR)
            and not mag_loket_zien(user, aanvraag.loket)):
        raise Http404


def _log_inzage(request, aanvraag, onderdeel="scholingsplan", handeling="bekeken"):
    registreer_inzage(gebruiker=request.user, handeling=handeling, onderdeel=onderdeel,
                      dossier_id=aanvraag.pk, betrokkene_id=aanvraag.aanvrager_id,
                      pad=request.path)


def _plan(pk) -> Scholingsplan:
    try:
        return selectors.plan_met_details(pk)
    except Scholingsplan.DoesNotExist:
        raise Http404(_("Dit scholingsplan bestaat niet.")) from None


class PlanFormulierMixin(RolVereistMixin):
    """Create and edit share the form, the two line formsets and the live verdict."""

    rollen = (Rol.CONSULENT,)

    def formulieren(self, aanvraag, plan, data=None, files=None):
        instance = plan or Scholingsplan(aanvraag=aanvraag)
        return (ScholingsplanForm(data, files, instance=instance, aanvraag=aanvraag),
                KostenFormSet(data, instance=instance, prefix="kosten"),
                CofinancieringFormSet(data, files, instance=instance, prefix="cofinanciering"))

    def toon(self, request, aanvraag, plan, form, kosten, cofinanciering, status=200):
        context = {"aanvraag": aanvraag, "plan": plan, "form": form, "kosten": kosten,
                   "cofinanciering": cofinanciering}
        if plan is not None:
            context["toets"] = selectors.actuele_toets(plan)
            context["bedragen"] = selectors.bedragen(plan)
            context["reden_teruggestuurd"] = selectors.reden_teruggestuurd(plan)
            context["aanvulling"] = selectors.aanvulling_gevraagd(plan)
            context["stand"] = akkoordstand(plan)
        return render(request, TEMPLATE_FORMULIER, context, status=status)

    def bewaar(self, request, aanvraag, plan):
        form, kosten, cofinanciering = self.formulieren(aanvraag, plan, request.POST,
                                                        request.FILES)
        if not all([form.is_valid(), kosten.is_valid(), cofinanciering.is_valid()]):
            messages.error(request, _("Het scholingsplan is niet opgeslagen: verbeter de "
                                      "gemarkeerde velden."))
            # the bound form wrote the refused input into `plan`: the verdict and the
            # amounts are those of the stored draft
            opgeslagen = _plan(plan.pk) if plan else None
            return self.toon(request, aanvraag, opgeslagen, form, kosten, cofinanciering,
                             status=400)
        try:
            plan = services.bewaar_concept(aanvraag=aanvraag, actor=request.user, form=form,
                                           kosten=kosten, cofinanciering=cofinanciering)
        except OngeldigeTransitie:
            messages.error(request, _("Dit scholingsplan kan nu niet worden gewijzigd."))
            return redirect("loopbaangesprekken:scholingsplan", pk=plan.pk) if plan else \
                redirect("tfvv:start")
        if request.POST.get("actie") == "controleren":
            messages.info(request, _("Opgeslagen als concept. De subsidietoets is bijgewerkt."))
            return redirect(reverse("loopbaangesprekken:scholingsplan-bewerken",
                                    kwargs={"pk": plan.pk}) + "#subsidietoets")
        messages.success(request, _("Het scholingsplan is opgeslagen als concept."))
        return redirect("loopbaangesprekken:scholingsplan", pk=plan.pk)


class _PlanWijzigenMixin(RolVereistMixin):
    """A plan the consulent may still change (edit, put up, submit)."""

    rollen = (Rol.CONSULENT,)

    def plan(self, pk):
        plan = _plan(pk)
        _niet_van_ander_loket(self.request.user, plan.aanvraag)
        _vereist(mag_plan_wijzigen(self.request.user, plan))
        return plan


class PlanNieuwView(PlanFormulierMixin, View):
    def aanvraag(self, aanvraag_id):
        aanvraag = get_object_or_404(Aanvraag, pk=aanvraag_id)
        _niet_van_ander_loket(self.request.user, aanvraag)
        _vereist(mag_plan_maken(self.request.user, aanvraag))
        return aanvraag

    def get(self, request, aanvraag_id):
        aanvraag = self.aanvraag(aanvraag_id)
        _log_inzage(request, aanvraag, "scholingsplan (nieuw)")
        return self.toon(request, aanvraag, None, *self.formulieren(aanvraag, None))

    def post(self, request, aanvraag_id):
        return self.bewaar(request, self.aanvraag(aanvraag_id), None)


class PlanBewerkenView(PlanFormulierMixin, _PlanWijzigenMixin, View):
    def get(self, request, pk):
        plan = self.plan(pk)
        _log_inzage(request, plan.aanvraag, "scholingsplan (bewerken)")
        return self.toon(request, plan.aanvraag, plan, *self.formulieren(plan.aanvraag, plan))

    def post(self, request, pk):
        plan = self.plan(pk)
        return self.bewaar(request, plan.aanvraag, plan)


def _toon_plan(request, plan, aanvulling_form=None, status=200):
    return render(request, "loopbaangesprekken/scholingsplan.html", {
        "plan": plan, "aanvraag": plan.aanvraag, "toets": selectors.toets_voor_plan(plan),
        "bedragen": selectors.bedragen(plan),
        "mag_wijzigen": bool(mag_plan_wijzigen(request.user, plan)),
        "reden_teruggestuurd": selectors.reden_teruggestuurd(plan),
        "aanvulling": selectors.aanvulling_gevraagd(plan),
        "aanvulling_form": aanvulling_form or AanvullingIndienenForm(),
        "stand": akkoordstand(plan), "namens": laatste_namens(plan),
    }, status=status)


class PlanView(RolVereistMixin, View):
    rollen = (Rol.CONSULENT, Rol.BEOORDELAAR)

    def get(self, request, pk):
        plan = _plan(pk)
        _niet_van_ander_loket(request.user, plan.aanvraag)
        _vereist(mag_plan_zien(request.user, plan))
        _log_inzage(request, plan.aanvraag)
        return _toon_plan(request, plan)


class PlanVoorleggenView(_PlanWijzigenMixin, View):
    """Put the plan up for the resident's approval; they get an e-mail to log in."""

    def post(self, request, pk):
        plan = self.plan(pk)
        try:
            akkoord_services.leg_voor(plan=plan, actor=request.user)
        except OngeldigeTransitie as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, _("Het plan is voorgelegd aan %(naam)s. De inwoner krijgt "
                                        "een e-mail en geeft het akkoord in de persoonlijke "
                                        "omgeving.") % {"naam": plan.aanvraag.naam})
        return redirect("loopbaangesprekken:scholingsplan", pk=pk)


class PlanIndienenView(_PlanWijzigenMixin, View):
    """Submit, with the resident's approval of this version of the plan; after an
    aanvulverzoek with a change to the plan or a note on what was supplied."""

    def post(self, request, pk):
        plan = self.plan(pk)
        form = AanvullingIndienenForm(request.POST)
        if not form.is_valid():
            return self.toon(plan, form, status=400)
        return self.dien_in(plan, form, toelichting=form.cleaned_data["toelichting"])

    def toon(self, plan, form, status=200):
        return _toon_plan(self.request, plan, form, status=status)

    def dien_in(self, plan, form, **gegevens):
        request = self.request
        try:
            plan = services.indienen(plan=plan, actor=request.user, **gegevens)
        except ValidationError as fout:
            for veld, lijst in fout.error_dict.items():
                form.add_error(veld, lijst)
            return self.toon(plan, form, status=400)
        except selectors.GeenRegeling:
            messages.error(request, _("Op de aanvraagdatum is geen regeling van kracht; het plan "
                                      "kan niet worden getoetst. Neem contact op met beheer."))
        except akkoord_services.GeenAkkoord:
            messages.error(request, _("Het scholingsplan is niet ingediend: de inwoner heeft nog "
                                      "geen akkoord gegeven op deze versie. Leg het plan voor "
                                      "aan de inwoner, of dien het in namens de inwoner met "
                                      "een reden."))
        except OngeldigeTransitie:
            messages.error(request, _("Dit scholingsplan kan nu niet worden ingediend."))
        else:
            uitkomst = plan.toets_snapshot["uitslag"]["uitkomst"]
            messages.success(request, _("Het scholingsplan is ingediend bij gemeente Enschede. "
                                        "Uitkomst subsidietoets: %(uitkomst)s.")
                             % {"uitkomst": uitkomst})
        return redirect("loopbaangesprekken:scholingsplan", pk=plan.pk)


class PlanIndienenNamensView(PlanIndienenView):
    """Submit on the resident's behalf, without their approval in the portal: a reason is
    required, the signed paper form optional; both are recorded."""

    template_name = "loopbaangesprekken/scholingsplan_namens.html"

    def toon(self, plan, form, status=200):
        return render(self.request, self.template_name, {
            "plan": plan, "aanvraag": plan.aanvraag, "form": form,
            "stand": akkoordstand(plan)}, status=status)

    def get(self, request, pk):
        return self.toon(self.plan(pk), NamensInwonerForm())

    def post(self, request, pk):
        plan = self.plan(pk)
        form = NamensInwonerForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.toon(plan, form, status=400)
        return self.dien_in(plan, form, namens_inwoner=form.cleaned_data["reden"],
                            formulier=form.cleaned_data["formulier"],
                            toelichting=form.cleaned_data["toelichting"])


class BewijsView(RolVereistMixin, View):
    """Download an evidence file of a plan, for those who may see the plan."""

    rollen = (Rol.CONSULENT, Rol.BEOORDELAAR)
    soort = "cofinanciering"  # or "arbeidsmarkt", "akkoordformulier"

    def get(self, request, pk):
        if self.soort == "cofinanciering":
            regel = get_object_or_404(Cofinancieringsregel.objects.select_related(
                "plan__aanvraag"), pk=pk)
            plan, bestand = regel.plan, regel.bewijs
        elif self.soort == "akkoordformulier":
            stap = get_object_or_404(Planakkoord.objects.select_related("plan__aanvraag"),
                                     pk=pk)
            plan, bestand = stap.plan, stap.formulier
        else:
            plan = get_object_or_404(Scholingsplan.objects.select_related("aanvraag"), pk=pk)
            bestand = plan.arbeidsmarktperspectief_bewijs
        _niet_van_ander_loket(request.user, plan.aanvraag)
        _vereist(mag_plan_zien(request.user, plan))
        if not bestand:
            raise Http404(_("Er is geen bestand."))
        _log_inzage(request, plan.aanvraag, f"scholingsplan: bewijs {self.soort}",
                    "gedownload")
        return FileResponse(bestand.open("rb"), as_attachment=True,
                            filename=bestand.name.rsplit("/", 1)[-1])
