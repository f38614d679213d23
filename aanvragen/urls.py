from django.urls import path

from aanvragen import views

app_name = "aanvragen"

urlpatterns = [
    path("aanmelden/", views.AanmeldenView.as_view(), name="aanmelden"),
    path("inloggen/", views.InloggenView.as_view(), name="inloggen"),
    path("mijn-aanvraag/", views.MijnAanvraagView.as_view(), name="mijn-aanvraag"),
]
