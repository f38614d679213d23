from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Goedkeuringsverzoek(models.Model):
    """A change that waits for a second person (four-eyes): who asked, what, who decided.

    Written only through tfvv.vierogen; `payload` holds the change itself (JSON), so the
    record in use (a role, an IBAN, a regeling) stays as it was until the approval.
    """

    class Uitkomst(models.TextChoices):
        OPEN = "open", _("wacht op goedkeuring")
        GOEDGEKEURD = "goedgekeurd", _("goedgekeurd")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    soort = models.CharField(_("soort"), max_length=32)
    # what the request is about, e.g. "gebruiker:12": one open request per subject
    sleutel = models.CharField(_("onderwerp"), max_length=64)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    payload = models.JSONField(_("wijziging"), default=dict)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("aangevraagd door"))
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
        blank=True, verbose_name=_("besloten door"))
    besloten_op = models.DateTimeField(_("besloten op"), null=True, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=16, choices=Uitkomst.choices,
                                default=Uitkomst.OPEN)
    reden = models.TextField(_("reden"), blank=True)

    class Meta:
        verbose_name = _("goedkeuringsverzoek")
        verbose_name_plural = _("goedkeuringsverzoeken")
        ordering = ["-aangevraagd_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(besloten_door=models.F("aangevraagd_door")),
                name="vierogen_ander_persoon",
                violation_error_message=_("Een ander dan de aanvrager moet besluiten."),
            ),
            models.CheckConstraint(
                condition=models.Q(uitkomst="open", besloten_door__isnull=True,
                                   besloten_op__isnull=True)
                | (~models.Q(uitkomst="open") & models.Q(besloten_door__isnull=False,
                                                          besloten_op__isnull=False)),
                name="vierogen_besluit_compleet",
            ),
            models.UniqueConstraint(fields=["soort", "sleutel"],
                                    condition=models.Q(uitkomst="open"),
                                    name="vierogen_een_open_verzoek"),
        ]

    def __str__(self):
        return self.omschrijving

    @property
    def is_open(self) -> bool:
        return self.uitkomst == self.Uitkomst.OPEN
