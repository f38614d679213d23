"""Regeling versions for the functioneel beheerder (tfvv.regelingen)."""

from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from tfvv import herinneringen, regelingen, vierogen
from tfvv.forms_beheer import RegelingVersieForm
from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin
from tfvv.views.vierogen import StapFormView


class RegelingenView(RolVereistMixin, TemplateView):
    rollen = (Rol.BEHEERDER,)
    template_name = "tfvv/regelingen.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            versies=regelingen.versies(),
            beheerwaarschuwingen=herinneringen.beheerwaarschuwingen(),
            open_verzoek=vierogen.open_verzoek(regelingen.SOORT, "regeling"), **kwargs)


class RegelingNieuwView(StapFormView):
    rollen = (Rol.BEHEERDER,)
    form_class = RegelingVersieForm
    titel = gettext_lazy("Nieuwe versie van de regeling")
    uitleg = gettext_lazy("Een versie die al een aanvraag heeft beoordeeld, verandert nooit. "
                          "De nieuwe versie geldt vanaf de begindatum voor aanvragen die dan "
                          "binnenkomen, nadat een tweede beheerder haar heeft goedgekeurd.")
    knop = gettext_lazy("Versie ter goedkeuring aanbieden")

    def get_initial(self):
        return RegelingVersieForm.beginwaarden(regelingen.laatste_versie())

    def terug_url(self):
        return reverse("tfvv:regelingen")

    def voer_uit(self, form):
        regelingen.vraag_nieuwe_versie_aan(actor=self.request.user,
                                           code=form.cleaned_data["code"],
                                           gegevens=form.gegevens(),
                                           toelichting=form.cleaned_data["toelichting"])
        messages.success(self.request, _("Aangeboden. Een tweede beheerder moet de nieuwe versie "
                                         "nu goedkeuren."))
