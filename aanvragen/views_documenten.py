"""The resident removes a document they uploaded by mistake (aanvragen.documentverwijdering)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from aanvragen import documentgebruik
from aanvragen.documentverwijdering import verwijder_document
from aanvragen.forms import DocumentVerwijderenForm
from aanvragen.models import Document
from aanvragen.permissions import mag_document_verwijderen
from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin


class DocumentVerwijderenView(RolVereistMixin, View):
    rollen = (Rol.INWONER,)
    template_name = "aanvragen/document_verwijderen.html"

    def document(self) -> Document:
        """The resident's own document (someone else's: 404); 403 with the reason when it
        can no longer be removed."""
        document = get_object_or_404(Document.objects.select_related("aanvraag"),
                                     pk=self.kwargs["pk"], aanvraag__aanvrager=self.request.user)
        toegang = mag_document_verwijderen(
            self.request.user, document,
            vastgelegd_tot=documentgebruik.vastgelegd_tot(document.aanvraag))
        if not toegang:
            raise PermissionDenied(toegang.reden)
        return document

    def _render(self, document, form, status=200):
        return render(self.request, self.template_name,
                      {"document": document, "aanvraag": document.aanvraag, "form": form},
                      status=status)

    def get(self, request, pk):
        return self._render(self.document(), DocumentVerwijderenForm())

    def post(self, request, pk):
        document = self.document()
        form = DocumentVerwijderenForm(request.POST)
        if not form.is_valid():
            return self._render(document, form, status=400)
        verwijder_document(document=document, actor=request.user,
                           reden=form.cleaned_data["reden"])
        messages.success(request, _("Het document is verwijderd."))
        return redirect("aanvragen:documenten", pk=document.aanvraag_id)
