"""Access to the opleider portal's pages: the role (with a verified second factor), an
account at an active opleider, and for some pages the flag "beheerder van de opleider"."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from cheques import opleideridentiteit
from cheques.permissions import mag_collegas_beheren
from tfvv.permissions import heeft_een_rol
from tfvv.roles import Rol


class OpleiderVereistMixin:
    """List it before RolVereistMixin (or a view based on it). Sets `self.account` (the
    user's Opleideraccount) and `self.opleider`; every read of the page is filtered on it."""

    rollen = (Rol.OPLEIDER,)
    beheerder_vereist = False

    def dispatch(self, request, *args, **kwargs):
        # without the role RolVereistMixin answers further on (login page or 403)
        if heeft_een_rol(request.user, self.rollen):
            self.account = opleideridentiteit.account_van(request.user)
            if self.account is None:
                raise PermissionDenied(_("Uw account hoort niet (meer) bij een actieve "
                                         "opleider."))
            self.opleider = self.account.opleider
            if self.beheerder_vereist:
                toegang = mag_collegas_beheren(request.user, self.account)
                if not toegang:
                    raise PermissionDenied(toegang.reden)
        return super().dispatch(request, *args, **kwargs)
