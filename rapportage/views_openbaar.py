"""The public results page and its CSVs (no login): fund-wide, suppressed figures only."""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from rapportage import exports
from rapportage.resultaten import resultaten


class ResultatenView(TemplateView):
    template_name = "rapportage/resultaten.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(tabellen=resultaten(timezone.localdate()), **kwargs)


class ResultatenCsvView(View):
    """One table as CSV (open data): the same cells as the page."""

    def get(self, request, tabel):
        vandaag = timezone.localdate()
        tabellen = resultaten(vandaag)
        if tabel not in tabellen:
            raise Http404
        # written by tfvv.export (through rapportage.exports): the one CSV writer
        antwoord = HttpResponse(exports.csv_bytes(tabellen[tabel]),
                                content_type="text/csv; charset=utf-8")
        antwoord["Content-Disposition"] = (
            f'attachment; filename="tfvv-{tabel}-{vandaag:%Y%m%d}.csv"')
        return antwoord
