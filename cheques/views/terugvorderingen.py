"""Finance's worklist of terugvorderingen and the invordering steps on one claim."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from cheques import selectors
from cheques.forms import AanmaningForm, BetalingsregelingForm, OninbaarForm, OntvangstForm
from cheques.models import Invorderingsstap, Terugvordering
from cheques.permissions import FINANCIEN
from cheques.services.terugvordering import STAPPEN, open_bedrag
from cheques.views.gedeeld import (
    FOUTEN,
    PER_PAGINA,
    algemene_fouten_als_melding,
    fouten_naar_form,
)
from tfvv.events import registreer_inzage
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin

STAP = Invorderingsstap.Soort
FORMS = {STAP.AANMANING: AanmaningForm, STAP.BETALINGSREGELING: BetalingsregelingForm,
         STAP.ONTVANGST: OntvangstForm, STAP.ONINBAAR: OninbaarForm}
MELDINGEN = {
    STAP.AANMANING: _("De aanmaning is verstuurd."),
    STAP.BETALINGSREGELING: _("De betalingsregeling is vastgelegd."),
    STAP.ONTVANGST: _("De ontvangst is geboekt."),
    STAP.ONINBAAR: _("Het openstaande bedrag is oninbaar verklaard."),
}


class TerugvorderingenView(RolVereistMixin, View):
    rollen = FINANCIEN

    def get(self, request):
        status = request.GET.get("status", "")
        if status not in Terugvordering.Status.values:
            status = ""
        sorteer = request.GET.get("sorteer", "")
        if sorteer not in selectors.TERUGVORDERINGEN_SORTERING:  # whitelisted
            sorteer = "betalen_voor"
        pagina = Paginator(selectors.terugvorderingen(status=status, sorteer=sorteer),
                           PER_PAGINA).get_page(request.GET.get("pagina"))
        return render(request, "cheques/terugvorderingen.html", {
            "pagina": pagina, "status": status, "statussen": Terugvordering.Status.choices,
            "sorteer": sorteer,
            "vandaag": timezone.localdate()})


class TerugvorderingView(RolVereistMixin, StapOpVereistMixin, View):
    rollen = FINANCIEN

    def terugvordering(self):
        return get_object_or_404(Terugvordering.objects.select_related(
            "cheque__beschikking__plan__aanvraag"), pk=self.kwargs["pk"])

    def toon(self, terugvordering, status=200, **forms):
        registreer_inzage(gebruiker=self.request.user, handeling="bekeken",
                          onderdeel="terugvordering",
                          dossier_id=terugvordering.cheque.beschikking.plan.aanvraag_id,
                          pad=self.request.path)
        formulieren = {soort: forms.get(soort) or form() for soort, form in FORMS.items()}
        return render(self.request, "cheques/terugvordering.html", {
            "t": terugvordering, "aanvraag": terugvordering.cheque.beschikking.plan.aanvraag,
            "open_bedrag": open_bedrag(terugvordering),
            "stappen": list(terugvordering.stappen.select_related("door")),
            "afgesloten": terugvordering.status in Terugvordering.AFGESLOTEN,
            "termijn_verstreken": timezone.localdate() > terugvordering.betalen_voor,
            "forms": formulieren}, status=status)

    def get(self, request, pk):
        return self.toon(self.terugvordering())

class InvorderingsstapView(TerugvorderingView):
    """POST one invordering step (`stap`: aanmaning, betalingsregeling, ontvangst,
    oninbaar) on a claim."""

    def get(self, request, pk, stap):
        return redirect("cheques:terugvordering", pk=pk)

    def post(self, request, pk, stap):
        if stap not in FORMS:
            raise Http404
        terugvordering = self.terugvordering()
        form = FORMS[stap](request.POST)
        if form.is_valid():
            try:
                STAPPEN[stap](terugvordering=terugvordering, door=request.user,
                              **form.cleaned_data)
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, MELDINGEN[stap])
                return redirect("cheques:terugvordering", pk=pk)
        algemene_fouten_als_melding(request, form)
        return self.toon(self.terugvordering(), status=400, **{stap: form})
