from django.urls import path

from loopbaangesprekken import views

app_name = "loopbaangesprekken"

urlpatterns = [
    path("werkvoorraad/", views.WerkvoorraadView.as_view(), name="werkvoorraad"),
]
