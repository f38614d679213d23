"""Summary tables for the dashboards, refreshed by `rapportage.services.ververs_samenvattingen`.

The dashboard reads only these tables, so its query count and speed do not depend on the
number of aanvragen. Granularity is one calendar month.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Telling(models.Model):
    """A count (and optionally an amount) for one (maand, gemeente, loket, dimensie, waarde).

    Rows exist per month, quarter and year (`maanden`) and at four levels (`niveau`):
    detail, and rolled up per gemeente, per loket and for the whole fund; the outcome
    breakdowns have the same four levels of their own.
    A dashboard query reads one level (plus its breakdown level for the group shown).
    Lead times are stored as histograms: `waarde` is the number of days, `aantal` how many
    cases took that long, so median and p90 can be computed for any filter combination.
    """

    class Niveau(models.IntegerChoices):
        DETAIL = 0, _("per gemeente en loket")
        GEMEENTE = 1, _("per gemeente")
        LOKET = 2, _("per loket")
        TOTAAL = 3, _("hele fonds")
        # The outcome breakdowns per group (rapportage.uitsplitsingen) at the same four
        # levels, kept apart: they are most of the rows (one per opleider, age band, ...),
        # and the dashboard reads only the rows of the one group it shows, through the index.
        DETAIL_UITSPLITSING = 4, _("uitsplitsing per gemeente en loket")
        GEMEENTE_UITSPLITSING = 5, _("uitsplitsing per gemeente")
        LOKET_UITSPLITSING = 6, _("uitsplitsing per loket")
        TOTAAL_UITSPLITSING = 7, _("uitsplitsing hele fonds")

        @property
        def uitsplitsing(self) -> "Telling.Niveau":
            """The level of the breakdown rows that matches this level."""
            return Telling.Niveau(self.value + 4)

    class Duur(models.IntegerChoices):
        """How many months a row covers: the refresh sums the month rows into quarter and
        year rows, so a dashboard for a year reads one row per cell (rapportage.perioden)."""

        MAAND = 1, _("maand")
        KWARTAAL = 3, _("kwartaal")
        JAAR = 12, _("jaar")

    niveau = models.PositiveSmallIntegerField(_("niveau"), choices=Niveau.choices)
    maand = models.DateField(_("maand"))  # first day of the month, quarter or year
    # a database default: the refresh writes month rows with INSERT ... SELECT
    maanden = models.PositiveSmallIntegerField(_("maanden"), choices=Duur.choices,
                                               db_default=Duur.MAAND)
    gemeente_id = models.IntegerField(_("gemeente"), null=True)
    loket = models.CharField(_("loket"), max_length=16, blank=True)
    dimensie = models.CharField(_("dimensie"), max_length=32)
    waarde = models.CharField(_("waarde"), max_length=210, blank=True)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)
    bedrag = models.DecimalField(_("bedrag"), max_digits=14, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("telling")
        verbose_name_plural = _("tellingen")
        indexes = [models.Index(fields=["niveau", "maanden", "maand", "dimensie"],
                                name="telling_niveau_periode")]

    def __str__(self):
        return f"{self.maand:%Y-%m} {self.dimensie}={self.waarde}: {self.aantal}"


class Budgetstand(models.Model):
    """Budget per begrotingsperiode: toezeggingen per bron, ledger totals per soort and month,
    and what each public bron carries (the earmarking charges) and what is not charged."""

    TOEGEZEGD = "toegezegd"
    BRON_GERESERVEERD = "bron_gereserveerd"
    BRON_GEREALISEERD = "bron_gerealiseerd"
    LOS_GERESERVEERD = "los_gereserveerd"  # bron_id empty: entries without a charge
    LOS_GEREALISEERD = "los_gerealiseerd"

    periode_id = models.IntegerField(_("begrotingsperiode"))
    bron_id = models.IntegerField(_("financieringsbron"), null=True)
    maand = models.DateField(_("maand"), null=True)
    soort = models.CharField(_("soort"), max_length=20)
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


class Verantwoordingsrapport(models.Model):
    """One funder report (rapportage.verantwoording) for a periode and a public bron, as
    issued: made once by the worker (rapportage.verantwoordingsrapport), then never changed;
    a new request makes a new report, so what a funder received can always be shown again.

    `totalen` holds the report's totals and reconciliation (Decimals as strings), so the
    page shows them without recomputing; the participant rows are only in the two files,
    whose SHA-256 lets anyone check a copy.
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("in de wachtrij")
        BEZIG = "bezig", _("wordt gemaakt")
        KLAAR = "klaar", _("klaar")
        MISLUKT = "mislukt", _("mislukt")

    LOPEND = (Status.WACHTEND, Status.BEZIG)

    periode = models.ForeignKey("tfvv.Begrotingsperiode", on_delete=models.PROTECT,
                                related_name="+", verbose_name=_("begrotingsperiode"))
    bron = models.ForeignKey("tfvv.Financieringsbron", on_delete=models.PROTECT,
                             related_name="+", verbose_name=_("financieringsbron"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.WACHTEND)
    aangevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                         on_delete=models.SET_NULL, related_name="+",
                                         verbose_name=_("aangevraagd door"))
    aangemaakt_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    # the moment the figures were read ("stand van"); klaar_op is when the files were stored
    stand_van = models.DateTimeField(_("stand van"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    totalen = models.JSONField(_("totalen en aansluiting"), default=dict, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="verantwoordingen/%Y/", blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 van de PDF"), max_length=64, blank=True)
    xlsx = models.FileField(_("Excel-bestand"), upload_to="verantwoordingen/%Y/", blank=True)
    xlsx_sha256 = models.CharField(_("SHA-256 van het Excel-bestand"), max_length=64,
                                   blank=True)
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    # after the retention period the two files (participant rows) are deleted; the totals,
    # the reconciliation and the SHA-256 stay (rapportage.bewaartermijnen)
    geanonimiseerd_op = models.DateTimeField(_("bestanden verwijderd op"), null=True,
                                             blank=True)

    class Meta:
        verbose_name = _("verantwoordingsrapport")
        verbose_name_plural = _("verantwoordingsrapporten")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["periode", "bron", "-aangemaakt_op"],
                                name="verantwoording_per_bron")]
        constraints = [
            # one report in the making per periode and bron: a second request gets that one
            models.UniqueConstraint(fields=["periode", "bron"],
                                    condition=models.Q(status__in=["wachtend", "bezig"]),
                                    name="verantwoording_een_lopend"),
        ]

    def __str__(self):
        return f"verantwoording {self.bron_id}/{self.periode_id} ({self.status})"

    @property
    def is_lopend(self) -> bool:
        return self.status in self.LOPEND


class Vervolgmeting(models.Model):
    """One moment of the follow-up questionnaire for one cheque (docs/uitkomsten.md).

    The three moments are planned together once the completion is recorded and the resident
    consented at the aanmelding; `rapportage.vervolgvragen` sends each exactly once. The
    answers are stored on the row they belong to; a row is answered at most once.
    """

    class Moment(models.TextChoices):
        EINDE = "einde", _("aan het eind van de opleiding")
        ZES_MAANDEN = "6_maanden", _("6 maanden later")
        TWAALF_MAANDEN = "12_maanden", _("12 maanden later")

    class Werksituatie(models.TextChoices):
        ZELFDE_WERK = "zelfde_werk", _("Ik werk bij dezelfde werkgever als voor de opleiding")
        ANDER_WERK = "ander_werk", _("Ik werk bij een andere werkgever")
        ZELFSTANDIG = "zelfstandig", _("Ik werk voor mijzelf (zzp of eigen bedrijf)")
        ZOEKEND = "zoekend", _("Ik heb geen werk en zoek werk")
        GEEN_WERK = "geen_werk", _("Ik heb geen werk en zoek nu ook geen werk")

    class Uren(models.TextChoices):
        TOT_12 = "tot_12", _("minder dan 12 uur per week")
        TOT_24 = "12_24", _("12 tot 24 uur per week")
        TOT_32 = "24_32", _("24 tot 32 uur per week")
        VANAF_32 = "32_plus", _("32 uur of meer per week")

    class Inkomen(models.TextChoices):
        MINDER = "minder", _("Ik verdien minder")
        GELIJK = "gelijk", _("Ik verdien ongeveer hetzelfde")
        IETS_MEER = "iets_meer", _("Ik verdien iets meer (tot 10 procent)")
        VEEL_MEER = "veel_meer", _("Ik verdien veel meer (meer dan 10 procent)")
        ZEG_NIET = "zeg_niet", _("Dat zeg ik liever niet")

    class Gebruik(models.TextChoices):
        VEEL = "veel", _("Veel")
        BEETJE = "beetje", _("Een beetje")
        NIET = "niet", _("Niet")

    class Aanbevelen(models.TextChoices):
        JA = "ja", _("Ja")
        NEE = "nee", _("Nee")
        WEET_NIET = "weet_niet", _("Weet ik niet")

    cheque = models.ForeignKey("cheques.Cheque", on_delete=models.CASCADE,
                               related_name="vervolgmetingen")
    moment = models.CharField(_("moment"), max_length=12, choices=Moment.choices)
    gepland_op = models.DateField(_("gepland op"), db_index=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    geldig_tot = models.DateField(_("link geldig tot en met"), null=True, blank=True)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    herinnerd_op = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)
    gestopt_op = models.DateTimeField(_("gestopt op verzoek op"), null=True, blank=True)
    ingevuld_op = models.DateTimeField(_("ingevuld op"), null=True, blank=True)
    # the answers
    werksituatie = models.CharField(_("werksituatie"), max_length=12,
                                    choices=Werksituatie.choices, blank=True)
    sector = models.ForeignKey("loopbaangesprekken.Sector", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("sector werkgever"))
    beroep = models.CharField(_("beroep"), max_length=150, blank=True)
    kansberoep = models.ForeignKey("loopbaangesprekken.Kansberoep", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("kansberoep"))
    uren = models.CharField(_("uren per week"), max_length=8, choices=Uren.choices, blank=True)
    inkomen = models.CharField(_("inkomen"), max_length=10, choices=Inkomen.choices, blank=True)
    gebruik = models.CharField(_("gebruik van wat geleerd is"), max_length=8,
                               choices=Gebruik.choices, blank=True)
    tevredenheid_loket = models.PositiveSmallIntegerField(_("tevredenheid loket"), null=True,
                                                          blank=True)
    tevredenheid_opleider = models.PositiveSmallIntegerField(_("tevredenheid opleider"),
                                                             null=True, blank=True)
    aanbevelen = models.CharField(_("zou het fonds aanraden"), max_length=10,
                                  choices=Aanbevelen.choices, blank=True)

    class Meta:
        verbose_name = _("vervolgmeting")
        verbose_name_plural = _("vervolgmetingen")
        constraints = [
            models.UniqueConstraint(fields=["cheque", "moment"], name="vervolgmeting_uniek"),
            models.CheckConstraint(
                condition=models.Q(tevredenheid_loket__isnull=True)
                | models.Q(tevredenheid_loket__range=(1, 5)), name="vervolgmeting_loket_1_5"),
            models.CheckConstraint(
                condition=models.Q(tevredenheid_opleider__isnull=True)
                | models.Q(tevredenheid_opleider__range=(1, 5)),
                name="vervolgmeting_opleider_1_5"),
        ]

    def __str__(self):
        return f"{self.cheque}: {self.get_moment_display()}"
