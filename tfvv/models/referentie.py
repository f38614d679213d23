from decimal import Decimal

from django.core.exceptions import ValidationError
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
        # the same rules as `clean`, for every write path (admin, shell, commands)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(geldig_tot__gt=models.F("geldig_van")),
                name="regeling_periode_geldig",
                violation_error_message=_("De einddatum moet na de begindatum liggen."),
            ),
            models.CheckConstraint(
                condition=models.Q(cofinanciering_aandeel__gte=0, cofinanciering_aandeel__lt=1),
                name="regeling_aandeel_geldig",
                violation_error_message=_("Het aandeel cofinanciering ligt tussen 0 en 1."),
            ),
            models.CheckConstraint(
                condition=models.Q(maximum_per_jaar__gt=0), name="regeling_maximum_positief",
                violation_error_message=_("Het maximum moet meer dan € 0 zijn."),
            ),
            models.CheckConstraint(
                condition=models.Q(medeondertekening_vanaf__gte=0),
                name="regeling_drempel_niet_negatief",
                violation_error_message=_("De drempel voor een tweede beoordelaar is niet "
                                          "negatief."),
            ),
            models.CheckConstraint(
                condition=models.Q(minimumleeftijd__gte=16), name="regeling_leeftijd_16",
                violation_error_message=_("De minimumleeftijd is minstens 16 jaar."),
            ),
        ]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        # a new version is the way to change the rules (tfvv.regelingen)
        if self.is_in_gebruik():
            raise ValidationError(_("Deze versie van de regeling heeft al een aanvraag "
                                    "beoordeeld en kan niet meer worden gewijzigd."))
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        fouten = {}
        if self.geldig_van and self.geldig_tot and self.geldig_tot <= self.geldig_van:
            fouten["geldig_tot"] = _("De einddatum moet na de begindatum liggen.")
        # the fund pays 1 − the co-financing share: 0 < share of the fund <= 1
        if self.cofinanciering_aandeel is not None and not (
                Decimal("0") <= self.cofinanciering_aandeel < Decimal("1")):
            fouten["cofinanciering_aandeel"] = _(
                "Vul een aandeel van 0 tot 1 in (0,5 = 50 %); het fonds betaalt altijd iets.")
        if self.maximum_per_jaar is not None and self.maximum_per_jaar <= 0:
            fouten["maximum_per_jaar"] = _("Het maximum moet meer dan € 0 zijn.")
        if self.medeondertekening_vanaf is not None and self.medeondertekening_vanaf < 0:
            fouten["medeondertekening_vanaf"] = _("De drempel kan niet negatief zijn.")
        if self.minimumleeftijd is not None and self.minimumleeftijd < 16:
            fouten["minimumleeftijd"] = _("De minimumleeftijd is minstens 16 jaar.")
        if fouten:
            raise ValidationError(fouten)

    def is_in_gebruik(self) -> bool:
        """A case was judged or decided by this version (a record refers to it, e.g. a
        scholingsplan with its toets snapshot): it can no longer be changed."""
        if self.pk is None:
            return False
        return any(relatie.related_model._default_manager.filter(
            **{relatie.field.name: self}).exists() for relatie in self.verwijzingen())

    @classmethod
    def verwijzingen(cls):
        """The foreign keys to a version from other apps (also `related_name="+"`)."""
        return [f for f in cls._meta.get_fields(include_hidden=True)
                if (f.one_to_many or f.one_to_one) and f.auto_created and not f.concrete]


class Volgnummer(models.Model):
    """Gap-free counters (e.g. cheque numbers per year); take one with tfvv.volgnummers."""

    sleutel = models.CharField(max_length=32, unique=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("volgnummer")
        verbose_name_plural = _("volgnummers")

    def __str__(self):
        return f"{self.sleutel}: {self.laatste}"
