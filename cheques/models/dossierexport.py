"""An export of whole dossiers for an auditor (docs/controle.md)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Dossierexport(models.Model):
    """One zip of dossiers for a controller or accountant: one aanvraag, or a reproducible
    random sample (`zaad` and the parameters are kept, so anyone can draw it again).

    A small export is built in the request and streamed to the requester (no copy is
    kept); a large sample is built by a Celery task into private storage and can be
    downloaded by the requester only, until `verloopt_op` (cheques.services.dossierexport).
    The row stays as the record of who exported what and when; the AVG access log has one
    line per aanvraag."""

    class Soort(models.TextChoices):
        AANVRAAG = "aanvraag", _("één dossier")
        STEEKPROEF = "steekproef", _("steekproef")

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("in de wachtrij")
        BEZIG = "bezig", _("wordt gemaakt")
        KLAAR = "klaar", _("klaar")
        MISLUKT = "mislukt", _("mislukt")

    soort = models.CharField(_("soort"), max_length=12, choices=Soort.choices)
    aangevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                         on_delete=models.SET_NULL, related_name="+",
                                         verbose_name=_("gemaakt door"))
    aangemaakt_op = models.DateTimeField(_("gemaakt op"), auto_now_add=True, db_index=True)
    # the ids of the aanvragen in the zip, in the order of the zip
    aanvraag_ids = models.JSONField(_("aanvragen"), default=list)
    # the sample's parameters (empty for one dossier)
    van = models.DateField(_("aanvraagdatum vanaf"), null=True, blank=True)
    tot = models.DateField(_("aanvraagdatum tot en met"), null=True, blank=True)
    omvang = models.PositiveIntegerField(_("gevraagde omvang"), null=True, blank=True)
    aanvraagstatus = models.CharField(_("alleen status"), max_length=24, blank=True)
    zaad = models.BigIntegerField(_("zaad (seed)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.WACHTEND)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    verloopt_op = models.DateTimeField(_("te downloaden tot"), null=True, blank=True)
    bestand = models.FileField(_("zip"), upload_to="dossierexports/%Y/", blank=True)
    sha256 = models.CharField(_("SHA-256 van de zip"), max_length=64, blank=True)
    foutmelding = models.TextField(_("foutmelding"), blank=True)

    class Meta:
        verbose_name = _("dossierexport")
        verbose_name_plural = _("dossierexports")
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self):
        return f"dossierexport {self.pk} ({self.soort}, {len(self.aanvraag_ids)})"

    @property
    def aantal(self) -> int:
        return len(self.aanvraag_ids)

    def te_downloaden_door(self, user) -> bool:
        """The stored zip: only for the requester, only until it expires."""
        return bool(self.status == self.Status.KLAAR and self.bestand
                    and self.aangevraagd_door_id == user.pk
                    and self.verloopt_op and self.verloopt_op > timezone.now())
