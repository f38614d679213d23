from django.apps import AppConfig


class LoopbaangesprekkenConfig(AppConfig):
    name = "loopbaangesprekken"
    verbose_name = "Loopbaangesprekken en scholingsplannen"
