"""The fund's money: budget lines, funding commitments, plafond decisions and the ledgers.

Invariant at every moment: gereserveerd + gerealiseerd <= the subsidieplafond in force
(the last approved Plafondbesluit of the period). Writes go through tfvv.budget
(services), which lock the period row; on PostgreSQL the database checks it again
(triggers and an exclusion constraint in migration 0005_begroting; see docs/budget.md).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tfvv.models.gebeurtenis import AlleenToevoegen


class Financieringsbron(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    publiek = models.BooleanField(
        _("publiek geld"), default=True,
        help_text=_("Nee voor cofinanciering door werkgevers, fondsen en deelnemers: "
                    "privaat geld verhoogt nooit het subsidieplafond."))

    class Meta:
        verbose_name = _("financieringsbron")
        verbose_name_plural = _("financieringsbronnen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Begrotingsperiode(models.Model):
    """A tijdvak (Awb 4:25): periods never overlap (exclusion constraint on PostgreSQL)."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))

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

    def clean(self):
        # SQLite has no exclusion constraint; PostgreSQL checks this again.
        if self.van and self.tot:
            if self.tot < self.van:
                raise ValidationError({"tot": _("De einddatum ligt voor de begindatum.")})
            overlap = Begrotingsperiode.objects.filter(van__lte=self.tot, tot__gte=self.van)
            if overlap.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"van": _("Deze periode overlapt met een bestaande periode.")})


class Begrotingspost(models.Model):
    """One line of the period's budget (business plan ch. 11), e.g. scholingscheques."""

    periode = models.ForeignKey(Begrotingsperiode, on_delete=models.PROTECT,
                                related_name="posten", verbose_name=_("periode"))
    naam = models.CharField(_("naam"), max_length=100)
    bedrag = models.DecimalField(_("begroot bedrag"), max_digits=12, decimal_places=2)
    cofinanciering = models.DecimalField(
        _("waarvan cofinanciering"), max_digits=12, decimal_places=2, default=0,
        help_text=_("Het deel van de post dat werkgevers en deelnemers zelf betalen."))
    voor_cheques = models.BooleanField(
        _("post voor scholingscheques"), default=False,
        help_text=_("Hierop boekt het grootboek de cheques; het subsidieplafond hoort bij "
                    "deze post."))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("begrotingspost")
        verbose_name_plural = _("begrotingsposten")
        ordering = ["periode", "volgorde", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gte=0), name="post_niet_negatief"),
            models.CheckConstraint(
                condition=models.Q(cofinanciering__gte=0)
                & models.Q(cofinanciering__lte=models.F("bedrag")),
                name="post_cofinanciering_binnen_bedrag"),
            models.UniqueConstraint(fields=["periode", "naam"], name="post_uniek"),
            models.UniqueConstraint(fields=["periode"], condition=models.Q(voor_cheques=True),
                                    name="een_chequespost_per_periode"),
        ]

    def __str__(self):
        return f"{self.periode} — {self.naam}"


class Toezegging(AlleenToevoegen):
    """A bron's written commitment for a period; never changed afterwards (a correction is
    a new commitment letter and a new record)."""

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


class Plafondbesluit(models.Model):
    """The subsidieplafond for the cheques of one tijdvak (Awb 4:25, 4:27).

    Proposed by one person, in force once a second person (beheerder or financieel)
    approves it with a fresh code. An approved decision is frozen: a change is a new
    decision that supersedes it (the last approved decision of a period is in force).
    """

    periode = models.ForeignKey(Begrotingsperiode, on_delete=models.PROTECT,
                                related_name="plafondbesluiten", verbose_name=_("periode"))
    bedrag = models.DecimalField(_("subsidieplafond"), max_digits=12, decimal_places=2)
    besluitdatum = models.DateField(_("datum collegebesluit"))
    gepubliceerd_op = models.DateField(
        _("bekendgemaakt op"),
        help_text=_("Datum van publicatie in het Gemeenteblad (artikel 4:27 Awb)."))
    kenmerk = models.CharField(_("kenmerk besluit"), max_length=100, blank=True)
    toelichting = models.TextField(_("toelichting"))
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("voorgesteld door"))
    voorgesteld_op = models.DateTimeField(_("voorgesteld op"), auto_now_add=True)
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("goedgekeurd door"))
    goedgekeurd_op = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    vervangt = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("vervangt"))

    class Meta:
        verbose_name = _("plafondbesluit")
        verbose_name_plural = _("plafondbesluiten")
        ordering = ["periode", "voorgesteld_op", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gte=0),
                                   name="plafond_niet_negatief"),
            # Four eyes: NULL <> x is unknown, so an open proposal passes.
            models.CheckConstraint(
                condition=~models.Q(goedgekeurd_door=models.F("voorgesteld_door")),
                name="plafond_vier_ogen"),
            models.UniqueConstraint(fields=["periode"],
                                    condition=models.Q(goedgekeurd_op__isnull=True),
                                    name="een_open_plafondvoorstel_per_periode"),
        ]

    def __str__(self):
        return f"{self.periode}: € {self.bedrag}"

    def save(self, *args, **kwargs):
        if self.pk is not None and Plafondbesluit.objects.filter(
                pk=self.pk, goedgekeurd_op__isnull=False).exists():
            raise PermissionError("Een goedgekeurd plafondbesluit ligt vast")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if Plafondbesluit.objects.filter(pk=self.pk, goedgekeurd_op__isnull=False).exists():
            raise PermissionError("Een goedgekeurd plafondbesluit ligt vast")
        return super().delete(*args, **kwargs)

    @property
    def goedgekeurd(self) -> bool:
        return self.goedgekeurd_op is not None


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
        # The claim falls with the decision it rested on (herroepen after a gegrond
        # bezwaar): the open claim is reversed by this entry, never deleted.
        VORDERING_VERVALLEN = "vordering_vervallen", _("terugvordering vervallen")

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


class Bestedingsboeking(AlleenToevoegen):
    """Spending on a budget line other than the cheques (those are in Budgetboeking)."""

    post = models.ForeignKey(Begrotingspost, on_delete=models.PROTECT,
                             related_name="bestedingen", verbose_name=_("begrotingspost"))
    bedrag = models.DecimalField(_("bedrag"), max_digits=12, decimal_places=2)
    datum = models.DateField(_("datum"))
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("bestedingsboeking")
        verbose_name_plural = _("bestedingsboekingen")
        ordering = ["datum", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gt=0),
                                   name="besteding_positief")
        ]
