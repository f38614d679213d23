from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from tfvv.models import (
    Begrotingsperiode,
    Begrotingspost,
    Bestedingsboeking,
    Bronlast,
    Budgetboeking,
    Financieringsbron,
    Gebeurtenis,
    Gebruiker,
    Gemeente,
    Inzage,
    Oormerkregel,
    Plafondbesluit,
    Postcodegebied,
    Regeling,
    Toezegging,
)

# The admin needs a verified second factor like every staff page.
admin.site.__class__ = OTPAdminSite
admin.site.site_header = _("Twents Fonds voor Vakmanschap — beheer")


def _inloggen_via_medewerkerslogin(request, extra_context=None):
    return redirect_to_login(request.get_full_path(), reverse("tfvv:inloggen-medewerker"))


admin.site.login = _inloggen_via_medewerkerslogin


class AlleenSuperuserAdmin(admin.ModelAdmin):
    """For technical maintenance by a superuser only; staff use the beheer pages."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_add_permission = has_module_permission
    has_change_permission = has_view_permission
    has_delete_permission = has_view_permission


@admin.register(Gebruiker)
class GebruikerAdmin(AlleenSuperuserAdmin, UserAdmin):
    """Residents and staff: only a technical superuser (maak_technisch_beheerder)."""

    fieldsets = (*UserAdmin.fieldsets, (_("Organisatie"), {"fields": ("organisatie",)}))
    list_display = ("username", "first_name", "last_name", "email", "organisatie", "is_active")
    list_filter = ("organisatie", "groups", "is_active")


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ("naam", "code", "inwoners", "peildatum")
    search_fields = ("naam", "code")


@admin.register(Postcodegebied)
class PostcodegebiedAdmin(admin.ModelAdmin):
    list_display = ("pc4", "gemeente", "soort", "opmerking")
    list_filter = ("soort", "gemeente")
    search_fields = ("pc4",)


@admin.register(Regeling)
class RegelingAdmin(admin.ModelAdmin):
    """Viewing only: a new version goes through tfvv:regeling-nieuw (four-eyes)."""

    list_display = ("naam", "geldig_van", "geldig_tot", "cofinanciering_aandeel",
                    "maximum_per_jaar", "niveauregel")

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_in_gebruik():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


class AlleenLezenAdmin(admin.ModelAdmin):
    """Append-only logs: viewable, never changed or deleted through the app."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Gebeurtenis)
class GebeurtenisAdmin(AlleenLezenAdmin):
    list_display = ("tijdstip", "door", "objecttype", "object_id", "actie", "van_status",
                    "naar_status")
    list_select_related = ("actor",)

    @admin.display(description=_("door"))
    def door(self, obj):
        # the functioneel beheerder never sees who a resident is, only that it was one
        if "inwoner" in obj.actor_rol.split(","):
            return _("inwoner")
        return obj.actor or "–"

    def get_exclude(self, request, obj=None):
        return () if request.user.is_superuser else ("actor",)
    list_filter = ("objecttype", "actie")
    search_fields = ("object_id", "dossier_id")


@admin.register(Inzage)
class InzageAdmin(AlleenLezenAdmin):
    list_display = ("tijdstip", "gebruiker", "handeling", "onderdeel", "dossier_id")
    list_filter = ("handeling",)


# Money records change only through the services in tfvv.budget (reason, step-up, event,
# four eyes for the plafond): the admin shows them, even a superuser cannot edit them here.


@admin.register(Budgetboeking)
class BudgetboekingAdmin(AlleenLezenAdmin):
    list_display = ("tijdstip", "periode", "soort", "bedrag", "referentie")
    list_filter = ("periode", "soort")


@admin.register(Financieringsbron)
class FinancieringsbronAdmin(AlleenLezenAdmin):
    list_display = ("naam", "publiek")


@admin.register(Begrotingsperiode)
class BegrotingsperiodeAdmin(AlleenLezenAdmin):
    list_display = ("naam", "van", "tot")


@admin.register(Begrotingspost)
class BegrotingspostAdmin(AlleenLezenAdmin):
    list_display = ("periode", "naam", "bedrag", "cofinanciering", "voor_cheques")
    list_filter = ("periode",)


@admin.register(Toezegging)
class ToezeggingAdmin(AlleenLezenAdmin):
    list_display = ("bron", "periode", "bedrag", "datum", "kenmerk")
    list_filter = ("periode", "bron")


@admin.register(Plafondbesluit)
class PlafondbesluitAdmin(AlleenLezenAdmin):
    list_display = ("periode", "bedrag", "besluitdatum", "gepubliceerd_op", "voorgesteld_door",
                    "goedgekeurd_door", "goedgekeurd_op")
    list_filter = ("periode",)


@admin.register(Bestedingsboeking)
class BestedingsboekingAdmin(AlleenLezenAdmin):
    list_display = ("datum", "post", "bedrag", "omschrijving")
    list_filter = ("post__periode",)


@admin.register(Oormerkregel)
class OormerkregelAdmin(AlleenLezenAdmin):
    list_display = ("periode", "volgorde", "bron", "arbeidssituatie", "route", "maximum")
    list_filter = ("periode",)


@admin.register(Bronlast)
class BronlastAdmin(AlleenLezenAdmin):
    list_display = ("boeking", "bron", "soort", "bedrag", "referentie")
    list_filter = ("periode", "bron", "soort")
