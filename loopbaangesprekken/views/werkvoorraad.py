from django.core.paginator import Paginator
from django.views.generic import TemplateView

from loopbaangesprekken.forms_gesprekken import WerkvoorraadFilter
from loopbaangesprekken.selectors import gesprekken as selectors
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
        filterset = WerkvoorraadFilter(self.request.GET or None,
                                       queryset=selectors.lijst(user, lijst))
        tellingen = selectors.tellingen(user)
        paginator = Paginator(filterset.qs, PER_PAGINA)
        if not filterset.is_bound or (filterset.form.is_valid()
                                      and not any(filterset.form.cleaned_data.values())):
            paginator.count = tellingen[lijst]  # known: no second count of a large queue
        pagina = paginator.get_page(self.request.GET.get("pagina"))
        pagina.object_list = selectors.met_overzichtsgegevens(pagina.object_list)
        return super().get_context_data(
            lijst=lijst, filter=filterset, pagina=pagina, tellingen=tellingen,
            beide_loketten=ziet_alle_loketten(user), **kwargs,
        )
