"""A URLconf as it will be once the scholingsplan pages exist (for the link test)."""

from django.http import HttpResponse
from django.urls import include, path

from loopbaangesprekken import urls as gesprekken_urls
from tfvv import urls as hoofd_urls


def scholingsplan_nieuw(request, aanvraag_id):
    return HttpResponse(f"scholingsplan voor {aanvraag_id}")


patronen = [*gesprekken_urls.urlpatterns,
            path("plan/<int:aanvraag_id>/", scholingsplan_nieuw, name="scholingsplan-nieuw")]

urlpatterns = [
    *(p for p in hoofd_urls.urlpatterns if getattr(p, "namespace", None) != "loopbaangesprekken"),
    path("consulent/", include((patronen, "loopbaangesprekken"))),
]
