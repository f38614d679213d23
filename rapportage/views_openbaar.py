"""The public results page and its CSV (no login): fund-wide, suppressed figures only."""

from django.http import HttpResponse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from rapportage import exports
from rapportage.resultaten import resultaten


class ResultatenView(TemplateView):
    template_name = "rapportage/resultaten.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(tabel=resultaten(timezone.localdate()), **kwargs)


class ResultatenCsvView(View):
    def get(self, request):
        vandaag = timezone.localdate()
        # written by tfvv.export (through rapportage.exports): the one CSV writer
        antwoord = HttpResponse(exports.csv_bytes(resultaten(vandaag)),
                                content_type="text/csv; charset=utf-8")
        antwoord["Content-Disposition"] = (
            f'attachment; filename="tfvv-resultaten-{vandaag:%Y%m%d}.csv"')
        return antwoord
