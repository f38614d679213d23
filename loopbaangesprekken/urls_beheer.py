"""Beheer pages of the reference data of this app (namespace `referentiebeheer`)."""

from django.urls import path

from loopbaangesprekken.views import beheer as views

urlpatterns = [
    path("opleiders/", views.OpleidersView.as_view(), name="opleiders"),
    path("opleiders/nieuw/", views.OpleiderBewarenView.as_view(), name="opleider-nieuw"),
    path("opleiders/<int:pk>/", views.OpleiderView.as_view(), name="opleider"),
    path("opleiders/<int:pk>/wijzigen/", views.OpleiderBewarenView.as_view(),
         name="opleider-wijzigen"),
    path("opleiders/<int:pk>/erkenning/", views.ErkenningNieuwView.as_view(),
         name="erkenning-nieuw"),
    path("opleiders/<int:pk>/iban/", views.IbanView.as_view(), name="opleider-iban"),
    path("werkgevers/", views.WerkgeversView.as_view(), name="werkgevers"),
    path("werkgevers/nieuw/", views.WerkgeverBewarenView.as_view(), name="werkgever-nieuw"),
    path("werkgevers/<int:pk>/wijzigen/", views.WerkgeverBewarenView.as_view(),
         name="werkgever-wijzigen"),
    path("kansberoepenlijsten/", views.KansberoepenlijstenView.as_view(),
         name="kansberoepenlijsten"),
    path("kansberoepenlijsten/nieuw/", views.KansberoepenlijstNieuwView.as_view(),
         name="kansberoepenlijst-nieuw"),
]
