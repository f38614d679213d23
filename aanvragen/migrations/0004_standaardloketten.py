"""Initial default loket per gemeente (editable by the functional administrator).

The north-west of Twente (Almelo and surroundings) goes to Loopbaanstation, the
rest to Leerwerkloket Twente; see docs/aanmelding.md.
"""

from django.db import migrations

LOOPBAANSTATION = {"GM0141", "GM0163", "GM1742", "GM0183", "GM1700", "GM0189"}


def vul(apps, schema_editor):
    Gemeente = apps.get_model("tfvv", "Gemeente")
    StandaardLoket = apps.get_model("aanvragen", "StandaardLoket")
    for gemeente in Gemeente.objects.all():
        loket = "loopbaanstation" if gemeente.code in LOOPBAANSTATION else "leerwerkloket"
        StandaardLoket.objects.get_or_create(gemeente=gemeente, defaults={"loket": loket})


class Migration(migrations.Migration):
    dependencies = [
        ("aanvragen", "0003_documenten_standaardloket"),
        ("tfvv", "0002_referentiedata"),
    ]

    operations = [migrations.RunPython(vul, migrations.RunPython.noop)]
