"""The public page of a co-financing party (namespace `toezegging`): no account, the
single-use link is the credential."""

from django.urls import path

from loopbaangesprekken.views import cofinanciering as views

app_name = "toezegging"

urlpatterns = [
    path("ontvangen/", views.ontvangen, name="ontvangen"),
    path("<str:token>/", views.ToezeggingAntwoordView.as_view(), name="antwoord"),
]
