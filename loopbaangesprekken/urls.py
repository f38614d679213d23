from django.urls import path

from loopbaangesprekken.urls_scholingsplan import urlpatterns as scholingsplan_urls
from loopbaangesprekken.views import correcties, gesprekken, werkvoorraad

app_name = "loopbaangesprekken"

urlpatterns = [
    path("werkvoorraad/", werkvoorraad.WerkvoorraadView.as_view(), name="werkvoorraad"),
    path("werkvoorraad/toewijzen/", werkvoorraad.MeerdereToewijzenView.as_view(),
         name="werkvoorraad-toewijzen"),
    path("aanvragen/<int:pk>/", gesprekken.AanvraagView.as_view(), name="aanvraag"),
    path("aanvragen/<int:pk>/claimen/", gesprekken.ClaimenView.as_view(),
         name="aanvraag-claimen"),
    path("aanvragen/<int:pk>/toewijzen/", gesprekken.ToewijzenView.as_view(),
         name="aanvraag-toewijzen"),
    path("aanvragen/<int:pk>/overdragen/", gesprekken.OverdragenView.as_view(),
         name="aanvraag-overdragen"),
    path("aanvragen/<int:pk>/adrescontrole/", gesprekken.AdrescontroleView.as_view(),
         name="aanvraag-adrescontrole"),
    path("aanvragen/<int:pk>/gesprek-plannen/", gesprekken.GesprekPlannenView.as_view(),
         name="gesprek-plannen"),
    path("aanvragen/<int:pk>/gesprek-vastleggen/", gesprekken.GesprekRegistrerenView.as_view(),
         name="gesprek-registreren"),
    path("gesprekken/<int:pk>/verplaatsen/", gesprekken.GesprekVerplaatsenView.as_view(),
         name="gesprek-verplaatsen"),
    path("gesprekken/<int:pk>/annuleren/", gesprekken.GesprekAnnulerenView.as_view(),
         name="gesprek-annuleren"),
    path("gesprekken/<int:pk>/niet-verschenen/", gesprekken.GesprekNietVerschenenView.as_view(),
         name="gesprek-niet-verschenen"),
    path("gesprekken/<int:pk>/niet-verschenen-herstellen/",
         correcties.GesprekNietVerschenenHerstellenView.as_view(),
         name="gesprek-niet-verschenen-herstellen"),
    path("gesprekken/<int:pk>/verslag-corrigeren/", correcties.VerslagCorrigerenView.as_view(),
         name="verslag-corrigeren"),
    path("gesprekken/<int:pk>/verslagversies/", correcties.VerslagversiesView.as_view(),
         name="verslagversies"),
    path("documenten/<int:pk>/verwijderen/", correcties.DocumentVerwijderenView.as_view(),
         name="document-verwijderen"),
    path("gesprekken/<int:pk>/vastleggen/", gesprekken.GesprekVastleggenView.as_view(),
         name="gesprek-vastleggen"),
    *scholingsplan_urls,
]
