"""The controleur's pages (docs/controle.md): the dossier export for an audit, per aanvraag
or as a reproducible sample, and the list of earlier exports."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from cheques import dossier as dossiers
from cheques.forms_controle import KenmerkForm, SteekproefForm
from cheques.models import Dossierexport
from cheques.permissions import EXPORTROLLEN, mag_dossier_zien
from cheques.services import dossierexport
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin


def _zip(bestand, naam: str) -> FileResponse:
    # streams the temporary file in blocks and closes (and so deletes) it afterwards
    return FileResponse(bestand, as_attachment=True, filename=naam,
                        content_type="application/zip")


class ControleView(RolVereistMixin, StapOpVereistMixin, View):
    rollen = EXPORTROLLEN
    template_name = "cheques/controle.html"

    def render(self, request, *, kenmerk=None, steekproef=None, status=200):
        vandaag = timezone.localdate()
        exports = list(Dossierexport.objects.select_related("aangevraagd_door")[:50])
        for export in exports:
            export.downloadbaar = export.te_downloaden_door(request.user)
        return render(request, self.template_name, {
            "kenmerkform": kenmerk or KenmerkForm(),
            "form": steekproef or SteekproefForm(initial={"van": vandaag.replace(month=1, day=1),
                                                          "tot": vandaag}),
            "exports": exports,
            "synchroon_tot": dossierexport.SYNCHROON_TOT,
        }, status=status)

    def get(self, request):
        if "kenmerk" not in request.GET:
            return self.render(request)
        form = KenmerkForm(request.GET)
        if form.is_valid():
            return redirect("cheques:dossier", aanvraag_id=form.aanvraag.pk)
        return self.render(request, kenmerk=form, status=400)

    def post(self, request):
        form = SteekproefForm(request.POST)
        if not form.is_valid():
            return self.render(request, steekproef=form, status=400)
        steekproef, ids = form.steekproef, form.aanvraag_ids
        if len(ids) <= dossierexport.SYNCHROON_TOT:
            _export, bestand = dossierexport.exporteer_direct(
                door=request.user, aanvraag_ids=ids, steekproef=steekproef)
            return _zip(bestand, f"steekproef-{steekproef.zaad}.zip")
        dossierexport.vraag_steekproef_aan(door=request.user, steekproef=steekproef,
                                           aanvraag_ids=ids)
        messages.success(request, _(
            "De steekproef van %(n)s dossiers (zaad %(zaad)s) wordt klaargezet. Ververs deze "
            "pagina over enkele minuten; de zip staat dan in de lijst hieronder.") % {
            "n": len(ids), "zaad": steekproef.zaad})
        return redirect("cheques:controle")


class DossierExportView(RolVereistMixin, StapOpVereistMixin, View):
    """The zip of one dossier (POST: it is logged as an AVG access and an event)."""

    rollen = EXPORTROLLEN
    http_method_names = ["post"]

    def post(self, request, aanvraag_id):
        aanvraag = dossiers.aanvraag_voor_dossier(aanvraag_id)
        if aanvraag is None or not mag_dossier_zien(request.user, aanvraag):
            raise Http404
        _export, bestand = dossierexport.exporteer_direct(door=request.user,
                                                          aanvraag_ids=[aanvraag.pk])
        return _zip(bestand, f"dossier-{aanvraag.referentie}.zip")


class ExportDownloadView(RolVereistMixin, View):
    """A sample made in the background: its requester only, until it expires."""

    rollen = EXPORTROLLEN

    def get(self, request, pk):
        export = get_object_or_404(Dossierexport, pk=pk)
        if not export.te_downloaden_door(request.user):
            raise Http404
        return _zip(export.bestand.open("rb"), f"steekproef-{export.zaad}.zip")
