from django.views.generic import TemplateView

from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin


class BeoordelenView(RolVereistMixin, TemplateView):
    rollen = (Rol.BEOORDELAAR,)
    template_name = "cheques/beoordelen.html"


class FinancienView(RolVereistMixin, TemplateView):
    rollen = (Rol.FINANCIEEL,)
    template_name = "cheques/financien.html"


class BudgetView(RolVereistMixin, TemplateView):
    rollen = (Rol.FINANCIEEL, Rol.BEHEERDER)
    template_name = "cheques/budget.html"


class ControlerenView(TemplateView):
    template_name = "cheques/controleren.html"
