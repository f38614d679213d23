from django.apps import AppConfig


class BasislijnConfig(AppConfig):
    name = "bench.basislijn"
    label = "basislijn"
    verbose_name = "Benchmark-basislijn"
