from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from loopbaangesprekken import permissions
from loopbaangesprekken.forms_gesprekken import MeerdereToewijzenForm, WerkvoorraadFilter
from loopbaangesprekken.selectors import gesprekken as selectors
from loopbaangesprekken.services import gesprekken as services
from tfvv.permissions import ziet_alle_loketten
from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin

PER_PAGINA = 25


class WerkvoorraadView(RolVereistMixin, TemplateView):
    """The queue of the consulent's loket: new cases, my cases, all open cases."""

    rollen = (Rol.CONSULENT,)
    template_name = "loopbaangesprekken/werkvoorraad.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        lijst = self.request.GET.get("lijst")
        lijst = lijst if lijst in selectors.LIJSTEN else "nieuw"
        sorteer = self.request.GET.get("sorteer", "")
        if sorteer not in selectors.SORTERINGEN:  # whitelisted: never an arbitrary order_by
            sorteer = selectors.STANDAARD_SORTERING
        filterset = WerkvoorraadFilter(self.request.GET or None,
                                       queryset=selectors.lijst(user, lijst, sorteer))
        tellingen = selectors.tellingen(user)
        paginator = Paginator(filterset.qs, PER_PAGINA)
        if not filterset.is_bound or (filterset.form.is_valid()
                                      and not any(filterset.form.cleaned_data.values())):
            paginator.count = tellingen[lijst]  # known: no second count of a large queue
        pagina = paginator.get_page(self.request.GET.get("pagina"))
        pagina.object_list = selectors.met_overzichtsgegevens(pagina.object_list)
        meerdere = bool(permissions.mag_meerdere_toewijzen(user))
        return super().get_context_data(
            lijst=lijst, sorteer=sorteer, filter=filterset, pagina=pagina, tellingen=tellingen,
            beide_loketten=ziet_alle_loketten(user), meerdere_toewijzen=meerdere,
            toewijzen_form=(MeerdereToewijzenForm(
                aanvragen=selectors.open_aanvragen_voor(user),
                collegas=selectors.collegas_voor(user)) if meerdere else None),
            **kwargs,
        )


class MeerdereToewijzenView(RolVereistMixin, View):
    """POST: the manager assigns the ticked cases to one consulent (all or none)."""

    rollen = (Rol.CONSULENT,)

    def post(self, request):
        user = request.user
        toegang = permissions.mag_meerdere_toewijzen(user)
        if not toegang:
            raise PermissionDenied(toegang.reden)
        form = MeerdereToewijzenForm(request.POST, aanvragen=selectors.open_aanvragen_voor(user),
                                     collegas=selectors.collegas_voor(user))
        if form.is_valid():
            try:
                aantal = services.wijs_meerdere_toe(
                    aanvragen=list(form.cleaned_data["aanvragen"]),
                    consulent=form.cleaned_data["consulent"], actor=user)
            except PermissionDenied as fout:
                messages.error(request, _("Niets toegewezen: %(reden)s") % {"reden": fout})
            else:
                messages.success(request, ngettext(
                    "%(n)d aanvraag is toegewezen aan %(naam)s.",
                    "%(n)d aanvragen zijn toegewezen aan %(naam)s.", aantal) % {
                    "n": aantal, "naam": form.cleaned_data["consulent"].get_full_name()})
        else:
            for fouten in form.errors.values():
                for tekst in fouten:
                    messages.error(request, tekst)
        return redirect(f"{reverse('loopbaangesprekken:werkvoorraad')}?{terug_naar(request.POST)}")


def terug_naar(post) -> str:
    """The queue's list, order and page the manager assigned from (only known values)."""
    lijst = post.get("lijst")
    terug = {"lijst": lijst if lijst in selectors.LIJSTEN else "open"}
    if post.get("sorteer") in selectors.SORTERINGEN:
        terug["sorteer"] = post["sorteer"]
    if post.get("pagina", "").isdigit():
        terug["pagina"] = post["pagina"]
    return urlencode(terug)
