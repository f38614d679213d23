"""Creates the role groups with their model permissions (idempotent, after every migrate)."""

from django.contrib.auth.models import Group, Permission

from tfvv.roles import Rol

# (app_label, codename prefix or full codename) granted per role, for the admin.
# Users, regelingen, opleiders and kansberoepenlijsten are changed on the beheer pages
# (four-eyes, tfvv.vierogen), never through the admin; the user admin is for a technical
# superuser only (the beheerder never sees residents).
BEHEERDER_MODELLEN = {
    "tfvv": ["gemeente", "postcodegebied", "financieringsbron", "toezegging",
             "begrotingsperiode"],
    "loopbaangesprekken": ["sector"],
}
BEHEERDER_ALLEEN_LEZEN = {
    "tfvv": ["gebeurtenis", "inzage", "budgetboeking", "regeling"],
    "loopbaangesprekken": ["opleider", "erkenning", "kansberoepenlijst", "kansberoep"],
}


def _perms(modellen: dict[str, list[str]], acties: tuple[str, ...]):
    for app_label, namen in modellen.items():
        codenames = [f"{a}_{m}" for m in namen for a in acties]
        yield from Permission.objects.filter(content_type__app_label=app_label,
                                             codename__in=codenames)


def maak_rollen(**kwargs):
    for rol in Rol:
        Group.objects.get_or_create(name=rol.value)
    beheerder = Group.objects.get(name=Rol.BEHEERDER)
    # set, not add: a permission taken away here is taken away from existing installs too
    beheerder.permissions.set([
        *_perms(BEHEERDER_MODELLEN, ("add", "change", "view", "delete")),
        *_perms(BEHEERDER_ALLEEN_LEZEN, ("view",)),
    ])
