"""What became of the co-financing promised in the plan, recorded by finance before the
vaststelling (docs/cofinanciering.md): one record per co-financing line, append-only, and
corrections of it that hold once a second person approved them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cheques.models.cheque import Cheque
from loopbaangesprekken.models import Cofinancieringsregel
from tfvv.models import Goedkeuringsverzoek
from tfvv.models.gebeurtenis import AlleenToevoegen


class Cofinancieringsbetaling(AlleenToevoegen):
    """How much a party paid, to whom, when, against which evidence."""

    class BetaaldAan(models.TextChoices):
        OPLEIDER = "opleider", _("rechtstreeks aan de opleider")
        FONDS = "fonds", _("aan het fonds")
        NIET = "niet", _("niet betaald")

    bedrag = models.DecimalField(_("gerealiseerd bedrag"), max_digits=9, decimal_places=2)
    betaald_aan = models.CharField(_("betaald aan"), max_length=8, choices=BetaaldAan.choices)
    datum = models.DateField(_("datum betaling of vaststelling"))
    bewijs = models.FileField(_("bewijs (PDF)"), upload_to="cofinanciering_realisatie/%Y/",
                              blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        abstract = True
        constraints = [
            # nothing paid <=> € 0,00; a payment always went to someone
            models.CheckConstraint(
                condition=models.Q(bedrag=0, betaald_aan="niet")
                | (models.Q(bedrag__gt=0) & ~models.Q(betaald_aan="niet")),
                name="%(class)s_bedrag_past_bij_betaald_aan"),
        ]


class Cofinancieringsrealisatie(Cofinancieringsbetaling):
    regel = models.OneToOneField(Cofinancieringsregel, on_delete=models.PROTECT,
                                 related_name="realisatie")
    cheque = models.ForeignKey(Cheque, on_delete=models.PROTECT,
                               related_name="cofinancieringsrealisaties")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta(Cofinancieringsbetaling.Meta):
        verbose_name = _("realisatie cofinanciering")
        verbose_name_plural = _("realisaties cofinanciering")

    def __str__(self):
        return f"{self.cheque}: {self.regel} -> {self.bedrag}"


class Cofinancieringscorrectie(Cofinancieringsbetaling):
    """A correction of a recorded realisation. It holds only when its four-eyes request
    (`verzoek`, tfvv.vierogen) was approved; the latest approved one replaces the realisation
    and earlier corrections. A refused one stays, with its request, as history. Who asked,
    when and why is the request's (`aangevraagd_door`, `aangevraagd_op`, `toelichting`)."""

    realisatie = models.ForeignKey(Cofinancieringsrealisatie, on_delete=models.PROTECT,
                                   related_name="correcties")
    verzoek = models.OneToOneField(Goedkeuringsverzoek, on_delete=models.PROTECT,
                                   related_name="cofinancieringscorrectie")

    class Meta(Cofinancieringsbetaling.Meta):
        verbose_name = _("correctie realisatie cofinanciering")
        verbose_name_plural = _("correcties realisatie cofinanciering")

    def __str__(self):
        return f"{self.realisatie.cheque}: {self.realisatie.regel} -> {self.bedrag} (correctie)"
