"""The floor the rush is compared with: GET a form with a CSRF token, POST one INSERT."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from bench.basislijn.models import Invoer


@require_http_methods(["GET", "POST"])
def invoer(request):
    waarde = request.POST.get("waarde", "").strip()
    if request.method == "POST" and waarde:
        Invoer.objects.create(waarde=waarde[:254])
        return redirect("basislijn:ontvangen")
    return render(request, "basislijn/invoer.html", status=400 if request.method == "POST" else 200)


def ontvangen(request):
    return HttpResponse("Ontvangen.", content_type="text/plain; charset=utf-8")
