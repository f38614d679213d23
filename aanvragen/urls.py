from django.urls import path, re_path

from aanvragen import views, views_documenten

app_name = "aanvragen"

urlpatterns = [
    path("aanmelden/", views.AanmeldenView.as_view(), name="aanmelden"),
    path("aanmelden/ontvangen/", views.ontvangen, name="ontvangen"),
    path("inloggen/", views.InloggenView.as_view(), name="inloggen"),
    path("inloggen/verstuurd/", views.link_verstuurd, name="link-verstuurd"),
    # tokens are urlsafe base64 (secrets.token_urlsafe): nothing else reaches the view
    re_path(r"^inloggen/(?P<token>[A-Za-z0-9_-]{20,100})/$", views.InloglinkView.as_view(),
            name="inloglink"),
    path("mijn-aanvraag/", views.MijnAanvraagView.as_view(), name="mijn-aanvraag"),
    path("mijn-aanvraag/contactgegevens/", views.ContactgegevensView.as_view(),
         name="contactgegevens"),
    re_path(r"^mijn-aanvraag/e-mailadres/(?P<token>[A-Za-z0-9_-]{20,100})/$",
            views.EmailadresBevestigenView.as_view(), name="emailadres-bevestigen"),
    path("mijn-aanvraag/mijn-gegevens/", views.MijnGegevensView.as_view(), name="mijn-gegevens"),
    path("mijn-aanvraag/<int:pk>/", views.AanvraagView.as_view(), name="aanvraag"),
    path("mijn-aanvraag/<int:pk>/documenten/", views.DocumentenView.as_view(),
         name="documenten"),
    path("mijn-aanvraag/documenten/<int:pk>/verwijderen/",
         views_documenten.DocumentVerwijderenView.as_view(), name="document-verwijderen"),
    path("mijn-aanvraag/<int:pk>/wijziging/", views.WijzigingView.as_view(), name="wijziging"),
    path("mijn-aanvraag/<int:pk>/intrekken/", views.IntrekkenView.as_view(), name="intrekken"),
    path("documenten/<int:pk>/", views.document_downloaden, name="document"),
]
