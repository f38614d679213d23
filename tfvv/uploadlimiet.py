"""Refuse an oversized request before its body is read.

Django reads (and for files, writes to disk) a request body only when a view or the CSRF
check touches `request.POST`/`FILES`, which happens after every middleware's `__call__`. This
middleware looks at the announced length first: above `TFVV_MAX_VERZOEK_BYTES` (12 MB: one
file of at most 10 MB plus the form) it answers a Dutch 413 without reading a byte, unless
a logged-in user sends up to `TFVV_MAX_VERZOEK_INGELOGD_BYTES` (a scholingsplan with several
proof files). A body without a length (chunked) is not read by Django at all.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

MB = 1024 * 1024


def aangekondigde_lengte(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


class UploadLimietMiddleware:
    """Sits after AuthenticationMiddleware (it may ask who is logged in) and before
    anything reads the body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lengte = aangekondigde_lengte(request)
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
