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
    # controllers and accountants of gemeente Enschede: read-only, the dossier export
    CONTROLEUR = "controleur", _("Controller / accountant")
    # a user of an opleider organisation (cheques.Opleideraccount): e-mail link + TOTP
    OPLEIDER = "opleider", _("Opleider")


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
    Rol.CONTROLEUR: "cheques:controle",
    Rol.OPLEIDER: "cheques:opleider-cheques",
}

# Staff roles log in with password + TOTP; residents with a personal link; opleiders with
# an e-mail link + TOTP (cheques.opleideridentiteit). Opleiders are no staff.
MEDEWERKERSROLLEN = tuple(r for r in Rol if r not in (Rol.INWONER, Rol.OPLEIDER))

# Manager permission: a consulent holding it sees the caseload of both loketten.
PERM_ALLE_LOKETTEN = "tfvv.alle_loketten"
