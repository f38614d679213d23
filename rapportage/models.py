"""Summary tables for the dashboards, refreshed by `rapportage.services.ververs_samenvattingen`.

The dashboard reads only these tables, so its query count and speed do not depend on the
number of aanvragen. Granularity is one calendar month.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Telling(models.Model):
    """A count (and optionally an amount) for one (maand, gemeente, loket, dimensie, waarde).

    Rows exist at four levels (`niveau`): detail, and rolled up per gemeente, per loket
    and for the whole fund; a dashboard query reads exactly one level.
    Lead times are stored as histograms: `waarde` is the number of days, `aantal` how many
    cases took that long, so median and p90 can be computed for any filter combination.
    """

    class Niveau(models.IntegerChoices):
        DETAIL = 0, _("per gemeente en loket")
        GEMEENTE = 1, _("per gemeente")
        LOKET = 2, _("per loket")
        TOTAAL = 3, _("hele fonds")

    niveau = models.PositiveSmallIntegerField(_("niveau"), choices=Niveau.choices)
    maand = models.DateField(_("maand"))  # first day of the month
    gemeente_id = models.IntegerField(_("gemeente"), null=True)
    loket = models.CharField(_("loket"), max_length=16, blank=True)
    dimensie = models.CharField(_("dimensie"), max_length=32)
    waarde = models.CharField(_("waarde"), max_length=210, blank=True)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)
    bedrag = models.DecimalField(_("bedrag"), max_digits=14, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("telling")
        verbose_name_plural = _("tellingen")
        indexes = [models.Index(fields=["niveau", "maand", "dimensie"])]

    def __str__(self):
        return f"{self.maand:%Y-%m} {self.dimensie}={self.waarde}: {self.aantal}"


class Budgetstand(models.Model):
    """Budget per begrotingsperiode: toezeggingen per bron, ledger totals per soort and month."""

    TOEGEZEGD = "toegezegd"

    periode_id = models.IntegerField(_("begrotingsperiode"))
    bron_id = models.IntegerField(_("financieringsbron"), null=True)
    maand = models.DateField(_("maand"), null=True)
    soort = models.CharField(_("soort"), max_length=16)
    bedrag = models.DecimalField(_("bedrag"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("budgetstand")
        verbose_name_plural = _("budgetstanden")

    def __str__(self):
        return f"periode {self.periode_id} {self.soort}: € {self.bedrag}"


class Verversing(models.Model):
    """One refresh of the summary tables (the dashboard shows the latest finished one)."""

    class Status(models.TextChoices):
        BEZIG = "bezig", _("bezig")
        KLAAR = "klaar", _("klaar")
        MISLUKT = "mislukt", _("mislukt")

    gestart_op = models.DateTimeField(_("gestart op"), auto_now_add=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.BEZIG)
    aantal_rijen = models.PositiveIntegerField(_("aantal rijen"), default=0)
    duur_seconden = models.FloatField(_("duur (seconden)"), null=True, blank=True)

    class Meta:
        verbose_name = _("verversing")
        verbose_name_plural = _("verversingen")
        ordering = ["-gestart_op", "-id"]

    def __str__(self):
        return f"verversing {self.gestart_op:%Y-%m-%d %H:%M} ({self.status})"


class Voortgangsrapportage(models.Model):
    """A progress report (PDF) over a period, made monthly by beat or on request."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("in de wachtrij")
        BEZIG = "bezig", _("wordt gemaakt")
        KLAAR = "klaar", _("klaar")
        MISLUKT = "mislukt", _("mislukt")

    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.WACHTEND)
    automatisch = models.BooleanField(_("maandelijks automatisch"), default=False)
    aangevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                         on_delete=models.SET_NULL, related_name="+")
    aangemaakt_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    bestand = models.FileField(_("PDF"), upload_to="voortgangsrapportages/%Y/", blank=True)
    foutmelding = models.TextField(_("foutmelding"), blank=True)

    class Meta:
        verbose_name = _("voortgangsrapportage")
        verbose_name_plural = _("voortgangsrapportages")
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self):
        return f"voortgangsrapportage {self.van} – {self.tot}"

    @property
    def is_lopend(self) -> bool:
        return self.status in (self.Status.WACHTEND, self.Status.BEZIG)
