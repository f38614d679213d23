"""URLs of the scholingsplan pages (owned separately from the gesprekken pages)."""

from django.urls import path

from loopbaangesprekken.views import cofinanciering
from loopbaangesprekken.views import scholingsplan as views

urlpatterns = [
    path("aanvragen/<int:aanvraag_id>/scholingsplan/nieuw/", views.PlanNieuwView.as_view(),
         name="scholingsplan-nieuw"),
    path("scholingsplannen/<int:pk>/", views.PlanView.as_view(), name="scholingsplan"),
    path("scholingsplannen/<int:pk>/bewerken/", views.PlanBewerkenView.as_view(),
         name="scholingsplan-bewerken"),
    path("scholingsplannen/<int:pk>/indienen/", views.PlanIndienenView.as_view(),
         name="scholingsplan-indienen"),
    path("scholingsplannen/<int:pk>/voorleggen/", views.PlanVoorleggenView.as_view(),
         name="scholingsplan-voorleggen"),
    path("scholingsplannen/<int:pk>/indienen-namens-inwoner/",
         views.PlanIndienenNamensView.as_view(), name="scholingsplan-indienen-namens"),
    path("scholingsplannen/<int:pk>/onderbouwing/",
         views.BewijsView.as_view(soort="arbeidsmarkt"), name="scholingsplan-onderbouwing"),
    path("akkoord/<int:pk>/formulier/", views.BewijsView.as_view(soort="akkoordformulier"),
         name="scholingsplan-akkoordformulier"),
    path("cofinanciering/<int:pk>/bewijs/", views.BewijsView.as_view(soort="cofinanciering"),
         name="scholingsplan-cofinancieringsbewijs"),
    path("cofinanciering/<int:pk>/toezegging-vragen/",
         cofinanciering.ToezeggingVragenView.as_view(), name="toezegging-vragen"),
    path("werkgevers/nieuw/", cofinanciering.WerkgeverToevoegenView.as_view(),
         name="werkgever-toevoegen"),
]
