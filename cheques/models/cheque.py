"""The scholingscheque and what finance records on it: declaratie, payment, completion."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cheques.models.beschikking import Beschikking
from loopbaangesprekken.models import Opleider
from tfvv.models import Begrotingsperiode


class Cheque(models.Model):
    class Status(models.TextChoices):
        UITGEGEVEN = "uitgegeven", _("uitgegeven")
        GEDECLAREERD = "gedeclareerd", _("gedeclareerd")
        VOORSCHOT_BETAALD = "voorschot_betaald", _("voorschot betaald")
        VASTGESTELD = "vastgesteld", _("vastgesteld")
        BETAALD = "betaald", _("betaald en afgehandeld")
        VERVALLEN = "vervallen", _("vervallen")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    nummer = models.CharField(_("chequenummer"), max_length=16, unique=True)  # TFV-2026-000001
    beschikking = models.OneToOneField(Beschikking, on_delete=models.PROTECT,
                                       related_name="cheque")
    periode = models.ForeignKey(Begrotingsperiode, on_delete=models.PROTECT,
                                related_name="cheques")
    opleider = models.ForeignKey(Opleider, on_delete=models.PROTECT, related_name="cheques")
    bedrag = models.DecimalField(_("bedrag"), max_digits=9, decimal_places=2)
    verificatiecode_hash = models.CharField(max_length=64)
    # Random per cheque; with SECRET_KEY it derives the verification code printed on the
    # PDF (cheques.verificatie), so the code itself is never stored.
    verificatiezout = models.CharField(max_length=32, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.UITGEGEVEN, db_index=True)
    uitgegeven_op = models.DateField(_("uitgegeven op"), db_index=True)
    geldig_tot = models.DateField(_("geldig tot en met"), db_index=True)
    vastgesteld_bedrag = models.DecimalField(_("vastgesteld bedrag"), max_digits=9,
                                             decimal_places=2, null=True, blank=True)
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    # Set once by the daily job when the deadline passed without a completion proof: the
    # cheque is on finance's worklist for an ambtshalve vaststelling (Awb 4:47).
    vast_te_stellen_sinds = models.DateField(_("vast te stellen sinds"), null=True,
                                             blank=True, db_index=True)
    terug_te_vorderen = models.DecimalField(_("terug te vorderen"), max_digits=9,
                                            decimal_places=2, null=True, blank=True)
    intrekkingsreden = models.TextField(_("reden intrekking"), blank=True)
    pdf = models.FileField(_("cheque (PDF)"), upload_to="cheques/%Y/", blank=True)
    mail_verzonden_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("cheque")
        verbose_name_plural = _("cheques")
        ordering = ["nummer"]

    def __str__(self):
        return self.nummer


class Declaratie(models.Model):
    """The opleider's invoice against a cheque, registered by finance."""

    cheque = models.ForeignKey(Cheque, on_delete=models.PROTECT, related_name="declaraties")
    factuurnummer = models.CharField(_("factuurnummer"), max_length=50)
    factuurdatum = models.DateField(_("factuurdatum"))
    bedrag = models.DecimalField(_("bedrag"), max_digits=9, decimal_places=2)
    bewijs = models.FileField(_("bewijs start/afronding"), upload_to="declaraties/%Y/",
                              blank=True)
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                           related_name="+")
    geregistreerd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("declaratie")
        verbose_name_plural = _("declaraties")

    def __str__(self):
        return f"{self.cheque}: factuur {self.factuurnummer}"


class Betaling(models.Model):
    """A booked payment to the opleider: a voorschot (Awb 4:52) at the start, or the
    (final) payment after the vaststelling. Only an approved Betaalbatch books these."""

    class Soort(models.TextChoices):
        VOORSCHOT = "voorschot", _("voorschot")
        EINDBETALING = "eindbetaling", _("betaling na vaststelling")

    cheque = models.ForeignKey(Cheque, on_delete=models.PROTECT, related_name="betalingen")
    bedrag = models.DecimalField(_("bedrag"), max_digits=9, decimal_places=2)
    betaald_op = models.DateField(_("betaald op"), db_index=True)
    batch = models.CharField(_("betaalbatch"), max_length=40, blank=True)
    soort = models.CharField(_("soort"), max_length=16, choices=Soort.choices,
                             default=Soort.EINDBETALING)
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                           related_name="+")

    class Meta:
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")

    def __str__(self):
        return f"{self.cheque}: € {self.bedrag} op {self.betaald_op}"


class Afronding(models.Model):
    """What the opleider's proof says about completion, recorded by finance: the basis of
    the vaststelling (and later of the outcome figures)."""

    class Soort(models.TextChoices):
        DIPLOMA = "diploma", _("diploma")
        CERTIFICAAT = "certificaat", _("certificaat")
        AANWEZIGHEID = "aanwezigheid", _("presentieverklaring")
        GESTOPT = "gestopt", _("gestopt")

    VOLTOOID_VANAF_PROCENT = 80  # the beschikking's obligation 2

    cheque = models.OneToOneField(Cheque, on_delete=models.PROTECT, related_name="afronding")
    soort = models.CharField(_("bewijs"), max_length=16, choices=Soort.choices)
    aanwezigheid_procent = models.PositiveSmallIntegerField(_("aanwezigheid (%)"), null=True,
                                                            blank=True)
    gestopt_op = models.DateField(_("gestopt op"), null=True, blank=True)
    reden_gestopt = models.TextField(_("reden gestopt"), blank=True)
    bewijs = models.FileField(_("bewijs (PDF)"), upload_to="afrondingen/%Y/")
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                           related_name="+")
    geregistreerd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afronding")
        verbose_name_plural = _("afrondingen")
        constraints = [models.CheckConstraint(
            condition=models.Q(aanwezigheid_procent__isnull=True)
            | models.Q(aanwezigheid_procent__lte=100), name="afronding_procent_max_100")]

    def __str__(self):
        return f"{self.cheque}: {self.get_soort_display()}"

    @property
    def voltooid(self) -> bool:
        """Completed: a diploma or certificate, or at least 80 % attendance."""
        if self.soort == self.Soort.AANWEZIGHEID:
            return (self.aanwezigheid_procent or 0) >= self.VOLTOOID_VANAF_PROCENT
        return self.soort in (self.Soort.DIPLOMA, self.Soort.CERTIFICAAT)
