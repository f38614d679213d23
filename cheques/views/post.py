"""The print-and-post worklist (Awb 2:14): decision letters for residents who want paper."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cheques.forms import Datumveld
from cheques.models import Postzending
from cheques.permissions import BESLISSERS
from cheques.services import post as services
from cheques.views.gedeeld import FOUTEN, algemene_fouten_als_melding, fouten_naar_form
from tfvv.views.base import RolVereistMixin


class GepostForm(forms.Form):
    zending = forms.IntegerField(widget=forms.HiddenInput)
    gepost_op = Datumveld(label=gettext_lazy("Gepost op"))


class PostView(RolVereistMixin, View):
    rollen = BESLISSERS
    template_name = "cheques/post.html"

    def toon(self, fout_form=None, status=200):
        te_posten = (Postzending.objects.filter(gepost_op__isnull=True)
                     .select_related("beschikking__plan__aanvraag", "vervolgbesluit"))
        gepost = (Postzending.objects.filter(gepost_op__isnull=False)
                  .select_related("beschikking__plan__aanvraag", "vervolgbesluit")
                  .order_by("-gepost_op", "-pk")[:20])
        regels = [(z, fout_form if fout_form and fout_form.data.get("zending") == str(z.pk)
                   else GepostForm(initial={"zending": z.pk, "gepost_op": timezone.localdate()},
                                   auto_id=f"post{z.pk}_%s"))
                  for z in te_posten]
        return render(self.request, self.template_name, {"regels": regels, "gepost": gepost},
                      status=status)

    def get(self, request):
        return self.toon()

    def post(self, request):
        form = GepostForm(request.POST, auto_id=f"post{request.POST.get('zending')}_%s")
        if form.is_valid():
            zending = get_object_or_404(Postzending, pk=form.cleaned_data["zending"])
            try:
                services.markeer_gepost(zending=zending, door=request.user,
                                        gepost_op=form.cleaned_data["gepost_op"])
            except FOUTEN as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De brief is als gepost gemarkeerd; de "
                                            "bezwaartermijn loopt vanaf de postdatum."))
                return redirect("cheques:post")
        algemene_fouten_als_melding(request, form)
        return self.toon(fout_form=form, status=400)
