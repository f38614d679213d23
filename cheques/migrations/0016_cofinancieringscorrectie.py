"""Corrections of a recorded co-financing realisation, valid once a second person approved
them; append-only like the realisation (cheques 0015): on PostgreSQL the database refuses
UPDATE and DELETE."""

import django.db.models.deletion
from django.db import migrations, models

PG_VOORUIT = """
CREATE TRIGGER cofinancieringscorrectie_alleen_toevoegen
    BEFORE UPDATE OR DELETE ON cheques_cofinancieringscorrectie
    FOR EACH ROW EXECUTE FUNCTION tfvv_alleen_toevoegen();
"""
PG_TERUG = """
DROP TRIGGER cofinancieringscorrectie_alleen_toevoegen ON cheques_cofinancieringscorrectie;
"""


def _alleen_postgresql(sql):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)
    return uitvoeren


class Migration(migrations.Migration):

    dependencies = [
        ('cheques', '0015_cofinancieringsrealisatie_alleen_toevoegen'),
        ('tfvv', '0013_oormerkregels_bestaande_perioden'),
    ]

    operations = [
        migrations.CreateModel(
            name='Cofinancieringscorrectie',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('bedrag', models.DecimalField(decimal_places=2, max_digits=9, verbose_name='gerealiseerd bedrag')),
                ('betaald_aan', models.CharField(choices=[('opleider', 'rechtstreeks aan de opleider'), ('fonds', 'aan het fonds'), ('niet', 'niet betaald')], max_length=8, verbose_name='betaald aan')),
                ('datum', models.DateField(verbose_name='datum betaling of vaststelling')),
                ('bewijs', models.FileField(blank=True, upload_to='cofinanciering_realisatie/%Y/', verbose_name='bewijs (PDF)')),
                ('toelichting', models.TextField(blank=True, verbose_name='toelichting')),
                ('realisatie', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='correcties', to='cheques.cofinancieringsrealisatie')),
                ('verzoek', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='cofinancieringscorrectie', to='tfvv.goedkeuringsverzoek')),
            ],
            options={
                'verbose_name': 'correctie realisatie cofinanciering',
                'verbose_name_plural': 'correcties realisatie cofinanciering',
                'abstract': False,
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('bedrag', 0), ('betaald_aan', 'niet')), models.Q(('bedrag__gt', 0), models.Q(('betaald_aan', 'niet'), _negated=True)), _connector='OR'), name='cofinancieringscorrectie_bedrag_past_bij_betaald_aan')],
            },
        ),
        migrations.RunPython(_alleen_postgresql(PG_VOORUIT), _alleen_postgresql(PG_TERUG)),
    ]
