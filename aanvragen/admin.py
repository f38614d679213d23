from django.contrib import admin

from aanvragen.models import StandaardLoket


@admin.register(StandaardLoket)
class StandaardLoketAdmin(admin.ModelAdmin):
    """Functional administrators decide which loket gets aanmeldingen without a preference."""

    list_display = ["gemeente", "loket"]
    list_editable = ["loket"]
