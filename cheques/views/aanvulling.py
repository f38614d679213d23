"""The resident answers an aanvulverzoek in the portal (Awb 4:5)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from aanvragen.views import InwonerMixin
from cheques import selectors
from cheques.forms_aanvulling import AanvulantwoordForm, DocumentenFormSet
from cheques.services.aanvulantwoord import beantwoord_aanvulverzoek
from cheques.views.gedeeld import FOUTEN, fouten_naar_form

PREFIX = "documenten"


class AanvullingBeantwoordenView(InwonerMixin, View):
    """Only the resident who owns the aanvraag; any other request is a 404."""

    template_name = "cheques/aanvulling_beantwoorden.html"

    def verzoek(self):
        verzoek = selectors.aanvulverzoek_van(self.aanvraag(), self.kwargs["verzoek_id"])
        if verzoek is None:
            raise Http404
        return verzoek

    def toon(self, verzoek, form, formset, status=200):
        open_ = selectors.aanvulverzoek_open(verzoek)
        return render(self.request, self.template_name, {
            "aanvraag": verzoek.plan.aanvraag, "verzoek": verzoek, "open": open_,
            "te_laat": open_ and verzoek.hersteltermijn_tot < timezone.localdate(),
            "antwoorden": verzoek.antwoorden.all(), "form": form, "formset": formset,
        }, status=status)

    def get(self, request, pk, verzoek_id):
        return self.toon(self.verzoek(), AanvulantwoordForm(),
                         DocumentenFormSet(prefix=PREFIX))

    def post(self, request, pk, verzoek_id):
        verzoek = self.verzoek()
        if not selectors.aanvulverzoek_open(verzoek):
            return self.toon(verzoek, None, None, status=409)
        form = AanvulantwoordForm(request.POST)
        formset = DocumentenFormSet(request.POST, request.FILES, prefix=PREFIX)
        if all([form.is_valid(), formset.is_valid()]):
            bestanden = [(f.cleaned_data["soort"], f.cleaned_data["bestand"], f.mime)
                         for f in formset if f.cleaned_data]
            try:
                beantwoord_aanvulverzoek(verzoek=verzoek, door=request.user,
                                         tekst=form.cleaned_data["tekst"], bestanden=bestanden)
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Wij hebben uw aanvulling ontvangen. Uw consulent "
                                            "bekijkt haar en stuurt haar door naar gemeente "
                                            "Enschede."))
                return redirect("aanvragen:aanvraag", pk=pk)
        return self.toon(verzoek, form, formset, status=400)
