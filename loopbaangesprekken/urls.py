from django.urls import path

from loopbaangesprekken.urls_scholingsplan import urlpatterns as scholingsplan_urls
from loopbaangesprekken.views import werkvoorraad

app_name = "loopbaangesprekken"

urlpatterns = [
    path("werkvoorraad/", werkvoorraad.WerkvoorraadView.as_view(), name="werkvoorraad"),
    *scholingsplan_urls,
]
