"""Base views: every page that needs a role declares it here and nowhere else."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tfvv.permissions import heeft_een_rol
from tfvv.roles import Rol


class RolVereistMixin:
    """Refuse unless the user holds one of `rollen` (staff: with verified TOTP).

    Anonymous users go to the login page of the audience (residents: the login
    link page, staff: password + code); logged-in users without the role get 403.
    """

    rollen: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        toegang = heeft_een_rol(request.user, self.rollen)
        if not toegang:
            user = request.user
            if not user.is_authenticated or (
                    (user.is_medewerker or user.is_opleider) and not user.is_verified()):
                login = {(Rol.INWONER,): "aanvragen:inloggen",
                         (Rol.OPLEIDER,): "cheques:opleider-inloggen"}.get(
                    tuple(self.rollen), "tfvv:inloggen-medewerker")
                return redirect_to_login(request.get_full_path(), reverse(login))
            raise PermissionDenied(toegang.reden)
        return super().dispatch(request, *args, **kwargs)
