"""The opleider portal: login (e-mail link + TOTP, cheques.opleideridentiteit) and the
opleider's own cheques, searchable and exportable."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from cheques import opleideridentiteit, selectors_opleider
from cheques import selectors_opleiderdeclaraties as declaraties
from cheques.forms_opleider import ChequesZoekenForm, OpleiderCodeForm, OpleiderLinkForm
from cheques.services import opleideraccounts
from cheques.views.opleidertoegang import OpleiderVereistMixin
from tfvv import export, ratelimit
from tfvv.gebruikersbeheer import otpauth_qr_svg
from tfvv.views.base import RolVereistMixin

PER_PAGINA = 50


class InloggenView(View):
    template_name = "cheques/opleider/inloggen.html"

    def get(self, request):
        return render(request, self.template_name, {"form": OpleiderLinkForm()})

    def post(self, request):
        form = OpleiderLinkForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        limiet, venster = settings.TFVV_LIMIET_INLOGLINK_IP
        if not ratelimit.toegestaan("opleiderlink-ip", ratelimit.ip_adres(request),
                                    limiet=limiet, venster=venster):
            form.add_error(None, _("U heeft vaak een inloglink aangevraagd. Probeer het over "
                                   "een uur opnieuw."))
            return render(request, self.template_name, {"form": form}, status=429)
        opleideraccounts.vraag_link_aan(email=form.cleaned_data["email"])
        return render(request, self.template_name, {"verstuurd": True})


class LinkView(View):
    """The page of the e-mail link: the TOTP code (and, the first time, the QR code).
    A GET uses nothing up (mail scanners open links); only a right code does."""

    template_name = "cheques/opleider/link.html"

    def _toon(self, request, link, form, status=200):
        apparaat = opleideridentiteit.apparaat(link.gebruiker)
        return render(request, self.template_name, {
            "form": form, "qr": None if apparaat.confirmed else otpauth_qr_svg(apparaat),
        }, status=status)

    def _ongeldig(self, request):
        return render(request, "cheques/opleider/link_ongeldig.html", {
            "form": OpleiderLinkForm(),
            "uitgezet": opleideridentiteit.van_uitgezet_account(self.kwargs["token"])},
            status=404)

    def get(self, request, token):
        link = opleideridentiteit.geldige_link(token)
        if link is None:
            return self._ongeldig(request)
        return self._toon(request, link, OpleiderCodeForm())

    def post(self, request, token):
        link = opleideridentiteit.geldige_link(token)
        if link is None:
            return self._ongeldig(request)
        form = OpleiderCodeForm(request.POST)
        if not form.is_valid():
            return self._toon(request, link, form, status=400)
        apparaat = opleideridentiteit.controleer_code(link, form.cleaned_data["code"])
        if apparaat is None:
            if opleideridentiteit.geldige_link(token) is None:  # too many wrong codes
                return self._ongeldig(request)
            form.add_error("code", _("Deze code klopt niet. Gebruik de nieuwste code uit uw "
                                     "app."))
            return self._toon(request, link, form, status=400)
        if not opleideridentiteit.meld_aan(request, link=link, apparaat=apparaat):
            return self._ongeldig(request)  # used meanwhile in another tab
        return redirect("cheques:opleider-cheques")


class MijnChequesView(OpleiderVereistMixin, RolVereistMixin, View):
    template_name = "cheques/opleider/cheques.html"

    def get(self, request):
        opleider = self.opleider
        form = ChequesZoekenForm(request.GET)
        zoek = form.cleaned_data["zoek"] if form.is_valid() else ""
        cheques = selectors_opleider.cheques_van(opleider, zoek=zoek)
        vandaag = timezone.localdate()
        formaat = request.GET.get("formaat")
        if formaat in ("csv", "xlsx"):
            return self._export(formaat, [selectors_opleider.als_regel(c, vandaag=vandaag)
                                          for c in cheques.iterator(chunk_size=500)])
        pagina = Paginator(cheques, PER_PAGINA).get_page(request.GET.get("pagina"))
        regels = [selectors_opleider.als_regel(c, vandaag=vandaag) for c in pagina]
        return render(request, self.template_name, {
            "opleider": opleider, "form": form, "pagina": pagina, "regels": regels,
            "declarabel": declaraties.declarabele(opleider, [r.nummer for r in regels]),
            "zoek": zoek, "dagen": selectors_opleider.BIJNA_VERLOPEN_DAGEN,
            "is_beheerder": self.account.is_beheerder})

    @staticmethod
    def _export(formaat, regels):
        kolommen = [_("Chequenummer"), _("Chequehouder"), _("Opleiding"), _("Start"), _("Einde"),
                    _("Bedrag"), _("Geldig tot en met"), _("Status"), _("Vastgesteld bedrag"),
                    _("Betaald"), _("Verloopt binnen 30 dagen")]
        rijen = [[r.nummer, r.houder, r.opleiding, r.start, r.eind, r.bedrag, r.geldig_tot,
                  r.status, r.vastgesteld_bedrag, r.betaald,
                  _("ja") if r.verloopt_binnenkort else _("nee")]
                 for r in regels]
        if formaat == "csv":
            return export.csv_response("cheques.csv", kolommen, rijen)
        response = HttpResponse(export.xlsx_bytes(_("Cheques"), kolommen, rijen),
                                content_type="application/vnd.openxmlformats-officedocument."
                                             "spreadsheetml.sheet")
        response["Content-Disposition"] = 'attachment; filename="cheques.xlsx"'
        return response


class OpleiderChequeView(OpleiderVereistMixin, RolVereistMixin, View):
    """One cheque of the opleider: its facts, the vastgesteld amount and every payment."""

    def get(self, request, nummer):
        regel = selectors_opleider.cheque_van(self.opleider, nummer)
        if regel is None:
            raise Http404
        return render(request, "cheques/opleider/cheque.html", {"r": regel})
