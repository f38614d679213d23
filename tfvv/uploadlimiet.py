"""Refuse an oversized request before its body is read.

Django reads (and for files, writes to disk) a request body only when a view or the CSRF
check touches `request.POST`/`FILES`, which happens after every middleware's `__call__`. This
middleware looks at the announced length first: above `TFVV_MAX_VERZOEK_BYTES` (12 MB: one
file of at most 10 MB plus the form) it answers a Dutch 413 without reading a byte, unless
a logged-in user sends up to `TFVV_MAX_VERZOEK_INGELOGD_BYTES` (a scholingsplan with several
proof files). A body without a length (chunked) is not read by Django at all.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

MB = 1024 * 1024


def aangekondigde_lengte(request) -> int | None:
    """The announced body length; None when it is not a length (Django itself would fail
    on it with a 500 when the view reads the form)."""
    waarde = request.META.get("CONTENT_LENGTH") or "0"
    return int(waarde) if waarde.isascii() and waarde.isdigit() else None


class UploadLimietMiddleware:
    """Sits after AuthenticationMiddleware (it may ask who is logged in) and before
    anything reads the body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lengte = aangekondigde_lengte(request)
        if lengte is None:
            return HttpResponseBadRequest(_("Ongeldig verzoek."),
                                          content_type="text/plain; charset=utf-8")
        if lengte > settings.TFVV_MAX_VERZOEK_BYTES and not (
                lengte <= settings.TFVV_MAX_VERZOEK_INGELOGD_BYTES
                and request.user.is_authenticated):
            return te_groot(request)
        return self.get_response(request)


def te_groot(request) -> HttpResponse:
    html = render_to_string("413.html", {
        "request": request, "mb": settings.TFVV_MAX_VERZOEK_BYTES // MB,
        "bestand_mb": settings.TFVV_MAX_UPLOAD_BYTES // MB})
    # the client may still be sending: ask it to stop and not to reuse the connection
    return HttpResponse(html, status=413, headers={"Connection": "close"})
