import sys
import time

from django.conf import settings
from django.contrib.auth import logout
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.defaults import server_error

from tfvv import stepup


def _onbeschikbaar(request) -> HttpResponse:
    html = render_to_string("503.html", {"request": request})
    return HttpResponse(html, status=503, headers={"Retry-After": "60"})


def foutpagina(request, template_name="500.html"):
    """handler500: a database outage raised outside the view (in a later middleware, e.g.
    while loading the session or the user) still gives the friendly 503."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return _onbeschikbaar(request)
    return server_error(request, template_name)


class DatabaseUnavailableMiddleware:
    """A database outage gives a friendly Dutch 503 page instead of a 500.

    Sits before the session middleware so an outage while loading the session is
    caught too; the failed request's transaction is rolled back by Django.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError):
            return _onbeschikbaar(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return _onbeschikbaar(request)
        return None


class StaffSessionExpiryMiddleware:
    """Staff and opleider sessions end after a period without activity (residents' links
    expire anyway)."""

    SLEUTEL = "tfvv_laatste_activiteit"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and (user.is_medewerker
                                                           or user.is_opleider):
            nu = int(time.time())
            laatste = request.session.get(self.SLEUTEL, nu)
            if nu - laatste > settings.TFVV_STAFF_IDLE_SECONDS:
                login = ("tfvv:inloggen-medewerker" if user.is_medewerker
                         else "cheques:opleider-inloggen")
                logout(request)
                return redirect(reverse(login) + "?verlopen=1")
            request.session[self.SLEUTEL] = nu
        return self.get_response(request)


class StapOpMiddleware:
    """Changes to users, roles, passwords, second factors and budgets in the admin need a
    fresh code.

    Every unsafe request under the admin pages of `PADEN` is sent through the step-up
    page first (tfvv.stepup); viewing stays as it is. A user's password set by a beheerder
    lies under tfvv/gebruiker/<id>/password/; one's own password under password_change/
    (whoever holds a stolen staff session must not be able to lock the owner out with it).
    (The user and TOTP admin is for a technical superuser only; the functioneel beheerder
    manages staff on the beheer pages, with four-eyes: tfvv.vierogen.)
    """

    PADEN = (
        "tfvv/gebruiker/", "auth/group/", "otp_totp/totpdevice/",
        "tfvv/financieringsbron/", "tfvv/begrotingsperiode/", "tfvv/toezegging/",
        "password_change/",
    )

    def __init__(self, get_response):
        self.get_response = get_response
        self._prefixen = None

    def prefixen(self) -> tuple[str, ...]:
        if self._prefixen is None:
            index = reverse("admin:index")
            self._prefixen = tuple(f"{index}{pad}" for pad in self.PADEN)
        return self._prefixen

    def __call__(self, request):
        if (
            request.method in stepup.ONVEILIGE_METHODEN
            and request.path.startswith(self.prefixen())
            and request.user.is_authenticated
            and not stepup.is_bevestigd(request)
        ):
            return stepup.naar_bevestigen(request)
        return self.get_response(request)


class MethodeNietToegestaanMiddleware:
    """A 405 (a GET-only page receiving a POST, a PUT anywhere) gets the Dutch page; the
    Allow header stays."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.streaming and not response.content:
            pagina = render(request, "405.html", status=405)
            pagina["Allow"] = response.get("Allow", "")
            return pagina
        return response
