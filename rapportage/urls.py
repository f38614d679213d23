from django.urls import path

from rapportage import views

app_name = "rapportage"

urlpatterns = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("werkvoorraad/", views.WerkvoorraadView.as_view(), name="werkvoorraad"),
]
