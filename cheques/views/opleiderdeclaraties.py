"""The opleider's declaraties (docs/opleiders.md): one at a time from "Mijn cheques", in
bulk (CSV plus a zip of PDFs), the list "Mijn declaraties" and one declaratie with its
message thread. Every record is looked up within the user's own opleider: another
opleider's cheque or declaratie is a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from cheques import declaratiebestand, opleideridentiteit
from cheques import selectors_opleiderdeclaraties as selectors
from cheques.declaratieregels import declarabel
from cheques.forms_opleiderdeclaratie import BerichtForm, BulkForm, DeclarerenForm
from cheques.models import Declaratieindiening
from cheques.services import opleiderdeclaraties
from cheques.views.gedeeld import PER_PAGINA, declaratiedocument, fouten_naar_form
from tfvv import export
from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin


class OpleiderMixin(RolVereistMixin):
    rollen = (Rol.OPLEIDER,)

    @cached_property  # after RolVereistMixin's role check: used in get/post only
    def opleider(self):
        opleider = opleideridentiteit.opleider_van(self.request.user)
        if opleider is None:
            raise PermissionDenied(_("Uw account hoort niet (meer) bij een actieve opleider."))
        return opleider


class DeclarerenView(OpleiderMixin, View):
    template_name = "cheques/opleider/declareren.html"

    def _toon(self, request, cheque, form, status=200):
        reden = declarabel(cheque, opleiderdeclaraties.stand_van(cheque),
                           vandaag=timezone.localdate())
        return render(request, self.template_name, {
            "cheque": cheque, "form": form, "waarom_niet": reden,
            "plan": cheque.beschikking.plan}, status=status)

    def get(self, request, nummer):
        cheque = selectors.cheque_van(self.opleider, nummer)
        return self._toon(request, cheque, DeclarerenForm(cheque=cheque))

    def post(self, request, nummer):
        cheque = selectors.cheque_van(self.opleider, nummer)
        form = DeclarerenForm(request.POST, request.FILES, cheque=cheque)
        if form.is_valid():
            try:
                indiening = opleiderdeclaraties.dien_in(
                    cheque=cheque, door=request.user, gegevens=form.gegevens(),
                    factuur=form.cleaned_data.get("factuur"), bewijs=form.cleaned_data["bewijs"])
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Uw declaratie is ingediend. Het fonds beoordeelt "
                                            "hem; u ziet de uitkomst hier."))
                return redirect("cheques:opleider-declaratie", pk=indiening.pk)
        return self._toon(request, cheque, form, status=400)


class MijnDeclaratiesView(OpleiderMixin, View):
    def get(self, request):
        pagina = Paginator(selectors.indieningen_van(self.opleider), PER_PAGINA).get_page(
            request.GET.get("pagina"))
        return render(request, "cheques/opleider/declaraties.html",
                      {"pagina": pagina, "opleider": self.opleider})


class DeclaratieView(OpleiderMixin, View):
    """One declaratie: its figures, the reason when returned, and the message thread."""

    template_name = "cheques/opleider/declaratie.html"

    def _toon(self, request, indiening, form, status=200):
        return render(request, self.template_name, {
            "indiening": indiening, "form": form,
            "open": indiening.status == Declaratieindiening.Status.INGEDIEND}, status=status)

    def get(self, request, pk):
        return self._toon(request, selectors.indiening_van(self.opleider, pk), BerichtForm())

    def post(self, request, pk):
        indiening = selectors.indiening_van(self.opleider, pk)
        form = BerichtForm(request.POST)
        if form.is_valid():
            try:
                opleiderdeclaraties.stuur_bericht(indiening=indiening, door=request.user,
                                                  tekst=form.cleaned_data["tekst"])
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Uw bericht is verstuurd."))
                return redirect("cheques:opleider-declaratie", pk=indiening.pk)
        return self._toon(request, indiening, form, status=400)


class DocumentView(OpleiderMixin, View):
    """The invoice or the proof the opleider itself sent with a declaratie."""

    document = "bewijs"  # or "factuur"

    def get(self, request, pk):
        return declaratiedocument(request, selectors.indiening_van(self.opleider, pk),
                                  self.document,
                                  onderdeel=f"eigen declaratie van de opleider: {self.document}")


class IntrekkenView(OpleiderMixin, View):
    def post(self, request, pk):
        indiening = selectors.indiening_van(self.opleider, pk)
        try:
            opleiderdeclaraties.trek_in(indiening=indiening, door=request.user)
        except ValidationError as fout:
            messages.error(request, fout.messages[0])
        else:
            messages.success(request, _("De declaratie is ingetrokken."))
        return redirect("cheques:opleider-declaratie", pk=indiening.pk)


class BulkView(OpleiderMixin, View):
    template_name = "cheques/opleider/bulk.html"

    def get(self, request):
        return render(request, self.template_name, {"form": BulkForm(),
                                                    "kolommen": declaratiebestand.KOLOMMEN})

    def post(self, request):
        form = BulkForm(request.POST, request.FILES)
        fouten = []
        if form.is_valid():
            regels = form.cleaned_data["regels"]
            try:
                bestand = declaratiebestand.verwerk(
                    opleider=self.opleider, door=request.user, naam=regels.name,
                    csv_inhoud=regels.read(declaratiebestand.MAX_CSV_BYTES + 1),
                    zip_bestand=form.cleaned_data["pdfs"])
            except declaratiebestand.Bestandsfout as fout:
                fouten = fout.fouten
            else:
                messages.success(request, _("%(aantal)s declaraties uit %(naam)s zijn "
                                            "ingediend.") % {"aantal": bestand.aantal_regels,
                                                             "naam": bestand.naam})
                return redirect("cheques:opleider-declaraties")
        return render(request, self.template_name, {
            "form": form, "fouten": fouten, "kolommen": declaratiebestand.KOLOMMEN},
            status=400)


class SjabloonView(OpleiderMixin, View):
    def get(self, request):
        return export.csv_response("declaraties-sjabloon.csv", declaratiebestand.KOLOMMEN,
                                   declaratiebestand.sjabloon_regels())
