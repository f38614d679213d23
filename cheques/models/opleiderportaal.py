"""The opleider portal: the users of an opleider organisation and their login links."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loopbaangesprekken.models import Opleider


class Opleideraccount(models.Model):
    """Links a user with the role "opleider" to exactly one opleider organisation; every
    page of the portal shows only that organisation's cheques (cheques.selectors_opleider).

    A deactivated account is a user with `is_active` False: it cannot log in and its
    sessions end (Django's ModelBackend no longer returns the user)."""

    gebruiker = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                     related_name="opleideraccount")
    opleider = models.ForeignKey(Opleider, on_delete=models.PROTECT, related_name="accounts")
    uitgenodigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         related_name="+")
    # empty when the opleider's own beheerder invited the account (no four-eyes of the fund:
    # docs/opleiders.md, "Collega's")
    goedgekeurd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         related_name="+", null=True, blank=True)
    # manages the organisation's own accounts on the portal page "Collega's"
    is_beheerder = models.BooleanField(_("beheerder van de opleider"), default=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("account van een opleider")
        verbose_name_plural = _("accounts van opleiders")

    def __str__(self):
        return f"{self.gebruiker} ({self.opleider})"


class Opleiderlink(models.Model):
    """A personal, expiring, single-use e-mail link (the first factor of an opleider's
    login; the second is the TOTP code typed on the link's page). Only a hash is stored."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="opleiderlinks")
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verloopt_op = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("inloglink van een opleider")
        verbose_name_plural = _("inloglinks van opleiders")

    def __str__(self):
        return f"opleiderlink {self.pk} ({self.gebruiker_id})"
