"""URLs of the scholingsplan pages (owned separately from the gesprekken pages)."""

urlpatterns: list = []
