"""Read-only views for the functioneel beheerder: every change goes through the services."""

from django.contrib import admin

from cheques.models import Aanvulverzoek, Beschikking, Betaling, Cheque, Declaratie
from tfvv.admin import AlleenLezenAdmin


@admin.register(Beschikking)
class BeschikkingAdmin(AlleenLezenAdmin):
    list_display = ["plan", "uitkomst", "status", "bedrag", "verzonden_op", "bezwaartermijn_tot"]
    list_filter = ["uitkomst", "status"]


@admin.register(Cheque)
class ChequeAdmin(AlleenLezenAdmin):
    list_display = ["nummer", "status", "bedrag", "vastgesteld_bedrag", "opleider", "geldig_tot"]
    list_filter = ["status", "periode"]
    search_fields = ["nummer"]
    exclude = ["verificatiecode_hash", "verificatiezout"]


admin.site.register([Aanvulverzoek, Declaratie, Betaling], AlleenLezenAdmin)
