from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from tfvv.roles import MEDEWERKERSROLLEN, Organisatie, Rol


class Meldingsmail(models.TextChoices):
    """How a staff member wants to hear of new meldingen by e-mail (tfvv.meldingen)."""

    DIRECT = "direct", _("direct een e-mail per melding")
    DAGELIJKS = "dagelijks", _("één dagelijks overzicht")
    GEEN = "geen", _("geen e-mail, alleen in de applicatie")


class Gebruiker(AbstractUser):
    """A person who logs in: staff (password + TOTP) or a resident (login link).

    A resident's identity is only this account and its e-mail address; a DigiD
    backend would authenticate to the same account, so the case model never
    changes with the way of logging in.
    """

    organisatie = models.CharField(
        _("organisatie"), max_length=32, choices=Organisatie.choices, blank=True
    )

    meldingen_mail = models.CharField(_("e-mail bij meldingen"), max_length=16,
                                      choices=Meldingsmail.choices,
                                      default=Meldingsmail.DAGELIJKS)
    # the day the last daily overview went out: the job sends one per day (idempotent)
    overzicht_verstuurd_op = models.DateField(_("dagelijks overzicht verstuurd op"), null=True,
                                              blank=True)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        permissions = [("alle_loketten", _("Kan de werkvoorraad van beide loketten zien"))]
        # residents are found by e-mail address, case-insensitively (`email__iexact`)
        indexes = [models.Index(Upper("email"), name="gebruiker_email_upper_idx")]

    @cached_property
    def rollen(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    def heeft_rol(self, rol: str) -> bool:
        return self.is_active and rol in self.rollen

    @property
    def is_medewerker(self) -> bool:
        # a technical superuser (maak_technisch_beheerder) logs in like staff
        return self.is_superuser or any(r in self.rollen for r in MEDEWERKERSROLLEN)

    @property
    def is_opleider(self) -> bool:
        return Rol.OPLEIDER in self.rollen

    @property
    def is_inwoner(self) -> bool:
        return Rol.INWONER in self.rollen

    def __str__(self):
        return self.get_full_name() or self.username
