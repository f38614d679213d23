"""The fund's money: committed funding per period and the ledger against it.

Invariant at every moment: gereserveerd + gerealiseerd <= plafond (sum of toezeggingen).
Writes go through tfvv.budget (services) which locks the period row.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tfvv.models.gebeurtenis import AlleenToevoegen


class Financieringsbron(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("financieringsbron")
        verbose_name_plural = _("financieringsbronnen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Begrotingsperiode(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    gepubliceerd_op = models.DateField(
        _("subsidieplafond bekendgemaakt op"), null=True, blank=True,
        help_text=_("Awb 4:27: het plafond wordt bekendgemaakt voor de periode ingaat."),
    )

    class Meta:
        verbose_name = _("begrotingsperiode")
        verbose_name_plural = _("begrotingsperioden")
        ordering = ["van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__gte=models.F("van")), name="periode_geldig"
            )
        ]

    def __str__(self):
        return self.naam


class Toezegging(models.Model):
    bron = models.ForeignKey(Financieringsbron, on_delete=models.PROTECT,
                             related_name="toezeggingen", verbose_name=_("bron"))
    periode = models.ForeignKey(Begrotingsperiode, on_delete=models.PROTECT,
                                related_name="toezeggingen", verbose_name=_("periode"))
    bedrag = models.DecimalField(_("bedrag"), max_digits=12, decimal_places=2)
    datum = models.DateField(_("datum toezegging"))
    kenmerk = models.CharField(_("kenmerk"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        ordering = ["periode", "bron"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gt=0), name="toezegging_positief")
        ]

    def __str__(self):
        return f"{self.bron} — {self.periode}: € {self.bedrag}"


class Budgetboeking(AlleenToevoegen):
    """One ledger line. Reservations and realisations count against the plafond;
    a release (vrijval) undoes (part of) a reservation; a realisation converts
    reserved money into paid money (it is booked together with a release)."""

    class Soort(models.TextChoices):
        RESERVERING = "reservering", _("reservering")
        VRIJVAL = "vrijval", _("vrijval")
        REALISATIE = "realisatie", _("realisatie")
        TERUGVORDERING = "terugvordering", _("terugvordering")
        # A payment before the vaststelling (Awb 4:52): paid money like a realisatie.
        VOORSCHOT = "voorschot", _("voorschot")
        # The invordering of a terugvordering (Awb titel 4.4). Aanmaning and
        # betalingsregeling move no money; they record the open claim at that moment.
        AANMANING = "aanmaning", _("aanmaning")
        BETALINGSREGELING = "betalingsregeling", _("betalingsregeling")
        ONTVANGST = "ontvangst", _("terugbetaling ontvangen")
        ONINBAAR = "oninbaar", _("oninbaar")

    periode = models.ForeignKey(Begrotingsperiode, on_delete=models.PROTECT,
                                related_name="boekingen")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    bedrag = models.DecimalField(_("bedrag"), max_digits=12, decimal_places=2)
    referentie = models.CharField(_("referentie"), max_length=64, db_index=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("budgetboeking")
        verbose_name_plural = _("budgetboekingen")
        ordering = ["tijdstip", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gt=0), name="boeking_positief")
        ]
