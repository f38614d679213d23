from django.db import models


class Invoer(models.Model):
    """One row per accepted baseline submission (or per rendered baseline PDF)."""

    waarde = models.CharField(max_length=254)
    ontvangen_op = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.waarde
