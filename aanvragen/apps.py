from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AanvragenConfig(AppConfig):
    name = "aanvragen"
    verbose_name = "Aanvragen"

    def ready(self):
        from aanvragen.standaardloketten import zorg_voor_standaardloketten

        post_migrate.connect(zorg_voor_standaardloketten, sender=self,
                             dispatch_uid="aanvragen.standaardloketten")
