from django.apps import AppConfig


class LoopbaangesprekkenConfig(AppConfig):
    name = "loopbaangesprekken"
    verbose_name = "Loopbaangesprekken en scholingsplannen"

    def ready(self):
        from loopbaangesprekken import gebeurtenissen  # noqa: F401 - connects the receivers
