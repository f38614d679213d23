from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag


class Gesprek(models.Model):
    """A loopbaangesprek (LLO-gesprek). Several per aanvraag; each held one counts.

    Its status changes only through loopbaangesprekken.workflow_gesprek.
    """

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("gepland")
        GEVOERD = "gevoerd", _("gevoerd")
        GEANNULEERD = "geannuleerd", _("geannuleerd")
        NIET_VERSCHENEN = "niet_verschenen", _("niet verschenen")

    class Vorm(models.TextChoices):
        OP_LOCATIE = "op_locatie", _("op locatie")
        TELEFONISCH = "telefonisch", _("telefonisch")
        VIDEO = "video", _("video")

    class Uitkomst(models.TextChoices):
        SCHOLINGSPLAN = "scholingsplan", _("scholingsplan opstellen")
        VERVOLGGESPREK = "vervolggesprek", _("vervolggesprek")
        DOORVERWIJZING = "doorverwijzing", _("doorverwijzing")
        GEEN_VERVOLG = "geen_vervolg", _("geen vervolg")

    class Onderwerp(models.TextChoices):
        LOOPBAANORIENTATIE = "loopbaanorientatie", _("loopbaanoriëntatie")
        SCHOLINGSADVIES = "scholingsadvies", _("scholingsadvies")
        FINANCIERING_WERKGEVER = "financiering_werkgever", _("financieringsadvies: werkgever")
        FINANCIERING_OO_FONDS = "financiering_oo_fonds", _("financieringsadvies: O&O-fonds")
        FINANCIERING_UWV = "financiering_uwv", _("financieringsadvies: UWV")
        FINANCIERING_EIGEN_BIJDRAGE = "financiering_eigen_bijdrage", _(
            "financieringsadvies: eigen bijdrage")
        TESTEN = "testen", _("testen")

    class Locatie(models.TextChoices):
        WERKPLEIN_ENSCHEDE = "Werkplein Enschede", _("Werkplein Enschede")
        WERKPLEIN_ALMELO = "Werkplein Almelo", _("Werkplein Almelo")
        WERKPLEIN_HENGELO = "Werkplein Hengelo", _("Werkplein Hengelo")
        LOOPBAANSTATION = "Loopbaanstation", _("Loopbaanstation")

    class Doorverwijzing(models.TextChoices):
        UWV = "uwv", _("UWV")
        OO_FONDS = "oo_fonds", _("O&O-fonds")
        WSP = "wsp", _("Werkgeversservicepunt Twente")
        RMT = "rmt", _("Regionaal Mobiliteitsteam")
        GEMEENTE = "gemeente", _("gemeente (re-integratie)")
        ANDERS = "anders", _("anders")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="gesprekken")
    consulent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="gesprekken", verbose_name=_("consulent"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.GEPLAND, db_index=True)
    gepland_op = models.DateTimeField(_("datum en tijd"))
    vorm = models.CharField(_("vorm"), max_length=16, choices=Vorm.choices)
    locatie = models.CharField(_("locatie"), max_length=100, blank=True)
    gevoerd_op = models.DateTimeField(_("gevoerd op"), null=True, blank=True, db_index=True)
    duur_minuten = models.PositiveSmallIntegerField(_("duur (minuten)"), null=True, blank=True)
    onderwerpen = models.JSONField(_("onderwerpen"), default=list, blank=True)
    verslag = models.TextField(_("verslag (alleen voor medewerkers)"), blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=16, choices=Uitkomst.choices,
                                blank=True)
    doorverwezen_naar = models.CharField(_("doorverwezen naar"), max_length=16,
                                         choices=Doorverwijzing.choices, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    agenda_volgnummer = models.PositiveIntegerField(
        _("volgnummer agenda-uitnodiging"), default=0,
        help_text=_("SEQUENCE van de .ics: hoger bij elke wijziging van de afspraak."),
    )

    class Meta:
        verbose_name = _("loopbaangesprek")
        verbose_name_plural = _("loopbaangesprekken")
        ordering = ["gepland_op", "id"]

    def __str__(self):
        return f"{self.aanvraag} {self.gepland_op:%Y-%m-%d %H:%M}"

    def onderwerpen_labels(self) -> list[str]:
        labels = dict(self.Onderwerp.choices)
        return [str(labels.get(o, o)) for o in self.onderwerpen]


class Verslagversie(models.Model):
    """An earlier text of a gesprek's verslag, kept when a consulent corrected it (the
    gesprek holds the current text). Staff-only like the verslag itself; blanked with the
    case by the retention job (loopbaangesprekken.bewaartermijnen)."""

    gesprek = models.ForeignKey(Gesprek, on_delete=models.CASCADE,
                                related_name="verslagversies")
    tekst = models.TextField(_("verslag"))
    vervangen_op = models.DateTimeField(_("vervangen op"), auto_now_add=True)
    vervangen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("vervangen door"))
    reden = models.TextField(_("reden van de correctie"))

    class Meta:
        verbose_name = _("eerdere versie van een verslag")
        verbose_name_plural = _("eerdere versies van verslagen")
        ordering = ["-vervangen_op", "-id"]

    def __str__(self):
        return f"{self.gesprek}: versie tot {self.vervangen_op:%Y-%m-%d %H:%M}"
