"""The follow-up questionnaire and the stop link: public pages, no login (the link in the
mail is the key), no JavaScript (docs/uitkomsten.md). The same form is in the resident
portal for the logged-in resident (PortaalInvullenView): the portal never shows the mail's
single-use link, which only exists as a hash."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from aanvragen.views import InwonerMixin
from rapportage import vervolgvragen
from rapportage.forms_vervolg import VervolgvragenForm

GESLOTEN = "rapportage/vervolgvragen/gesloten.html"


class InvullenView(View):
    """With the single-use link from the mail."""

    def _zoek(self):
        return vervolgvragen.meting_bij_token(self.kwargs["token"])

    def _meting(self):
        meting = self._zoek()
        return meting, vervolgvragen.open_voor_invullen(meting)

    def _gesloten(self, request, meting, reden):
        return render(request, GESLOTEN, {"reden": reden}, status=404 if meting is None else 200)

    def _formulier(self, request, meting, form):
        return render(request, "rapportage/vervolgvragen/invullen.html",
                      {"form": form, "meting": meting, "plan": meting.cheque.beschikking.plan})

    def get(self, request, **kwargs):
        meting, reden = self._meting()
        if reden:
            return self._gesloten(request, meting, reden)
        return self._formulier(request, meting, VervolgvragenForm())

    def post(self, request, **kwargs):
        meting, reden = self._meting()
        if reden:
            return self._gesloten(request, meting, reden)
        form = VervolgvragenForm(request.POST)
        if not form.is_valid():
            return self._formulier(request, meting, form)
        try:
            vervolgvragen.vul_in(meting_id=meting.pk, antwoorden=form.antwoorden())
        except vervolgvragen.AlIngevuld:  # the same form sent twice at once
            meting.refresh_from_db()
            return self._gesloten(request, meting, vervolgvragen.open_voor_invullen(meting))
        return self._klaar()

    def _klaar(self):
        return redirect("vervolgvragen:bedankt")


class PortaalInvullenView(InwonerMixin, InvullenView):
    """The same questions for the resident logged in to the portal, by the moment's id: only
    a moment of their own aanvraag (anything else is a 404)."""

    def _zoek(self):
        meting = vervolgvragen.meting_van(self.aanvraag(), self.kwargs["meting_id"])
        if meting is None:
            raise Http404
        return meting

    def _klaar(self):
        messages.success(self.request, _("Dank u wel! Wij hebben uw antwoorden ontvangen."))
        return redirect("aanvragen:aanvraag", pk=self.kwargs["pk"])


class BedanktView(TemplateView):
    template_name = "rapportage/vervolgvragen/bedankt.html"


class StoppenView(View):
    """GET asks to confirm (a mail scanner that opens links must not stop anything); POST
    stops."""

    def get(self, request, sleutel):
        if vervolgvragen.aanvraag_bij_stopsleutel(sleutel) is None:
            return render(request, GESLOTEN, {"reden": None}, status=404)
        return render(request, "rapportage/vervolgvragen/stoppen.html")

    def post(self, request, sleutel):
        aanvraag_id = vervolgvragen.aanvraag_bij_stopsleutel(sleutel)
        if aanvraag_id is None:
            return render(request, GESLOTEN, {"reden": None}, status=404)
        vervolgvragen.stop(aanvraag_id=aanvraag_id)
        return render(request, "rapportage/vervolgvragen/gestopt.html")
