from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Melding(models.Model):
    """An in-app notification for one staff member (tfvv.meldingen): what happened or what
    is due, with a link to the page where they act on it."""

    ontvanger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="meldingen", verbose_name=_("ontvanger"))
    soort = models.CharField(_("soort"), max_length=48)
    tekst = models.CharField(_("tekst"), max_length=300)
    link = models.CharField(_("link"), max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    # set once the melding went out by e-mail (directly or in the daily overview)
    gemaild_op = models.DateTimeField(_("gemaild op"), null=True, blank=True)
    # a melding that may exist only once per person (a deadline warning): its key
    sleutel = models.CharField(_("sleutel"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"],
                                name="melding_ontvanger_gelezen_idx")]
        constraints = [models.UniqueConstraint(
            fields=["ontvanger", "sleutel"], condition=~models.Q(sleutel=""),
            name="melding_eenmaal_per_sleutel")]

    def __str__(self):
        return self.tekst
