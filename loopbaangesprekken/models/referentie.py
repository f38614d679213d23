"""Reference data kept by the functioneel beheerder: opleiders, werkgevers, sectors,
kansberoepen."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from schwifty import IBAN, registry
from schwifty import exceptions as schwifty_fouten

# The countries whose IBANs a Dutch opleider may use (NL and neighbours).
IBAN_LANDEN = ("NL", "BE", "DE", "LU", "FR")


def normaliseer_beroep(naam: str) -> str:
    """One space between words: occupations that differ only in spacing are the same."""
    return " ".join((naam or "").split())


def normaliseer_iban(waarde: str) -> str:
    return re.sub(r"\s+", "", waarde or "").upper()


def valideer_iban(waarde: str) -> None:
    """ISO 13616 via schwifty (structure per country, length, check digits, national
    checksum where the country has one); spaces and lower case allowed."""
    iban = normaliseer_iban(waarde)
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", iban):
        raise ValidationError(_("Vul een IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00."),
                              code="iban_vorm")
    if iban[:2] not in IBAN_LANDEN:
        raise ValidationError(_("Alleen IBANs uit Nederland, België, Duitsland, Luxemburg of "
                                "Frankrijk worden geaccepteerd."), code="iban_land")
    try:
        IBAN(iban, validate_bban=True)
    except schwifty_fouten.InvalidLength:
        lengte = registry.get_iban_spec(iban[:2]).iban_length
        raise ValidationError(_("Een IBAN uit %(land)s heeft %(lengte)s tekens."),
                              params={"land": iban[:2], "lengte": lengte},
                              code="iban_lengte") from None
    except schwifty_fouten.SchwiftyException:
        raise ValidationError(_("Dit IBAN klopt niet: controleer het op tikfouten."),
                              code="iban_controle") from None


class Sector(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    kansrijk = models.BooleanField(
        _("kansrijk"), default=False,
        help_text=_("Focussector van het fonds (techniek/energietransitie, ICT, zorg, ...)."),
    )

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Opleider(models.Model):
    naam = models.CharField(_("naam"), max_length=200)
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True,
        validators=[RegexValidator(r"^[0-9]{8}$", _("Een KvK-nummer heeft acht cijfers."))],
    )
    rio_code = models.CharField(_("RIO/BRIN-code"), max_length=12, blank=True)
    contactpersoon = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True, validators=[valideer_iban])
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("opleider")
        verbose_name_plural = _("opleiders")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def clean(self):
        super().clean()
        self.iban = normaliseer_iban(self.iban)


def normaliseer_kvk(waarde: str) -> str:
    """'4102 7452' and '41.02.74.52' are typed as often as '41027452'."""
    return re.sub(r"[\s.]", "", waarde or "")


def valideer_kvk(waarde: str) -> None:
    """A KvK-nummer is eight digits. It has no check digit (the Handelsregister dropped
    the 11-proof in 2016), and neither python-stdnum nor schwifty knows it: only the form
    can be checked here."""
    if not re.fullmatch(r"[0-9]{8}", normaliseer_kvk(waarde)):
        raise ValidationError(_("Een KvK-nummer heeft acht cijfers, bijvoorbeeld 41027452."),
                              code="kvk_vorm")


class Werkgever(models.Model):
    """An employer that co-finances training, with its IKBINDR-zakelijk partnership: a
    partner employer has a standing commitment to pay 50 % for its staff."""

    naam = models.CharField(_("naam"), max_length=200)
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, unique=True, validators=[valideer_kvk],
        error_messages={"unique": _("Er staat al een werkgever met dit KvK-nummer in het "
                                    "register.")})
    contactpersoon = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    email = models.EmailField(_("e-mailadres contactpersoon"))
    adres = models.CharField(_("adres (straat en huisnummer)"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    ikbindr_van = models.DateField(_("IKBINDR-zakelijk partner sinds"), null=True, blank=True)
    ikbindr_tot = models.DateField(_("IKBINDR-zakelijk partner tot en met"), null=True,
                                   blank=True)
    ikbindr_vaste_toezegging = models.BooleanField(
        _("vaste toezegging van 50 %"), default=False,
        help_text=_("De werkgever betaalt als IKBINDR-zakelijk partner standaard de helft van "
                    "de scholingskosten van zijn medewerkers."))
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def clean(self):
        super().clean()
        self.kvk_nummer = normaliseer_kvk(self.kvk_nummer)
        if self.ikbindr_tot and not self.ikbindr_van:
            raise ValidationError({"ikbindr_van": _("Vul in sinds wanneer de werkgever partner "
                                                    "is.")})
        if self.ikbindr_van and self.ikbindr_tot and self.ikbindr_tot < self.ikbindr_van:
            raise ValidationError({"ikbindr_tot": _("De einddatum ligt voor de begindatum.")})

    def ikbindr_partner_op(self, datum) -> bool:
        return bool(self.ikbindr_van and self.ikbindr_van <= datum
                    and (self.ikbindr_tot is None or datum <= self.ikbindr_tot))


class Erkenning(models.Model):
    """A recognition of an opleider (RIO/CREBO, CRKBO, NRTO keurmerk) with its validity."""

    class Soort(models.TextChoices):
        RIO = "rio", _("RIO/CREBO (bekostigd of erkend onderwijs)")
        CRKBO = "crkbo", _("CRKBO-registratie")
        NRTO = "nrto", _("NRTO-keurmerk")

    opleider = models.ForeignKey(Opleider, on_delete=models.CASCADE, related_name="erkenningen")
    soort = models.CharField(_("soort"), max_length=8, choices=Soort.choices)
    kenmerk = models.CharField(_("kenmerk"), max_length=50, blank=True)
    geldig_van = models.DateField(_("geldig van"))
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    gecontroleerd_op = models.DateField(_("gecontroleerd op"))

    class Meta:
        verbose_name = _("erkenning")
        verbose_name_plural = _("erkenningen")
        ordering = ["opleider", "soort", "geldig_van"]

    def __str__(self):
        return f"{self.opleider}: {self.get_soort_display()}"

    def clean(self):
        super().clean()
        if self.geldig_van and self.geldig_tot and self.geldig_tot < self.geldig_van:
            raise ValidationError({"geldig_tot": _("De einddatum ligt voor de begindatum.")})


class Kansberoepenlijst(models.Model):
    """A version of the UWV Kansberoepenlijst for arbeidsmarktregio Twente."""

    naam = models.CharField(_("naam"), max_length=100)
    gepubliceerd_op = models.DateField(_("gepubliceerd op"))
    geldig_van = models.DateField(_("geldig van"))
    geldig_tot = models.DateField(_("geldig tot en met"))

    class Meta:
        verbose_name = _("kansberoepenlijst")
        verbose_name_plural = _("kansberoepenlijsten")
        ordering = ["geldig_van"]

    def __str__(self):
        return self.naam

    def clean(self):
        super().clean()
        if self.geldig_van and self.geldig_tot and self.geldig_tot < self.geldig_van:
            raise ValidationError({"geldig_tot": _("De einddatum ligt voor de begindatum.")})


class Kansberoep(models.Model):
    lijst = models.ForeignKey(Kansberoepenlijst, on_delete=models.CASCADE,
                              related_name="beroepen")
    naam = models.CharField(_("beroep"), max_length=150)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="kansberoepen")

    class Meta:
        verbose_name = _("kansberoep")
        verbose_name_plural = _("kansberoepen")
        ordering = ["naam"]
        constraints = [
            # with the spacing normalised on save: no duplicates that differ only in case
            # or spaces
            models.UniqueConstraint("lijst", Lower("naam"), name="kansberoep_uniek_per_lijst",
                                    violation_error_message=_("Dit beroep staat al op de "
                                                              "lijst."))
        ]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        self.naam = normaliseer_beroep(self.naam)
        super().save(*args, **kwargs)
