"""The follow-up questionnaire and the stop link: public pages, no login (the link in the
mail is the key), no JavaScript (docs/uitkomsten.md)."""

from django.shortcuts import redirect, render
from django.views import View
from django.views.generic import TemplateView

from rapportage import vervolgvragen
from rapportage.forms_vervolg import VervolgvragenForm

GESLOTEN = "rapportage/vervolgvragen/gesloten.html"


class InvullenView(View):
    def _meting(self, token):
        meting = vervolgvragen.meting_bij_token(token)
        return meting, vervolgvragen.open_voor_invullen(meting)

    def _gesloten(self, request, meting, reden):
        return render(request, GESLOTEN, {"reden": reden}, status=404 if meting is None else 200)

    def _formulier(self, request, meting, form):
        return render(request, "rapportage/vervolgvragen/invullen.html",
                      {"form": form, "meting": meting, "plan": meting.cheque.beschikking.plan})

    def get(self, request, token):
        meting, reden = self._meting(token)
        if reden:
            return self._gesloten(request, meting, reden)
        return self._formulier(request, meting, VervolgvragenForm())

    def post(self, request, token):
        meting, reden = self._meting(token)
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
        return redirect("vervolgvragen:bedankt")


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
