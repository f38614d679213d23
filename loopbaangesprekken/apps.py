from django.apps import AppConfig


class LoopbaangesprekkenConfig(AppConfig):
    name = "loopbaangesprekken"
    verbose_name = "Loopbaangesprekken en scholingsplannen"

    def ready(self):
        # registers the four-eyes changes of opleiders and kansberoepenlijsten
        import loopbaangesprekken.services.referentie  # noqa: F401
        from loopbaangesprekken import gebeurtenissen  # noqa: F401 - connects the receivers
