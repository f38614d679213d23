"""Public pages of the follow-up questionnaire (no login): under /vragenlijst/."""

from django.urls import path, re_path

from rapportage import views_vervolg

app_name = "vervolgvragen"

urlpatterns = [
    path("mijn-aanvraag/<int:pk>/vragenlijst/<int:meting_id>/",
         views_vervolg.PortaalInvullenView.as_view(), name="portaal-invullen"),
    path("vragenlijst/bedankt/", views_vervolg.BedanktView.as_view(), name="bedankt"),
    # a signed aanvraag id (django.core.signing): letters, digits, - _ and :
    re_path(r"^vragenlijst/stoppen/(?P<sleutel>[A-Za-z0-9_:-]{10,200})/$",
            views_vervolg.StoppenView.as_view(), name="stoppen"),
    # tokens are urlsafe base64 (secrets.token_urlsafe): nothing else reaches the view
    re_path(r"^vragenlijst/(?P<token>[A-Za-z0-9_-]{20,100})/$",
            views_vervolg.InvullenView.as_view(), name="invullen"),
]
