"""A recorded co-financing realisation is final (money evidence): on PostgreSQL the database
refuses UPDATE and DELETE, as for the ledger (tfvv 0005), also for the ORM's bulk paths."""

from django.db import migrations

PG_VOORUIT = """
CREATE TRIGGER cofinancieringsrealisatie_alleen_toevoegen
    BEFORE UPDATE OR DELETE ON cheques_cofinancieringsrealisatie
    FOR EACH ROW EXECUTE FUNCTION tfvv_alleen_toevoegen();
"""
PG_TERUG = """
DROP TRIGGER cofinancieringsrealisatie_alleen_toevoegen ON cheques_cofinancieringsrealisatie;
"""


def _alleen_postgresql(sql):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)
    return uitvoeren


class Migration(migrations.Migration):

    dependencies = [
        ("cheques", "0014_merge_20261205_0503"),
        ("tfvv", "0005_begroting"),
    ]

    operations = [
        migrations.RunPython(_alleen_postgresql(PG_VOORUIT), _alleen_postgresql(PG_TERUG)),
    ]
