from django.urls import path

from cheques import views

app_name = "cheques"

urlpatterns = [
    # public (before cheques/<nummer>/)
    path("cheques/controleren/", views.ControlerenView.as_view(), name="controleren"),
    # beoordelaar
    path("beoordeling/", views.BeoordelenView.as_view(), name="beoordelen"),
    path("beoordeling/plan/<int:plan_id>/", views.PlanView.as_view(), name="plan"),
    path("beoordeling/plan/<int:plan_id>/aanvulling/", views.AanvullingVragenView.as_view(),
         name="aanvulling-vragen"),
    path("beoordeling/plan/<int:plan_id>/terugsturen/", views.TerugsturenView.as_view(),
         name="terugsturen"),
    path("beoordeling/plan/<int:plan_id>/toekennen/", views.ToekennenView.as_view(),
         name="toekennen"),
    path("beoordeling/plan/<int:plan_id>/afwijzen/", views.AfwijzenView.as_view(),
         name="afwijzen"),
    path("beoordeling/plan/<int:plan_id>/buiten-behandeling/",
         views.BuitenBehandelingView.as_view(), name="buiten-behandeling"),
    path("beoordeling/plan/<int:plan_id>/medeondertekenen/",
         views.MedeondertekenenView.as_view(), name="medeondertekenen"),
    path("beoordeling/plan/<int:plan_id>/niet-medeondertekenen/",
         views.VerwerpenView.as_view(), name="niet-medeondertekenen"),
    # cheques (finance and beoordelaar)
    path("financien/", views.FinancienView.as_view(), name="financien"),
    path("financien/betaalbatch/", views.BetaalbatchView.as_view(), name="betaalbatch"),
    path("financien/betaalbatch/<str:batch>.csv", views.BetaalbatchCsvView.as_view(),
         name="betaalbatch-csv"),
    path("cheques/<str:nummer>/", views.ChequeView.as_view(), name="cheque"),
    path("cheques/<str:nummer>/declaratie/", views.DeclaratieView.as_view(), name="declaratie"),
    path("cheques/<str:nummer>/vaststellen/", views.VaststellenView.as_view(),
         name="vaststellen"),
    path("cheques/<str:nummer>/betalen/", views.BetalenView.as_view(), name="betalen"),
    path("cheques/<str:nummer>/intrekken/", views.IntrekkenView.as_view(), name="intrekken"),
    # budget
    path("budget/", views.BudgetView.as_view(), name="budget"),
    path("budget/toezegging/", views.ToezeggingToevoegenView.as_view(),
         name="toezegging-toevoegen"),
    path("budget/periode/", views.PeriodeToevoegenView.as_view(), name="periode-toevoegen"),
    path("budget/periode/<int:periode_id>/publiceren/", views.PlafondPublicerenView.as_view(),
         name="plafond-publiceren"),
    # documents (resident, staff)
    path("beschikkingen/<int:pk>/beschikking.pdf", views.beschikking_pdf,
         name="beschikking-pdf"),
    path("beschikkingen/<int:pk>/cheque.pdf", views.cheque_pdf, name="cheque-pdf"),
]
