"""Reference data of the scholingsplan kept by the functioneel beheerder, and a read-only
view of plans (plans change only through the consulent's pages and the services)."""

from django.contrib import admin

from loopbaangesprekken.models import (
    Cofinancieringsregel,
    Erkenning,
    Kansberoep,
    Kansberoepenlijst,
    Kostenregel,
    Opleider,
    Scholingsplan,
    Sector,
    Werkgever,
)


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("naam", "kansrijk")
    list_filter = ("kansrijk",)
    search_fields = ("naam",)


class ErkenningInline(admin.TabularInline):
    model = Erkenning
    extra = 0


@admin.register(Opleider)
class OpleiderAdmin(admin.ModelAdmin):
    list_display = ("naam", "kvk_nummer", "rio_code", "actief")
    list_filter = ("actief", "erkenningen__soort")
    search_fields = ("naam", "kvk_nummer", "rio_code")
    inlines = [ErkenningInline]


@admin.register(Werkgever)
class WerkgeverAdmin(admin.ModelAdmin):
    list_display = ("naam", "kvk_nummer", "email", "ikbindr_van", "ikbindr_tot", "actief")
    list_filter = ("actief", "ikbindr_vaste_toezegging")
    search_fields = ("naam", "kvk_nummer")


class KansberoepInline(admin.TabularInline):
    model = Kansberoep
    extra = 0
    autocomplete_fields = ("sector",)


@admin.register(Kansberoepenlijst)
class KansberoepenlijstAdmin(admin.ModelAdmin):
    list_display = ("naam", "gepubliceerd_op", "geldig_van", "geldig_tot")
    inlines = [KansberoepInline]


class AlleenLezenInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class KostenregelInline(AlleenLezenInline):
    model = Kostenregel


class CofinancieringsregelInline(AlleenLezenInline):
    model = Cofinancieringsregel


@admin.register(Scholingsplan)
class ScholingsplanAdmin(admin.ModelAdmin):
    list_display = ("aanvraag", "opleiding_naam", "status", "gevraagd_bedrag", "ingediend_op",
                    "laatst_ingediend_op")
    list_filter = ("status", "route", "opleiding_niveau")
    search_fields = ("aanvraag__referentie", "opleiding_naam")
    inlines = [KostenregelInline, CofinancieringsregelInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
