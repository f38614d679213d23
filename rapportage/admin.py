from django.contrib import admin

from rapportage.models import Verantwoordingsrapport, Verversing, Voortgangsrapportage
from tfvv.admin import AlleenLezenAdmin


@admin.register(Verversing)
class VerversingAdmin(admin.ModelAdmin):
    list_display = ("gestart_op", "status", "aantal_rijen", "duur_seconden")
    readonly_fields = ("gestart_op", "klaar_op", "status", "aantal_rijen", "duur_seconden")


@admin.register(Voortgangsrapportage)
class VoortgangsrapportageAdmin(admin.ModelAdmin):
    list_display = ("van", "tot", "status", "automatisch", "aangemaakt_op", "klaar_op")
    list_filter = ("status", "automatisch")
    readonly_fields = ("van", "tot", "status", "automatisch", "aangevraagd_door",
                       "aangemaakt_op", "klaar_op", "bestand", "foutmelding")


@admin.register(Verantwoordingsrapport)
class VerantwoordingsrapportAdmin(AlleenLezenAdmin):
    """Read only: a report is kept as issued (the foutmelding of a failed one is here)."""

    list_display = ("bron", "periode", "status", "aangevraagd_door", "aangemaakt_op",
                    "stand_van")
    list_filter = ("status",)
