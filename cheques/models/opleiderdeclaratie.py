"""Declaraties submitted by the opleider in its portal (docs/opleiders.md): one at a time or
as rows of a bulk file, each with a message thread. Finance accepts one into the Awb chain
(a `Declaratie`, and for a completion proof an `Afronding`) or returns it with a reason."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cheques.models.cheque import Afronding, Cheque, Declaratie
from loopbaangesprekken.models import Opleider


class Declaratiebestand(models.Model):
    """A bulk upload (CSV plus a zip of PDFs). Its SHA-256 is unique per opleider: the same
    file uploaded twice is refused instead of declaring every row again."""

    opleider = models.ForeignKey(Opleider, on_delete=models.PROTECT,
                                 related_name="declaratiebestanden")
    sha256 = models.CharField(max_length=64)
    naam = models.CharField(_("bestandsnaam"), max_length=200)
    aantal_regels = models.PositiveIntegerField(_("aantal regels"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("declaratiebestand")
        verbose_name_plural = _("declaratiebestanden")
        constraints = [models.UniqueConstraint(fields=["opleider", "sha256"],
                                               name="declaratiebestand_eenmaal_per_opleider")]

    def __str__(self):
        return self.naam


class Declaratieindiening(models.Model):
    """An opleider's declaratie waiting for (or judged by) finance. At the start of the
    training it carries the invoice and a start proof (paid as a voorschot once accepted);
    at the end the invoice and a completion proof (the basis of the vaststelling). On a
    cheque whose voorschot was paid, the invoice is already known: then only the completion
    proof is submitted and the invoice fields stay empty."""

    class Bewijssoort(models.TextChoices):
        START = "start", _("bewijs van start")
        DIPLOMA = Afronding.Soort.DIPLOMA.value, _("diploma")
        CERTIFICAAT = Afronding.Soort.CERTIFICAAT.value, _("certificaat")
        AANWEZIGHEID = Afronding.Soort.AANWEZIGHEID.value, _("presentieverklaring")
        GESTOPT = Afronding.Soort.GESTOPT.value, _("gestopt")

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("ingediend, wacht op beoordeling")
        GEACCEPTEERD = "geaccepteerd", _("geaccepteerd")
        TERUGGESTUURD = "teruggestuurd", _("teruggestuurd")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    cheque = models.ForeignKey(Cheque, on_delete=models.PROTECT, related_name="indieningen")
    # the cheque's opleider, kept here for the uniqueness of its invoice numbers
    opleider = models.ForeignKey(Opleider, on_delete=models.PROTECT,
                                 related_name="declaratieindieningen")
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                       related_name="+")
    ingediend_op = models.DateTimeField(_("ingediend op"), auto_now_add=True, db_index=True)
    factuurnummer = models.CharField(_("factuurnummer"), max_length=50, blank=True)
    factuurdatum = models.DateField(_("factuurdatum"), null=True, blank=True)
    bedrag = models.DecimalField(_("bedrag"), max_digits=9, decimal_places=2, null=True,
                                 blank=True)
    factuur = models.FileField(_("factuur (PDF)"), upload_to="opleiderdeclaraties/%Y/",
                               blank=True)
    bewijssoort = models.CharField(_("bewijs"), max_length=16, choices=Bewijssoort.choices)
    aanwezigheid_procent = models.PositiveSmallIntegerField(_("aanwezigheid (%)"), null=True,
                                                            blank=True)
    gestopt_op = models.DateField(_("gestopt op"), null=True, blank=True)
    reden_gestopt = models.TextField(_("reden gestopt"), blank=True)
    bewijs = models.FileField(_("bewijs (PDF)"), upload_to="opleiderdeclaraties/%Y/")
    bestand = models.ForeignKey(Declaratiebestand, on_delete=models.PROTECT, null=True,
                                blank=True, related_name="indieningen")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.INGEDIEND, db_index=True)
    beoordeeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                        null=True, blank=True, related_name="+")
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    reden_terugsturen = models.TextField(_("reden terugsturen"), blank=True)
    declaratie = models.OneToOneField(Declaratie, on_delete=models.PROTECT, null=True,
                                      blank=True, related_name="indiening")

    class Meta:
        verbose_name = _("declaratie van een opleider")
        verbose_name_plural = _("declaraties van opleiders")
        ordering = ["-ingediend_op", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["cheque"], condition=Q(status="ingediend"),
                                    name="indiening_een_open_per_cheque"),
            # a returned or withdrawn invoice may be submitted again under its number
            models.UniqueConstraint(
                fields=["opleider", "factuurnummer"],
                condition=Q(status__in=["ingediend", "geaccepteerd"]) & ~Q(factuurnummer=""),
                name="indiening_factuurnummer_per_opleider"),
            models.CheckConstraint(
                condition=Q(aanwezigheid_procent__isnull=True)
                | Q(aanwezigheid_procent__lte=100), name="indiening_procent_max_100"),
        ]

    def __str__(self):
        return f"{self.cheque_id}: {self.factuurnummer or self.get_bewijssoort_display()}"

    @property
    def is_afronding(self) -> bool:
        return self.bewijssoort != self.Bewijssoort.START


class Declaratiebericht(models.Model):
    """One message in the thread between finance and the opleider about an indiening."""

    indiening = models.ForeignKey(Declaratieindiening, on_delete=models.CASCADE,
                                  related_name="berichten")
    van_opleider = models.BooleanField()
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField(_("bericht"))
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bericht over een declaratie")
        verbose_name_plural = _("berichten over declaraties")
        ordering = ["op", "id"]

    def __str__(self):
        return f"bericht {self.pk} ({self.indiening_id})"
