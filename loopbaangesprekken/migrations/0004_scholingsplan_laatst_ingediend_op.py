"""Keep the first submission as the received date; the latest one gets its own field.

Until now `ingediend_op` was overwritten on every resubmission. Existing plans: the latest
submission moves to `laatst_ingediend_op`, and `ingediend_op` goes back to the plan's
first `indienen` event (where the event log has one).
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce

PLAN_TYPE = "loopbaangesprekken.scholingsplan"


def eerste_indiening_terug(apps, schema_editor):
    Scholingsplan = apps.get_model("loopbaangesprekken", "Scholingsplan")
    Gebeurtenis = apps.get_model("tfvv", "Gebeurtenis")
    ingediend = Scholingsplan.objects.filter(ingediend_op__isnull=False)
    ingediend.update(laatst_ingediend_op=models.F("ingediend_op"))
    eerste = (Gebeurtenis.objects
              .filter(objecttype=PLAN_TYPE, actie="indienen",
                      object_id=Cast(OuterRef("pk"), models.CharField()))
              .order_by("tijdstip", "id").values("tijdstip")[:1])
    ingediend.update(ingediend_op=Coalesce(Subquery(eerste), "ingediend_op"))


def laatste_indiening_terug(apps, schema_editor):
    Scholingsplan = apps.get_model("loopbaangesprekken", "Scholingsplan")
    Scholingsplan.objects.filter(laatst_ingediend_op__isnull=False).update(
        ingediend_op=models.F("laatst_ingediend_op"))


class Migration(migrations.Migration):

    dependencies = [
        ("loopbaangesprekken", "0003_merge_0002_gesprekken_0002_scholingsplan"),
        ("tfvv", "0004_gebruiker_email_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="scholingsplan",
            name="ingediend_op",
            field=models.DateTimeField(blank=True, db_index=True, null=True,
                                       verbose_name="ontvangen op (eerste indiening)"),
        ),
        migrations.AddField(
            model_name="scholingsplan",
            name="laatst_ingediend_op",
            field=models.DateTimeField(blank=True, null=True,
                                       verbose_name="laatst ingediend op"),
        ),
        migrations.RunPython(eerste_indiening_terug, laatste_indiening_terug),
    ]
