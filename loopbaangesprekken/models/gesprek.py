from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag


class Gesprek(models.Model):
    """A loopbaangesprek (LLO-gesprek). Several per aanvraag; each held one counts."""

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("gepland")
        GEVOERD = "gevoerd", _("gevoerd")
        GEANNULEERD = "geannuleerd", _("geannuleerd")
        NIET_VERSCHENEN = "niet_verschenen", _("niet verschenen")

    class Vorm(models.TextChoices):
        OP_LOCATIE = "op_locatie", _("op locatie")
        TELEFONISCH = "telefonisch", _("telefonisch")
        VIDEO = "video", _("video")

    class Uitkomst(models.TextChoices):
        SCHOLINGSPLAN = "scholingsplan", _("scholingsplan opstellen")
        VERVOLGGESPREK = "vervolggesprek", _("vervolggesprek")
        DOORVERWIJZING = "doorverwijzing", _("doorverwijzing")
        GEEN_VERVOLG = "geen_vervolg", _("geen vervolg")

    class Doorverwijzing(models.TextChoices):
        UWV = "uwv", _("UWV")
        OO_FONDS = "oo_fonds", _("O&O-fonds")
        WSP = "wsp", _("Werkgeversservicepunt Twente")
        RMT = "rmt", _("Regionaal Mobiliteitsteam")
        GEMEENTE = "gemeente", _("gemeente (re-integratie)")
        ANDERS = "anders", _("anders")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="gesprekken")
    consulent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="gesprekken", verbose_name=_("consulent"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.GEPLAND, db_index=True)
    gepland_op = models.DateTimeField(_("datum en tijd"))
    vorm = models.CharField(_("vorm"), max_length=16, choices=Vorm.choices)
    locatie = models.CharField(_("locatie"), max_length=100, blank=True)
    gevoerd_op = models.DateTimeField(_("gevoerd op"), null=True, blank=True, db_index=True)
    duur_minuten = models.PositiveSmallIntegerField(_("duur (minuten)"), null=True, blank=True)
    onderwerpen = models.JSONField(_("onderwerpen"), default=list, blank=True)
    verslag = models.TextField(_("verslag (alleen voor medewerkers)"), blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=16, choices=Uitkomst.choices,
                                blank=True)
    doorverwezen_naar = models.CharField(_("doorverwezen naar"), max_length=16,
                                         choices=Doorverwijzing.choices, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("loopbaangesprek")
        verbose_name_plural = _("loopbaangesprekken")
        ordering = ["gepland_op", "id"]

    def __str__(self):
        return f"{self.aanvraag} {self.gepland_op:%Y-%m-%d %H:%M}"
