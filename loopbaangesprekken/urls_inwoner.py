"""The resident's scholingsplan pages, inside 'Mijn aanvraag'."""

from django.urls import path

from loopbaangesprekken.views import inwoner as views

app_name = "scholingsplan-inwoner"

urlpatterns = [
    path("mijn-aanvraag/<int:pk>/scholingsplan/", views.PlanBekijkenView.as_view(),
         name="bekijken"),
    path("mijn-aanvraag/<int:pk>/scholingsplan/akkoord/", views.AkkoordView.as_view(),
         name="akkoord"),
    path("mijn-aanvraag/<int:pk>/scholingsplan/wijziging/", views.WijzigingVragenView.as_view(),
         name="wijziging"),
    path("mijn-aanvraag/<int:pk>/eigen-bijdrage/", views.EigenBijdrageView.as_view(),
         name="eigen-bijdrage"),
]
