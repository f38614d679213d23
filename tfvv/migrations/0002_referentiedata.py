from decimal import Decimal

from django.db import migrations

from tfvv.referentiedata import laad_gemeenten, laad_postcodes

GRONDSLAG = (
    "Subsidieverordening Twents Fonds voor Vakmanschap (gemeente Enschede, CVDR631008); "
    "Algemene wet bestuursrecht, titel 4.2"
)


def laad(apps, schema_editor):
    Gemeente = apps.get_model("tfvv", "Gemeente")
    Postcodegebied = apps.get_model("tfvv", "Postcodegebied")
    Regeling = apps.get_model("tfvv", "Regeling")
    laad_gemeenten(Gemeente)
    laad_postcodes(Gemeente, Postcodegebied)
    Regeling.objects.update_or_create(
        code="pilot-2019-2022",
        defaults={
            "naam": "Pilot 2019–2022",
            "geldig_van": "2019-01-01", "geldig_tot": "2022-12-31",
            "minimumleeftijd": 18, "cofinanciering_aandeel": Decimal("0"),
            "maximum_per_jaar": Decimal("2500.00"), "niveauregel": "pilot",
            "grondslag": GRONDSLAG, "medeondertekening_vanaf": Decimal("2000.00"),
        },
    )
    Regeling.objects.update_or_create(
        code="2023-2026",
        defaults={
            "naam": "Twents Fonds 2023–2026",
            "geldig_van": "2023-01-01", "geldig_tot": "2026-12-31",
            "minimumleeftijd": 18, "cofinanciering_aandeel": Decimal("0.500"),
            "maximum_per_jaar": Decimal("2500.00"), "niveauregel": "2023",
            "grondslag": GRONDSLAG + "; Businessplan Twents Fonds voor Vakmanschap 2023–2026",
            "medeondertekening_vanaf": Decimal("2000.00"),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("tfvv", "0001_initial")]
    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
