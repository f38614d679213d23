from django.shortcuts import redirect
from django.views.generic import TemplateView

from tfvv import bewaartermijnen, herinneringen
from tfvv.roles import STARTPAGINA, Rol
from tfvv.views.base import RolVereistMixin


class HomeView(TemplateView):
    template_name = "tfvv/home.html"


class PrivacyView(TemplateView):
    template_name = "tfvv/privacy.html"

    def get_context_data(self, **kwargs):
        # generated from the retention settings, so the statement never promises otherwise
        return {**super().get_context_data(**kwargs),
                "bewaren": bewaartermijnen.termijnen_in_woorden()}


class ToegankelijkheidView(TemplateView):
    template_name = "tfvv/toegankelijkheid.html"


def startpagina(request):
    """Send a logged-in user to the start page of their role."""
    user = request.user
    if not user.is_authenticated:
        return redirect("tfvv:home")
    for rol, url in STARTPAGINA.items():
        if user.heeft_rol(rol) and (rol == Rol.INWONER or user.is_verified()):
            return redirect(url)
    if user.is_medewerker:
        return redirect("tfvv:inloggen-medewerker")
    if user.is_opleider:
        return redirect("cheques:opleider-inloggen")
    return redirect("tfvv:home")


class BeheerView(RolVereistMixin, TemplateView):
    """Start page of the functioneel beheerder: the reference data and users."""

    rollen = (Rol.BEHEERDER,)
    template_name = "tfvv/beheer.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            beheerwaarschuwingen=herinneringen.beheerwaarschuwingen(), **kwargs)
