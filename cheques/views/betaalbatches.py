"""Payment batches (four-eyes): prepare with a preview, approve with a fresh TOTP code or
reject, and the files for the bank (SEPA pain.001) and the financial system (CSV)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from cheques import betaalbestanden, selectors, services
from cheques.forms import AfwijzenBatchForm, BetaalbatchForm, GoedkeurenForm
from cheques.models import Betaalbatch
from cheques.permissions import FINANCIEN
from cheques.services.betaalbatch import te_betalen, totaal
from cheques.views.gedeeld import FOUTEN, algemene_fouten_als_melding, fouten_naar_form
from tfvv.events import registreer_inzage
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin


class BetaalbatchesView(RolVereistMixin, StapOpVereistMixin, View):
    """GET: what a new batch would pay (count, total, IBANs and amounts) and the latest
    batches; POST: prepare a batch."""

    rollen = FINANCIEN
    template_name = "cheques/betaalbatches.html"

    def toon(self, form=None, status=200):
        voorstellen = te_betalen()
        return render(self.request, self.template_name, {
            "voorstellen": voorstellen, "totaal": totaal(voorstellen),
            "form": form or BetaalbatchForm(), "batches": selectors.betaalbatches()},
            status=status)

    def get(self, request):
        return self.toon()

    def post(self, request):
        form = BetaalbatchForm(request.POST)
        if form.is_valid():
            try:
                batch = services.stel_betaalbatch_op(door=request.user, **form.cleaned_data)
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _(
                    "Betaalbatch %(batch)s is opgesteld. Een andere financieel medewerker "
                    "moet hem goedkeuren.") % {"batch": batch.nummer})
                return redirect("cheques:betaalbatch", nummer=batch.nummer)
        algemene_fouten_als_melding(request, form)
        return self.toon(form, status=400)


class BetaalbatchView(RolVereistMixin, StapOpVereistMixin, View):
    rollen = FINANCIEN
    template_name = "cheques/betaalbatch.html"

    def batch(self):
        return get_object_or_404(Betaalbatch.objects.select_related(
            "opgesteld_door", "goedgekeurd_door"), nummer=self.kwargs["nummer"])

    def toon(self, batch, status=200, **forms):
        regels = list(batch.regels.select_related("cheque"))
        return render(self.request, self.template_name, {
            "batch": batch, "regels": regels, "totaal": totaal(regels),
            "mag_goedkeuren": batch.opgesteld_door_id != self.request.user.pk,
            "goedkeuren_form": forms.get("goedkeuren_form") or GoedkeurenForm(),
            "afwijzen_form": forms.get("afwijzen_form") or AfwijzenBatchForm()}, status=status)

    def get(self, request, nummer):
        return self.toon(self.batch())


class BatchActie(BetaalbatchView):
    form_class = None
    form_naam = ""

    def get(self, request, nummer):
        return redirect("cheques:betaalbatch", nummer=nummer)

    def post(self, request, nummer):
        batch = self.batch()
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.uitvoeren(batch, form.cleaned_data)
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, self.melding)
                return redirect("cheques:betaalbatch", nummer=nummer)
        algemene_fouten_als_melding(request, form)
        return self.toon(self.batch(), status=400, **{self.form_naam: form})


class GoedkeurenView(BatchActie):
    form_class, form_naam = GoedkeurenForm, "goedkeuren_form"
    melding = _("De batch is goedgekeurd en de betalingen zijn geboekt.")

    def uitvoeren(self, batch, data):
        services.keur_betaalbatch_goed(batch=batch, door=self.request.user, code=data["code"])


class AfwijzenView(BatchActie):
    form_class, form_naam = AfwijzenBatchForm, "afwijzen_form"
    melding = _("De batch is afgewezen; er is niets geboekt.")

    def uitvoeren(self, batch, data):
        services.wijs_betaalbatch_af(batch=batch, door=self.request.user, reden=data["reden"])


class BestandView(RolVereistMixin, View):
    """The files exist only for an approved batch."""

    rollen = FINANCIEN

    def get(self, request, nummer, formaat):
        batch = get_object_or_404(Betaalbatch, nummer=nummer,
                                  status=Betaalbatch.Status.GOEDGEKEURD)
        registreer_inzage(gebruiker=request.user, handeling="geëxporteerd",
                          onderdeel="betaalbatch", pad=request.path)
        if formaat == "xml":
            inhoud, soort = betaalbestanden.sepa_xml(batch), "application/xml"
        elif formaat == "csv":
            inhoud, soort = betaalbestanden.betaal_csv(batch), "text/csv; charset=utf-8"
        else:
            raise Http404
        response = HttpResponse(inhoud, content_type=soort)
        response["Content-Disposition"] = f'attachment; filename="{batch.nummer}.{formaat}"'
        return response
