"""Search and archive: staff find open and closed cases within their role's reach."""

from django.core.paginator import Paginator
from django.views.generic import TemplateView

from cheques import selectors_zoeken as selectors
from cheques.forms_zoeken import ZoekForm
from cheques.views.gedeeld import PER_PAGINA
from tfvv.events import registreer_inzage
from tfvv.permissions import ziet_alle_loketten
from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin


class ZoekenView(RolVereistMixin, TemplateView):
    rollen = selectors.ZOEKROLLEN
    template_name = "cheques/zoeken.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        rol = selectors.zoekrol(user)
        met_cheques = selectors.ziet_cheques(rol)
        form = ZoekForm(self.request.GET or None, met_cheques=met_cheques)
        sorteer = self.request.GET.get("sorteer", "")
        if sorteer not in selectors.SORTERINGEN:  # whitelisted: never an arbitrary order_by
            sorteer = selectors.STANDAARD_SORTERING
        pagina = None
        if form.is_bound and form.is_valid() and form.heeft_zoekvraag():
            gevonden = selectors.zoek(user, rol, form.cleaned_data, sorteer)
            pagina = Paginator(gevonden, PER_PAGINA).get_page(self.request.GET.get("pagina"))
            pagina.object_list = selectors.resultaten(pagina.object_list,
                                                      met_cheques=met_cheques)
            # names and e-mail addresses of residents were shown: AVG access log
            registreer_inzage(gebruiker=user, handeling="gezocht",
                              onderdeel=f"zoeken ({rol.label})", pad=self.request.path)
        return super().get_context_data(
            form=form, pagina=pagina, sorteer=sorteer, rol=rol, met_cheques=met_cheques,
            toon_loket=rol != Rol.CONSULENT or ziet_alle_loketten(user), **kwargs)
