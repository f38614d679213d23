"""Earmarking: which public financieringsbron pays for which part of each ledger entry.

An Oormerkregel (kept as data by beheer) says that a bron may pay for cheques in a period,
optionally only for one arbeidssituatie (target group) or route, up to a maximum, in an
order of preference. A Bronlast charges (part of) one Budgetboeking to one bron; the
charges of an entry always add up to the entry's amount (tfvv.oormerk). On PostgreSQL a
trigger (migration tfvv 0012_oormerk) checks that a bron never carries more than its
toezeggingen in the period.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tfvv.models.budget import Begrotingsperiode, Budgetboeking, Financieringsbron
from tfvv.models.gebeurtenis import AlleenToevoegen


class Oormerkregel(models.Model):
    # Plain codes: tfvv precedes aanvragen and loopbaangesprekken, which own the choices
    # (aanvragen.models.Arbeidssituatie, loopbaangesprekken Route); the forms offer them.
    periode = models.ForeignKey(Begrotingsperiode, on_delete=models.PROTECT,
                                related_name="oormerkregels", verbose_name=_("periode"))
    bron = models.ForeignKey(Financieringsbron, on_delete=models.PROTECT,
                             related_name="oormerkregels", verbose_name=_("bron"),
                             limit_choices_to={"publiek": True})
    volgorde = models.PositiveSmallIntegerField(
        _("voorkeur"), help_text=_("Lager nummer: deze bron wordt eerst belast."))
    arbeidssituatie = models.CharField(
        _("alleen voor arbeidssituatie"), max_length=20, blank=True,
        help_text=_("Leeg: voor iedereen. Bijvoorbeeld ww of bijstand."))
    route = models.CharField(_("alleen voor route"), max_length=16, blank=True,
                             help_text=_("Leeg: voor elke route."))
    maximum = models.DecimalField(
        _("maximum"), max_digits=12, decimal_places=2, null=True, blank=True,
        help_text=_("Leeg: tot de toezegging van de bron in de periode."))

    class Meta:
        verbose_name = _("oormerkregel")
        verbose_name_plural = _("oormerkregels")
        ordering = ["periode", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "bron"], name="oormerk_een_regel_per_bron"),
            models.CheckConstraint(condition=models.Q(maximum__gte=0) | models.Q(maximum=None),
                                   name="oormerk_maximum_niet_negatief"),
        ]

    def __str__(self):
        return f"{self.periode} — {self.volgorde}. {self.bron}"

    def past_bij(self, *, arbeidssituatie: str, route: str) -> bool:
        return ((not self.arbeidssituatie or self.arbeidssituatie == arbeidssituatie)
                and (not self.route or self.route == route))


class Bronlast(AlleenToevoegen):
    """The part of one ledger entry that one bron pays (append-only, like the ledger)."""

    boeking = models.ForeignKey(Budgetboeking, on_delete=models.PROTECT,
                                related_name="bronlasten")
    bron = models.ForeignKey(Financieringsbron, on_delete=models.PROTECT,
                             related_name="bronlasten")
    # Denormalised from the entry so the database trigger and the reports sum per
    # (periode, bron, soort) without a join.
    periode = models.ForeignKey(Begrotingsperiode, on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(max_length=20, choices=Budgetboeking.Soort.choices)
    referentie = models.CharField(max_length=64, db_index=True)
    bedrag = models.DecimalField(_("bedrag"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("bronlast")
        verbose_name_plural = _("bronlasten")
        ordering = ["boeking", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gt=0), name="bronlast_positief")
        ]
