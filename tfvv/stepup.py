"""Step-up re-authentication: a fresh TOTP code before a sensitive staff action.

A staff member who has not entered a code in the last `TFVV_STEP_UP_SECONDS` is sent
to `/medewerkers/bevestigen/?next=<this page>` before the action goes through. What they
typed is not lost: the POST data (without files and the CSRF token) is kept in the
session under a one-time key that rides along in `next`; after the code, the view
(mixin or decorator) completes the original POST from it. A form that is refused then
(say, a file that must be chosen again) comes back filled in, like any refused form.
The key is random, bound to the session and the path, and used once, so a link cannot
make anyone else perform the action.

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

import secrets
import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

SESSIE_SLEUTEL = "tfvv_stap_op_tijd"
INVOER_SLEUTEL = "tfvv_stap_op_invoer"  # session: {key: {"pad": ..., "data": [[k, v], ...]}}
INVOER_PARAM = "stap_op_invoer"  # query parameter of the return URL
MAX_BEWAARD = 5  # pending inputs kept per session (oldest dropped)
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


def naar_bevestigen(request, terug: str | None = None, *, bewaar_invoer: bool = False):
    """Redirect to the confirmation page, coming back to `terug` (default: this page).
    With `bewaar_invoer`, a POST's data is kept for `herhaal_invoer` on return."""
    terug = terug or request.get_full_path()
    if bewaar_invoer and request.method == "POST":
        sleutel = _bewaar_invoer(request)
        terug += ("&" if "?" in terug else "?") + urlencode({INVOER_PARAM: sleutel})
    query = urlencode({"next": terug})
    return redirect(f"{reverse('tfvv:bevestigen')}?{query}")


def _bewaar_invoer(request) -> str:
    data = [[k, v] for k, waarden in request.POST.lists() if k != "csrfmiddlewaretoken"
            for v in waarden]
    bewaard = dict(list(request.session.get(INVOER_SLEUTEL, {}).items())[-(MAX_BEWAARD - 1):])
    sleutel = secrets.token_urlsafe(16)
    bewaard[sleutel] = {"pad": request.path, "data": data}
    request.session[INVOER_SLEUTEL] = bewaard
    return sleutel


def herhaal_invoer(request) -> bool:
    """On the return from the confirmation page: turn this GET into the original POST
    (the data kept by `naar_bevestigen`; one time, same session and path). The original
    POST passed the CSRF check before it was kept. True when the request was changed."""
    sleutel = request.GET.get(INVOER_PARAM)
    if request.method != "GET" or not sleutel or not is_bevestigd(request):
        return False
    bewaard = request.session.get(INVOER_SLEUTEL, {})
    invoer = bewaard.pop(sleutel, None)
    request.session[INVOER_SLEUTEL] = bewaard
    if invoer is None or invoer["pad"] != request.path:
        return False
    post = QueryDict(mutable=True)
    for k, v in invoer["data"]:
        post.appendlist(k, v)
    request.method = "POST"
    request.POST = post
    request._files = MultiValueDict()
    return True


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
                return naar_bevestigen(request, bewaar_invoer=True)
            herhaal_invoer(request)
            return func(request, *args, **kwargs)

        return omhulsel

    return decorator(view) if view is not None else decorator


class StapOpVereistMixin:
    """For class-based views. List it after `RolVereistMixin`, so the role is checked first."""

    stap_op_bij_openen = False

    def dispatch(self, request, *args, **kwargs):
        if moet_bevestigen(request, self.stap_op_bij_openen):
            return naar_bevestigen(request, bewaar_invoer=True)
        herhaal_invoer(request)
        return super().dispatch(request, *args, **kwargs)
