"""Beheer: the accounts of one opleider, inviting a new user (four-eyes), and
deactivating (at once) or reactivating (four-eyes) one account."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cheques.forms_opleider import OpleiderUitnodigenForm, RedenForm
from cheques.models import Opleideraccount
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
                                   voornaam=d["voornaam"], achternaam=d["achternaam"],
                                   beheerder=d["beheerder"])
        messages.success(self.request, _("Aangevraagd. Een tweede beheerder moet de "
                                         "uitnodiging nu goedkeuren."))
        return None


class OpleiderAccountView(StapFormView):
    """One account: deactivate it (a reason and a fresh code), or, when it is deactivated,
    ask for its reactivation (a second beheerder approves: it gives the role back)."""

    rollen = (Rol.BEHEERDER,)
    form_class = RedenForm
    template_name = "cheques/opleider/account.html"
    titel = gettext_lazy("Account voor het opleidersportaal")

    def account(self) -> Opleideraccount:
        if not hasattr(self, "_account"):
            self._account = get_object_or_404(
                Opleideraccount.objects.select_related("gebruiker", "opleider",
                                                       "uitgenodigd_door", "goedgekeurd_door"),
                pk=self.kwargs["pk"])
        return self._account

    def terug_url(self):
        return reverse("cheques:opleider-accounts", kwargs={"pk": self.account().opleider_id})

    def get_context_data(self, **kwargs):
        account = self.account()
        actief = account.gebruiker.is_active
        return super().get_context_data(
            account=account, actief=actief,
            knop=_("Account uitzetten") if actief else _("Weer aanzetten aanvragen"),
            open_verzoek=opleideraccounts.open_heractivering(account), **kwargs)

    def voer_uit(self, form):
        d, account = form.cleaned_data, self.account()
        if account.gebruiker.is_active:
            opleideraccounts.zet_account_uit(actor=self.request.user, code=d["code"],
                                             account=account, reden=d["reden"])
            messages.success(self.request, _("Het account is uitgezet. Het kan niet meer "
                                             "inloggen en open sessies zijn beëindigd."))
        else:
            opleideraccounts.vraag_heractivering_aan(actor=self.request.user, code=d["code"],
                                                     account=account, reden=d["reden"])
            messages.success(self.request, _("Aangevraagd. Een tweede beheerder moet het weer "
                                             "aanzetten nu goedkeuren."))
        return redirect(self.terug_url())
