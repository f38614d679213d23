from django.urls import path

from rapportage import views

app_name = "rapportage"

urlpatterns = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("dashboard/export/<slug:tabel>.<str:formaat>", views.ExportView.as_view(),
         name="export"),
    path("dashboard/verversen/", views.VerversenView.as_view(), name="verversen"),
    path("voortgangsrapportages/", views.RapportagesView.as_view(), name="rapportages"),
    path("voortgangsrapportages/<int:pk>/", views.RapportageView.as_view(), name="rapportage"),
    path("voortgangsrapportages/<int:pk>/pdf/", views.RapportagePdfView.as_view(),
         name="rapportage-pdf"),
    path("verantwoording/<int:periode_id>/<int:bron_id>/", views.VerantwoordingView.as_view(),
         name="verantwoording"),
    path("verantwoording/<int:periode_id>/<int:bron_id>/rapport/<int:rapport_id>/<str:formaat>/",
         views.VerantwoordingDownloadView.as_view(), name="verantwoording-download"),
    path("opleiders/", views.ScorekaartView.as_view(), name="scorekaart"),
    # one name per format: a format is no record, so nothing here can be guessed
    path("opleiders/scorekaart.csv", views.ScorekaartExportView.as_view(formaat="csv"),
         name="scorekaart-csv"),
    path("opleiders/scorekaart.xlsx", views.ScorekaartExportView.as_view(formaat="xlsx"),
         name="scorekaart-xlsx"),
    path("werkvoorraad/", views.WerkvoorraadView.as_view(), name="werkvoorraad"),
]
