"""The bezwaar register: the resident's digital bezwaar (portal), the beoordelaar's worklist
with the beslistermijn, registering a bezwaar received by post, and deciding on it."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from cheques import selectors
from cheques.forms_bezwaar import (
    BeroepForm,
    BeslissenOpBezwaarForm,
    BeslistermijnForm,
    BezwaarIndienenForm,
    BezwaarRegistrerenForm,
)
from cheques.models import Beschikking, Bezwaar, Vervolgbesluit
from cheques.permissions import BESLISSERS
from cheques.services import bezwaar as services
from cheques.views.gedeeld import FOUTEN, algemene_fouten_als_melding, fouten_naar_form
from tfvv.events import registreer_inzage
from tfvv.roles import Rol
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin

SOORTEN = {"beschikking": Beschikking, "besluit": Vervolgbesluit}


class BezwaarMakenView(RolVereistMixin, View):
    """The resident files a bezwaar against a decision on their own case."""

    rollen = (Rol.INWONER,)
    template_name = "cheques/bezwaar_maken.html"

    def besluit(self):
        model = SOORTEN.get(self.kwargs["soort"])
        if model is None:
            raise Http404
        besluit = get_object_or_404(model.objects.select_related(
            "plan__aanvraag" if model is Beschikking else "beschikking__plan__aanvraag"),
            pk=self.kwargs["pk"])
        beschikking = besluit if model is Beschikking else besluit.beschikking
        # someone else's decision: as if it did not exist
        if beschikking.plan.aanvraag.aanvrager_id != self.request.user.pk:
            raise Http404
        return besluit

    def toon(self, besluit, form, status=200):
        return render(self.request, self.template_name, {
            "besluit": besluit, "form": form, "vandaag": timezone.localdate(),
            "te_laat": besluit.bezwaartermijn_tot and besluit.bezwaartermijn_tot
            < timezone.localdate()}, status=status)

    def get(self, request, soort, pk):
        return self.toon(self.besluit(), BezwaarIndienenForm())

    def post(self, request, soort, pk):
        besluit = self.besluit()
        form = BezwaarIndienenForm(request.POST)
        if form.is_valid():
            try:
                bezwaar = services.dien_bezwaar_in(besluit=besluit, door=request.user,
                                                   gronden=form.cleaned_data["gronden"])
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _(
                    "Wij hebben uw bezwaar ontvangen. Wij beslissen uiterlijk op %(tot)s; u "
                    "krijgt een bevestiging per e-mail.") % {
                    "tot": f"{bezwaar.beslistermijn_tot:%d-%m-%Y}"})
                return redirect("aanvragen:mijn-aanvraag")
        algemene_fouten_als_melding(request, form)
        return self.toon(besluit, form, status=400)


class BezwarenView(RolVereistMixin, StapOpVereistMixin, View):
    """The beoordelaar's worklist of pending bezwaren, and registering one received by post."""

    rollen = BESLISSERS
    template_name = "cheques/bezwaren.html"

    def toon(self, form, status=200):
        return render(self.request, self.template_name, {
            "bezwaren": selectors.bezwaren_werkvoorraad(), "form": form,
            "vandaag": timezone.localdate()}, status=status)

    def get(self, request):
        return self.toon(BezwaarRegistrerenForm())

    def post(self, request):
        form = BezwaarRegistrerenForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            besluit = selectors.besluit_met_kenmerk(d["referentie"], d["besluitdatum"])
            if besluit is None:
                form.add_error("besluitdatum", _(
                    "Er is geen besluit van deze datum bij aanvraag %(ref)s.")
                    % {"ref": d["referentie"]})
            else:
                try:
                    bezwaar = services.registreer_bezwaar(
                        besluit=besluit, door=request.user, ontvangen_op=d["ontvangen_op"],
                        poststempel_op=d["poststempel_op"], gronden=d["gronden"])
                except FOUTEN as fout:
                    fouten_naar_form(form, fout)
                else:
                    messages.success(request, _("Het bezwaar is geregistreerd."))
                    return redirect("cheques:bezwaar", pk=bezwaar.pk)
        algemene_fouten_als_melding(request, form)
        return self.toon(form, status=400)


class BezwaarView(RolVereistMixin, StapOpVereistMixin, View):
    """One bezwaar: the contested decision, the beslistermijn, the beslissing and beroep."""

    rollen = BESLISSERS
    template_name = "cheques/bezwaar.html"
    ACTIES = {"termijn": BeslistermijnForm, "beslissen": BeslissenOpBezwaarForm,
              "beroep": BeroepForm}

    def bezwaar(self) -> Bezwaar:
        return get_object_or_404(Bezwaar.objects.select_related(
            "beschikking__plan__aanvraag", "vervolgbesluit", "beslissing"), pk=self.kwargs["pk"])

    def toon(self, bezwaar, status=200, **forms):
        aanvraag = bezwaar.beschikking.plan.aanvraag
        registreer_inzage(gebruiker=self.request.user, handeling="bekeken", onderdeel="bezwaar",
                          dossier_id=aanvraag.pk, betrokkene_id=aanvraag.aanvrager_id,
                          pad=self.request.path)
        context = {"bezwaar": bezwaar, "aanvraag": aanvraag, "vandaag": timezone.localdate(),
                   "verdaging": selectors.verdaging_van(bezwaar),
                   "termijn_form": forms.get("termijn") or BeslistermijnForm(initial={
                       "adviescommissie": bezwaar.adviescommissie,
                       "verdaagd": bezwaar.verdaagd}),
                   "beslissen_form": forms.get("beslissen") or BeslissenOpBezwaarForm(),
                   "beroep_form": forms.get("beroep") or BeroepForm()}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.toon(self.bezwaar())

    def post(self, request, pk):
        bezwaar = self.bezwaar()
        actie = request.POST.get("actie")
        if actie not in self.ACTIES:
            return self.toon(bezwaar, status=400)
        form = self.ACTIES[actie](request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                if actie == "termijn":
                    services.wijzig_beslistermijn(bezwaar=bezwaar, door=request.user, **d)
                    melding = _("De beslistermijn is aangepast.")
                elif actie == "beslissen":
                    services.beslis_op_bezwaar(bezwaar=bezwaar, door=request.user, **d)
                    melding = _("De beslissing op bezwaar is genomen; de brief wordt "
                                "verzonden.")
                else:
                    services.registreer_beroep(bezwaar=bezwaar, door=request.user,
                                               ingesteld_op=d["ingesteld_op"],
                                               uitspraak_op=d["uitspraak_op"],
                                               uitkomst=d["beroep_uitkomst"])
                    melding = _("Het beroep is vastgelegd.")
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, melding)
                return redirect("cheques:bezwaar", pk=bezwaar.pk)
        algemene_fouten_als_melding(request, form)
        return self.toon(self.bezwaar(), status=400, **{actie: form})
