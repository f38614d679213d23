"""The main menu per role, as data (URL names); each app owns the pages it names."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tfvv.roles import Rol

MENU = {
    Rol.INWONER: [(_("Mijn aanvraag"), "aanvragen:mijn-aanvraag")],
    Rol.CONSULENT: [(_("Werkvoorraad"), "loopbaangesprekken:werkvoorraad"),
                    (_("Zoeken"), "cheques:zoeken"),
                    (_("Termijnen"), "tfvv:termijnen")],
    Rol.BEOORDELAAR: [
        (_("Beoordelen"), "cheques:beoordelen"),
        (_("Wijzigingen"), "cheques:wijzigingen"),
        (_("Bezwaren"), "cheques:bezwaren"),
        (_("Post"), "cheques:post"),
        (_("Werkvoorraad Enschede"), "rapportage:werkvoorraad"),
        (_("Zoeken"), "cheques:zoeken"),
        (_("Termijnen"), "tfvv:termijnen"),
    ],
    Rol.FINANCIEEL: [
        (_("Financiën"), "cheques:financien"),
        (_("Declaraties opleiders"), "cheques:financien-declaraties"),
        (_("Budget"), "cheques:budget"),
        (_("Goedkeuringen"), "tfvv:goedkeuringen"),
        (_("Zoeken"), "cheques:zoeken"),
        (_("Termijnen"), "tfvv:termijnen"),
    ],
    Rol.ADVIESGROEP: [
        (_("Dashboard"), "rapportage:dashboard"),
        (_("Voortgangsrapportages"), "rapportage:rapportages"),
    ],
    Rol.BEHEERDER: [
        (_("Beheer"), "tfvv:beheer"),
        (_("Goedkeuringen"), "tfvv:goedkeuringen"),
        (_("Budget"), "cheques:budget"),
        (_("Projectbureau"), "rapportage:werkvoorraad"),
        (_("Scorekaart opleiders"), "rapportage:scorekaart"),
        (_("Dashboard"), "rapportage:dashboard"),
        (_("Voortgangsrapportages"), "rapportage:rapportages"),
    ],
    Rol.CONTROLEUR: [(_("Controle"), "cheques:controle")],
    Rol.OPLEIDER: [(_("Mijn cheques"), "cheques:opleider-cheques"),
                   (_("Mijn declaraties"), "cheques:opleider-declaraties")],
}


def menu_voor(user) -> list[tuple[str, str]]:
    if not user.is_authenticated:
        return []
    if (user.is_medewerker or user.is_opleider) and not user.is_verified():
        return []
    items, gezien = [], set()
    for rol, regels in MENU.items():
        if user.heeft_rol(rol):
            for label, naam in regels:
                if naam not in gezien:
                    gezien.add(naam)
                    items.append((label, reverse(naam)))
    return items
