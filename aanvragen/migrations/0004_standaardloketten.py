"""Initial default loket per gemeente (aanvragen/standaardloketten.py)."""

from django.db import migrations

from aanvragen.standaardloketten import vul


def laad(apps, schema_editor):
    vul(apps.get_model("tfvv", "Gemeente"), apps.get_model("aanvragen", "StandaardLoket"))


class Migration(migrations.Migration):
    dependencies = [
        ("aanvragen", "0003_documenten_standaardloket"),
        ("tfvv", "0002_referentiedata"),
    ]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
