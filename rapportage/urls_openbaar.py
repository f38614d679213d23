"""The public results page (no login): /resultaten/."""

from django.urls import path

from rapportage import views_openbaar

app_name = "resultaten"

urlpatterns = [
    path("resultaten/", views_openbaar.ResultatenView.as_view(), name="pagina"),
    path("resultaten/<slug:tabel>.csv", views_openbaar.ResultatenCsvView.as_view(), name="csv"),
]
