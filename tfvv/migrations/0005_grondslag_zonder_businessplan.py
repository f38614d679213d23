"""The 2023–2026 regeling cited the business plan as legal basis; it is the fund's policy
(toelichting), not a wettelijk voorschrift. Drop it from the stored grondslag."""

from django.db import migrations

BUSINESSPLAN = "; Businessplan Twents Fonds voor Vakmanschap 2023–2026"


def zonder_businessplan(apps, schema_editor):
    Regeling = apps.get_model("tfvv", "Regeling")
    for regeling in Regeling.objects.filter(grondslag__contains=BUSINESSPLAN):
        regeling.grondslag = regeling.grondslag.replace(BUSINESSPLAN, "")
        regeling.save(update_fields=["grondslag"])


class Migration(migrations.Migration):
    dependencies = [("tfvv", "0004_gebruiker_email_index")]
    operations = [migrations.RunPython(zonder_businessplan, migrations.RunPython.noop)]
