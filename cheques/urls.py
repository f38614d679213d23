from django.urls import path

from cheques.views import (
    beoordeling,
    bezwaar,
    budget,
    controleren,
    documenten,
    financien,
    post,
    wijziging,
)

app_name = "cheques"

urlpatterns = [
    # public (before cheques/<nummer>/)
    path("cheques/controleren/", controleren.ControlerenView.as_view(), name="controleren"),
    # beoordelaar
    path("beoordeling/", beoordeling.BeoordelenView.as_view(), name="beoordelen"),
    path("beoordeling/plan/<int:plan_id>/", beoordeling.PlanView.as_view(), name="plan"),
    path("beoordeling/plan/<int:plan_id>/aanvulling/", beoordeling.AanvullingVragenView.as_view(),
         name="aanvulling-vragen"),
    path("beoordeling/plan/<int:plan_id>/terugsturen/", beoordeling.TerugsturenView.as_view(),
         name="terugsturen"),
    path("beoordeling/plan/<int:plan_id>/toekennen/", beoordeling.ToekennenView.as_view(),
         name="toekennen"),
    path("beoordeling/plan/<int:plan_id>/afwijzen/", beoordeling.AfwijzenView.as_view(),
         name="afwijzen"),
    path("beoordeling/plan/<int:plan_id>/buiten-behandeling/",
         beoordeling.BuitenBehandelingView.as_view(), name="buiten-behandeling"),
    path("beoordeling/plan/<int:plan_id>/medeondertekenen/",
         beoordeling.MedeondertekenenView.as_view(), name="medeondertekenen"),
    path("beoordeling/plan/<int:plan_id>/niet-medeondertekenen/",
         beoordeling.VerwerpenView.as_view(), name="niet-medeondertekenen"),
    # cheques (finance and beoordelaar)
    path("financien/", financien.FinancienView.as_view(), name="financien"),
    path("financien/betaalbatch/", financien.BetaalbatchView.as_view(), name="betaalbatch"),
    path("financien/betaalbatch/<str:batch>.csv", financien.BetaalbatchCsvView.as_view(),
         name="betaalbatch-csv"),
    path("cheques/<str:nummer>/", financien.ChequeView.as_view(), name="cheque"),
    path("cheques/<str:nummer>/declaratie/", financien.DeclaratieView.as_view(), name="declaratie"),
    path("cheques/<str:nummer>/vaststellen/", financien.VaststellenView.as_view(),
         name="vaststellen"),
    path("cheques/<str:nummer>/betalen/", financien.BetalenView.as_view(), name="betalen"),
    path("cheques/<str:nummer>/intrekken/", financien.IntrekkenView.as_view(), name="intrekken"),
    # budget
    path("budget/", budget.BudgetView.as_view(), name="budget"),
    path("budget/toezegging/", budget.ToezeggingToevoegenView.as_view(),
         name="toezegging-toevoegen"),
    path("budget/periode/", budget.PeriodeToevoegenView.as_view(), name="periode-toevoegen"),
    path("budget/periode/<int:periode_id>/publiceren/", budget.PlafondPublicerenView.as_view(),
         name="plafond-publiceren"),
    # documents (resident, staff)
    path("post/", post.PostView.as_view(), name="post"),
    path("wijzigingen/", wijziging.WijzigingenView.as_view(), name="wijzigingen"),
    path("wijzigingen/<int:pk>/", wijziging.WijzigingView.as_view(), name="wijziging"),
    path("bezwaren/", bezwaar.BezwarenView.as_view(), name="bezwaren"),
    path("bezwaren/<int:pk>/", bezwaar.BezwaarView.as_view(), name="bezwaar"),
    path("mijn-aanvraag/bezwaar/beschikking/<int:pk>/", bezwaar.BezwaarMakenView.as_view(),
         {"soort": "beschikking"}, name="bezwaar-maken"),
    path("mijn-aanvraag/bezwaar/besluit/<int:pk>/", bezwaar.BezwaarMakenView.as_view(),
         {"soort": "besluit"}, name="bezwaar-maken-besluit"),
    path("beschikkingen/<int:pk>/beschikking.pdf", documenten.beschikking_pdf,
         name="beschikking-pdf"),
    path("beschikkingen/<int:pk>/cheque.pdf", documenten.cheque_pdf, name="cheque-pdf"),
    path("besluiten/<int:pk>/brief.pdf", documenten.besluit_pdf, name="besluit-pdf"),
]
