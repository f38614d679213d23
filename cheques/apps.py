from django.apps import AppConfig


class ChequesConfig(AppConfig):
    name = "cheques"
    verbose_name = "Beschikkingen en cheques"
