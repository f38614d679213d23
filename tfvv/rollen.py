"""Creates the role groups with their model permissions (idempotent, after every migrate)."""

from django.contrib.auth.models import Group, Permission

from tfvv.roles import Rol

# (app_label, codename prefix or full codename) granted per role, for the admin.
BEHEERDER_MODELLEN = {
    "tfvv": ["gemeente", "postcodegebied", "regeling", "financieringsbron", "toezegging",
             "begrotingsperiode", "gebruiker"],
    "loopbaangesprekken": ["opleider", "erkenning", "sector", "kansberoepenlijst", "kansberoep"],
}
BEHEERDER_ALLEEN_LEZEN = {"tfvv": ["gebeurtenis", "inzage", "budgetboeking"]}


def _perms(modellen: dict[str, list[str]], acties: tuple[str, ...]):
    for app_label, namen in modellen.items():
        codenames = [f"{a}_{m}" for m in namen for a in acties]
        yield from Permission.objects.filter(content_type__app_label=app_label,
                                             codename__in=codenames)


def maak_rollen(**kwargs):
    for rol in Rol:
        Group.objects.get_or_create(name=rol.value)
    beheerder = Group.objects.get(name=Rol.BEHEERDER)
    beheerder.permissions.add(
        *_perms(BEHEERDER_MODELLEN, ("add", "change", "view", "delete")),
        *_perms(BEHEERDER_ALLEEN_LEZEN, ("view",)),
    )
