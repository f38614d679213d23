from django.apps import AppConfig


class ChequesConfig(AppConfig):
    name = "cheques"
    verbose_name = "Beschikkingen en cheques"

    def ready(self):
        from cheques import gebeurtenissen  # noqa: F401 - connects the receivers
        from cheques.services import cofinanciering, opleideraccounts  # noqa: F401 - four-eyes kinds
