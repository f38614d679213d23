from django.contrib import admin

from rapportage.models import Verantwoordingsrapport, Verversing, Voortgangsrapportage


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
class VerantwoordingsrapportAdmin(admin.ModelAdmin):
    """Read only: a report is kept as issued (the foutmelding of a failed one is here)."""

    list_display = ("bron", "periode", "status", "aangevraagd_door", "aangemaakt_op",
                    "stand_van")
    list_filter = ("status",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
