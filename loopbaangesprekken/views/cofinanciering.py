"""Co-financing pages: the consulent adds an employer to the register and asks a party
for its commitment; the party answers on a public page through its single-use link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from loopbaangesprekken.forms_beheer import WerkgeverForm
from loopbaangesprekken.forms_toezegging import AfwijzenForm, BevestigenForm
from loopbaangesprekken.models import Cofinancieringsregel
from loopbaangesprekken.selectors.toezegging import inhoud
from loopbaangesprekken.services import referentie
from loopbaangesprekken.services import toezegging as services
from loopbaangesprekken.views.scholingsplan import _PlanWijzigenMixin
from tfvv.clientip import ip_adres
from tfvv.roles import Rol
from tfvv.views.vierogen import StapFormView


class WerkgeverToevoegenView(StapFormView):
    """The consulent adds an employer that is not yet in the register (name, KvK-nummer,
    contact e-mail); beheer completes the rest. Back to the plan form (`?volgende=`)."""

    rollen = (Rol.CONSULENT,)
    form_class = WerkgeverForm
    titel = gettext_lazy("Werkgever toevoegen aan het register")
    uitleg = gettext_lazy("Staat de werkgever nog niet in de keuzelijst? Voeg hem hier toe. "
                          "Naar dit e-mailadres gaat het verzoek om de bijdrage toe te zeggen.")
    knop = gettext_lazy("Toevoegen")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kort": True}

    def terug_url(self):
        volgende = self.request.GET.get("volgende", "")
        if url_has_allowed_host_and_scheme(volgende, allowed_hosts={self.request.get_host()},
                                           require_https=self.request.is_secure()):
            return volgende
        return reverse("loopbaangesprekken:werkvoorraad")

    def voer_uit(self, form):
        werkgever = referentie.bewaar_werkgever(actor=self.request.user, werkgever=form.instance)
        messages.success(self.request, _("%(naam)s staat nu in het register; kies de werkgever "
                                         "op de cofinancieringsregel.") % {"naam": werkgever})


class ToezeggingVragenView(_PlanWijzigenMixin, View):
    """"Toezegging vragen": mail the party of one line its single-use link."""

    def post(self, request, pk):
        regel = get_object_or_404(Cofinancieringsregel.objects.only("pk", "plan_id"), pk=pk)
        plan = self.plan(regel.plan_id)
        try:
            verzoek = services.vraag_toezegging(regel=regel, actor=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("Het verzoek om toezegging is verstuurd naar "
                                        "%(email)s.") % {"email": verzoek.email})
        return redirect("loopbaangesprekken:scholingsplan", pk=plan.pk)


@method_decorator(never_cache, name="dispatch")
class ToezeggingAntwoordView(View):
    """The party's page: what it is asked to pay, and confirm or decline. GET only shows
    (mail scanners that open links do not spend it); a POST spends the link."""

    template_name = "loopbaangesprekken/toezegging.html"

    def verzoek(self, token):
        try:
            return services.open_verzoek(token)
        except services.LinkOngeldig:
            return None

    def toon(self, request, verzoek, bevestigen=None, afwijzen=None, status=200):
        return render(request, self.template_name, {
            "inhoud": inhoud(verzoek.regel), "verloopt_op": verzoek.verloopt_op,
            "bevestigen": bevestigen or BevestigenForm(prefix="bevestigen"),
            "afwijzen": afwijzen or AfwijzenForm(prefix="afwijzen")}, status=status)

    def ongeldig(self, request):
        return render(request, "loopbaangesprekken/toezegging_ongeldig.html", status=404)

    def get(self, request, token):
        verzoek = self.verzoek(token)
        return self.toon(request, verzoek) if verzoek else self.ongeldig(request)

    def post(self, request, token):
        verzoek = self.verzoek(token)
        if verzoek is None:
            return self.ongeldig(request)
        bevestigd = request.POST.get("actie") == "bevestigen"
        form = (BevestigenForm if bevestigd else AfwijzenForm)(
            request.POST, prefix="bevestigen" if bevestigd else "afwijzen")
        if not form.is_valid():
            return self.toon(request, verzoek, status=400,
                             **{"bevestigen" if bevestigd else "afwijzen": form})
        try:
            services.beantwoord(token=token, bevestigd=bevestigd, ip=ip_adres(request),
                                naam=form.cleaned_data["naam"],
                                functie=form.cleaned_data["functie"],
                                reden=form.cleaned_data.get("reden", ""))
        except services.LinkOngeldig:
            return self.ongeldig(request)
        return redirect("toezegging:ontvangen")


@require_GET
def ontvangen(request):
    return render(request, "loopbaangesprekken/toezegging_ontvangen.html")
