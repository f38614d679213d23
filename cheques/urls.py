from django.urls import path

from cheques import views

app_name = "cheques"

urlpatterns = [
    path("beoordeling/", views.BeoordelenView.as_view(), name="beoordelen"),
    path("financien/", views.FinancienView.as_view(), name="financien"),
    path("budget/", views.BudgetView.as_view(), name="budget"),
    path("cheques/controleren/", views.ControlerenView.as_view(), name="controleren"),
]
