from django.views.generic import TemplateView

from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin


class DashboardView(RolVereistMixin, TemplateView):
    rollen = (Rol.ADVIESGROEP, Rol.BEHEERDER)
    template_name = "rapportage/dashboard.html"


class WerkvoorraadView(RolVereistMixin, TemplateView):
    rollen = (Rol.BEOORDELAAR, Rol.BEHEERDER)
    template_name = "rapportage/werkvoorraad.html"
