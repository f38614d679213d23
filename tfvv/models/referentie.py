from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Gemeente(models.Model):
    """One of the 14 Twente municipalities; population drives the risk share."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    naam = models.CharField(_("naam"), max_length=64, unique=True)
    inwoners = models.PositiveIntegerField(_("inwoners"))
    peildatum = models.DateField(_("peildatum inwonertal"))
    bron = models.TextField(_("bron"), blank=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Postcodegebied(models.Model):
    class Soort(models.TextChoices):
        WOON = "woon", _("woonadressen")
        GRENS = "grens", _("grensgebied: handmatig controleren")
        POSTBUS = "postbus", _("alleen postbussen")

    pc4 = models.CharField(
        _("postcode (4 cijfers)"), max_length=4, unique=True,
        validators=[RegexValidator(r"^[1-9][0-9]{3}$", _("Vier cijfers, niet beginnend met 0."))],
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="postcodes")
    soort = models.CharField(_("soort"), max_length=8, choices=Soort.choices, default=Soort.WOON)
    opmerking = models.TextField(_("opmerking"), blank=True)

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ["pc4"]

    def __str__(self):
        return f"{self.pc4} ({self.gemeente})"


class Regeling(models.Model):
    """A version of the rules; a case is judged by the version in force on its aanvraagdatum."""

    class Niveauregel(models.TextChoices):
        PILOT = "pilot", _("aanvrager en scholing tot en met mbo-4")
        VANAF_2023 = "2023", _("tot en met mbo-4: elk niveau; hbo/wo: scholing tot en met mbo-4")

    code = models.SlugField(_("code"), unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    geldig_van = models.DateField(_("geldig van"))
    geldig_tot = models.DateField(_("geldig tot en met"))
    minimumleeftijd = models.PositiveSmallIntegerField(_("minimumleeftijd"), default=18)
    cofinanciering_aandeel = models.DecimalField(
        _("verplicht aandeel cofinanciering"), max_digits=4, decimal_places=3,
        default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))],
        help_text=_("0,500 = 50 % van de totale kosten"),
    )
    maximum_per_jaar = models.DecimalField(
        _("maximum per persoon per kalenderjaar"), max_digits=9, decimal_places=2
    )
    niveauregel = models.CharField(_("regel opleidingsniveau"), max_length=8,
                                   choices=Niveauregel.choices)
    grondslag = models.TextField(_("juridische grondslag"))
    medeondertekening_vanaf = models.DecimalField(
        _("tweede beoordelaar nodig vanaf"), max_digits=9, decimal_places=2,
        default=Decimal("2000.00"),
    )

    class Meta:
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")
        ordering = ["geldig_van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(geldig_tot__gte=models.F("geldig_van")),
                name="regeling_periode_geldig",
            )
        ]

    def __str__(self):
        return self.naam


class Volgnummer(models.Model):
    """Gap-free counters (e.g. cheque numbers per year); take one with tfvv.volgnummers."""

    sleutel = models.CharField(max_length=32, unique=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("volgnummer")
        verbose_name_plural = _("volgnummers")

    def __str__(self):
        return f"{self.sleutel}: {self.laatste}"
