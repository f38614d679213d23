from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loopbaangesprekken.models.scholingsplan import Scholingsplan


class Planakkoord(models.Model):
    """One step of the resident's consent to a version of the scholingsplan (Awb 4:2: the
    aanvraag is the resident's, the consulent writes it for them).

    The latest step of a plan is its state. `versie` is a hash of the content the resident
    is shown (loopbaangesprekken.selectors.akkoord.planinhoud) and `inhoud` that content
    itself, so an approval holds for exactly the version approved: a later edit by the
    consulent voids it.
    """

    class Soort(models.TextChoices):
        VOORGELEGD = "voorgelegd", _("voorgelegd aan de inwoner")
        AKKOORD = "akkoord", _("akkoord gegeven door de inwoner")
        WIJZIGING = "wijziging", _("wijziging gevraagd door de inwoner")
        VERVALLEN = "vervallen", _("vervallen door een wijziging van het plan")
        NAMENS = "namens", _("ingediend namens de inwoner")

    plan = models.ForeignKey(Scholingsplan, on_delete=models.CASCADE, related_name="akkoorden")
    soort = models.CharField(_("soort"), max_length=12, choices=Soort.choices)
    versie = models.CharField(_("versie van het plan"), max_length=64)
    inhoud = models.JSONField(_("inhoud van het plan"), default=dict)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+", verbose_name=_("door"))
    op = models.DateTimeField(_("op"), default=timezone.now)
    toelichting = models.TextField(_("toelichting"), blank=True)
    formulier = models.FileField(_("ondertekend formulier"), upload_to="akkoord/%Y/",
                                 blank=True)

    class Meta:
        verbose_name = _("akkoord op het scholingsplan")
        verbose_name_plural = _("akkoorden op scholingsplannen")
        ordering = ["op", "id"]
        indexes = [models.Index(fields=["plan", "op"])]

    def __str__(self):
        return f"{self.plan_id}: {self.get_soort_display()} ({self.op:%Y-%m-%d %H:%M})"
