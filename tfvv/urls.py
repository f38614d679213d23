from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from tfvv.views import (
    gebruikers,
    gezondheid,
    inloggen,
    meldingen,
    paginas,
    regelingen,
    vierogen,
)

tfvv_patterns = [
    path("", paginas.HomeView.as_view(), name="home"),
    path("start/", paginas.startpagina, name="start"),
    path("privacy/", paginas.PrivacyView.as_view(), name="privacy"),
    path("toegankelijkheid/", paginas.ToegankelijkheidView.as_view(), name="toegankelijkheid"),
    path("medewerkers/inloggen/", inloggen.inloggen_medewerker, name="inloggen-medewerker"),
    path("medewerkers/bevestigen/", inloggen.bevestigen, name="bevestigen"),
    path("uitloggen/", inloggen.uitloggen, name="uitloggen"),
    path("beheer/", paginas.BeheerView.as_view(), name="beheer"),
    path("beheer/goedkeuringen/", vierogen.GoedkeuringenView.as_view(), name="goedkeuringen"),
    path("beheer/goedkeuringen/<int:pk>/", vierogen.GoedkeuringView.as_view(),
         name="goedkeuring"),
    path("beheer/medewerkers/", gebruikers.GebruikersView.as_view(), name="gebruikers"),
    path("beheer/medewerkers/nieuw/", gebruikers.MedewerkerNieuwView.as_view(),
         name="gebruiker-nieuw"),
    path("beheer/medewerkers/<int:pk>/", gebruikers.GebruikerView.as_view(), name="gebruiker"),
    path("beheer/medewerkers/<int:pk>/rollen/", gebruikers.RollenView.as_view(),
         name="gebruiker-rollen"),
    path("beheer/medewerkers/<int:pk>/tweede-factor/", gebruikers.TweedeFactorView.as_view(),
         name="gebruiker-tweede-factor"),
    path("beheer/medewerkers/<int:pk>/qr-code/", gebruikers.QrView.as_view(),
         name="gebruiker-qr"),
    path("beheer/medewerkers/<int:pk>/uitzetten/", gebruikers.UitzettenView.as_view(),
         name="gebruiker-uitzetten"),
    path("beheer/regelingen/", regelingen.RegelingenView.as_view(), name="regelingen"),
    path("beheer/regelingen/nieuw/", regelingen.RegelingNieuwView.as_view(),
         name="regeling-nieuw"),
    path("meldingen/", meldingen.MeldingenView.as_view(), name="meldingen"),
    path("meldingen/<int:pk>/gelezen/", meldingen.MeldingGelezenView.as_view(),
         name="melding-gelezen"),
    path("meldingen/e-mail/", meldingen.MeldingvoorkeurView.as_view(), name="meldingen-voorkeur"),
    path("termijnen/", meldingen.TermijnenView.as_view(), name="termijnen"),
    path("termijnen/team/", meldingen.TeamtermijnenView.as_view(), name="termijnen-team"),
    path("gezondheid/", gezondheid.gezondheid, name="gezondheid"),
]

urlpatterns = [
    path("", include((tfvv_patterns, "tfvv"))),
    path("", include("aanvragen.urls")),
    path("", include("loopbaangesprekken.urls_inwoner")),
    path("consulent/", include("loopbaangesprekken.urls")),
    path("toezegging/", include("loopbaangesprekken.urls_toezegging")),
    path("", include("cheques.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("", include("rapportage.urls_vervolg")),
    path("", include("rapportage.urls_openbaar")),
    path("beheer/", include(("loopbaangesprekken.urls_beheer", "referentiebeheer"))),
    path("beheer/admin/", admin.site.urls),
]

if settings.TFVV_BENCH_BASELINE:  # bench/README.md: the bare-INSERT baseline
    urlpatterns.append(path("bench-basislijn/", include("bench.basislijn.urls")))

handler403 = "django.views.defaults.permission_denied"
handler500 = "tfvv.middleware.foutpagina"
