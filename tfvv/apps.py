from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TfvvConfig(AppConfig):
    name = "tfvv"
    verbose_name = "Twents Fonds voor Vakmanschap"

    def ready(self):
        # the kinds of four-eyes change this app owns (tfvv.vierogen.registreer)
        import tfvv.gebruikersbeheer
        import tfvv.regelingen  # noqa: F401
        from tfvv import meldingen
        from tfvv.events import gebeurtenis_geregistreerd
        from tfvv.referentiedata import zorg_voor_referentiedata
        from tfvv.rollen import maak_rollen

        # meldingen are derived from the event log (tfvv.meldingen)
        gebeurtenis_geregistreerd.connect(meldingen.bij_gebeurtenis,
                                          dispatch_uid="tfvv.meldingen")
        post_migrate.connect(maak_rollen, dispatch_uid="tfvv.maak_rollen")
        post_migrate.connect(zorg_voor_referentiedata, sender=self,
                             dispatch_uid="tfvv.referentiedata")
