from django.contrib import admin

from rapportage.models import Verversing, Voortgangsrapportage


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
