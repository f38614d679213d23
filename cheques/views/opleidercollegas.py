"""The portal page "Collega's" of an opleider's own beheerder: the organisation's accounts,
inviting a colleague, and per colleague: make or unmake beheerder, deactivate
(cheques.services.opleidercollegas)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cheques.forms_opleider import CollegaBeheerderForm, CollegaUitnodigenForm, RedenForm
from cheques.services import opleideraccounts, opleidercollegas
from cheques.views.opleidertoegang import OpleiderVereistMixin
from tfvv.forms import toon_fout
from tfvv.views.base import RolVereistMixin
from tfvv.views.vierogen import StapFormView


class CollegasView(OpleiderVereistMixin, StapFormView):
    beheerder_vereist = True
    form_class = CollegaUitnodigenForm
    template_name = "cheques/opleider/collegas.html"
    titel = gettext_lazy("Collega's")
    knop = gettext_lazy("Collega uitnodigen")

    def terug_url(self):
        return reverse("cheques:opleider-collegas")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            opleider=self.opleider, eigen=self.account,
            accounts=opleideraccounts.accounts_van(self.opleider), **kwargs)

    def voer_uit(self, form):
        d = form.cleaned_data
        opleidercollegas.nodig_collega_uit(actor=self.request.user, code=d["code"],
                                           email=d["email"], voornaam=d["voornaam"],
                                           achternaam=d["achternaam"])
        messages.success(self.request, _("%(email)s is uitgenodigd en krijgt een e-mail met "
                                         "een link om in te loggen.") % {"email": d["email"]})
        return None


class CollegaView(OpleiderVereistMixin, RolVereistMixin, View):
    """One colleague: two forms, each with its own prefix (ids stay unique)."""

    beheerder_vereist = True
    template_name = "cheques/opleider/collega.html"

    def collega(self):
        # only the own organisation's accounts: another opleider's is as if it did not exist
        return get_object_or_404(opleideraccounts.accounts_van(self.opleider),
                                 pk=self.kwargs["pk"])

    def toon(self, account, rol_form=None, uit_form=None, status=200):
        return render(self.request, self.template_name, {
            "collega": account, "zelf": account.pk == self.account.pk,
            "rol_form": rol_form or CollegaBeheerderForm(
                prefix="rol", initial={"beheerder": "0" if account.is_beheerder else "1"}),
            "uit_form": uit_form or RedenForm(prefix="uit")}, status=status)

    def get(self, request, pk):
        return self.toon(self.collega())

    def post(self, request, pk):
        account = self.collega()
        uitzetten = any(k.startswith("uit-") for k in request.POST)
        form = (RedenForm(request.POST, prefix="uit") if uitzetten
                else CollegaBeheerderForm(request.POST, prefix="rol"))
        if form.is_valid():
            try:
                melding = self.uitvoeren(account, form.cleaned_data, uitzetten)
            except ValidationError as fout:
                toon_fout(form, fout)
            else:
                messages.success(request, melding)
                return redirect("cheques:opleider-collegas")
        form.data = form.data.copy()  # a code can be used once: type a new one
        form.data[form.add_prefix("code")] = ""
        return self.toon(account, status=400,
                         **{"uit_form" if uitzetten else "rol_form": form})

    def uitvoeren(self, account, data, uitzetten: bool) -> str:
        actor, code = self.request.user, data["code"]
        if uitzetten:
            opleidercollegas.zet_collega_uit(actor=actor, code=code, account=account,
                                             reden=data["reden"])
            return _("Het account is uitgezet.")
        opleidercollegas.zet_beheerder(actor=actor, code=code, account=account,
                                       beheerder=data["beheerder"])
        return (_("Uw collega is nu beheerder.") if data["beheerder"]
                else _("Uw collega is geen beheerder meer."))
