from django.contrib.auth import login, logout
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from tfvv.forms import MedewerkerInlogForm


def inloggen_medewerker(request):
    form = MedewerkerInlogForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.user, backend="django.contrib.auth.backends.ModelBackend")
        otp_login(request, form.device)
        volgende = request.POST.get("next") or request.GET.get("next")
        if volgende and url_has_allowed_host_and_scheme(
            volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(volgende)
        return redirect("tfvv:start")
    return render(request, "registration/inloggen_medewerker.html",
                  {"form": form, "next": request.GET.get("next", "")})


@require_POST
def uitloggen(request):
    logout(request)
    return redirect("tfvv:home")
