from django.urls import path

from bench.basislijn import views

app_name = "basislijn"

urlpatterns = [
    path("", views.invoer, name="invoer"),
    path("ontvangen/", views.ontvangen, name="ontvangen"),
]
