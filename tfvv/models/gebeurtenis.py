from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AlleenToevoegen(models.Model):
    """Rows that may be written once and never changed or deleted by the app."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.pop("_anonimiseren", False):
            raise PermissionError(f"{type(self).__name__} is alleen-toevoegen")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(f"{type(self).__name__} is alleen-toevoegen")


class Gebeurtenis(AlleenToevoegen):
    """The event log: who did what to which record, when, from which state, and why.

    `dossier_id` is the id of the aanvraag the event belongs to: the one way an
    earlier pipeline stage (the resident's timeline) learns of later ones.
    `tekst_inwoner` is the resident-facing wording; empty means staff-only.
    """

    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("door"),
    )
    actor_rol = models.CharField(_("rol"), max_length=32, blank=True)
    objecttype = models.CharField(_("soort record"), max_length=64)
    object_id = models.CharField(_("record"), max_length=64)
    dossier_id = models.BigIntegerField(_("aanvraag"), null=True, blank=True, db_index=True)
    actie = models.CharField(_("actie"), max_length=64)
    van_status = models.CharField(_("van status"), max_length=64, blank=True)
    naar_status = models.CharField(_("naar status"), max_length=64, blank=True)
    reden = models.TextField(_("reden"), blank=True)
    tekst_inwoner = models.CharField(_("tekst voor de inwoner"), max_length=300, blank=True)
    gegevens = models.JSONField(_("gegevens"), default=dict, blank=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["tijdstip", "id"]
        indexes = [models.Index(fields=["objecttype", "object_id"])]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.objecttype}#{self.object_id} {self.actie}"


class Inzage(AlleenToevoegen):
    """AVG access log: who viewed or exported whose personal data, and why."""

    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("door"),
    )
    dossier_id = models.BigIntegerField(_("aanvraag"), null=True, blank=True, db_index=True)
    betrokkene_id = models.BigIntegerField(_("betrokkene"), null=True, blank=True)
    handeling = models.CharField(_("handeling"), max_length=32)  # bekeken/geexporteerd/...
    onderdeel = models.CharField(_("onderdeel"), max_length=128)
    pad = models.CharField(_("adres"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("inzage persoonsgegevens")
        verbose_name_plural = _("inzagelog persoonsgegevens")
        ordering = ["-tijdstip"]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.handeling} {self.onderdeel}"
