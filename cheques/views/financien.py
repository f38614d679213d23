"""Finance: the cheque list, and per cheque the declaratie, the completion proof, the
vaststelling and (by the beoordelaar) the intrekking. Payments: cheques.views.betaalbatches."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from cheques import cofinanciering, selectors, selectors_declaratiewerkvoorraad, services
from cheques.forms import (
    AfrondingForm,
    DeclaratieCorrectieForm,
    DeclaratieForm,
    IntrekkenForm,
    VaststellenForm,
)
from cheques.models import Afronding, Cheque
from cheques.permissions import BESLISSERS, FINANCIEN
from cheques.views.gedeeld import (
    FOUTEN,
    PER_PAGINA,
    algemene_fouten_als_melding,
    fouten_naar_form,
)
from cheques.workflow import cheque_statusmachine
from tfvv.events import registreer_inzage
from tfvv.roles import Rol
from tfvv.stepup import StapOpVereistMixin
from tfvv.views.base import RolVereistMixin

SORTERINGEN = [  # the keys of selectors.FINANCIEN_SORTERING, for the sort menu
    ("nummer", gettext_lazy("chequenummer (oplopend)")),
    ("-nummer", gettext_lazy("chequenummer (aflopend)")),
    ("geldig_tot", gettext_lazy("vervaldatum (eerst vervallend)")),
    ("-geldig_tot", gettext_lazy("vervaldatum (laatst vervallend)")),
    ("bedrag", gettext_lazy("bedrag (laag naar hoog)")),
    ("-bedrag", gettext_lazy("bedrag (hoog naar laag)")),
]


class FinancienView(RolVereistMixin, TemplateView):
    rollen = FINANCIEN
    template_name = "cheques/financien.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        if status not in Cheque.Status.values:
            status = ""
        zoek = self.request.GET.get("zoek", "").strip()[:100]
        if zoek:  # names of residents searched for: AVG access log
            registreer_inzage(gebruiker=self.request.user, handeling="gezocht",
                              onderdeel="cheques (financiën)", pad=self.request.path)
        sorteer = self.request.GET.get("sorteer", "nummer")
        if sorteer not in selectors.FINANCIEN_SORTERING:
            sorteer = "nummer"
        pagina = Paginator(selectors.cheques_voor_financien(status=status, zoek=zoek,
                                                            sorteer=sorteer), PER_PAGINA) \
            .get_page(self.request.GET.get("pagina"))
        return {**super().get_context_data(**kwargs), "status": status, "zoek": zoek,
                "sorteer": sorteer, "sorteringen": SORTERINGEN,
                "statussen": Cheque.Status.choices, "pagina": pagina,
                "vast_te_stellen": selectors.vast_te_stellen(),
                "declaraties_open": selectors_declaratiewerkvoorraad.aantal_open()}


class ChequeView(RolVereistMixin, StapOpVereistMixin, View):
    rollen = FINANCIEN + BESLISSERS
    template_name = "cheques/cheque.html"

    def cheque(self):
        return get_object_or_404(
            Cheque.objects.select_related("opleider", "periode", "beschikking__plan__aanvraag"),
            nummer=self.kwargs["nummer"])

    def toon(self, cheque, status=200, **forms):
        registreer_inzage(gebruiker=self.request.user, handeling="bekeken", onderdeel="cheque",
                          dossier_id=cheque.beschikking.plan.aanvraag_id, pad=self.request.path)
        user = self.request.user
        cofinancieringsregels = cofinanciering.regelstanden(cheque)
        context = {
            "cofinanciering": cofinancieringsregels,
            "cofinanciering_tekort": cofinanciering.tekort(cofinancieringsregels),
            "cofinanciering_open": [s for s in cofinancieringsregels if s.vast_te_leggen],
            "cofinanciering_correctie_open": any(s.correctie_open
                                                 for s in cofinancieringsregels),
            "cheque": cheque, "aanvraag": cheque.beschikking.plan.aanvraag,
            "declaraties": list(cheque.declaraties.all()),
            "indieningen": selectors_declaratiewerkvoorraad.van_cheque(cheque),
            "betalingen": list(cheque.betalingen.all()),
            "afronding": Afronding.objects.filter(cheque=cheque).first(),
            "besluiten": list(cheque.vervolgbesluiten.order_by("genomen_op")),
            "terugvorderingen": list(cheque.terugvorderingen.all()),
            "is_financieel": user.heeft_rol(Rol.FINANCIEEL),
            "is_beoordelaar": user.heeft_rol(Rol.BEOORDELAAR),
            "declaratie_form": forms.get("declaratie_form") or DeclaratieForm(
                initial={"bedrag": cheque.bedrag}),
            "afronding_form": forms.get("afronding_form") or AfrondingForm(),
            "vaststellen_form": forms.get("vaststellen_form") or VaststellenForm(
                initial={"bedrag": (cheque.declaraties.order_by("-geregistreerd_op")
                                    .values_list("bedrag", flat=True).first())}),
            "intrekken_form": forms.get("intrekken_form") or IntrekkenForm(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, nummer):
        return self.toon(self.cheque())


class ChequeActie(ChequeView):
    """POST one finance step on a cheque; subclasses define `uitvoeren(cheque, data)`."""

    form_class = None
    form_naam = ""
    melding = ""
    transitie = ""

    def get(self, request, nummer):
        return redirect("cheques:cheque", nummer=nummer)

    def post(self, request, nummer):
        cheque = self.cheque()
        if not cheque_statusmachine.toegestaan(cheque, self.transitie):
            messages.error(request, _("Dit kan niet bij een cheque met status %(status)s.")
                           % {"status": cheque.get_status_display()})
            return self.toon(cheque, status=400)
        form = self.form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                self.uitvoeren(cheque, form.cleaned_data)
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, self.melding)
                return redirect("cheques:cheque", nummer=cheque.nummer)
        algemene_fouten_als_melding(request, form)
        return self.toon(self.cheque(), status=400, **{self.form_naam: form})


class DeclaratieView(ChequeActie):
    rollen = FINANCIEN
    form_class, form_naam = DeclaratieForm, "declaratie_form"
    melding = _("De declaratie is geregistreerd.")
    transitie = "declareren"

    def uitvoeren(self, cheque, data):
        services.registreer_declaratie(cheque=cheque, door=self.request.user, **data)


class VaststellenView(ChequeActie):
    rollen = FINANCIEN
    form_class, form_naam = VaststellenForm, "vaststellen_form"
    melding = _("De subsidie is vastgesteld; de vaststellingsbeschikking gaat naar de inwoner.")
    transitie = "vaststellen"

    def uitvoeren(self, cheque, data):
        services.vaststellen(cheque=cheque, door=self.request.user, **data)


class AfrondingView(ChequeActie):
    rollen = FINANCIEN
    form_class, form_naam = AfrondingForm, "afronding_form"
    melding = _("De afronding is vastgelegd.")
    transitie = "vaststellen"  # the completion proof precedes the vaststelling

    def uitvoeren(self, cheque, data):
        services.registreer_afronding(cheque=cheque, door=self.request.user, **data)


class IntrekkenView(ChequeActie):
    rollen = BESLISSERS
    form_class, form_naam = IntrekkenForm, "intrekken_form"
    melding = _("De subsidie is ingetrokken; de reservering is vrijgegeven en de inwoner "
                "krijgt de intrekkingsbeschikking.")
    transitie = "intrekken"

    def uitvoeren(self, cheque, data):
        services.intrekken(cheque=cheque, door=self.request.user, **data)


class DeclaratieCorrigerenView(RolVereistMixin, StapOpVereistMixin, View):
    """Finance corrects the declaratie's figures before the vaststelling or a payment."""

    rollen = FINANCIEN
    template_name = "cheques/declaratie_corrigeren.html"

    def toon(self, cheque, form=None, status=200):
        waarom_niet = services.declaratie_corrigeerbaar(cheque)
        declaratie = None if waarom_niet else services.laatste_declaratie(cheque)
        if form is None and declaratie is not None:
            form = DeclaratieCorrectieForm(initial={
                "factuurnummer": declaratie.factuurnummer,
                "factuurdatum": declaratie.factuurdatum, "bedrag": declaratie.bedrag})
        return render(self.request, self.template_name, {
            "cheque": cheque, "declaratie": declaratie, "waarom_niet": waarom_niet,
            "form": form}, status=status)

    def cheque(self):
        return get_object_or_404(Cheque.objects.select_related("beschikking__plan"),
                                 nummer=self.kwargs["nummer"])

    def get(self, request, nummer):
        return self.toon(self.cheque())

    def post(self, request, nummer):
        cheque = self.cheque()
        if services.declaratie_corrigeerbaar(cheque):
            return self.toon(cheque, status=400)
        form = DeclaratieCorrectieForm(request.POST)
        if form.is_valid():
            try:
                services.corrigeer_declaratie(cheque=cheque, door=request.user,
                                              **form.cleaned_data)
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De declaratie is gecorrigeerd."))
                return redirect("cheques:cheque", nummer=cheque.nummer)
        algemene_fouten_als_melding(request, form)
        return self.toon(self.cheque(), form=form, status=400)
