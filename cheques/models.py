from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loopbaangesprekken.models import Opleider, Scholingsplan
from tfvv.models import Begrotingsperiode


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


class Vervolgbesluit(models.Model):
    """An Awb decision that follows the beschikking on a scholingsplan: vaststelling
    (4:42/4:47), wijziging, intrekking (4:48/4:49), terugvordering (4:57), beslissing op
    bezwaar (7:11). Each is a record with a letter (PDF), motivering, legal basis and, where
    open to bezwaar, a bezwaar clause with its deadline by the Algemene termijnenwet."""

    class Soort(models.TextChoices):
        VASTSTELLING = "vaststelling", _("vaststelling")
        WIJZIGING = "wijziging", _("wijziging")
        INTREKKING = "intrekking", _("intrekking")
        TERUGVORDERING = "terugvordering", _("terugvordering")
        BESLISSING_OP_BEZWAAR = "beslissing_op_bezwaar", _("beslissing op bezwaar")

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
