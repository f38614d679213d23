"""The roles of DESIGN.md §1. Each role is a Django group of the same name."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    INWONER = "inwoner", _("Inwoner")
    CONSULENT = "consulent", _("Consulent")
    BEOORDELAAR = "beoordelaar", _("Beoordelaar")
    FINANCIEEL = "financieel", _("Financieel medewerker")
    ADVIESGROEP = "adviesgroep", _("Adviesgroep")
    BEHEERDER = "beheerder", _("Functioneel beheerder")


class Organisatie(models.TextChoices):
    LEERWERKLOKET = "leerwerkloket", _("Leerwerkloket Twente")
    LOOPBAANSTATION = "loopbaanstation", _("Loopbaanstation")
    GEMEENTE_ENSCHEDE = "gemeente_enschede", _("Gemeente Enschede")
    PROJECTBUREAU = "projectbureau", _("Projectbureau Twents Fonds")
    ADVIESGROEP = "adviesgroep", _("Adviesgroep Twents Fonds")


LOKETTEN = (Organisatie.LEERWERKLOKET, Organisatie.LOOPBAANSTATION)

# Where each role lands after logging in (URL names).
STARTPAGINA = {
    Rol.INWONER: "aanvragen:mijn-aanvraag",
    Rol.CONSULENT: "loopbaangesprekken:werkvoorraad",
    Rol.BEOORDELAAR: "cheques:beoordelen",
    Rol.FINANCIEEL: "cheques:financien",
    Rol.ADVIESGROEP: "rapportage:dashboard",
    Rol.BEHEERDER: "tfvv:beheer",
}

# Staff roles log in with password + TOTP; residents with a personal link.
MEDEWERKERSROLLEN = tuple(r for r in Rol if r != Rol.INWONER)

# Manager permission: a consulent holding it sees the caseload of both loketten.
PERM_ALLE_LOKETTEN = "tfvv.alle_loketten"
