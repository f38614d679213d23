"""Beheer: the accounts of one opleider and inviting a new user (four-eyes)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cheques.forms_opleider import OpleiderUitnodigenForm
from cheques.services import opleideraccounts
from loopbaangesprekken.models import Opleider
from tfvv.roles import Rol
from tfvv.views.vierogen import StapFormView


class OpleiderAccountsView(StapFormView):
    rollen = (Rol.BEHEERDER,)
    form_class = OpleiderUitnodigenForm
    template_name = "cheques/opleider/accounts.html"
    titel = gettext_lazy("Accounts voor het opleidersportaal")
    uitleg = gettext_lazy("Nodig een medewerker van deze opleider uit. Een tweede beheerder "
                          "moet de uitnodiging goedkeuren; daarna krijgt de medewerker een "
                          "e-mail met een link om in te loggen en een authenticator-app te "
                          "koppelen.")
    knop = gettext_lazy("Uitnodiging aanvragen")

    def opleider(self) -> Opleider:
        if not hasattr(self, "_opleider"):
            self._opleider = get_object_or_404(Opleider, pk=self.kwargs["pk"])
        return self._opleider

    def terug_url(self):
        return reverse("referentiebeheer:opleider", kwargs={"pk": self.opleider().pk})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            opleider=self.opleider(), accounts=opleideraccounts.accounts_van(self.opleider()),
            **kwargs)

    def voer_uit(self, form):
        d = form.cleaned_data
        opleideraccounts.nodig_uit(actor=self.request.user, code=d["code"],
                                   opleider=self.opleider(), email=d["email"],
                                   voornaam=d["voornaam"], achternaam=d["achternaam"])
        messages.success(self.request, _("Aangevraagd. Een tweede beheerder moet de "
                                         "uitnodiging nu goedkeuren."))
        return None
