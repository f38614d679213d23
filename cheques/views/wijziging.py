"""Requests for a change after the grant: the list and the decision (wijzigingsbeschikking)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from aanvragen.models import Wijzigingsverzoek
from cheques.forms_wijziging import WijzigingBesluitForm
from cheques.models import Beschikking
from cheques.permissions import BESLISSERS
from cheques.services import wijziging as services
from cheques.views.gedeeld import FOUTEN, algemene_fouten_als_melding, fouten_naar_form
from tfvv.events import registreer_inzage
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin


class WijzigingenView(RolVereistMixin, View):
    rollen = BESLISSERS

    def get(self, request):
        return render(request, "cheques/wijzigingen.html",
                      {"verzoeken": services.open_verzoeken()})


class WijzigingView(RolVereistMixin, StapOpVereistMixin, View):
    rollen = BESLISSERS
    template_name = "cheques/wijziging.html"

    def toon(self, verzoek, form, status=200):
        beschikking = (Beschikking.objects.select_related("plan__opleider", "cheque")
                       .filter(plan__aanvraag=verzoek.aanvraag, cheque__isnull=False)
                       .first())
        registreer_inzage(gebruiker=self.request.user, handeling="bekeken",
                          onderdeel="wijzigingsverzoek", dossier_id=verzoek.aanvraag_id,
                          betrokkene_id=verzoek.aanvraag.aanvrager_id, pad=self.request.path)
        return render(self.request, self.template_name, {
            "verzoek": verzoek, "aanvraag": verzoek.aanvraag, "beschikking": beschikking,
            "form": form}, status=status)

    def verzoek(self):
        return get_object_or_404(Wijzigingsverzoek.objects.select_related("aanvraag"),
                                 pk=self.kwargs["pk"])

    def get(self, request, pk):
        return self.toon(self.verzoek(), WijzigingBesluitForm())

    def post(self, request, pk):
        verzoek = self.verzoek()
        form = WijzigingBesluitForm(request.POST)
        if form.is_valid():
            try:
                services.beslis_op_wijziging(verzoek=verzoek, door=request.user,
                                             **form.cleaned_data)
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Het besluit over de wijziging is genomen; de "
                                            "brief wordt verzonden."))
                return redirect("cheques:wijzigingen")
        algemene_fouten_als_melding(request, form)
        return self.toon(verzoek, form, status=400)
