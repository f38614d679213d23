"""The dossier of one aanvraag for staff, on screen and as a PDF for the file."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views import View

from cheques import dossier as selectors
from cheques.permissions import DOSSIERROLLEN, mag_dossier_zien
from tfvv.events import registreer_inzage
from tfvv.pdf import render_pdf
from tfvv.views.base import RolVereistMixin


class DossierView(RolVereistMixin, View):
    rollen = DOSSIERROLLEN
    template_name = "cheques/dossier.html"
    onderdeel = "dossier (bekeken)"
    handeling = "bekeken"

    def context(self, request, aanvraag_id) -> dict:
        aanvraag = selectors.aanvraag_voor_dossier(aanvraag_id)
        # a case of another loket is, for a consulent, as if it did not exist
        if aanvraag is None or not mag_dossier_zien(request.user, aanvraag):
            raise Http404
        registreer_inzage(gebruiker=request.user, handeling=self.handeling,
                          onderdeel=self.onderdeel, dossier_id=aanvraag.pk,
                          betrokkene_id=aanvraag.aanvrager_id, pad=request.path)
        return selectors.weergave(request.user, aanvraag)

    def get(self, request, aanvraag_id):
        return render(request, self.template_name, self.context(request, aanvraag_id))


class DossierPdfView(DossierView):
    """The same dossier as a tagged PDF for the file (logged as an AVG export)."""

    template_name = "cheques/pdf/dossier.html"
    onderdeel = "dossier (PDF)"
    handeling = "gedownload"

    def get(self, request, aanvraag_id):
        context = self.context(request, aanvraag_id)
        pdf = render_pdf(self.template_name, {**context, "pdf": True})
        naam = f"dossier-{context['aanvraag'].referentie}.pdf"
        return HttpResponse(pdf, content_type="application/pdf",
                            headers={"Content-Disposition": f'attachment; filename="{naam}"'})
