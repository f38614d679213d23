"""Decisions after the grant (Vervolgbesluit), bezwaren against decisions, and letters sent
by post."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cheques.models.beschikking import Beschikking
from cheques.models.cheque import Cheque


class Vervolgbesluit(models.Model):
    """An Awb decision that follows the beschikking on a scholingsplan: vaststelling
    (4:42/4:47), wijziging, intrekking (4:48/4:49), terugvordering (4:57), beslissing op
    bezwaar (7:11). Each is a record with a letter (PDF), motivering, legal basis and, where
    open to bezwaar, a bezwaar clause with its deadline by the Algemene termijnenwet.

    The same record carries the letters of the procedure that are no besluit of their own
    (aanmaning, 4:112; betalingsregeling; verdaging of the beslissing op bezwaar, 7:10 lid 3):
    one letter pipeline, dossier and postal channel for everything the resident receives."""

    class Soort(models.TextChoices):
        VASTSTELLING = "vaststelling", _("vaststelling")
        WIJZIGING = "wijziging", _("wijziging")
        INTREKKING = "intrekking", _("intrekking")
        TERUGVORDERING = "terugvordering", _("terugvordering")
        BESLISSING_OP_BEZWAAR = "beslissing_op_bezwaar", _("beslissing op bezwaar")
        AANMANING = "aanmaning", _("aanmaning")
        BETALINGSREGELING = "betalingsregeling", _("betalingsregeling")
        VERDAGING = "verdaging", _("verdaging beslissing op bezwaar")

    # letters in the procedure, no besluit: no bezwaar clause, no bezwaar possible
    MEDEDELINGEN = frozenset({Soort.AANMANING, Soort.BETALINGSREGELING, Soort.VERDAGING})

    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT,
                                    related_name="vervolgbesluiten",
                                    verbose_name=_("beschikking waarop het volgt"))
    cheque = models.ForeignKey(Cheque, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="vervolgbesluiten")
    soort = models.CharField(_("soort besluit"), max_length=24, choices=Soort.choices)
    bedrag = models.DecimalField(_("bedrag"), max_digits=9, decimal_places=2, null=True,
                                 blank=True)
    motivering = models.TextField(_("motivering"))
    grondslag = models.TextField(_("juridische grondslag"))
    # Facts of this kind of decision, e.g. {"artikel": "4:49"} or the old and new start date.
    gegevens = models.JSONField(default=dict, blank=True)
    genomen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("genomen door"))
    genomen_op = models.DateTimeField(_("genomen op"), auto_now_add=True)
    verzonden_op = models.DateField(_("verzonden op"), db_index=True)
    bezwaartermijn_tot = models.DateField(_("einde bezwaartermijn"), null=True, blank=True)
    brief = models.FileField(_("brief (PDF)"), upload_to="besluiten/%Y/", blank=True)
    mail_verzonden_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("vervolgbesluit")
        verbose_name_plural = _("vervolgbesluiten")
        ordering = ["genomen_op", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__isnull=True)
                                   | models.Q(bedrag__gte=0),
                                   name="vervolgbesluit_bedrag_niet_negatief"),
        ]

    def __str__(self):
        return f"{self.beschikking.plan.aanvraag}: {self.get_soort_display()}"

    @property
    def is_besluit(self) -> bool:
        return self.soort not in self.MEDEDELINGEN


class Bezwaar(models.Model):
    """The bezwaar register (Awb hoofdstuk 6 and 7): a bezwaar against the beschikking or a
    vervolgbesluit, from receipt to the beslissing op bezwaar and a possible beroep. While
    it is open, and while beroep is possible or pending, the case is held from retention."""

    class Kanaal(models.TextChoices):
        POST = "post", _("per post (geregistreerd door een medewerker)")
        PORTAAL = "portaal", _("digitaal via 'Mijn aanvraag'")

    class Uitkomst(models.TextChoices):
        GEGROND = "gegrond", _("gegrond: besluit herroepen, nieuw besluit")
        ONGEGROND = "ongegrond", _("ongegrond: besluit blijft in stand")
        NIET_ONTVANKELIJK = "niet_ontvankelijk", _("niet-ontvankelijk")

    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT,
                                    related_name="bezwaren")
    # set when the bezwaar is against a later decision instead of the beschikking itself
    vervolgbesluit = models.ForeignKey("Vervolgbesluit", on_delete=models.PROTECT, null=True,
                                       blank=True, related_name="bezwaren")
    dossier_id = models.PositiveBigIntegerField(_("dossier"), db_index=True)
    kanaal = models.CharField(_("ontvangen"), max_length=8, choices=Kanaal.choices)
    ontvangen_op = models.DateField(_("ontvangen op"))
    poststempel_op = models.DateField(_("datum poststempel"), null=True, blank=True)
    gronden = models.TextField(_("gronden van het bezwaar"))
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                       related_name="+")
    geregistreerd_op = models.DateTimeField(auto_now_add=True)
    tijdig = models.BooleanField(_("binnen de bezwaartermijn"))
    adviescommissie = models.BooleanField(_("adviescommissie gehoord"), default=False)
    verdaagd = models.BooleanField(_("beslissing verdaagd"), default=False)
    beslistermijn_tot = models.DateField(_("beslissen uiterlijk op"), db_index=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices,
                                blank=True)
    beslissing = models.OneToOneField("Vervolgbesluit", on_delete=models.PROTECT, null=True,
                                      blank=True, related_name="beslist_bezwaar")
    beslist_op = models.DateField(_("beslist op"), null=True, blank=True)
    beroepstermijn_tot = models.DateField(_("beroep mogelijk tot en met"), null=True,
                                          blank=True)
    beroep_ingesteld_op = models.DateField(_("beroep ingesteld op"), null=True, blank=True)
    beroep_uitspraak_op = models.DateField(_("uitspraak beroep op"), null=True, blank=True)
    beroep_uitkomst = models.CharField(_("uitspraak beroep"), max_length=20,
                                       choices=Uitkomst.choices, blank=True)

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        ordering = ["beslistermijn_tot", "pk"]

    def __str__(self):
        return f"Bezwaar {self.pk} ({self.ontvangen_op})"

    @property
    def besluit(self):
        """The decision the bezwaar is against."""
        return self.vervolgbesluit or self.beschikking


class Postzending(models.Model):
    """A decision letter to print and post: the resident did not accept electronic decisions
    (Awb 2:14). The posting date is the bekendmaking, from which the bezwaartermijn runs."""

    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT,
                                    related_name="postzendingen")
    vervolgbesluit = models.ForeignKey("Vervolgbesluit", on_delete=models.PROTECT, null=True,
                                       blank=True, related_name="postzendingen")
    dossier_id = models.PositiveBigIntegerField(_("dossier"), db_index=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gepost_op = models.DateField(_("gepost op"), null=True, blank=True, db_index=True)
    gepost_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("postzending")
        verbose_name_plural = _("postzendingen")
        ordering = ["aangemaakt_op", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["beschikking", "vervolgbesluit"], name="een_postzending_per_besluit",
            nulls_distinct=False)]

    def __str__(self):
        return f"Postzending {self.pk}"

    @property
    def besluit(self):
        return self.vervolgbesluit or self.beschikking
