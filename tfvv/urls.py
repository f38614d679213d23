from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from tfvv.views import gezondheid, inloggen, paginas

tfvv_patterns = [
    path("", paginas.HomeView.as_view(), name="home"),
    path("start/", paginas.startpagina, name="start"),
    path("privacy/", paginas.PrivacyView.as_view(), name="privacy"),
    path("toegankelijkheid/", paginas.ToegankelijkheidView.as_view(), name="toegankelijkheid"),
    path("medewerkers/inloggen/", inloggen.inloggen_medewerker, name="inloggen-medewerker"),
    path("medewerkers/bevestigen/", inloggen.bevestigen, name="bevestigen"),
    path("uitloggen/", inloggen.uitloggen, name="uitloggen"),
    path("beheer/", paginas.BeheerView.as_view(), name="beheer"),
    path("gezondheid/", gezondheid.gezondheid, name="gezondheid"),
]

urlpatterns = [
    path("", include((tfvv_patterns, "tfvv"))),
    path("", include("aanvragen.urls")),
    path("consulent/", include("loopbaangesprekken.urls")),
    path("", include("cheques.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("beheer/admin/", admin.site.urls),
]

if settings.TFVV_BENCH_BASELINE:  # bench/README.md: the bare-INSERT baseline
    urlpatterns.append(path("bench-basislijn/", include("bench.basislijn.urls")))

handler403 = "django.views.defaults.permission_denied"
handler500 = "tfvv.middleware.foutpagina"
