"""The opleider's public check of a cheque (number + verification code)."""

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from cheques import verificatie
from cheques.forms import (
    ControlerenForm,
)
from cheques.models import Cheque
from tfvv import ratelimit

SCOPE = "chequecontrole-ip"


class ControlerenView(View):
    template_name = "cheques/controleren.html"

    def get(self, request):
        return render(request, self.template_name, {"form": ControlerenForm()})

    def post(self, request):
        form = ControlerenForm(request.POST)
        # only failures count: a ROC checking a whole class must not be refused, while
        # guessing verification codes stops after `limiet` wrong tries
        limiet, venster = settings.TFVV_LIMIET_CHEQUECONTROLE_IP
        ip = ratelimit.ip_adres(request)
        if ratelimit.geblokkeerd(SCOPE, ip, limiet=limiet, venster=venster):
            form.is_valid()
            form.add_error(None, _("Te veel pogingen. Probeer het over tien minuten opnieuw."))
            return render(request, self.template_name, {"form": form}, status=429)
        cheque = None
        if form.is_valid():
            cheque = (Cheque.objects.select_related("opleider")
                      .filter(nummer=form.cleaned_data["nummer"]).first())
            if cheque is None or not verificatie.klopt(verwacht_hash=cheque.verificatiecode_hash,
                                                        invoer=form.cleaned_data["code"]):
                cheque = None
                form.add_error(None, _("Deze combinatie van chequenummer en verificatiecode is "
                                       "niet bekend. Controleer beide en probeer het opnieuw."))
        if cheque is None:
            ratelimit.tel_mislukt(SCOPE, ip, venster=venster)
        return render(request, self.template_name, {
            "form": form, "cheque": cheque, "vandaag": timezone.localdate(),
            "geldig": cheque is not None and cheque.status == Cheque.Status.UITGEGEVEN
            and cheque.geldig_tot >= timezone.localdate(),
        }, status=200 if form.is_valid() or cheque else 400)
