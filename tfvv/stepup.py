"""Step-up re-authentication: a fresh TOTP code before a sensitive staff action.

A staff member who has not entered a code in the last `TFVV_STEP_UP_SECONDS` is sent
to `/medewerkers/bevestigen/?next=<this page>` before the action goes through; after
the code they come back to the page and send the form again.

    from tfvv.stepup import StapOpVereistMixin, stap_op_vereist

    class ToekennenView(RolVereistMixin, StapOpVereistMixin, FormView): ...
    # or, for a function view:
    @stap_op_vereist
    def wijzig_budget(request): ...

By default only unsafe methods (POST, PUT, PATCH, DELETE) need the fresh code; set
`stap_op_bij_openen = True` on the mixin (or `@stap_op_vereist(bij_openen=True)`) to
ask for it before the form is shown, so nothing typed is lost.
User and budget management in the admin is covered by tfvv.middleware.StapOpMiddleware.
"""

import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

SESSIE_SLEUTEL = "tfvv_stap_op_tijd"
ONVEILIGE_METHODEN = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def is_bevestigd(request) -> bool:
    """The user entered a TOTP code within TFVV_STEP_UP_SECONDS (in this session)."""
    moment = request.session.get(SESSIE_SLEUTEL)
    return moment is not None and time.time() - moment <= settings.TFVV_STEP_UP_SECONDS


def max_pogingen() -> int:
    """Wrong codes in a row after which the session is ended."""
    return settings.TFVV_STEP_UP_MAX_POGINGEN


def markeer_bevestigd(request) -> None:
    request.session[SESSIE_SLEUTEL] = time.time()


def naar_bevestigen(request, terug: str | None = None):
    """Redirect to the confirmation page, coming back to `terug` (default: this page)."""
    query = urlencode({"next": terug or request.get_full_path()})
    return redirect(f"{reverse('tfvv:bevestigen')}?{query}")


def moet_bevestigen(request, bij_openen: bool = False) -> bool:
    if is_bevestigd(request):
        return False
    return bij_openen or request.method in ONVEILIGE_METHODEN


def stap_op_vereist(view=None, *, bij_openen: bool = False):
    """Decorator for function views (use after the login/role check)."""

    def decorator(func):
        @wraps(func)
        def omhulsel(request, *args, **kwargs):
            if moet_bevestigen(request, bij_openen):
                return naar_bevestigen(request)
            return func(request, *args, **kwargs)

        return omhulsel

    return decorator(view) if view is not None else decorator


class StapOpVereistMixin:
    """For class-based views. List it after `RolVereistMixin`, so the role is checked first."""

    stap_op_bij_openen = False

    def dispatch(self, request, *args, **kwargs):
        if moet_bevestigen(request, self.stap_op_bij_openen):
            return naar_bevestigen(request)
        return super().dispatch(request, *args, **kwargs)
