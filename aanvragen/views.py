from django.views.generic import TemplateView

from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin


class AanmeldenView(TemplateView):
    template_name = "aanvragen/aanmelden.html"


class InloggenView(TemplateView):
    template_name = "aanvragen/inloggen.html"


class MijnAanvraagView(RolVereistMixin, TemplateView):
    rollen = (Rol.INWONER,)
    template_name = "aanvragen/mijn_aanvraag.html"
