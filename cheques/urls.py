from django.urls import path

from cheques.views import (
    beoordeling,
    betaalbatches,
    budget,
    controleren,
    documenten,
    financien,
    terugvorderingen,
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
    path("financien/betaalbatches/", betaalbatches.BetaalbatchesView.as_view(),
         name="betaalbatches"),
    path("financien/betaalbatches/<str:nummer>/", betaalbatches.BetaalbatchView.as_view(),
         name="betaalbatch"),
    path("financien/betaalbatches/<str:nummer>/goedkeuren/",
         betaalbatches.GoedkeurenView.as_view(), name="betaalbatch-goedkeuren"),
    path("financien/betaalbatches/<str:nummer>/afwijzen/",
         betaalbatches.AfwijzenView.as_view(), name="betaalbatch-afwijzen"),
    path("financien/betaalbatches/<str:nummer>/bestand.<str:formaat>",
         betaalbatches.BestandView.as_view(), name="betaalbatch-bestand"),
    path("financien/terugvorderingen/", terugvorderingen.TerugvorderingenView.as_view(),
         name="terugvorderingen"),
    path("financien/terugvorderingen/<int:pk>/", terugvorderingen.TerugvorderingView.as_view(),
         name="terugvordering"),
    path("financien/terugvorderingen/<int:pk>/<str:stap>/",
         terugvorderingen.InvorderingsstapView.as_view(), name="invorderingsstap"),
    path("cheques/<str:nummer>/", financien.ChequeView.as_view(), name="cheque"),
    path("cheques/<str:nummer>/declaratie/", financien.DeclaratieView.as_view(), name="declaratie"),
    path("cheques/<str:nummer>/vaststellen/", financien.VaststellenView.as_view(),
         name="vaststellen"),
    path("cheques/<str:nummer>/afronding/", financien.AfrondingView.as_view(),
         name="afronding"),
    path("cheques/<str:nummer>/intrekken/", financien.IntrekkenView.as_view(), name="intrekken"),
    # budget
    path("budget/", budget.BudgetView.as_view(), name="budget"),
    path("budget/toezegging/", budget.ToezeggingToevoegenView.as_view(),
         name="toezegging-toevoegen"),
    path("budget/periode/", budget.PeriodeToevoegenView.as_view(), name="periode-toevoegen"),
    path("budget/periode/<int:periode_id>/publiceren/", budget.PlafondPublicerenView.as_view(),
         name="plafond-publiceren"),
    # documents (resident, staff)
    path("beschikkingen/<int:pk>/beschikking.pdf", documenten.beschikking_pdf,
         name="beschikking-pdf"),
    path("beschikkingen/<int:pk>/cheque.pdf", documenten.cheque_pdf, name="cheque-pdf"),
    path("besluiten/<int:pk>/brief.pdf", documenten.besluit_pdf, name="besluit-pdf"),
]
