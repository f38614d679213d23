from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from tfvv import stepup
from tfvv.forms import BevestigCodeForm, MedewerkerInlogForm
from tfvv.permissions import is_geverifieerde_medewerker

MISLUKT_SLEUTEL = "tfvv_stap_op_mislukt"


def _veilige_volgende(request, volgende: str | None) -> str | None:
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return None


def inloggen_medewerker(request):
    form = MedewerkerInlogForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.user, backend="django.contrib.auth.backends.ModelBackend")
        otp_login(request, form.device)
        stepup.markeer_bevestigd(request)
        volgende = _veilige_volgende(request, request.POST.get("next") or request.GET.get("next"))
        return redirect(volgende or "tfvv:start")
    return render(request, "registration/inloggen_medewerker.html",
                  {"form": form, "next": request.GET.get("next", "")})


def bevestigen(request):
    """Step-up: re-enter a TOTP code before a sensitive action (tfvv.stepup)."""
    user = request.user
    if not user.is_authenticated or (user.is_medewerker and not user.is_verified()):
        return redirect_to_login(request.get_full_path(), reverse("tfvv:inloggen-medewerker"))
    toegang = is_geverifieerde_medewerker(user)
    if not toegang:
        raise PermissionDenied(toegang.reden)
    volgende = _veilige_volgende(request, request.POST.get("next") or request.GET.get("next"))
    form = BevestigCodeForm(user, data=request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            request.session.pop(MISLUKT_SLEUTEL, None)
            stepup.markeer_bevestigd(request)
            if volgende and stepup.INVOER_PARAM in volgende:
                messages.success(request, _("Bevestigd. Uw invoer wordt nu verwerkt."))
            else:
                messages.success(request, _("Bevestigd. U kunt de handeling nu uitvoeren."))
            return redirect(volgende or "tfvv:start")
        mislukt = request.session.get(MISLUKT_SLEUTEL, 0) + 1
        request.session[MISLUKT_SLEUTEL] = mislukt
        if mislukt >= stepup.max_pogingen():
            logout(request)
            return redirect(reverse("tfvv:inloggen-medewerker") + "?bevestigen_mislukt=1")
    return render(request, "tfvv/bevestigen.html", {"form": form, "next": volgende or ""})


@require_POST
def uitloggen(request):
    logout(request)
    return redirect("tfvv:home")
