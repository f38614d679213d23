"""Dutch error pages that Django would otherwise answer in English or with an empty body.

404, 403, 500 and 503 have their templates in templates/; here the CSRF failure (403).
405 gets its page in tfvv.middleware.MethodeNietToegestaanMiddleware. The 400 page
(templates/400.html) needs no view: Django's `bad_request` renders it, standalone, since
a 400 may come from a request (a forged Host) that base.html cannot render.
"""

from django.shortcuts import render


def csrf_mislukt(request, reason=""):
    """CSRF_FAILURE_VIEW: why in plain Dutch, never Django's English technical page."""
    return render(request, "403_csrf.html", status=403)

