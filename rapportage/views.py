"""Thin views: parse the filters, call a selector or service, render."""

import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from rapportage import (
    exports,
    scorekaart,
    selectors,
    selectors_verantwoording,
    services,
    tasks,
    verantwoordingsrapport,
)
from rapportage.forms import DashboardFilterForm, RapportageForm
from rapportage.grafieken import staafdiagram
from rapportage.models import Verantwoordingsrapport, Voortgangsrapportage
from rapportage.werkvoorraad import werkvoorraad
from tfvv.events import registreer_inzage
from tfvv.models import Begrotingsperiode, Financieringsbron
from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin

RAPPORTAGE_ROLLEN = (Rol.ADVIESGROEP, Rol.BEHEERDER)
CACHE_SECONDEN = 3600
FORMATEN = {
    "csv": ("text/csv; charset=utf-8", exports.csv_bytes),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             exports.xlsx_bytes),
}


def _dashboard_gegevens(request) -> tuple[DashboardFilterForm, dict]:
    form = DashboardFilterForm(request.GET or None)
    return form, selectors.dashboard(form.filters())


class DashboardView(RolVereistMixin, TemplateView):
    """The rendered figures are cached per refresh, filter and day: a new refresh gives
    a new key, so the page never shows figures older than the summary tables."""

    rollen = RAPPORTAGE_ROLLEN
    template_name = "rapportage/dashboard.html"

    def get_context_data(self, **kwargs):
        form = DashboardFilterForm(self.request.GET or None)
        filters = form.filters()
        verversing = selectors.laatste_verversing()
        querystring = self.request.GET.urlencode()
        sleutel = "rapportage:dashboard:" + hashlib.sha256(repr((
            verversing.pk if verversing else None, filters, timezone.localdate(), querystring,
        )).encode()).hexdigest()
        inhoud = cache.get(sleutel)
        if inhoud is None:
            gegevens = selectors.dashboard(filters)
            secties = [(titel, [(t, staafdiagram(t)) for t in tabellen])
                       for titel, tabellen in gegevens["secties"]]
            inhoud = render_to_string("rapportage/_secties.html",
                                      {"secties": secties, "querystring": querystring})
            cache.set(sleutel, inhoud, CACHE_SECONDEN)
        gemeente = form.cleaned_data.get("gemeente") if form.is_bound and form.is_valid() else None
        return super().get_context_data(
            form=form, filters=filters, verversing=verversing, inhoud=inhoud,
            gemeente=gemeente if filters.gemeente_id else None,
            loket=selectors.LOKET_LABELS.get(filters.loket, ""), **kwargs)


class ExportView(RolVereistMixin, View):
    rollen = RAPPORTAGE_ROLLEN

    def get(self, request, tabel, formaat):
        if formaat not in FORMATEN:
            raise Http404
        _, gegevens = _dashboard_gegevens(request)
        if tabel not in gegevens["tabellen"]:
            raise Http404
        inhoudstype, maak = FORMATEN[formaat]
        f = gegevens["filters"]
        naam = f"tfvv-{tabel}-{f.van:%Y%m%d}-{f.tot:%Y%m%d}.{formaat}"
        antwoord = HttpResponse(maak(gegevens["tabellen"][tabel]), content_type=inhoudstype)
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord


class VerversenView(RolVereistMixin, View):
    rollen = RAPPORTAGE_ROLLEN

    def post(self, request):
        tasks.ververs_samenvattingen.delay()
        messages.info(request, "De cijfers worden ververst. Herlaad de pagina over een "
                               "ogenblik; het tijdstip van de laatste verversing staat "
                               "bovenaan.")
        return redirect("rapportage:dashboard")


class RapportagesView(RolVereistMixin, FormView):
    rollen = RAPPORTAGE_ROLLEN
    template_name = "rapportage/rapportages.html"
    form_class = RapportageForm

    def get_initial(self):
        vandaag = timezone.localdate()
        return {"van": vandaag.replace(month=1, day=1), "tot": vandaag}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rapportages=Voortgangsrapportage.objects.all()[:50], **kwargs)

    def form_valid(self, form):
        rapportage = services.vraag_rapportage_aan(
            van=form.cleaned_data["van"], tot=form.cleaned_data["tot"], door=self.request.user
        )
        return redirect("rapportage:rapportage", pk=rapportage.pk)


class RapportageView(RolVereistMixin, DetailView):
    """Status page; refreshes itself (meta refresh) while the PDF is being made."""

    rollen = RAPPORTAGE_ROLLEN
    model = Voortgangsrapportage
    template_name = "rapportage/rapportage.html"
    context_object_name = "rapportage"


class RapportagePdfView(RolVereistMixin, View):
    rollen = RAPPORTAGE_ROLLEN

    def get(self, request, pk):
        rapportage = get_object_or_404(Voortgangsrapportage, pk=pk,
                                       status=Voortgangsrapportage.Status.KLAAR)
        if not rapportage.bestand:
            raise Http404
        return FileResponse(rapportage.bestand.open("rb"), as_attachment=True,
                            filename=rapportage.bestand.name.rsplit("/", 1)[-1],
                            content_type="application/pdf")


class WerkvoorraadView(RolVereistMixin, TemplateView):
    """Project office (beheerder): everything; beoordelaar: the plans awaiting a decision."""

    rollen = (Rol.BEOORDELAAR, Rol.BEHEERDER)
    template_name = "rapportage/werkvoorraad.html"

    def get_context_data(self, **kwargs):
        projectbureau = self.request.user.heeft_rol(Rol.BEHEERDER)
        return super().get_context_data(projectbureau=projectbureau,
                                        **werkvoorraad(projectbureau=projectbureau), **kwargs)


class ScorekaartView(RolVereistMixin, TemplateView):
    """Project office only: figures per opleider (an opleider can be a one-person business,
    so its turnover is personal data; the adviesgroep sees the top 10 on the dashboard)."""

    rollen = (Rol.BEHEERDER,)
    template_name = "rapportage/scorekaart.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            scorekaart=scorekaart.scorekaart(),
            scheefgroei_factor=int(scorekaart.SCHEEFGROEI_FACTOR),
            scheefgroei_minimum=int(scorekaart.SCHEEFGROEI_MINIMUM * 100),
            prijs_factor=int(scorekaart.PRIJS_FACTOR * 100), **kwargs)


class ScorekaartExportView(RolVereistMixin, View):
    rollen = (Rol.BEHEERDER,)
    formaat = "csv"  # set per URL

    def get(self, request):
        inhoudstype, maak = FORMATEN[self.formaat]
        antwoord = HttpResponse(maak(scorekaart.scorekaart().tabel), content_type=inhoudstype)
        antwoord["Content-Disposition"] = (
            f'attachment; filename="tfvv-scorekaart-opleiders-{timezone.localdate():%Y%m%d}'
            f'.{self.formaat}"')
        return antwoord


class VerantwoordingMixin(RolVereistMixin):
    """Verantwoording per financieringsbron: pseudonymised participant rows, so financieel
    only (the adviesgroep sees no data at person level; docs/verantwoording.md)."""

    rollen = (Rol.FINANCIEEL,)

    def periode_en_bron(self) -> tuple[Begrotingsperiode, Financieringsbron]:
        return (get_object_or_404(Begrotingsperiode, pk=self.kwargs["periode_id"]),
                get_object_or_404(Financieringsbron, pk=self.kwargs["bron_id"], publiek=True))

    def log_inzage(self, handeling: str, periode, bron) -> None:
        registreer_inzage(gebruiker=self.request.user, handeling=handeling,
                          onderdeel=f"verantwoording {bron.naam} {periode.naam}"[:128],
                          pad=self.request.path)


class VerantwoordingView(VerantwoordingMixin, TemplateView):
    """The stored reports of a periode and bron: the latest finished one's totals and the
    list with downloads; reads only stored rows, so it costs the same at any size. POST
    asks the worker for a new report (rapportage.verantwoordingsrapport)."""

    template_name = "rapportage/verantwoording.html"

    def get_context_data(self, **kwargs):
        periode, bron = self.periode_en_bron()
        self.log_inzage("bekeken", periode, bron)
        return super().get_context_data(periode=periode, bron=bron,
                                        **selectors_verantwoording.pagina(periode, bron),
                                        **kwargs)

    def post(self, request, periode_id, bron_id):
        periode, bron = self.periode_en_bron()
        verantwoordingsrapport.vraag_verantwoording_aan(periode=periode, bron=bron,
                                                        door=request.user)
        messages.info(request, _("Het rapport wordt gemaakt. Dat kan bij veel deelnemers "
                                 "enkele minuten duren; vernieuw de pagina om te zien of "
                                 "het klaar is."))
        return redirect("rapportage:verantwoording", periode_id=periode.pk, bron_id=bron.pk)


class VerantwoordingDownloadView(VerantwoordingMixin, View):
    """A stored file of a finished report, exactly as made (its SHA-256 is on the page)."""

    def get(self, request, periode_id, bron_id, rapport_id, formaat):
        if formaat not in ("pdf", "xlsx"):
            raise Http404
        periode, bron = self.periode_en_bron()
        rapport = get_object_or_404(
            Verantwoordingsrapport.objects.select_related("periode", "bron"), pk=rapport_id,
            periode=periode, bron=bron, status=Verantwoordingsrapport.Status.KLAAR)
        bestand = rapport.pdf if formaat == "pdf" else rapport.xlsx
        if not bestand:
            raise Http404(_("De bewaartermijn van dit rapport is verstreken: het bestand is "
                            "verwijderd. De totalen en de SHA-256 staan op de pagina."))
        self.log_inzage("geexporteerd", periode, bron)
        return FileResponse(bestand.open("rb"), as_attachment=True,
                            filename=verantwoordingsrapport.bestandsnaam(rapport, formaat),
                            content_type="application/pdf" if formaat == "pdf"
                            else FORMATEN["xlsx"][0])
