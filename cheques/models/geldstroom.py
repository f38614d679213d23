"""Money after the grant: payment batches (four eyes) and terugvordering with invordering."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cheques.models.cheque import Betaling, Cheque


class Betaalbatch(models.Model):
    """A payment batch: one financieel medewerker prepares it, another approves it with a
    fresh TOTP code (four-eyes); only the approval books the payments."""

    class Status(models.TextChoices):
        OPGESTELD = "opgesteld", _("wacht op goedkeuring")
        GOEDGEKEURD = "goedgekeurd", _("goedgekeurd en geboekt")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    nummer = models.CharField(_("batchnummer"), max_length=40, unique=True)
    betaaldatum = models.DateField(_("betaaldatum"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.OPGESTELD, db_index=True)
    opgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("opgesteld door"))
    opgesteld_op = models.DateTimeField(_("opgesteld op"), auto_now_add=True)
    goedgekeurd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         null=True, blank=True, related_name="+",
                                         verbose_name=_("goedgekeurd door"))
    goedgekeurd_op = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    reden_afwijzing = models.TextField(_("reden afwijzing"), blank=True)

    class Meta:
        verbose_name = _("betaalbatch")
        verbose_name_plural = _("betaalbatches")
        ordering = ["-opgesteld_op", "-id"]
        constraints = [models.CheckConstraint(
            condition=~models.Q(goedgekeurd_door=models.F("opgesteld_door")),
            name="betaalbatch_vier_ogen")]

    def __str__(self):
        return self.nummer


class Betaalopdracht(models.Model):
    """One line of a batch, with the IBAN and name as they were when it was prepared."""

    batch = models.ForeignKey(Betaalbatch, on_delete=models.CASCADE, related_name="regels")
    cheque = models.ForeignKey(Cheque, on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(_("soort"), max_length=16, choices=Betaling.Soort.choices)
    bedrag = models.DecimalField(_("bedrag"), max_digits=9, decimal_places=2)
    iban = models.CharField(_("IBAN"), max_length=34)
    naam = models.CharField(_("begunstigde"), max_length=200)

    class Meta:
        verbose_name = _("betaalopdracht")
        verbose_name_plural = _("betaalopdrachten")
        ordering = ["cheque__nummer"]
        constraints = [models.CheckConstraint(condition=models.Q(bedrag__gt=0),
                                              name="betaalopdracht_positief")]

    def __str__(self):
        return f"{self.batch}: {self.cheque} {self.bedrag}"


class Terugvordering(models.Model):
    """Awb 4:57: money paid under a subsidy that is withdrawn or settled lower is claimed
    back from the subsidy recipient (the resident; see docs/cheques.md)."""

    class Status(models.TextChoices):
        OPEN = "open", _("openstaand")
        BETALINGSREGELING = "betalingsregeling", _("betalingsregeling")
        VOLDAAN = "voldaan", _("voldaan")
        ONINBAAR = "oninbaar", _("oninbaar")
        # the decision it rests on was herroepen after a gegrond bezwaar (Awb 7:11)
        VERVALLEN = "vervallen", _("vervallen na bezwaar")

    AFGESLOTEN = frozenset({Status.VOLDAAN, Status.ONINBAAR, Status.VERVALLEN})

    cheque = models.ForeignKey(Cheque, on_delete=models.PROTECT,
                               related_name="terugvorderingen")
    # the beschikking that decided the claim (Awb 4:57); set in the same transaction
    besluit = models.OneToOneField("Vervolgbesluit", on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="terugvordering")
    bedrag = models.DecimalField(_("bedrag"), max_digits=9, decimal_places=2)
    grond = models.TextField(_("grond"))
    betalen_voor = models.DateField(_("te betalen uiterlijk"), db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.OPEN, db_index=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("terugvordering")
        verbose_name_plural = _("terugvorderingen")
        ordering = ["betalen_voor", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(bedrag__gt=0),
                                              name="terugvordering_positief")]

    def __str__(self):
        return f"{self.cheque}: {self.bedrag}"


class Invorderingsstap(models.Model):
    """One step of the invordering (Awb titel 4.4), each with its ledger entry."""

    class Soort(models.TextChoices):
        AANMANING = "aanmaning", _("aanmaning")
        BETALINGSREGELING = "betalingsregeling", _("betalingsregeling")
        ONTVANGST = "ontvangst", _("betaling ontvangen")
        ONINBAAR = "oninbaar", _("oninbaar verklaard")
        # the open claim falls with the decision it rested on (gegrond bezwaar, Awb 7:11)
        VORDERING_VERVALLEN = "vordering_vervallen", _("vervallen na bezwaar")

    # the steps that lower what is still open on the claim
    AFBOEKINGEN = (Soort.ONTVANGST, Soort.ONINBAAR, Soort.VORDERING_VERVALLEN)

    terugvordering = models.ForeignKey(Terugvordering, on_delete=models.PROTECT,
                                       related_name="stappen")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    bedrag = models.DecimalField(_("bedrag"), max_digits=9, decimal_places=2)
    datum = models.DateField(_("datum"))
    nieuwe_termijn = models.DateField(_("nieuwe betaaltermijn"), null=True, blank=True)
    aantal_termijnen = models.PositiveSmallIntegerField(_("aantal termijnen"), null=True,
                                                        blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")
    geregistreerd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invorderingsstap")
        verbose_name_plural = _("invorderingsstappen")
        ordering = ["geregistreerd_op", "id"]

    def __str__(self):
        return f"{self.terugvordering}: {self.soort} {self.datum}"
