"""Pages of the four-eyes steps: a form base for every step with a fresh code, and the
list of open requests with the decision page (tfvv.vierogen)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from tfvv import gebruikersbeheer, vierogen
from tfvv.forms import toon_fout
from tfvv.forms_beheer import BesluitForm
from tfvv.models import Goedkeuringsverzoek
from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin


class StapFormView(RolVereistMixin, FormView):
    """A form whose service may refuse: its errors go to the fields, status 400, the
    input is kept (the code is not: it can be used only once)."""

    template_name = "tfvv/beheer_formulier.html"
    titel = ""
    uitleg = ""
    knop = ""

    def get_context_data(self, **kwargs):
        kwargs = {"titel": self.titel, "uitleg": self.uitleg, "knop": self.knop,
                  "terug": self.terug_url(), **kwargs}
        return super().get_context_data(**kwargs)

    def terug_url(self) -> str:
        return self.request.path

    def voer_uit(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            antwoord = self.voer_uit(form)
        except ValidationError as fout:
            toon_fout(form, fout)
            return self.form_invalid(form)
        return antwoord or redirect(self.terug_url())

    def form_invalid(self, form):
        if "code" in form.fields:  # a code can be used once: type a new one
            form.data = form.data.copy()
            form.data["code"] = ""
        return self.render_to_response(self.get_context_data(form=form), status=400)


class GoedkeuringenView(RolVereistMixin, TemplateView):
    rollen = (Rol.BEHEERDER, Rol.FINANCIEEL)
    template_name = "tfvv/goedkeuringen.html"

    def get_context_data(self, **kwargs):
        verzoeken = list(vierogen.open_verzoeken_voor(self.request.user))
        for v in verzoeken:
            v.soort_label = vierogen.label(v)
            v.eigen = v.aangevraagd_door_id == self.request.user.pk
        return super().get_context_data(verzoeken=verzoeken, **kwargs)


class GoedkeuringView(StapFormView):
    """One open request: the change, who asked, and approve or refuse with a fresh code."""

    rollen = (Rol.BEHEERDER, Rol.FINANCIEEL)
    template_name = "tfvv/goedkeuring.html"
    form_class = BesluitForm

    def verzoek(self) -> Goedkeuringsverzoek:
        if not hasattr(self, "_verzoek"):
            soorten = vierogen.open_verzoeken_voor(self.request.user).values("soort")
            self._verzoek = get_object_or_404(
                Goedkeuringsverzoek.objects.select_related("aangevraagd_door", "besloten_door"),
                pk=self.kwargs["pk"], soort__in=soorten)
        return self._verzoek

    def get(self, request, *args, **kwargs):
        self.verzoek()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        toegang = vierogen.mag_besluiten(request.user, self.verzoek())
        if not toegang:
            raise PermissionDenied(toegang.reden)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        verzoek = self.verzoek()
        return super().get_context_data(
            verzoek=verzoek, soort_label=vierogen.label(verzoek),
            details=vierogen.details(verzoek),
            mag=vierogen.mag_besluiten(self.request.user, verzoek), **kwargs)

    def terug_url(self):
        return reverse("tfvv:goedkeuringen")

    def voer_uit(self, form):
        verzoek, code = self.verzoek(), form.cleaned_data["code"]
        if form.cleaned_data["besluit"] == "goedkeuren":
            vierogen.keur_goed(verzoek=verzoek, actor=self.request.user, code=code)
            messages.success(self.request, _("Goedgekeurd: de wijziging geldt nu."))
            if verzoek.soort == gebruikersbeheer.SOORT_TWEEDE_FACTOR:
                self.request.session["tfvv_toon_qr"] = verzoek.payload["gebruiker_id"]
                return redirect("tfvv:gebruiker-qr", pk=verzoek.payload["gebruiker_id"])
        else:
            vierogen.wijs_af(verzoek=verzoek, actor=self.request.user, code=code,
                             reden=form.cleaned_data["reden"])
            messages.success(self.request, _("Afgewezen: er verandert niets."))
        return redirect("tfvv:goedkeuringen")
