"""Finance: the realisation of the co-financing per line of a cheque's plan and its
correction (four-eyes), and the overview per bron and per werkgever with its export
(docs/cofinanciering.md)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from cheques import cofinanciering, services
from cheques.forms_cofinanciering import CorrectieForm, RealisatieForm
from cheques.models import Cheque, Cofinancieringscorrectie, Cofinancieringsrealisatie
from cheques.permissions import FINANCIEN
from cheques.views.gedeeld import (
    FOUTEN,
    algemene_fouten_als_melding,
    fouten_naar_form,
    lever_pdf,
)
from tfvv import export
from tfvv.events import registreer_inzage
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin
from tfvv.views.vierogen import StapFormView

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ChequeCofinancieringView(RolVereistMixin, StapOpVereistMixin, View):
    rollen = FINANCIEN
    template_name = "cheques/cofinanciering.html"

    def cheque(self):
        return get_object_or_404(Cheque.objects.select_related("beschikking__plan"),
                                 nummer=self.kwargs["nummer"])

    def toon(self, cheque, *, fout_form=None, status=200):
        registreer_inzage(gebruiker=self.request.user, handeling="bekeken",
                          onderdeel="cofinanciering cheque",
                          dossier_id=cheque.beschikking.plan.aanvraag_id, pad=self.request.path)
        standen = cofinanciering.regelstanden(cheque)
        regels = []
        for stand in standen:
            form = None
            if stand.realisatie is None:
                form = (fout_form if fout_form is not None
                        and fout_form.data.get("regel") == str(stand.regel.pk)
                        else RealisatieForm(regel_id=stand.regel.pk))
            regels.append((stand, form))
        return render(self.request, self.template_name, {
            "cheque": cheque, "regels": regels, "tekort": cofinanciering.tekort(standen),
            "correcties": [(s, c) for s in standen if s.vastlegging
                           for c in s.vastlegging.alle_correcties],
            "vast_te_leggen": cheque.status not in (Cheque.Status.VERVALLEN,
                                                    Cheque.Status.INGETROKKEN)},
            status=status)

    def get(self, request, nummer):
        return self.toon(self.cheque())

    def post(self, request, nummer):
        cheque = self.cheque()
        regel_id = request.POST.get("regel", "")
        form = RealisatieForm(request.POST, request.FILES,
                              regel_id=int(regel_id) if regel_id.isdigit() else None)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.leg_realisatie_vast(
                    cheque=cheque, regel_id=data["regel"], door=request.user,
                    bedrag=data["bedrag"], betaald_aan=data["betaald_aan"], datum=data["datum"],
                    bewijs=data["bewijs"], toelichting=data["toelichting"])
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De realisatie van de cofinanciering is "
                                            "vastgelegd."))
                return redirect("cheques:cofinanciering", nummer=cheque.nummer)
        algemene_fouten_als_melding(request, form)
        if "regel" in form.errors:  # a tampered or stale form: no line to show it at
            messages.error(request, _("Deze cofinancieringsregel hoort niet bij deze cheque."))
        return self.toon(cheque, fout_form=form, status=400)


class RealisatieBewijsView(RolVereistMixin, View):
    """The evidence PDF of a recorded realisation, from the cheque's co-financing page;
    logged as AVG inzage like every staff download of a case."""

    rollen = FINANCIEN

    def get(self, request, nummer, pk):
        realisatie = get_object_or_404(
            Cofinancieringsrealisatie.objects.select_related("cheque__beschikking__plan__aanvraag"),
            pk=pk, cheque__nummer=nummer)
        return lever_pdf(request, realisatie.bewijs,
                         naam=f"cofinanciering-{nummer}-{realisatie.pk}.pdf",
                         onderdeel="cofinanciering: bewijs van realisatie",
                         aanvraag=realisatie.cheque.beschikking.plan.aanvraag,
                         ontbreekt=_("Bij deze realisatie hoort geen bewijs."))


class CorrectieView(StapFormView):
    """Ask to correct a recorded realisation; a colleague approves it on tfvv:goedkeuringen.
    The form asks a fresh code itself, so no separate step-up."""

    rollen = FINANCIEN
    template_name = "cheques/cofinanciering_correctie.html"
    form_class = CorrectieForm

    def stand(self) -> cofinanciering.Regelstand:
        if not hasattr(self, "_stand"):
            realisatie = get_object_or_404(
                Cofinancieringsrealisatie.objects.select_related("cheque__beschikking__plan"),
                pk=self.kwargs["pk"], cheque__nummer=self.kwargs["nummer"])
            self._stand = next(s for s in cofinanciering.regelstanden(realisatie.cheque)
                               if s.vastlegging == realisatie)
        return self._stand

    def get(self, request, *args, **kwargs):
        stand = self.stand()
        registreer_inzage(gebruiker=request.user, handeling="bekeken",
                          onderdeel="cofinanciering cheque: correctie",
                          dossier_id=stand.vastlegging.cheque.beschikking.plan.aanvraag_id,
                          pad=request.path)
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        geldend = self.stand().realisatie
        return {"bedrag": geldend.bedrag, "betaald_aan": geldend.betaald_aan,
                "datum": geldend.datum, "toelichting": geldend.toelichting}

    def get_context_data(self, **kwargs):
        stand = self.stand()
        return super().get_context_data(stand=stand, cheque=stand.vastlegging.cheque, **kwargs)

    def terug_url(self):
        return reverse("cheques:cofinanciering", kwargs={"nummer": self.kwargs["nummer"]})

    def voer_uit(self, form):
        data = form.cleaned_data
        services.vraag_correctie_aan(
            realisatie=self.stand().vastlegging, door=self.request.user, code=data["code"],
            bedrag=data["bedrag"], betaald_aan=data["betaald_aan"], datum=data["datum"],
            bewijs=data["bewijs"], toelichting=data["toelichting"], reden=data["reden"])
        messages.success(self.request, _(
            "De correctie is aangevraagd. Ze geldt pas als een collega van financiën haar "
            "goedkeurt bij Goedkeuringen."))


class CorrectieBewijsView(RolVereistMixin, View):
    """The evidence PDF of a correction, for finance (also the colleague who approves)."""

    rollen = FINANCIEN

    def get(self, request, nummer, pk):
        correctie = get_object_or_404(
            Cofinancieringscorrectie.objects.select_related(
                "realisatie__cheque__beschikking__plan__aanvraag"),
            pk=pk, realisatie__cheque__nummer=nummer)
        return lever_pdf(request, correctie.bewijs,
                         naam=f"cofinanciering-{nummer}-correctie-{correctie.pk}.pdf",
                         onderdeel="cofinanciering: bewijs van correctie",
                         aanvraag=correctie.realisatie.cheque.beschikking.plan.aanvraag,
                         ontbreekt=_("Bij deze correctie hoort geen bewijs."))


class CofinancieringOverzichtView(RolVereistMixin, TemplateView):
    rollen = FINANCIEN
    template_name = "cheques/cofinanciering_overzicht.html"

    def get_context_data(self, **kwargs):
        overzicht = cofinanciering.overzicht()
        tabellen = [(_("Per bron"), "per-bron", _("Bron"), overzicht.per_bron),
                    (_("Per werkgever"), "per-werkgever", _("Werkgever"),
                     overzicht.per_werkgever)]
        return super().get_context_data(overzicht=overzicht, tabellen=tabellen, **kwargs)


TABELLEN = {
    "per-bron": (lambda o: o.per_bron, lambda: _("Bron")),
    "per-werkgever": (lambda o: o.per_werkgever, lambda: _("Werkgever")),
}


class CofinancieringExportView(RolVereistMixin, View):
    rollen = FINANCIEN

    def get(self, request, tabel, formaat):
        if tabel not in TABELLEN or formaat not in ("csv", "xlsx"):
            raise Http404
        kies, eerste = TABELLEN[tabel]
        overzicht = cofinanciering.overzicht()
        kolommen = cofinanciering.kolommen(eerste())
        rijen = cofinanciering.rijen([*kies(overzicht), overzicht.totaal])
        naam = f"cofinanciering-{tabel}.{formaat}"
        if formaat == "csv":
            return export.csv_response(naam, kolommen, rijen)
        response = HttpResponse(export.xlsx_bytes(_("Cofinanciering"), kolommen, rijen),
                                content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        return response
