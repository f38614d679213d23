"""Existing periods keep granting after earmarking arrives: every public bron with a
toezegging in a period gets an unrestricted rule (by bron, in the order they were created).
Unrestricted rules divide nothing, so they need no new publication of the plafond
(Awb 4:26); beheer narrows them on the budget page. Periods that have rules are left alone."""

from django.db import migrations


def regels_voor_bestaande_perioden(apps, schema_editor):
    Toezegging = apps.get_model("tfvv", "Toezegging")
    Oormerkregel = apps.get_model("tfvv", "Oormerkregel")
    met_regels = set(Oormerkregel.objects.values_list("periode_id", flat=True))
    paren = (Toezegging.objects.filter(bron__publiek=True).exclude(periode_id__in=met_regels)
             .values_list("periode_id", "bron_id").distinct().order_by("periode_id", "bron_id"))
    volgorde: dict[int, int] = {}
    for periode_id, bron_id in paren:
        volgorde[periode_id] = volgorde.get(periode_id, 0) + 1
        Oormerkregel.objects.create(periode_id=periode_id, bron_id=bron_id,
                                    volgorde=volgorde[periode_id])


class Migration(migrations.Migration):
    dependencies = [("tfvv", "0012_oormerk")]
    operations = [migrations.RunPython(regels_voor_bestaande_perioden, migrations.RunPython.noop)]
