from django.db import migrations

from tfvv.referentiedata import laad_alles

def laad(apps, schema_editor):
    laad_alles(apps.get_model("tfvv", "Gemeente"), apps.get_model("tfvv", "Postcodegebied"),
               apps.get_model("tfvv", "Regeling"))


class Migration(migrations.Migration):
    dependencies = [("tfvv", "0001_initial")]
    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
