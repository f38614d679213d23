"""The decision on a scholingsplan: aanvulverzoek (Awb 4:5) and beschikking."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loopbaangesprekken.models import Scholingsplan


class Aanvulverzoek(models.Model):
    """Awb 4:5: the beoordelaar asks for missing information within a hersteltermijn."""

    plan = models.ForeignKey(Scholingsplan, on_delete=models.CASCADE,
                             related_name="aanvulverzoeken")
    gevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      related_name="+")
    gevraagd_op = models.DateTimeField(_("gevraagd op"), auto_now_add=True)
    omschrijving = models.TextField(_("wat ontbreekt"))
    hersteltermijn_tot = models.DateField(_("hersteltermijn tot en met"))
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    # the aanvraag was withdrawn while the request was open: nothing was supplied
    vervallen_op = models.DateTimeField(_("vervallen op"), null=True, blank=True)
    # what the consulent wrote when submitting the aanvulling (required without a change
    # to the plan); copied from the `aanvullen` event by cheques.gebeurtenissen
    toelichting_consulent = models.TextField(_("toelichting van de consulent"), blank=True)

    class Meta:
        verbose_name = _("aanvulverzoek")
        verbose_name_plural = _("aanvulverzoeken")
        ordering = ["gevraagd_op"]

    def __str__(self):
        return f"{self.plan.aanvraag}: aanvulling tot {self.hersteltermijn_tot}"


class Beschikking(models.Model):
    """The Awb decision on a scholingsplan, a record of its own."""

    class Uitkomst(models.TextChoices):
        TOEKENNING = "toekenning", _("toekenning")
        AFWIJZING = "afwijzing", _("afwijzing")
        BUITEN_BEHANDELING = "buiten_behandeling", _("buiten behandeling")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("wacht op tweede beoordelaar")
        VERZONDEN = "verzonden", _("verzonden")

    plan = models.OneToOneField(Scholingsplan, on_delete=models.PROTECT,
                                related_name="beschikking")
    uitkomst = models.CharField(_("uitkomst"), max_length=24, choices=Uitkomst.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.CONCEPT)
    bedrag = models.DecimalField(_("toegekend bedrag"), max_digits=9, decimal_places=2,
                                 null=True, blank=True)
    motivering = models.TextField(_("motivering"))
    grondslag = models.TextField(_("juridische grondslag"))
    verplichtingen = models.TextField(_("verplichtingen"), blank=True)
    beoordelaar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("beoordelaar"))
    medeondertekenaar = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="+",
                                          verbose_name=_("tweede beoordelaar"))
    besloten_op = models.DateTimeField(_("besloten op"), auto_now_add=True)
    verzonden_op = models.DateField(_("verzonden op"), null=True, blank=True, db_index=True)
    bezwaartermijn_tot = models.DateField(_("einde bezwaartermijn"), null=True, blank=True)
    brief = models.FileField(_("beschikkingsbrief (PDF)"), upload_to="beschikkingen/%Y/",
                             blank=True)
    mail_verzonden_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("beschikking")
        verbose_name_plural = _("beschikkingen")

    def __str__(self):
        return f"{self.plan.aanvraag}: {self.get_uitkomst_display()}"
