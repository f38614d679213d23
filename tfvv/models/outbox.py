from django.db import models
from django.utils.translation import gettext_lazy as _


class Outboxtaak(models.Model):
    """One side effect (a Celery task + its arguments) of a committed change.

    Written in the same transaction as the change (tfvv.outbox.plan_taak), so a
    change never exists without its side effect being recorded. Dispatched after
    commit; `verwerk_outbox` re-dispatches rows that are not done in time (broker
    down, worker lost). The task marks the row done (tfvv.outbox.outbox_taak).
    """

    taak = models.CharField(_("taak"), max_length=200)
    argumenten = models.JSONField(_("argumenten"), default=dict, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    verstuurd_op = models.DateTimeField(_("laatst naar de broker gestuurd"), null=True,
                                        blank=True)
    pogingen = models.PositiveIntegerField(_("keren verstuurd"), default=0)
    gedaan_op = models.DateTimeField(_("uitgevoerd op"), null=True, blank=True)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)

    class Meta:
        verbose_name = _("outboxtaak")
        verbose_name_plural = _("outboxtaken")
        ordering = ["aangemaakt_op", "id"]
        indexes = [
            models.Index(fields=["aangemaakt_op"], name="outbox_open_idx",
                         condition=models.Q(gedaan_op__isnull=True)),
        ]

    def __str__(self):
        return f"{self.taak} #{self.pk}"
