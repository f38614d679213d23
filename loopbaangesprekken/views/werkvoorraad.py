from django.views.generic import TemplateView

from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin


class WerkvoorraadView(RolVereistMixin, TemplateView):
    rollen = (Rol.CONSULENT,)
    template_name = "loopbaangesprekken/werkvoorraad.html"
